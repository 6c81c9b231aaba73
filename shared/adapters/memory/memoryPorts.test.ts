import { memoryPorts } from './index';
import { tablePortsContract } from '../tablePortsContract';

tablePortsContract('in memory', async (clock) => memoryPorts(clock));

import { currentClock } from '../../shared/commons/clock';
import { cycleRepository } from '../../shared/commons/repositories';
import { openPeriod } from '../../shared/features/periods/periods';
import { periodInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const handler = taskHandler('OpenPeriod', periodInput, ({ period }) => openPeriod(period, { cycles: cycleRepository(), clock: currentClock() }));

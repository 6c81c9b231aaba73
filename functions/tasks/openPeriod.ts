import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { openPeriod } from '../../shared/features/periods/periods';
import { periodInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'clock'>) => taskHandler('OpenPeriod', periodInput, ({ period }) => openPeriod(period, deps));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), clock: clock() }));

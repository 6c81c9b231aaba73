import { currentClock } from '../../shared/commons/clock';
import { boardRepository, cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { closePeriod } from '../../shared/features/periods/periods';
import { periodInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const handler = taskHandler('ClosePeriod', periodInput, ({ period }) =>
  closePeriod(period, { cycles: cycleRepository(), boards: boardRepository(), documents: documentRepository(), clock: currentClock() }),
);

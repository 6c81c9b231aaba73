import { currentClock } from '../../shared/commons/clock';
import { cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { runChecks } from '../../shared/features/review/reviewSteps';
import { runChecksInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

export const handler = taskHandler('RunChecks', runChecksInput, ({ document }) =>
  runChecks(document, { cycles: cycleRepository(), documents: documentRepository(), clock: currentClock() }).then(counted('DocumentsSubmitted')),
);

import { cycleRepository, documentRepository } from '../../shared/commons/repositories';
import { runChecks } from '../../shared/features/review/reviewSteps';
import { runChecksInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const handler = taskHandler('RunChecks', runChecksInput, ({ document }) =>
  runChecks(document, { cycles: cycleRepository(), documents: documentRepository() }),
);

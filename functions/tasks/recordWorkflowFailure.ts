import { currentClock } from '../../shared/commons/clock';
import { documentRepository } from '../../shared/commons/repositories';
import { recordWorkflowFailure } from '../../shared/features/review/reviewSteps';
import { recordFailureInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const handler = taskHandler('RecordWorkflowFailure', recordFailureInput, (input) =>
  recordWorkflowFailure(input, { documents: documentRepository(), clock: currentClock() }),
);

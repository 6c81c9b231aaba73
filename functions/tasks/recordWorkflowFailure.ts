import { onColdStart } from '../../shared/composition/coldStart';
import { clock, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { recordWorkflowFailure } from '../../shared/features/review/reviewSteps';
import { recordFailureInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const makeHandler = (deps: Pick<Deps, 'documents' | 'clock'>) =>
  taskHandler('RecordWorkflowFailure', recordFailureInput, (input) => recordWorkflowFailure(input, deps));

export const handler = onColdStart(() => makeHandler({ documents: documents(), clock: clock() }));

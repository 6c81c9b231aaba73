import { onColdStart } from '../../shared/composition/coldStart';
import { documents, tokens, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { registerCallback } from '../../shared/features/review/reviewSteps';
import { registerCallbackInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const makeHandler = (deps: Pick<Deps, 'documents' | 'tokens' | 'workflow'>) =>
  taskHandler('RegisterCallback', registerCallbackInput, (input) => registerCallback(input, deps));

export const handler = onColdStart(() => makeHandler({ documents: documents(), tokens: tokens(), workflow: workflow() }));

import { documentRepository, tablePorts } from '../../shared/commons/repositories';
import { currentWorkflow } from '../../shared/commons/workflow';
import { registerCallback } from '../../shared/features/review/reviewSteps';
import { registerCallbackInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const handler = taskHandler('RegisterCallback', registerCallbackInput, (input) =>
  registerCallback(input, { documents: documentRepository(), tokens: tablePorts().tokens, workflow: currentWorkflow() }),
);

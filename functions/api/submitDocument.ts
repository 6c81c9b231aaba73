import { submitDocumentRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { currentWorkflow } from '../../shared/commons/workflow';
import { submitDocument } from '../../shared/features/documents/submitDocument';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(submitDocumentRoute, async ({ params, headers, actor }) => {
  const answer = await submitDocument(
    { ...params, idempotencyKey: headers['idempotency-key'] },
    { ...documentDeps(actor), workflow: currentWorkflow() },
  );
  return { status: answer.status, body: answer.body };
});

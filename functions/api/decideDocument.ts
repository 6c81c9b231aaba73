import { decideDocumentRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { currentWorkflow } from '../../shared/commons/workflow';
import { decideDocument } from '../../shared/features/documents/decideDocument';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(decideDocumentRoute, async ({ params, headers, body, actor }) => {
  const answer = await decideDocument(
    { ...params, body, idempotencyKey: headers['idempotency-key'] },
    { ...documentDeps(actor), workflow: currentWorkflow() },
  );
  return { status: answer.status, body: answer.body };
});

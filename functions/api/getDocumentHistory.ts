import { documentHistoryRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { documentHistory } from '../../shared/features/documents/readDocument';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(documentHistoryRoute, async ({ params, actor }) => {
  return { status: 200, body: { events: await documentHistory(params, documentDeps(actor)) } };
});

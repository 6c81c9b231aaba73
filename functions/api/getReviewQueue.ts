import { reviewQueueRoute } from '../../shared/api/routes';
import { documentRepository } from '../../shared/commons/repositories';
import { reviewQueue } from '../../shared/features/documents/reviewQueue';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(reviewQueueRoute, async ({ actor }) => {
  return { status: 200, body: await reviewQueue({ actor, documents: documentRepository() }) };
});

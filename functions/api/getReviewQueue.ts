import { reviewQueueRoute } from '../../shared/api/routes';
import { boardRepository, tablePorts } from '../../shared/commons/repositories';
import { reviewQueue } from '../../shared/features/documents/reviewQueue';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(reviewQueueRoute, async ({ query, actor }) => {
  return { status: 200, body: await reviewQueue({ year: query.year }, { actor, queue: tablePorts().queue, boards: boardRepository() }) };
});

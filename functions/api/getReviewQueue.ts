import { reviewQueueRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, queue } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { reviewQueue } from '../../shared/features/documents/reviewQueue';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'queue'>) =>
  httpHandler(reviewQueueRoute, async ({ query, actor }) => ({ status: 200, body: await reviewQueue({ year: query.year, level: query.level, limit: query.limit, after: query.after }, { ...deps, actor }) }));

export const handler = onColdStart(() => makeHandler({ boards: boards(), queue: queue() }));

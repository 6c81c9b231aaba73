import { userHistoryRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { people } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { userHistory } from '../../shared/features/users/people';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'people'>) =>
  httpHandler(userHistoryRoute, async ({ params }) => ({ status: 200, body: await userHistory({ userId: params.userId }, deps) }));

export const handler = onColdStart(() => makeHandler({ people: people() }));

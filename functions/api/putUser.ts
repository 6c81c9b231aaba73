import { putUserRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, people } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { putUser } from '../../shared/features/users/people';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'people' | 'boards' | 'clock'>) =>
  httpHandler(putUserRoute, async ({ params, body, actor }) => {
    const { user, created } = await putUser({ userId: params.userId, body }, { ...deps, actor });
    return { status: created ? 201 : 200, body: user, ...(created ? { headers: { location: `/api/users/${user.userId}` } } : {}) };
  });

export const handler = onColdStart(() => makeHandler({ people: people(), boards: boards(), clock: clock() }));

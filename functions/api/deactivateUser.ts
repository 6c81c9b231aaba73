import { deactivateUserRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, people } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { deactivateUser } from '../../shared/features/users/people';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'people' | 'clock'>) =>
  httpHandler(deactivateUserRoute, async ({ params, actor }) => {
    await deactivateUser({ userId: params.userId }, { ...deps, actor });
    return { status: 204 };
  });

export const handler = onColdStart(() => makeHandler({ people: people(), clock: clock() }));

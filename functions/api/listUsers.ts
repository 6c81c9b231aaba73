import { listUsersRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { people } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { listUsers } from '../../shared/features/users/people';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'people'>) =>
  httpHandler(listUsersRoute, async () => ({ status: 200, body: { users: await listUsers(deps) } }));

export const handler = onColdStart(() => makeHandler({ people: people() }));

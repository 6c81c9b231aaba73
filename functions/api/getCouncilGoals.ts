import { getCouncilGoalsRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { getCouncilGoals } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(getCouncilGoalsRoute, async ({ params }) => ({ status: 200, body: await getCouncilGoals(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

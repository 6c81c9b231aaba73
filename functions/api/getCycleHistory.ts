import { getCycleHistoryRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { cycleHistory } from '../../shared/features/cycles/cycleHistory';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(getCycleHistoryRoute, async ({ params }) => ({ status: 200, body: await cycleHistory(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

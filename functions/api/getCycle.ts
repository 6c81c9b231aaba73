import { getCycleRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { readCycle } from '../../shared/features/cycles/readCycle';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(getCycleRoute, async ({ params }) => ({ status: 200, body: await readCycle(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

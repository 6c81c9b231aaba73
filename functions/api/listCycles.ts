import { listCyclesRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { listCycles } from '../../shared/features/cycles/cycles';
import { cycleView } from '../../shared/features/cycles/cycleView';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(listCyclesRoute, async () => ({ status: 200, body: { cycles: (await listCycles(deps)).map((cycle) => cycleView(cycle)) } }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

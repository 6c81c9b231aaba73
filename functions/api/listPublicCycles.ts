import { publicCyclesRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { listCycles } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

/** The years and their state, nothing more: what a visitor needs to find the meters' latest year. */
export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(publicCyclesRoute, async () => ({
    status: 200,
    body: { cycles: (await listCycles(deps)).map(({ year, state }) => ({ year, state })) },
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

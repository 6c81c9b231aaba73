import { getEconomyOverviewRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { economyOverview } from '../../shared/features/economy/economyOverview';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(getEconomyOverviewRoute, async ({ params }) => ({ status: 200, body: await economyOverview(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

import { publicIndicatorRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { publicIndicatorSeries } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(publicIndicatorRoute, async ({ params }) => ({
    status: 200,
    body: await publicIndicatorSeries(params.id, deps),
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

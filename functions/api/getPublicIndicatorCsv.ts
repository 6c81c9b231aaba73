import { publicIndicatorCsvRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { indicatorSeriesCsv } from '../../shared/domain/exports';
import { publicIndicatorSeries } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(publicIndicatorCsvRoute, async ({ params }) => ({
    status: 200,
    text: indicatorSeriesCsv(await publicIndicatorSeries(params.id, deps)),
    headers: { 'content-disposition': `attachment; filename="arshjul-meter-${params.id}.csv"` },
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

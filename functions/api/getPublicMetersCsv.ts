import { publicMetersCsvRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { metersCsv } from '../../shared/domain/exports';
import { publicMeters } from '../../shared/features/followUp/publicMeters';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(publicMetersCsvRoute, async ({ params }) => ({
    status: 200,
    text: metersCsv(await publicMeters(params.year, deps)),
    headers: { 'content-disposition': `attachment; filename="arshjul-meters-${params.year}.csv"` },
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

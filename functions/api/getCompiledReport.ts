import { compiledReportRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { composedCompiledReport } from '../../shared/features/reports/reportFiles';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(compiledReportRoute, async ({ params, query }) => ({ status: 200, body: await composedCompiledReport(params.year, params.kind, query.lang ?? 'sv', deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

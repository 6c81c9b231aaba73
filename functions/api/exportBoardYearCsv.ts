import { exportBoardYearCsvRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { exportBoardYearCsv } from '../../shared/features/followUp/exportBoardYear';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(exportBoardYearCsvRoute, async ({ params }) => ({
    status: 200,
    text: await exportBoardYearCsv(params.year, params.boardId, deps),
    headers: { 'content-disposition': `attachment; filename="arshjul-${params.year}-${params.boardId}.csv"` },
  }), { ancestors: ancestorsVia(deps.boards) });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

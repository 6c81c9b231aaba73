import { exportBoardYearRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { exportBoardYearJson } from '../../shared/features/followUp/exportBoardYear';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(exportBoardYearRoute, async ({ params }) => ({
    status: 200,
    body: await exportBoardYearJson(params.year, params.boardId, deps),
    headers: { 'content-disposition': `attachment; filename="arshjul-${params.year}-${params.boardId}.json"` },
  }), { ancestors: ancestorsVia(deps.boards) });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

import { exportBoardYearCsvRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { exportBoardYearCsv } from '../../shared/features/followUp/exportBoardYear';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(exportBoardYearCsvRoute, async ({ params, actor }) => {
  const text = await exportBoardYearCsv(params.year, params.boardId, documentDeps(actor));
  return {
    status: 200,
    text,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="arshjul-${params.year}-${params.boardId}.csv"` },
  };
});

import { exportBoardYearRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { exportBoardYearJson } from '../../shared/features/followUp/exportBoardYear';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(exportBoardYearRoute, async ({ params, actor }) => {
  const body = await exportBoardYearJson(params.year, params.boardId, documentDeps(actor));
  return { status: 200, body, headers: { 'content-disposition': `attachment; filename="arshjul-${params.year}-${params.boardId}.json"` } };
});

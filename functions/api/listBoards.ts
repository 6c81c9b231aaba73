import { listBoardsRoute } from '../../shared/api/routes';
import { boardRepository } from '../../shared/commons/repositories';
import { listBoards } from '../../shared/features/boards/listBoards';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listBoardsRoute, async () => {
  return { status: 200, body: { boards: await listBoards({ boards: boardRepository() }) } };
});

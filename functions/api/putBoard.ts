import { putBoardRoute } from '../../shared/api/routes';
import { currentClock } from '../../shared/commons/clock';
import { boardRepository } from '../../shared/commons/repositories';
import { putBoard } from '../../shared/features/boards/putBoard';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(putBoardRoute, async ({ params, body, actor }) => {
  const { board, created } = await putBoard(
    { boardId: params.boardId, body },
    { actor, boards: boardRepository(), clock: currentClock() },
  );
  return { status: created ? 201 : 200, body: board, headers: { etag: `"${board.version}"` } };
});

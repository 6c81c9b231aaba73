import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';
import type { Board } from '../../schemas/boards';

/** A board as the API answers it: `parentId` is always there, null at the top. */
export function boardView(board: StoredBoard): Board {
  return { ...board, parentId: board.parentId ?? null };
}

/** Every board, sorted by id. */
export async function listBoards(deps: { boards: BoardRepository }): Promise<Board[]> {
  const boards = await deps.boards.list();
  return boards.sort((a, b) => a.boardId.localeCompare(b.boardId)).map(boardView);
}

import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';

/** Every board, sorted by id. */
export async function listBoards(deps: { boards: BoardRepository }): Promise<StoredBoard[]> {
  const boards = await deps.boards.list();
  return boards.sort((a, b) => a.boardId.localeCompare(b.boardId));
}

import type { Actor } from '../../domain/actor';
import { authorize } from '../../domain/authorization';
import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';

/** Every board, sorted by id; any signed-in role may read the list. */
export async function listBoards(deps: { actor: Actor; boards: BoardRepository }): Promise<StoredBoard[]> {
  authorize(deps.actor, 'boards.list');
  const boards = await deps.boards.list();
  return boards.sort((a, b) => a.boardId.localeCompare(b.boardId));
}

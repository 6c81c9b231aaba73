import { MAX_LEVELS } from '../../domain/levels';
import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';

/**
 * The boards above `boardId`, nearest first, read one board at a time up the chain: at most MAX_LEVELS small reads,
 * and none beyond the board itself for a board at the top. An unknown board has no ancestors.
 */
export function ancestorsVia(boards: Pick<BoardRepository, 'get'>) {
  return async (boardId: string): Promise<string[]> => {
    const chain: string[] = [];
    let parent = (await boards.get(boardId))?.parentId ?? null;
    while (parent && chain.length < MAX_LEVELS && !chain.includes(parent) && parent !== boardId) {
      chain.push(parent);
      parent = (await boards.get(parent))?.parentId ?? null;
    }
    return chain;
  };
}

/**
 * The board and the boards above it, whole, nearest first: the same reads as ancestorsVia, for callers that also need
 * the parent's name or the depth. A parent the store no longer has ends the chain.
 */
export function ancestorBoardsVia(boards: Pick<BoardRepository, 'get'>) {
  /** `known`: the board itself, when the caller has read it already. */
  return async (boardId: string, known?: StoredBoard): Promise<{ board?: StoredBoard; ancestors: StoredBoard[] }> => {
    const board = known ?? (await boards.get(boardId));
    const ancestors: StoredBoard[] = [];
    let parent = board?.parentId ?? null;
    while (parent && ancestors.length < MAX_LEVELS && parent !== boardId && !ancestors.some((above) => above.boardId === parent)) {
      const above = await boards.get(parent);
      if (!above) break;
      ancestors.push(above);
      parent = above.parentId ?? null;
    }
    return { board, ancestors };
  };
}

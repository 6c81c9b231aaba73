import { MAX_LEVELS } from '../../domain/levels';
import type { BoardRepository } from '../../ports/boardRepository';

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

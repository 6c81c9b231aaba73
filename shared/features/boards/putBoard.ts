import type { Actor } from '../../domain/actor';
import { PreconditionFailed } from '../../domain/errors';
import { BoardChanged, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { BoardBody } from '../../schemas/boards';

/**
 * Creates or updates a board. Concurrent writers never overwrite each other: the save is conditional
 * on the version read, and a lost race answers 412.
 */
export async function putBoard(
  input: { boardId: string; body: BoardBody },
  deps: { actor: Actor; boards: BoardRepository; clock: Clock },
): Promise<{ board: StoredBoard; created: boolean }> {
  const existing = await deps.boards.get(input.boardId);
  const board: StoredBoard = {
    boardId: input.boardId,
    ...input.body,
    version: (existing?.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: deps.actor.sub,
  };
  try {
    await deps.boards.save(board, existing?.version ?? 0);
  } catch (error) {
    if (error instanceof BoardChanged) {
      throw new PreconditionFailed(`Board ${input.boardId} was changed by someone else meanwhile. Read it again and repeat your change.`);
    }
    throw error;
  }
  return { board, created: !existing };
}

import type { Actor } from '../../domain/actor';
import { PreconditionFailed } from '../../domain/errors';
import { BoardChanged, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { SentMessages } from '../../ports/sentMessages';
import type { BoardBody } from '../../schemas/boards';

/**
 * Creates or updates a board. Concurrent writers never overwrite each other: the save is conditional
 * on the version read, and a lost race answers 412. A new board is noted for the daily reminder job first (it owes
 * every document from now on, and the job looks at it in full on its next run); a failed save leaves a harmless note.
 */
export async function putBoard(
  input: { boardId: string; body: BoardBody },
  deps: { actor: Actor; boards: BoardRepository; clock: Clock; sent: SentMessages },
): Promise<{ board: StoredBoard; created: boolean }> {
  const existing = await deps.boards.get(input.boardId);
  const board: StoredBoard = {
    boardId: input.boardId,
    ...input.body,
    version: (existing?.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: deps.actor.sub,
  };
  if (!existing) await deps.sent.boardAdded(input.boardId, board.updatedAt);
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

import { signedBy, type Actor } from '../../domain/actor';
import { boardChangeOf } from '../../domain/boards';
import { PreconditionFailed, ValidationFailed } from '../../domain/errors';
import { childrenIndex, descendantsOf, directoryOf, parentProblems } from '../../domain/levels';
import { BoardChanged, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { SentMessages } from '../../ports/sentMessages';
import type { BoardBody } from '../../schemas/boards';

/**
 * Creates or updates a board. Its parent must exist, be active, and not be the board or one of its own units (422,
 * nothing saved); moving a board keeps its documents and history, which are keyed by the board alone. Concurrent writers never overwrite each other: the save is conditional
 * on the version read, and a lost race answers 412. A new board is noted for the daily reminder job first (it owes
 * every document from now on, and the job looks at it in full on its next run), and so is a board moved to another
 * parent (with its units, whose levels move with it) or taken out of the archive; a failed save leaves a harmless note. Each save appends the board's audit event
 * (created, changed, archived, restored) in the same transaction.
 */
export async function putBoard(
  input: { boardId: string; body: BoardBody; ifMatch?: number },
  deps: { actor: Actor; boards: BoardRepository; clock: Clock; sent: SentMessages },
): Promise<{ board: StoredBoard; created: boolean }> {
  const [existing, directory] = await Promise.all([
    deps.boards.get(input.boardId),
    input.body.parentId ? deps.boards.directory() : Promise.resolve([]),
  ]);
  // If-Match is optional here (scripts create boards blindly); the web app sends the version it edited, and 0 to create.
  if (input.ifMatch !== undefined && input.ifMatch !== (existing?.version ?? 0)) {
    throw new PreconditionFailed(
      existing
        ? `Board ${input.boardId} is at version ${existing.version}, not ${input.ifMatch}: someone changed it meanwhile. Read it again and repeat your change.`
        : `There is no board ${input.boardId} at version ${input.ifMatch}: it was deleted meanwhile. Send If-Match "0" to create it anew.`,
    );
  }
  const problems = parentProblems(input.boardId, input.body.parentId, directoryOf(directory));
  if (problems.length > 0) {
    throw new ValidationFailed(`The board cannot sit below ${input.body.parentId}: ${problems[0].message}.`, problems);
  }
  const { parentId, ...body } = input.body;
  const board: StoredBoard = {
    boardId: input.boardId,
    ...body,
    ...(parentId ? { parentId } : {}),
    version: (existing?.version ?? 0) + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: deps.actor.sub,
  };
  // A board that moves to another parent has new reminder dates (its level), and so have its own units; one that
  // comes back from the archive has steps no run looked at. Each is noted like a new one, so the reminder job's next
  // run looks at it in full.
  const moved = existing !== undefined && (existing.parentId ?? null) !== (board.parentId ?? null);
  const restored = existing?.archived === true && !board.archived;
  if (!existing || moved || restored) await deps.sent.boardAdded(input.boardId, board.updatedAt);
  if (moved) {
    const entries = input.body.parentId ? directory : await deps.boards.directory();
    const units = descendantsOf(input.boardId, childrenIndex(directoryOf(entries)));
    await Promise.all(units.map((unitId) => deps.sent.boardAdded(unitId, board.updatedAt)));
  }
  try {
    const event = { at: board.updatedAt, ...signedBy(deps.actor), action: boardChangeOf(existing, board), version: board.version };
    await deps.boards.save(board, existing?.version ?? 0, event);
  } catch (error) {
    if (error instanceof BoardChanged) {
      throw new PreconditionFailed(`Board ${input.boardId} was changed by someone else meanwhile. Read it again and repeat your change.`);
    }
    throw error;
  }
  return { board, created: !existing };
}

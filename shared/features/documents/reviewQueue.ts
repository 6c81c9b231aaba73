import type { Actor } from '../../domain/actor';
import { isAllowed } from '../../domain/authorization';
import type { BoardRepository } from '../../ports/boardRepository';
import type { ReviewQueue } from '../../ports/reviewQueue';
import type { ReviewQueue as ReviewQueueView } from '../../schemas/documents';

/** What waits for review, oldest first; a board-scoped reviewer sees only their boards. */
export async function reviewQueue(
  filter: { year?: number },
  deps: { actor: Actor; queue: ReviewQueue; boards: BoardRepository },
): Promise<ReviewQueueView> {
  const [waiting, boards] = await Promise.all([deps.queue.waiting(), deps.boards.directory()]);
  const names = new Map(boards.map((board) => [board.boardId, board.name]));
  return {
    documents: waiting
      .filter((doc) => filter.year === undefined || doc.year === filter.year)
      // The queue is one list across boards: each entry is shown only to who may read that board's documents.
      .filter((doc) => isAllowed(deps.actor, 'documents.read', { boardId: doc.boardId }))
      .map((doc) => ({
        year: doc.year,
        boardId: doc.boardId,
        boardName: names.get(doc.boardId) ?? doc.boardId,
        kind: doc.kind,
        submittedAt: doc.submittedAt,
        submissions: doc.submissions,
        findings: doc.findings,
      })),
  };
}

import type { Actor } from '../../domain/actor';
import { authorize, isAllowed } from '../../domain/authorization';
import type { BoardRepository } from '../../ports/boardRepository';
import type { DocumentRepository } from '../../ports/documentRepository';
import type { ReviewQueue } from '../../schemas/documents';

/** What waits for review, oldest first; a board-scoped reviewer sees only their boards. */
export async function reviewQueue(
  filter: { year?: number },
  deps: { actor: Actor; documents: DocumentRepository; boards: BoardRepository },
): Promise<ReviewQueue> {
  authorize(deps.actor, 'queue.read');
  const [waiting, boards] = await Promise.all([deps.documents.reviewQueue(), deps.boards.list()]);
  const names = new Map(boards.map((board) => [board.boardId, board.name]));
  return {
    documents: waiting
      .filter((doc) => filter.year === undefined || doc.year === filter.year)
      .filter((doc) => isAllowed(deps.actor, 'documents.read', { boardId: doc.boardId }))
      .map((doc) => ({
        year: doc.year,
        boardId: doc.boardId,
        boardName: names.get(doc.boardId) ?? doc.boardId,
        kind: doc.kind,
        submittedAt: doc.submittedAt!,
        submissions: doc.submissions,
        findings: doc.findings.length,
      })),
  };
}

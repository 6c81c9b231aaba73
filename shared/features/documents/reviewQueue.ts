import type { Actor } from '../../domain/actor';
import { authorize, isAllowed } from '../../domain/authorization';
import type { DocumentRepository } from '../../ports/documentRepository';
import type { ReviewQueue } from '../../schemas/documents';

/** What waits for review, oldest first; a board-scoped reviewer sees only their boards. */
export async function reviewQueue(deps: { actor: Actor; documents: DocumentRepository }): Promise<ReviewQueue> {
  authorize(deps.actor, 'queue.read');
  const waiting = await deps.documents.reviewQueue();
  return {
    documents: waiting
      .filter((doc) => isAllowed(deps.actor, 'documents.read', { boardId: doc.boardId }))
      .map((doc) => ({
        year: doc.year,
        boardId: doc.boardId,
        kind: doc.kind,
        submittedAt: doc.submittedAt!,
        submissions: doc.submissions,
        findings: doc.findings.length,
      })),
  };
}

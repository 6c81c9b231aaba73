import type { Actor } from '../../domain/actor';
import { isAllowed, rolesFor } from '../../domain/authorization';
import { ancestorsOf, directoryOf } from '../../domain/levels';
import type { BoardRepository } from '../../ports/boardRepository';
import type { ReviewQueue } from '../../ports/reviewQueue';
import type { ReviewQueue as ReviewQueueView } from '../../schemas/documents';

/** Which levels the queue lists: the boards directly below the council, or every level (their units too). */
export type QueueLevel = 'top' | 'units';

/**
 * What waits for review, oldest first. Each entry is shown only to who may decide on it: the city's reviewers (a
 * scoped one: their boards and the units below them) and, for a unit's document, the editors of the boards above it
 * (their office's queue). Roles that decide on nothing (admin, executive) see what they may read. Callers not scoped
 * to boards do not have to touch units: they get the top level unless they ask for `units`; scoped callers get
 * every level they reach. The board directory (one cheap read, already read for the names) gives the levels.
 */
export async function reviewQueue(
  filter: { year?: number; level?: QueueLevel },
  deps: { actor: Actor; queue: ReviewQueue; boards: BoardRepository },
): Promise<ReviewQueueView> {
  const [waiting, boards] = await Promise.all([deps.queue.waiting(), deps.boards.directory()]);
  const directory = directoryOf(boards);
  const byId = new Map(boards.map((board) => [board.boardId, board]));
  const level = filter.level ?? (deps.actor.boards.length > 0 ? 'units' : 'top');
  const decides = rolesFor('documents.decide').includes(deps.actor.role);
  return {
    documents: waiting
      .filter((doc) => filter.year === undefined || doc.year === filter.year)
      .map((doc) => ({ doc, ancestors: ancestorsOf(doc.boardId, directory) }))
      .filter(({ ancestors }) => level === 'units' || ancestors.length === 0)
      .filter(({ doc, ancestors }) => isAllowed(deps.actor, decides ? 'documents.decide' : 'documents.read', { boardId: doc.boardId, ancestors }))
      .map(({ doc, ancestors }) => {
        const board = byId.get(doc.boardId);
        return {
          year: doc.year,
          boardId: doc.boardId,
          boardName: board?.name ?? doc.boardId,
          ...(board ? { boardKind: board.kind } : {}),
          parentId: ancestors[0] ?? null,
          kind: doc.kind,
          submittedAt: doc.submittedAt,
          submissions: doc.submissions,
          findings: doc.findings,
        };
      }),
  };
}

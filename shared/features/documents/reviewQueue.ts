import type { Actor } from '../../domain/actor';
import { isAllowed, rolesFor } from '../../domain/authorization';
import { ancestorsOf, directoryOf } from '../../domain/levels';
import type { BoardRepository } from '../../ports/boardRepository';
import { BadRequest } from '../../domain/errors';
import { queuePosition, type QueueEntry, type ReviewQueue } from '../../ports/reviewQueue';
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
export const QUEUE_PAGE = { default: 100, max: 500 } as const;

/** The cursor a page answers as `next`: the position of its last entry, opaque to clients. */
const encodeCursor = (entry: QueueEntry) => Buffer.from(queuePosition(entry), 'utf8').toString('base64url');
function decodeCursor(cursor: string): string {
  const position = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[^#]+#\d{4}#[a-z0-9-]+#(plan|t1|t2|annual)$/.test(position)) {
    throw new BadRequest('`after` is not a cursor this queue gave. Use the `next` of the previous page, or leave `after` out for the first page.');
  }
  return position;
}

export async function reviewQueue(
  filter: { year?: number; level?: QueueLevel; limit?: number; after?: string },
  deps: { actor: Actor; queue: ReviewQueue; boards: BoardRepository },
): Promise<ReviewQueueView> {
  const limit = Math.min(filter.limit ?? QUEUE_PAGE.default, QUEUE_PAGE.max);
  let after = filter.after !== undefined ? decodeCursor(filter.after) : undefined;
  const boards = await deps.boards.directory();
  const directory = directoryOf(boards);
  const byId = new Map(boards.map((board) => [board.boardId, board]));
  const level = filter.level ?? (deps.actor.boards.length > 0 ? 'units' : 'top');
  const decides = rolesFor('documents.decide').includes(deps.actor.role);
  const visible = (doc: QueueEntry) => {
    const ancestors = ancestorsOf(doc.boardId, directory);
    return (
      (filter.year === undefined || doc.year === filter.year) &&
      (level === 'units' || ancestors.length === 0) &&
      isAllowed(deps.actor, decides ? 'documents.decide' : 'documents.read', { boardId: doc.boardId, ancestors })
    );
  };
  // Reads the queue a page at a time until this caller's page is full: an office sees its units' entries among
  // every board's, so a page of the index may hold fewer of them than asked for.
  const page: QueueEntry[] = [];
  let more = false;
  for (;;) {
    const batch = await deps.queue.waiting({ after, limit });
    for (const entry of batch) {
      if (!visible(entry)) continue;
      if (page.length === limit) {
        more = true;
        break;
      }
      page.push(entry);
    }
    if (more || batch.length < limit) break;
    after = queuePosition(batch[batch.length - 1]);
  }
  return {
    ...(more ? { next: encodeCursor(page[page.length - 1]) } : {}),
    documents: page
      .map((doc) => ({ doc, ancestors: ancestorsOf(doc.boardId, directory) }))
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

/**
 * Organisation levels: boards below boards (units below a board, subsidiaries below a company). Pure rules over
 * the board directory, a map from board id to its parent; nothing here reads a table.
 */
import type { FieldError } from './errors';

/** Levels below the council: board → unit → sub-unit → … At least four, as Stockholm's companies need. */
export const MAX_LEVELS = 5;

/** What the level rules need of a board. */
export interface LevelEntry {
  boardId: string;
  parentId?: string | null;
  archived?: boolean;
}

export type Directory = ReadonlyMap<string, LevelEntry>;

export function directoryOf(entries: Iterable<LevelEntry>): Directory {
  return new Map([...entries].map((entry) => [entry.boardId, entry]));
}

/**
 * The boards above `boardId`, nearest first, ending at a top-level board. Stops at a board the directory does not
 * know and at a loop (which `parentProblems` keeps out of the store), so it always ends.
 */
export function ancestorsOf(boardId: string, directory: Directory): string[] {
  const chain: string[] = [];
  const seen = new Set([boardId]);
  let parent = directory.get(boardId)?.parentId ?? null;
  while (parent && !seen.has(parent)) {
    chain.push(parent);
    seen.add(parent);
    parent = directory.get(parent)?.parentId ?? null;
  }
  return chain;
}

/** 0 for a board directly below the council, 1 for its units, and so on. */
export function depthOf(boardId: string, directory: Directory): number {
  return ancestorsOf(boardId, directory).length;
}

/** The boards directly below each board. */
export function childrenIndex(directory: Directory): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const entry of directory.values()) {
    if (!entry.parentId) continue;
    const list = children.get(entry.parentId) ?? [];
    list.push(entry.boardId);
    children.set(entry.parentId, list);
  }
  for (const list of children.values()) list.sort();
  return children;
}

/** Every board below `boardId`, at every level, parents before their units. */
export function descendantsOf(boardId: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const out: string[] = [];
  const queue = [...(children.get(boardId) ?? [])];
  const seen = new Set([boardId]);
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return out;
}

/** How many levels the subtree under `boardId` spans, itself included (1 for a board without units). */
function subtreeHeight(boardId: string, children: ReadonlyMap<string, readonly string[]>, seen = new Set<string>()): number {
  if (seen.has(boardId)) return 0;
  seen.add(boardId);
  let below = 0;
  for (const child of children.get(boardId) ?? []) below = Math.max(below, subtreeHeight(child, children, seen));
  return 1 + below;
}

/**
 * What is wrong with placing `boardId` below `parentId` (null: at the top): an unknown or archived parent, the board
 * itself or one of its own units (a loop), or a tree deeper than MAX_LEVELS once the board's own units come along.
 */
export function parentProblems(boardId: string, parentId: string | null | undefined, directory: Directory): FieldError[] {
  if (!parentId) return [];
  const parent = directory.get(parentId);
  if (!parent) return [{ path: 'parentId', message: `there is no board ${parentId}; see GET /api/boards for the board ids` }];
  if (parentId === boardId) return [{ path: 'parentId', message: `${boardId} cannot sit below itself; name another board` }];
  const above = ancestorsOf(parentId, directory);
  if (above.includes(boardId)) {
    return [{ path: 'parentId', message: `${parentId} is below ${boardId} (${[parentId, ...above.slice(0, above.indexOf(boardId))].join(' → ')} → ${boardId}), so this would make a loop; name a board that is not one of its own units` }];
  }
  if (parent.archived) return [{ path: 'parentId', message: `${parentId} is archived and takes no new units; name an active board` }];
  const levels = above.length + 1 + subtreeHeight(boardId, childrenIndex(directory));
  if (levels > MAX_LEVELS) {
    return [{ path: 'parentId', message: `below ${parentId} this board and its units would reach ${levels} levels below the council; at most ${MAX_LEVELS} are allowed` }];
  }
  return [];
}

/**
 * Whether a board takes part in a year: every active board does; an archived one only while it has a document in the
 * year (archived before the year had anything of it, it is left out of the year's lists and counts).
 */
export function inYear(entry: Pick<LevelEntry, 'boardId' | 'archived'>, withDocuments: ReadonlySet<string>): boolean {
  return !entry.archived || withDocuments.has(entry.boardId);
}

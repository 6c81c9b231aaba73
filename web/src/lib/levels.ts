/**
 * Organisation levels as the app sees them: the board directory (GET /api/boards, each with its `parentId`), read
 * once per session, and the chain of boards above a unit, for breadcrumbs, names and the policy.
 */
import { ancestorsOf, directoryOf } from '../../../shared/domain/levels';
import { api } from './api';
import { currentToken } from './auth';
import { documentKinds, type Board, type StatusMatrix } from './types';

export interface Directory {
  boards: Board[];
  byId: Map<string, Board>;
  /** The boards above a board, nearest first (empty at the top). */
  ancestors(boardId: string): string[];
  name(boardId: string): string;
}

export function directoryFrom(boards: Board[]): Directory {
  const byId = new Map(boards.map((b) => [b.boardId, b]));
  const levels = directoryOf(boards.map((b) => ({ boardId: b.boardId, parentId: b.parentId ?? null })));
  return { boards, byId, ancestors: (boardId) => ancestorsOf(boardId, levels), name: (boardId) => byId.get(boardId)?.name ?? boardId };
}

let cached: { token: string | undefined; directory: Promise<Directory> } | undefined;
/** The board directory, read once per signed-in person (boards change seldom; a reload reads it again). */
export function loadDirectory(): Promise<Directory> {
  const token = currentToken();
  if (!cached || cached.token !== token) {
    const directory = api<{ boards: Board[] }>('GET', '/boards').then((a) => directoryFrom(a.data.boards));
    directory.catch(() => (cached = undefined));
    cached = { token, directory };
  }
  return cached.directory;
}

/** Forgets the directory read, after the organisation changed (lib/levels' next reader asks the server again). */
export function forgetDirectory(): void {
  cached = undefined;
}

/**
 * The completion bar's count over rows of the status matrix: each row's own documents and every unit's below it
 * (each cell's `units`), approved and late, at every level.
 */
export function completion(rows: StatusMatrix['boards']): { done: number; total: number; late: number } {
  const cells = rows.flatMap((b) => documentKinds.map((k) => b.documents[k]));
  let done = 0;
  let total = 0;
  let late = 0;
  for (const cell of cells) {
    done += (cell.status === 'approved' ? 1 : 0) + (cell.units?.approved ?? 0);
    total += 1 + (cell.units?.total ?? 0);
    late += (cell.late ? 1 : 0) + (cell.units?.late ?? 0);
  }
  return { done, total, late };
}

import { daysBetween, dueDateFor, isLate, localDate } from '../../domain/calendar';
import { NotFound } from '../../domain/errors';
import { childrenIndex, depthOf, descendantsOf, directoryOf, inYear } from '../../domain/levels';
import type { BoardEntry, BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import { documentKinds, type DocumentKind, type DocumentStatus } from '../../schemas/common';
import type { DocumentStatusCell, StatusMatrix } from '../../schemas/documents';
import type { LateList } from '../../schemas/cycles';
import { requireCycle } from './cycles';

/** Boards × documents of a year: status, due date and whether it is late today (in the cycle's time zone). */
interface MatrixDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  clock: Clock;
}

type Cell = Omit<DocumentStatusCell, 'units'>;

/**
 * The year at every level, from three reads whatever the year holds: the cycle, the board directory and the year's
 * summary. Each board's cells carry its own due date and lateness at its depth (units report earlier and plan later).
 * An archived board without any document in the year is left out (archived before the year had anything of it).
 */
async function yearAtEveryLevel(year: number, deps: MatrixDeps) {
  const [cycle, entries, statuses] = await Promise.all([requireCycle(year, deps.cycles), deps.boards.directory(), deps.documents.statuses(year)]);
  const statusOf = new Map(statuses.map((entry) => [`${entry.boardId}#${entry.kind}`, entry.status]));
  const withDocuments = new Set(statuses.map((entry) => entry.boardId));
  const directory = directoryOf(entries);
  const boards = entries.filter((entry) => inYear(entry, withDocuments)).sort((a, b) => a.boardId.localeCompare(b.boardId));
  const children = childrenIndex(directoryOf(boards));
  const today = localDate(deps.clock.now(), cycle.calendar.timeZone);
  const cells = new Map<string, Record<DocumentKind, Cell>>();
  const cellsOf = (boardId: string): Record<DocumentKind, Cell> => {
    let known = cells.get(boardId);
    if (!known) {
      const depth = depthOf(boardId, directory);
      known = Object.fromEntries(
        documentKinds.map((kind) => {
          const status: DocumentStatus = statusOf.get(`${boardId}#${kind}`) ?? 'not_started';
          return [kind, { status, due: dueDateFor(cycle.calendar, kind, depth), late: isLate(cycle.calendar, kind, status, today, depth) }];
        }),
      ) as Record<DocumentKind, Cell>;
      cells.set(boardId, known);
    }
    return known;
  };
  return { today, directory, boards, children, cellsOf };
}

/**
 * The status matrix: the top-level boards, or with `parent` that board's direct units. Each row counts its direct
 * units (`children`), and each cell, for a board with units, its units' documents of that kind at every level below.
 */
export async function statusMatrix(year: number, deps: MatrixDeps, options: { parent?: string } = {}): Promise<StatusMatrix> {
  const { today, directory, boards, children, cellsOf } = await yearAtEveryLevel(year, deps);
  const parent = options.parent ?? null;
  if (parent !== null && !directory.has(parent)) {
    throw new NotFound(`There is no board ${parent} to list the units of. See GET /api/boards for the board ids, or leave out ?parent= for the top-level boards.`);
  }
  return {
    year,
    today,
    boards: boards
      .filter((board) => (board.parentId ?? null) === parent)
      .map((board) => {
        const below = descendantsOf(board.boardId, children);
        const own = cellsOf(board.boardId);
        return {
          boardId: board.boardId,
          name: board.name,
          kind: board.kind,
          parentId: board.parentId ?? null,
          children: children.get(board.boardId)?.length ?? 0,
          documents: Object.fromEntries(
            documentKinds.map((kind) => [kind, below.length === 0 ? own[kind] : { ...own[kind], units: unitCounts(below.map((unit) => cellsOf(unit)[kind])) }]),
          ) as StatusMatrix['boards'][number]['documents'],
        };
      }),
  };
}

function unitCounts(cells: readonly Cell[]): NonNullable<DocumentStatusCell['units']> {
  return { total: cells.length, approved: cells.filter((cell) => cell.status === 'approved').length, late: cells.filter((cell) => cell.late).length };
}

/** The documents past their own due date and not submitted, at every level, most overdue first (for those chasing them). */
export async function lateList(year: number, deps: MatrixDeps): Promise<LateList> {
  const { today, boards, cellsOf } = await yearAtEveryLevel(year, deps);
  const late = boards.flatMap((board: BoardEntry) => {
    const cells = cellsOf(board.boardId);
    return documentKinds
      .filter((kind) => cells[kind].late)
      .map((kind) => ({
        boardId: board.boardId,
        name: board.name,
        parentId: board.parentId ?? null,
        kind,
        due: cells[kind].due,
        status: cells[kind].status as 'not_started' | 'draft' | 'returned',
        daysLate: daysBetween(cells[kind].due, today),
      }));
  });
  return { year, today, late: late.sort((a, b) => b.daysLate - a.daysLate || a.boardId.localeCompare(b.boardId)) };
}

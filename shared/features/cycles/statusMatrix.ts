import { daysBetween, dueDateFor, isLate, localDate } from '../../domain/calendar';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import { documentKinds } from '../../schemas/common';
import type { StatusMatrix } from '../../schemas/documents';
import type { LateList } from '../../schemas/cycles';
import { requireCycle } from './cycles';

/** Boards × documents of a year: status, due date and whether it is late today (in the cycle's time zone). */
interface MatrixDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  clock: Clock;
}

export async function statusMatrix(year: number, deps: MatrixDeps): Promise<StatusMatrix> {
  // Three reads whatever the year holds: the cycle, the board directory and the year's summary.
  const [cycle, boards, entries] = await Promise.all([requireCycle(year, deps.cycles), deps.boards.directory(), deps.documents.statuses(year)]);
  const statusOf = new Map(entries.map((entry) => [`${entry.boardId}#${entry.kind}`, entry.status]));
  const today = localDate(deps.clock.now(), cycle.calendar.timeZone);
  return {
    year,
    today,
    boards: boards
      .sort((a, b) => a.boardId.localeCompare(b.boardId))
      .map((board) => ({
        boardId: board.boardId,
        name: board.name,
        kind: board.kind,
        documents: Object.fromEntries(
          documentKinds.map((kind) => {
            const status = statusOf.get(`${board.boardId}#${kind}`) ?? 'not_started';
            return [kind, { status, due: dueDateFor(cycle.calendar, kind), late: isLate(cycle.calendar, kind, status, today) }];
          }),
        ) as StatusMatrix['boards'][number]['documents'],
      })),
  };
}

/** The documents past their due date and not submitted, most overdue first (for reviewers chasing them). */
export async function lateList(year: number, deps: MatrixDeps): Promise<LateList> {
  const matrix = await statusMatrix(year, deps);
  const late = matrix.boards.flatMap((board) =>
    documentKinds
      .filter((kind) => board.documents[kind].late)
      .map((kind) => ({
        boardId: board.boardId,
        name: board.name,
        kind,
        due: board.documents[kind].due,
        status: board.documents[kind].status as 'not_started' | 'draft' | 'returned',
        daysLate: daysBetween(board.documents[kind].due, matrix.today!),
      })),
  );
  return { year, today: matrix.today!, late: late.sort((a, b) => b.daysLate - a.daysLate || a.boardId.localeCompare(b.boardId)) };
}

/**
 * A new year from an earlier one ("version switch"): the council goals and the report sections are copied (the budget
 * is not: the council sets each year's), and each board's approved plan of the source year becomes a draft plan of
 * the new year. Nothing here reads a whole year: the source year's summary
 * says which boards have an approved plan, and those plans are read one board at a time, a few at once.
 */
import { signedBy, type Actor } from '../../domain/actor';
import { calendarMovedBy, deadlineOrderProblems } from '../../domain/calendar';
import { countCouncilGoals } from '../../domain/councilGoals';
import { ValidationFailed } from '../../domain/errors';
import { transitionOf } from '../../domain/lifecycle';
import type { BoardEntry, BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository, StoredCycle } from '../../ports/cycleRepository';
import { CommitRefused, type DocumentStore, type StoredDocument } from '../../ports/documentStore';
import type { Calendar, Copied, CopyPreview } from '../../schemas/cycles';
import { requireCycle } from './cycles';
import { inBatches } from '../common/inBatches';

/** Plans read, and copies written, this many at once: bounded, so a city of a thousand units never floods the table. */
const IN_FLIGHT = 8;


/** The source year of a copy; 422 naming it when there is none (the request's body names it). */
export async function sourceCycle(copyFrom: number, cycles: CycleRepository): Promise<StoredCycle> {
  const source = await cycles.get(copyFrom);
  if (!source) {
    throw new ValidationFailed(`There is no ${copyFrom} cycle to copy from. Name a year that has been opened (GET /api/cycles lists them), or leave copyFrom out.`, [
      { path: 'copyFrom', message: `there is no ${copyFrom} cycle; name a year that has been opened` },
    ]);
  }
  return source;
}

/** The source's calendar moved to `year`; 422 in the rare case moving puts two deadlines on one day (29 February). */
export function movedCalendar(source: StoredCycle, year: number): Calendar {
  const calendar = calendarMovedBy(source.calendar, year - source.year);
  const problems = deadlineOrderProblems(calendar);
  if (problems.length > 0) {
    throw new ValidationFailed(`The ${source.year} calendar moved to ${year} puts deadlines out of order; send the calendar with the dates you want.`, problems.map((p) => ({ ...p, path: `calendar.${p.path}` })));
  }
  return calendar;
}

interface CopyDeps {
  boards: BoardRepository;
  cycles: CycleRepository;
  documents: DocumentStore;
}

/** The boards of the directory that take part in a copy (not archived), with or without an approved plan in `year`. */
async function boardsByPlan(year: number, deps: CopyDeps): Promise<{ withPlan: BoardEntry[]; without: Array<BoardEntry & { status: Exclude<StoredDocument['status'], 'approved'> }> }> {
  const [entries, statuses] = await Promise.all([deps.boards.directory(), deps.documents.statuses(year)]);
  const planStatus = new Map(statuses.filter((entry) => entry.kind === 'plan').map((entry) => [entry.boardId, entry.status]));
  const active = entries.filter((entry) => !entry.archived).sort((a, b) => a.boardId.localeCompare(b.boardId));
  const withPlan: BoardEntry[] = [];
  const without: Array<BoardEntry & { status: Exclude<StoredDocument['status'], 'approved'> }> = [];
  for (const entry of active) {
    const status = planStatus.get(entry.boardId) ?? 'not_started';
    if (status === 'approved') withPlan.push(entry);
    else without.push({ ...entry, status });
  }
  return { withPlan, without };
}

const shown = (entry: BoardEntry) => ({ boardId: entry.boardId, name: entry.name, parentId: entry.parentId ?? null });

/** What opening `to` from `from` would copy, read from the source year's summary, its council goals and the directory. */
export async function copyPreview(input: { from: number; to: number }, deps: CopyDeps): Promise<CopyPreview> {
  const source = await requireCycle(input.from, deps.cycles);
  const [target, goals, boards, sections] = await Promise.all([
    deps.cycles.get(input.to),
    deps.cycles.getCouncilGoals(input.from),
    boardsByPlan(input.from, deps),
    deps.cycles.getSetting(input.from, 'reportSections'),
  ]);
  const counted = goals ? countCouncilGoals(goals) : { directionGoals: 0, areaGoals: 0, indicators: 0 };
  return {
    from: input.from,
    to: input.to,
    exists: target !== undefined,
    calendar: calendarMovedBy(source.calendar, input.to - input.from),
    councilGoals: { present: goals !== undefined, ...counted },
    plans: boards.withPlan.map(shown),
    withoutPlan: boards.without.map((entry) => ({ ...shown(entry), status: entry.status as CopyPreview['withoutPlan'][number]['status'] })),
    reportSections: sections?.sections.length ?? 0,
  };
}

/**
 * Copies the council goals and the approved plans of `from` into the new year `to` (opened just before). Each plan
 * is its own transaction with its `copied` event and the new year's summary entry (a draft); a document that exists
 * in the new year already is never overwritten (the commit requires that it does not exist).
 */
export async function copyIntoYear(
  input: { from: number; to: number },
  deps: CopyDeps & { actor: Actor; clock: Clock },
): Promise<Copied> {
  const at = deps.clock.now().toISOString();
  const goals = await deps.cycles.getCouncilGoals(input.from);
  if (goals) {
    const { version: _version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...content } = goals;
    const counted = countCouncilGoals(content);
    await deps.cycles.replaceCouncilGoals(input.to, { ...structuredClone(content), version: 1, updatedAt: at, updatedBy: deps.actor.sub }, 0, {
      at,
      ...signedBy(deps.actor),
      action: 'council_goals_replaced',
      details: { goals: { version: 1, directionGoals: counted.directionGoals, indicators: counted.indicators }, copiedFrom: input.from },
    });
  }

  const sections = await deps.cycles.getSetting(input.from, 'reportSections');
  if (sections && sections.sections.length > 0) {
    await deps.cycles.replaceSetting(input.to, 'reportSections', { sections: structuredClone(sections.sections), version: 1, updatedAt: at, updatedBy: deps.actor.sub }, 0, {
      at,
      ...signedBy(deps.actor),
      action: 'report_sections_replaced',
      details: { sections: { version: 1, sections: sections.sections.length }, copiedFrom: input.from },
    });
  }

  const row = transitionOf('not_started', 'copy')!;
  const { withPlan } = await boardsByPlan(input.from, deps);
  const copied = await inBatches(withPlan, IN_FLIGHT, async (board) => {
    const record = await deps.documents.get(input.from, board.boardId, 'plan');
    // The summary said approved; the plan itself decides (an approved plan is final, so this is a safeguard).
    if (!record || record.document.status !== 'approved') return false;
    const next: StoredDocument = {
      year: input.to,
      boardId: board.boardId,
      kind: 'plan',
      status: row.to,
      version: 1,
      content: structuredClone(record.document.content),
      findings: [],
      comments: [],
      submissions: 0,
      updatedAt: at,
      updatedBy: deps.actor.sub,
    };
    try {
      await deps.documents.commit({ next, expectedVersion: 0, event: { at, ...signedBy(deps.actor), action: row.audit, from: row.from, to: row.to } });
      return true;
    } catch (error) {
      // The board has a plan in the new year already: it stays as it is.
      if (error instanceof CommitRefused && error.reason === 'document') return false;
      throw error;
    }
  });
  return {
    from: input.from,
    councilGoals: goals !== undefined,
    plans: copied.filter(Boolean).length,
    ...(sections && sections.sections.length > 0 ? { reportSections: sections.sections.length } : {}),
  };
}

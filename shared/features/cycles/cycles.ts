import { signedBy } from '../../domain/actor';
import type { Actor } from '../../domain/actor';
import { assertCouncilGoalsReplaceable, validateCouncilGoals } from '../../domain/councilGoals';
import { assertCycleOpen } from '../../domain/lifecycle';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed } from '../../domain/errors';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import { CouncilGoalsRefused, CycleChanged, type CycleRepository, type StoredCouncilGoals, type StoredCycle } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { CouncilGoals } from '../../schemas/councilGoals';
import type { CalendarPatch, Copied, CreateCycleBody } from '../../schemas/cycles';
import { applyCalendarPatch } from '../../domain/calendar';
import { summaryChunksFor } from '../../domain/summary';
import type { Scheduler } from '../../ports/scheduler';
import type { WorkflowEngine } from '../../ports/workflow';
import { syncPeriodSchedules } from '../periods/periods';
import { copyIntoYear, movedCalendar, sourceCycle } from './copyYear';

/**
 * Opens a year's cycle with its calendar (a year is opened once) and schedules its reporting periods. With
 * `copyFrom`, the year starts from that one: its calendar moved (unless the body gives one), its council goals, and
 * each board's approved plan as a draft (features/cycles/copyYear); the answer says what was copied.
 */
export async function createCycle(
  body: CreateCycleBody,
  deps: { actor: Actor; boards: BoardRepository; cycles: CycleRepository; documents: DocumentStore; clock: Clock; scheduler: Scheduler; workflow: WorkflowEngine },
): Promise<StoredCycle & { copied?: Copied }> {
  const source = body.copyFrom === undefined ? undefined : await sourceCycle(body.copyFrom, deps.cycles);
  const calendar = body.calendar ?? (source ? movedCalendar(source, body.year) : undefined);
  if (!calendar) throw new ValidationFailed('Give the calendar, or copyFrom to take the calendar of that year.', [{ path: 'calendar', message: 'give the calendar, or copyFrom' }]);
  const boards = await deps.boards.directory();
  const cycle: StoredCycle = {
    year: body.year,
    calendar,
    ...(body.reviewerContacts ? { reviewerContacts: body.reviewerContacts } : source?.reviewerContacts ? { reviewerContacts: source.reviewerContacts } : {}),
    state: 'open',
    createdAt: deps.clock.now().toISOString(),
    createdBy: deps.actor.sub,
    version: 1,
    approvedPlans: 0,
    summaryChunks: summaryChunksFor(boards.length),
  };
  const opened = {
    at: cycle.createdAt,
    ...signedBy(deps.actor),
    action: 'opened' as const,
    details: { timeZone: calendar.timeZone, ...(source ? { copiedFrom: source.year } : {}) },
  };
  if (!(await deps.cycles.create(cycle, opened))) {
    throw new Conflict(`The ${body.year} cycle exists already. Read it with GET /api/cycles/${body.year}, or change its calendar instead.`);
  }
  const copied = source ? await copyIntoYear({ from: source.year, to: body.year }, deps) : undefined;
  await syncPeriodSchedules(cycle, deps);
  return copied ? { ...cycle, copied } : cycle;
}

/**
 * Changes deadlines (or the reminder settings) of an open cycle. The period schedules follow the new
 * dates; reminders already sent stay sent and the next one is computed from the new calendar.
 */
export async function changeCalendar(
  input: { year: number; patch: CalendarPatch; ifMatch?: number },
  deps: { actor: Actor; cycles: CycleRepository; clock: Clock; scheduler: Scheduler; workflow: WorkflowEngine },
): Promise<StoredCycle> {
  const cycle = await requireCycle(input.year, deps.cycles);
  assertCycleOpen(cycle);
  if (input.ifMatch !== undefined && input.ifMatch !== cycle.version) {
    throw new PreconditionFailed(`The ${input.year} cycle is at version ${cycle.version}, not ${input.ifMatch}. Read it again and repeat your change.`);
  }
  const at = deps.clock.now().toISOString();
  const changed: StoredCycle = { ...cycle, calendar: applyCalendarPatch(cycle.calendar, input.patch), version: cycle.version + 1, updatedAt: at };
  const changes = Object.entries(input.patch)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([field, to]) => ({ field, from: ((cycle.calendar as Record<string, string | number | undefined>)[field] ?? null), to }));
  try {
    await deps.cycles.update(changed, cycle.version, { at, ...signedBy(deps.actor), action: 'calendar_changed', details: { changes } });
  } catch (error) {
    if (error instanceof CycleChanged) {
      throw new PreconditionFailed(`The ${input.year} cycle was changed (or signed off) meanwhile; read it again and repeat your change.`);
    }
    throw error;
  }
  await syncPeriodSchedules(changed, deps);
  return changed;
}

/** Every cycle, oldest year first. */
export async function listCycles(deps: { cycles: CycleRepository }): Promise<StoredCycle[]> {
  return deps.cycles.list();
}

export async function requireCycle(year: number, cycles: CycleRepository): Promise<StoredCycle> {
  const cycle = await cycles.get(year);
  if (!cycle) throw new NotFound(`There is no ${year} cycle. An admin opens it with POST /api/cycles.`);
  return cycle;
}

/**
 * Replaces the council's goals of a year. Refused once a plan of the year is approved: boards set their
 * targets against these goals, and an approved plan must keep meaning what it meant.
 */
export async function putCouncilGoals(
  input: { year: number; goals: CouncilGoals; ifMatch?: number },
  deps: { actor: Actor; cycles: CycleRepository; boards: BoardRepository; documents: DocumentStore; clock: Clock },
): Promise<StoredCouncilGoals> {
  const cycle = await requireCycle(input.year, deps.cycles);
  assertCycleOpen(cycle);
  const boardIds = new Set((await deps.boards.directory()).map((board) => board.boardId));
  validateCouncilGoals(input.goals, boardIds);
  const plans = (await deps.documents.statuses(input.year)).filter((entry) => entry.kind === 'plan');
  assertCouncilGoalsReplaceable(plans);
  const current = await deps.cycles.getCouncilGoals(input.year);
  const currentVersion = current?.version ?? 0;
  if (input.ifMatch !== undefined && input.ifMatch !== currentVersion) {
    throw new PreconditionFailed(`The council goals are at version ${currentVersion}, not ${input.ifMatch}. Read them again and repeat your change.`);
  }
  const stored: StoredCouncilGoals = {
    ...input.goals,
    version: currentVersion + 1,
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: deps.actor.sub,
  };
  const indicators = input.goals.directionGoals.flatMap((goal) => goal.areaGoals.flatMap((area) => area.indicators)).length;
  const event = {
    at: stored.updatedAt,
    ...signedBy(deps.actor),
    action: 'council_goals_replaced' as const,
    details: { goals: { version: stored.version, directionGoals: input.goals.directionGoals.length, indicators } },
  };
  try {
    await deps.cycles.replaceCouncilGoals(input.year, stored, currentVersion, event);
  } catch (error) {
    if (!(error instanceof CouncilGoalsRefused)) throw error;
    if (error.reason === 'cycle') {
      throw new Conflict(`A plan of ${input.year} has been approved (or the year is signed off) meanwhile, so the council goals can no longer be replaced.`);
    }
    throw new PreconditionFailed(`The council goals of ${input.year} were changed by someone else meanwhile. Read them again and repeat your change.`);
  }
  return stored;
}

/** Reads the council's goals of a year; 404 until they are loaded. */
export async function getCouncilGoals(year: number, deps: { cycles: CycleRepository }): Promise<StoredCouncilGoals> {
  await requireCycle(year, deps.cycles);
  const goals = await deps.cycles.getCouncilGoals(year);
  if (!goals) throw new NotFound(`The council goals of ${year} are not loaded yet. An admin loads them with PUT /api/cycles/${year}/council-goals.`);
  return goals;
}

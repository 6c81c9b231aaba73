/**
 * Which reminder e-mails are due. A scheduled job calls dueReminders once a day (or after the clock jumps), sends
 * `send`, and records the keys of `send` and `superseded` as sent.
 *
 * Steps, for each deadline (plan, t1, t2, annual) and each board that has not submitted (not_started, draft, returned):
 *   - `reminder`      on reminderDate (reminderDaysBefore days before the due date), to the board;
 *   - `overdue`       on overdueDate (the day after the due date), to the board, its copies in cc;
 *   - `escalation-n`  every escalateEveryDays after the overdue day (n = 1, 2, …), to the board, its copies in cc,
 *                     until the board submits (or the year is signed off).
 *
 * Levels. A unit (a board below another board, `depth` levels below the top) is reminded at its own dates: its due
 * dates are calendar.dueDateFor(…, depth) (the plan later, the reports earlier, unitLeadDays per level), and every
 * step follows from its own due date. Its copies go to its parent's office (`parentContacts`), which reviews it, not
 * to the city's reviewers; a top-level board's copies go to the reviewers, as before.
 *
 * Keys. A step is named with the due date it belongs to: `reminder@2027-01-31`, `overdue@2027-01-31`,
 * `escalation-2@2027-01-31`; its key is `${boardId}#${kind}#${step}`. Dates always come from the CURRENT calendar.
 *   - A deadline moved later gets a fresh cycle of steps: a reminder before the new date (it tells the board the new
 *     date), the overdue notice the day after the new date, then escalations from there. What was sent for the old
 *     date stays sent and is not repeated.
 *   - Changing reminderDaysBefore or escalateEveryDays without moving the deadline re-sends nothing already sent.
 *
 * Only the latest step is sent. When several steps fell due since the last run (the job was down, the clock jumped,
 * a deadline moved earlier), the board gets the one message that describes where it stands now, not a reminder, an
 * overdue notice and three escalations at once; the older unsent steps come back as `superseded`, to be recorded
 * without sending. A step already sent is never sent again.
 *
 * A returned document: steps dated on or before the day it was returned (`returnedOn`) fell due while the reviewer
 * had it, and the board has just been told by the return message; they are superseded, and the next step after the
 * return goes out on its day. Without `returnedOn` the latest step goes out at once.
 *
 * Runs that read little. The job remembers its last full run of a cycle (`ReminderRun`): the day it ran for
 * (`through`), the cycle's version then, and the kinds still in play (some board's document not yet approved), each
 * with the levels it is still owed at (`depths`). A later day needs a full run only when one of those kinds has a step
 * at one of those levels dated after `through` and on or before today, when the cycle changed (a calendar change bumps
 * its version), or when boards were added, moved or brought back from the archive (`fullRunReason`). Keeping the
 * levels in the run, rather than trying every level 0..MAX_LEVELS-1, keeps the check at the same few reads and keeps
 * a day quiet when its steps are only those of a level no board owes at. On a
 * full run, a board the last run knew (and whose return, if any, has a date) is looked at only for the kinds with a
 * step dated after `through` (`needsLook`), and only those steps are weighed (`stepsToWeigh`): every earlier step was
 * sent, superseded, or concerned a document it had handed in, and a document handed in again becomes owed only by a
 * return, whose earlier steps are superseded. The latest step, the one sent, is the same either way.
 */
import type { Locale } from '../schemas/boards';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import { documentKinds } from '../schemas/common';
import type { Calendar } from '../schemas/cycles';
import { dueDateFor, escalationDate, overdueDate, reminderDate } from './calendar';
import { isUnsubmitted } from './lifecycle';

export type ReminderMessageKind = 'reminder' | 'overdue' | 'escalation';

export interface ReminderStep {
  /** `reminder@<due>`, `overdue@<due>` or `escalation-<n>@<due>`. */
  step: string;
  messageKind: ReminderMessageKind;
  /** n of `escalation-n`. */
  escalationNumber?: number;
  /** The day the step falls due. */
  date: string;
  /** The document's due date under the current calendar. */
  dueDate: string;
}

export interface ReminderBoard {
  boardId: string;
  name: string;
  contacts: readonly string[];
  locale?: Locale;
  /** Levels below the top (0 or absent: a board directly below the council): the board's dates follow from it. */
  depth?: number;
  /**
   * A unit's parent's contacts: copied on its overdue notices and escalations instead of the reviewers. Absent for
   * a board at the top (and for a unit with no active board above it, which stands where a top-level board does).
   */
  parentContacts?: readonly string[];
  /** The name of that parent board, for the message's word on who has the copy. */
  parentName?: string;
}

/** A document's status, with the day (in the cycle's zone) it was last returned when it is `returned`. */
export type DocumentState = DocumentStatus | { status: DocumentStatus; returnedOn?: string };
type StatusesByKind = Partial<Record<DocumentKind, DocumentState>>;

export interface DueRemindersInput {
  calendar: Calendar;
  /** Today in the cycle's time zone (ISO date); see calendar.localDate. */
  today: string;
  boards: readonly ReminderBoard[];
  /** boardId → kind → status; a document missing here is not_started. */
  statuses: ReadonlyMap<string, StatusesByKind> | Readonly<Record<string, StatusesByKind>>;
  /** Keys (reminderKey) already sent or superseded. */
  sentSteps: ReadonlySet<string>;
  /** Reviewers' addresses, copied on overdue notices and escalations. */
  reviewers: readonly string[];
  /** The last full run, when there is one to build on: only what `needsLook` selects is looked at. */
  prior?: PriorRun;
}

/** What dueReminders may take as handled: every step dated on or before `through`, except for `unhandled` boards. */
export interface PriorRun {
  through: string;
  /** Boards the last run did not know (added since): every step of theirs is looked at. */
  unhandled?: ReadonlySet<string>;
}

/** What the job keeps of its last full run of a cycle (see "Runs that read little" above). */
export interface ReminderRun {
  /** The day, in the cycle's zone, the run was for. */
  through: string;
  /** The instant the run was scheduled for. */
  at: string;
  /** The cycle's version the run read: a calendar change bumps it. */
  cycleVersion: number;
  /** Kinds some board's document was not yet approved for: the only kinds whose steps can concern anyone. */
  live: DocumentKind[];
  /**
   * For each live kind, the levels (depths) at which some active board's document was not yet approved: only the
   * steps at those levels can concern anyone. Absent, or a kind absent: level 0 only (the runs recorded before
   * levels, and a city without units, whose run record stays as it was).
   */
  depths?: Partial<Record<DocumentKind, number[]>>;
}

/** A kind still owed at a level: its steps fall on the dates of that level. */
export interface OwedLevel {
  kind: DocumentKind;
  depth: number;
}

export interface DueReminder extends ReminderStep {
  /** `${boardId}#${kind}#${step}`: record it once sent (or superseded). */
  key: string;
  boardId: string;
  boardName: string;
  locale: Locale;
  kind: DocumentKind;
  to: string[];
  cc: string[];
  /** A unit's overdue notice or escalation: the name of the parent board whose office is in cc (absent: the reviewers). */
  copiedTo?: string;
}

export interface DueRemindersResult {
  /** Send these, one e-mail each. */
  send: DueReminder[];
  /** Record these as sent without sending: a later step went (or goes) out instead. */
  superseded: DueReminder[];
}

/** The key a sent step is recorded under. */
export function reminderKey(boardId: string, kind: DocumentKind, step: string): string {
  return `${boardId}#${kind}#${step}`;
}

/**
 * The day escalations for a kind stop (exclusive). None: the issue asks for escalations until the document is
 * submitted, for every kind; they end with the submission, or when the year is signed off (the job skips closed cycles).
 */
export function escalationsEnd(_calendar: Calendar, _kind: DocumentKind): string | undefined {
  return undefined;
}

/**
 * Every step of a kind under the calendar, for a board `depth` levels below the top, in date order (endless: steps
 * go on until the document is submitted).
 */
export function* reminderSteps(calendar: Calendar, kind: DocumentKind, depth = 0): Generator<ReminderStep> {
  const dueDate = dueDateFor(calendar, kind, depth);
  yield { step: `reminder@${dueDate}`, messageKind: 'reminder', date: reminderDate(calendar, kind, depth), dueDate };
  yield { step: `overdue@${dueDate}`, messageKind: 'overdue', date: overdueDate(calendar, kind, depth), dueDate };
  const end = escalationsEnd(calendar, kind);
  for (let n = 1; ; n++) {
    const date = escalationDate(calendar, kind, n, depth);
    if (end !== undefined && date >= end) return;
    yield { step: `escalation-${n}@${dueDate}`, messageKind: 'escalation', escalationNumber: n, date, dueDate };
  }
}

/** The steps of a kind dated on or before `until`, at a level. */
export function stepsUntil(calendar: Calendar, kind: DocumentKind, until: string, depth = 0): ReminderStep[] {
  const steps: ReminderStep[] = [];
  for (const step of reminderSteps(calendar, kind, depth)) {
    if (step.date > until) break;
    steps.push(step);
  }
  return steps;
}

function stateOf(statuses: DueRemindersInput['statuses'], boardId: string, kind: DocumentKind): { status: DocumentStatus; returnedOn?: string } {
  const byKind = statuses instanceof Map ? statuses.get(boardId) : (statuses as Readonly<Record<string, StatusesByKind>>)[boardId];
  const state: DocumentState = byKind?.[kind] ?? 'not_started';
  return typeof state === 'string' ? { status: state } : state;
}

/** Addresses once each, case-insensitively, leaving out those in `except`. */
function distinct(addresses: readonly string[], except: readonly string[] = []): string[] {
  const seen = new Set(except.map((a) => a.toLowerCase()));
  const out: string[] = [];
  for (const a of addresses) {
    const key = a.toLowerCase();
    if (!seen.has(key)) (seen.add(key), out.push(a));
  }
  return out;
}

/**
 * Whether a full run must look at this board's document of this kind today: it is owed, and either a step of it is
 * dated after `prior.through` (and on or before today), or the prior run cannot vouch for its earlier steps (no prior
 * run, a board added since, a return without a date).
 */
export function needsLook(input: Pick<DueRemindersInput, 'calendar' | 'today' | 'statuses' | 'prior'>, boardId: string, kind: DocumentKind, depth = 0): boolean {
  const { status } = stateOf(input.statuses, boardId, kind);
  if (!isUnsubmitted(status)) return false;
  const through = handledThrough(input, boardId, kind);
  if (through === undefined) return stepsUntil(input.calendar, kind, input.today, depth).length > 0;
  return hasStepBetween(input.calendar, kind, through, input.today, depth);
}

/**
 * The day through which the prior run vouches for this board's document: its steps dated on or before it were sent,
 * superseded, or fell due while the document was handed in (and are superseded by a return). Undefined when it
 * cannot vouch (no prior run, a board added since, a return without a date): every step is looked at.
 */
export function handledThrough(input: Pick<DueRemindersInput, 'statuses' | 'prior'>, boardId: string, kind: DocumentKind): string | undefined {
  const { status, returnedOn } = stateOf(input.statuses, boardId, kind);
  const prior = input.prior;
  if (!prior || prior.unhandled?.has(boardId) || (status === 'returned' && returnedOn === undefined)) return undefined;
  return prior.through;
}

/** The steps of a document dueReminders weighs today: those after handledThrough, up to today (at the board's level). */
export function stepsToWeigh(input: Pick<DueRemindersInput, 'calendar' | 'today' | 'statuses' | 'prior'>, boardId: string, kind: DocumentKind, depth = 0): ReminderStep[] {
  const through = handledThrough(input, boardId, kind);
  const steps = stepsUntil(input.calendar, kind, input.today, depth);
  return through === undefined ? steps : steps.filter((step) => step.date > through);
}

/** Whether a step of `kind`, at a level, is dated after `after` and on or before `until`. */
export function hasStepBetween(calendar: Calendar, kind: DocumentKind, after: string, until: string, depth = 0): boolean {
  for (const step of reminderSteps(calendar, kind, depth)) {
    if (step.date > until) return false;
    if (step.date > after) return true;
  }
  return false;
}

/**
 * What a run records of the kinds and levels still in play (`live` and `depths` of ReminderRun): for each kind, the
 * depths of the boards whose document of it is not approved. `depths` is left out while every such board is at the
 * top, so a city without units records its runs as before.
 */
export function liveLevels(boards: Iterable<{ boardId: string; depth?: number }>, statuses: DueRemindersInput['statuses']): Pick<ReminderRun, 'live' | 'depths'> {
  const byKind = new Map<DocumentKind, Set<number>>();
  for (const board of boards) {
    for (const kind of documentKinds) {
      if (stateOf(statuses, board.boardId, kind).status === 'approved') continue;
      const depths = byKind.get(kind) ?? new Set<number>();
      depths.add(board.depth ?? 0);
      byKind.set(kind, depths);
    }
  }
  const live = documentKinds.filter((kind) => byKind.has(kind));
  const depths = Object.fromEntries(live.map((kind) => [kind, [...byKind.get(kind)!].sort((a, b) => a - b)]));
  const deeper = live.some((kind) => depths[kind].some((depth: number) => depth !== 0));
  return deeper ? { live, depths } : { live };
}

/** The (kind, level) pairs a run left in play: a kind without recorded depths is owed at the top only. */
export function owedLevels(run: Pick<ReminderRun, 'live' | 'depths'>): OwedLevel[] {
  return run.live.flatMap((kind) => (run.depths?.[kind] ?? [0]).map((depth) => ({ kind, depth })));
}

/**
 * Why the job must do a full run of a cycle today, given its last full run; undefined when nothing can be due (a
 * quiet day: the job reads no more than the cycle, the run and the boards added since).
 */
export function fullRunReason(input: { calendar: Calendar; cycleVersion: number; today: string; run?: ReminderRun; boardsAdded: boolean }): string | undefined {
  const { run } = input;
  if (!run) return 'no run yet';
  if (run.cycleVersion !== input.cycleVersion) return 'cycle changed';
  if (input.boardsAdded) return 'boards added';
  if (input.today <= run.through) return undefined;
  const owed = owedLevels(run).find(({ kind, depth }) => hasStepBetween(input.calendar, kind, run.through, input.today, depth));
  if (!owed) return undefined;
  return owed.depth === 0 ? `${owed.kind} step due` : `${owed.kind} step due at level ${owed.depth}`;
}

/** Who is copied on a board's overdue notices and escalations: a unit's parent office, else the city's reviewers. */
export function copiesFor(board: Pick<ReminderBoard, 'parentContacts'>, reviewers: readonly string[]): readonly string[] {
  return board.parentContacts ?? reviewers;
}

/** What to send today, and what to record as superseded (see the rules at the top of this file). */
export function dueReminders(input: DueRemindersInput): DueRemindersResult {
  const send: DueReminder[] = [];
  const superseded: DueReminder[] = [];
  for (const board of input.boards) {
    const depth = board.depth ?? 0;
    const to = distinct(board.contacts);
    const cc = distinct(copiesFor(board, input.reviewers), to);
    for (const kind of documentKinds) {
      if (!needsLook(input, board.boardId, kind, depth)) continue;
      const { status, returnedOn } = stateOf(input.statuses, board.boardId, kind);
      // Under a prior run, the steps it handled are not weighed again (see "Runs that read little").
      const steps = stepsToWeigh(input, board.boardId, kind, depth);
      const after = status === 'returned' && returnedOn !== undefined ? returnedOn : undefined;
      const latest = steps.filter((s) => after === undefined || s.date > after).at(-1);
      for (const step of steps) {
        const key = reminderKey(board.boardId, kind, step.step);
        if (input.sentSteps.has(key)) continue;
        const message: DueReminder = {
          ...step,
          key,
          boardId: board.boardId,
          boardName: board.name,
          locale: board.locale ?? 'sv',
          kind,
          to,
          cc: step.messageKind === 'reminder' ? [] : cc,
          ...(step.messageKind !== 'reminder' && board.parentContacts !== undefined && board.parentName !== undefined ? { copiedTo: board.parentName } : {}),
        };
        (step === latest ? send : superseded).push(message);
      }
    }
  }
  return { send, superseded };
}

/**
 * The first day after `today` on which a step may fall due for any of the kinds still owed (by default all four, at
 * the top; a kind given with a depth, at that level), for scheduling the next run; undefined when nothing is owed.
 */
export function nextReminderDate(calendar: Calendar, today: string, owing: Iterable<DocumentKind | OwedLevel> = documentKinds): string | undefined {
  let next: string | undefined;
  for (const owed of owing) {
    const { kind, depth } = typeof owed === 'string' ? { kind: owed, depth: 0 } : owed;
    for (const step of reminderSteps(calendar, kind, depth)) {
      if (step.date > today) {
        if (next === undefined || step.date < next) next = step.date;
        break;
      }
    }
  }
  return next;
}

/**
 * The daily reminder job, and when it next has work.
 *
 * The rules (who owes what, which step is due, what is superseded) are domain/reminders.ts. What this file adds is
 * reading little:
 *
 * 1. The quiet-day check, for each open cycle: the cycle (listed anyway), the job's last full run of its year
 *    (`sent.lastRun`, one small item) and the boards added since the earliest of those runs (`sent.boardsAddedSince`,
 *    one query, empty on most days). domain `fullRunReason` decides; on a quiet day nothing else is read, whatever
 *    the number of boards (a few read units in all). The levels units are reminded at come from the last run too
 *    (`depths`, the levels each kind is still owed at): a day on which only a unit's step falls is not quiet, and a
 *    board added, moved to another parent or brought back from the archive is noted like a new one (putBoard), so the
 *    next run looks at it in full at its new level.
 * 2. A full run: the year's status entries (`documents.statuses`, the packed summary) and the board directory (which
 *    also gives each board's level, from the parents, and leaves out archived boards: they get nothing); the
 *    pairs (board, kind) that need a look (domain `needsLook`: owed, and a step dated since the last run, or a board
 *    the last run could not vouch for); the sent-markers of the steps since the last run, by key (`sent.claimedAmong`,
 *    usually one a pair), and all markers only of pairs the last run cannot vouch for (`sent.claimedWith`); the
 *    boards that get a message, whole (`boards.getMany`, for their contacts and language), together with the parents
 *    of the units among them whose message is copied (a unit's overdue notice and escalations go in cc to its
 *    parent's contacts, not to the reviewers). Reads grow with the boards that owe something, not with the year's
 *    markers.
 * 3. Sending stays as before, a few messages at a time: a conditional claim on each step's marker comes first (sendOnce), so a schedule that
 *    fires twice, or a run that crashed and runs again, sends nothing twice. The run is recorded (`sent.recordRun`)
 *    only after every send and supersede of the cycle is done: a crash before that leaves the last run where it was,
 *    and the next run looks again at everything since, so nothing is skipped.
 *
 * `nextReminderRun` answers, from the same check, the first instant from which a run can have work: the local
 * stack's scheduler skips the daily occurrences before it (they would have found a quiet day).
 */
import { localDate } from '../../domain/calendar';
import { ancestorsOf, depthOf, directoryOf, type Directory } from '../../domain/levels';
import {
  dueReminders,
  fullRunReason,
  handledThrough,
  liveLevels,
  needsLook,
  nextReminderDate,
  owedLevels,
  reminderKey,
  stepsToWeigh,
  type DocumentState,
  type DueReminder,
  type PriorRun,
  type ReminderRun,
} from '../../domain/reminders';
import { zonedInstant } from '../../domain/zonedTime';
import { composeMessage } from '../../messages/render';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { Notifier, OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import { documentKinds, type DocumentKind } from '../../schemas/common';
import { sendOnce } from '../notifications/sendOnce';
import { formLink } from '../review/reviewSteps';
import { inBatches } from '../common/inBatches';

interface ReminderDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  sent: SentMessages;
  notifier: Notifier;
}

export interface ReminderRunResult {
  sent: number;
  superseded: number;
  /** The years that needed a full run, with why. */
  fullRuns: Array<{ year: number; reason: string }>;
}

/**
 * A board noted as added this long before a run's instant is still taken as new by the next run: its save may have
 * landed after the run read the directory.
 */
const ADDED_MARGIN_MS = 15 * 60_000;

/** Reads and sends of this many pairs or messages at once. */
const IN_FLIGHT = 16;


/**
 * The daily reminder run, for the day `scheduledTime` falls on in each open cycle's time zone: every reminder, overdue
 * notice and escalation that is due goes out exactly once per board and step, and older steps it supersedes are
 * marked without being sent.
 */
export async function sendDueReminders(scheduledTime: string, deps: ReminderDeps): Promise<ReminderRunResult> {
  const result: ReminderRunResult = { sent: 0, superseded: 0, fullRuns: [] };
  for (const check of await quietDayCheck(new Date(scheduledTime), deps)) {
    if (!check.reason) continue;
    result.fullRuns.push({ year: check.cycle.year, reason: check.reason });
    const done = await fullRun(check, scheduledTime, deps);
    result.sent += done.sent;
    result.superseded += done.superseded;
  }
  return result;
}

/**
 * The first instant after `after` from which a run of the job can have work; undefined while none can (no open cycle,
 * or nothing owed that has a step to come). Anything that changes the answer (a calendar change, a board added, a
 * new cycle) is seen the next time it is asked.
 */
export async function nextReminderRun(after: Date, deps: Pick<ReminderDeps, 'cycles' | 'sent'>): Promise<Date | undefined> {
  let next: Date | undefined;
  for (const check of await quietDayCheck(after, deps)) {
    const { cycle, run } = check;
    const zone = cycle.calendar.timeZone;
    let at: Date | undefined;
    if (check.reason || !run) at = after;
    else {
      // Nothing is due through `today`: the next step of a live kind after the later of the two days.
      const from = run.through > check.today ? run.through : check.today;
      const day = nextReminderDate(cycle.calendar, from, owedLevels(run));
      at = day === undefined ? undefined : zonedInstant(day, '00:00', zone);
    }
    if (at && (!next || at < next)) next = at;
  }
  return next && next < after ? after : next;
}

interface CycleCheck {
  cycle: StoredCycle;
  today: string;
  run?: ReminderRun;
  /** Boards added since the run (less the margin). */
  added: Set<string>;
  /** Why a full run is needed; undefined on a quiet day. */
  reason?: string;
}

/** What the quiet-day check reads and decides, for each open cycle at `instant`. */
async function quietDayCheck(instant: Date, deps: Pick<ReminderDeps, 'cycles' | 'sent'>): Promise<CycleCheck[]> {
  const open = (await deps.cycles.list()).filter((cycle) => cycle.state === 'open');
  if (open.length === 0) return [];
  const runs = await Promise.all(open.map((cycle) => deps.sent.lastRun(cycle.year)));
  const since = (run: ReminderRun) => new Date(Date.parse(run.at) - ADDED_MARGIN_MS).toISOString();
  const known = runs.filter((run): run is ReminderRun => run !== undefined);
  const earliest = known.map(since).sort()[0];
  const added = earliest === undefined ? [] : await deps.sent.boardsAddedSince(earliest);
  return open.map((cycle, index) => {
    const run = runs[index];
    const today = localDate(instant, cycle.calendar.timeZone);
    const addedSince = new Set(run ? added.filter((note) => note.at > since(run)).map((note) => note.boardId) : []);
    const reason = fullRunReason({ calendar: cycle.calendar, cycleVersion: cycle.version, today, run, boardsAdded: addedSince.size > 0 });
    return { cycle, today, run, added: addedSince, reason };
  });
}

async function fullRun(check: CycleCheck, scheduledTime: string, deps: ReminderDeps): Promise<{ sent: number; superseded: number }> {
  const { cycle, today, run } = check;
  const year = cycle.year;
  const zone = cycle.calendar.timeZone;
  const [entries, entriesOfDirectory] = await Promise.all([deps.documents.statuses(year), deps.boards.directory()]);
  // Levels come from the whole directory (an archived parent still places its units); archived boards get nothing.
  const levels = directoryOf(entriesOfDirectory);
  const directory = entriesOfDirectory.filter((board) => !board.archived).map((board) => ({ ...board, depth: depthOf(board.boardId, levels) }));
  const statuses: Record<string, Partial<Record<DocumentKind, DocumentState>>> = {};
  for (const entry of entries) {
    (statuses[entry.boardId] ??= {})[entry.kind] = entry.returnedAt
      ? { status: entry.status, returnedOn: localDate(new Date(entry.returnedAt), zone) }
      : entry.status;
  }
  // The last run vouches for what it handled only under the same calendar.
  const prior: PriorRun | undefined = run && run.cycleVersion === cycle.version ? { through: run.through, unhandled: check.added } : undefined;
  const view = { calendar: cycle.calendar, today, statuses, prior };

  // The pairs to look at, and what was sent for them.
  const pairs = directory.flatMap((board) =>
    documentKinds.filter((kind) => needsLook(view, board.boardId, kind, board.depth)).map((kind) => ({ boardId: board.boardId, kind, depth: board.depth })),
  );
  // A pair the last run vouches for: the markers of the steps since, by key; any other: all of its markers.
  const sentSteps = new Set<string>();
  const windowKeys = pairs
    .filter(({ boardId, kind }) => handledThrough(view, boardId, kind) !== undefined)
    .flatMap(({ boardId, kind, depth }) => stepsToWeigh(view, boardId, kind, depth).map((step) => reminderKey(boardId, kind, step.step)));
  const unvouched = pairs.filter(({ boardId, kind }) => handledThrough(view, boardId, kind) === undefined);
  const [byKey, byPrefix] = await Promise.all([
    windowKeys.length > 0 ? deps.sent.claimedAmong(year, windowKeys) : new Set<string>(),
    inBatches(unvouched, IN_FLIGHT, ({ boardId, kind }) => deps.sent.claimedWith(year, `${boardId}#${kind}#`)),
  ]);
  for (const keys of [byKey, ...byPrefix]) for (const key of keys) sentSteps.add(key);

  // Who gets something: decided without contacts first, then again with the whole boards of those few, and the
  // parents whose contacts their copies go to.
  const input = { ...view, sentSteps, reviewers: cycle.reviewerContacts ?? [] };
  const looked = new Set(pairs.map((pair) => pair.boardId));
  const draft = dueReminders({
    ...input,
    boards: directory.filter((board) => looked.has(board.boardId)).map((board) => ({ boardId: board.boardId, name: board.name, depth: board.depth, contacts: [] })),
  });
  const messages = [...draft.send, ...draft.superseded];
  const messaged = new Set(messages.map((reminder) => reminder.boardId));
  const copyTo = new Map<string, string>();
  for (const reminder of messages) {
    if (reminder.messageKind === 'reminder' || copyTo.has(reminder.boardId)) continue;
    const office = parentOffice(reminder.boardId, levels);
    if (office) copyTo.set(reminder.boardId, office);
  }
  const wanted = new Set([...messaged, ...copyTo.values()]);
  const whole = new Map((wanted.size > 0 ? await deps.boards.getMany([...wanted]) : []).map((board) => [board.boardId, board]));
  const depthOfBoard = new Map(directory.map((board) => [board.boardId, board.depth]));
  const due = dueReminders({
    ...input,
    boards: [...messaged].flatMap((boardId) => {
      const board = whole.get(boardId);
      if (!board) return [];
      const office = copyTo.get(boardId);
      return [
        {
          boardId,
          name: board.name,
          contacts: board.contacts,
          locale: board.locale,
          depth: depthOfBoard.get(boardId) ?? 0,
          ...(office ? { parentContacts: whole.get(office)?.contacts ?? [], parentName: whole.get(office)?.name ?? office } : {}),
        },
      ];
    }),
  });

  // Each step has its own marker: sends to different boards and steps do not wait for each other.
  const sends = await inBatches(due.send, IN_FLIGHT, (reminder) => sendOnce({ year, key: reminder.key, at: scheduledTime }, messageOf(cycle, reminder), deps));
  await inBatches(due.superseded, IN_FLIGHT, (reminder) => deps.sent.claim(year, reminder.key, { ...messageOf(cycle, reminder), superseded: true }, scheduledTime));
  const sent = sends.filter(Boolean).length;
  await deps.sent.recordRun(year, {
    through: run && run.through > today ? run.through : today,
    at: scheduledTime,
    cycleVersion: cycle.version,
    ...liveLevels(directory, statuses),
  });
  return { sent, superseded: due.superseded.length };
}

/**
 * The board whose office is copied on a unit's overdue notices and escalations: its parent, or, when the parent is
 * archived, the nearest active board above it. None for a board at the top (its copies go to the reviewers).
 */
function parentOffice(boardId: string, levels: Directory): string | undefined {
  return ancestorsOf(boardId, levels).find((ancestor) => !levels.get(ancestor)?.archived);
}

function messageOf(cycle: StoredCycle, reminder: DueReminder): OutgoingMessage {
  const text = composeMessage({
    kind: reminder.messageKind,
    locale: reminder.locale,
    boardName: reminder.boardName,
    documentKind: reminder.kind,
    dueDate: reminder.dueDate,
    link: formLink(cycle.year, reminder.boardId, reminder.kind),
    escalationNumber: reminder.escalationNumber,
    year: cycle.year,
    copiedTo: reminder.copiedTo,
  });
  return {
    to: reminder.to,
    ...(reminder.cc.length ? { cc: reminder.cc } : {}),
    subject: text.subject,
    body: text.body,
    template: text.template,
    kind: reminder.messageKind,
    boardId: reminder.boardId,
    year: cycle.year,
    documentKind: reminder.kind,
  };
}

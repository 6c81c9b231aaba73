import { localDate } from '../../domain/calendar';
import { dueReminders, type DocumentState } from '../../domain/reminders';
import { composeMessage } from '../../messages/render';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { Notifier, OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import type { DocumentKind } from '../../schemas/common';
import { sendOnce } from '../notifications/sendOnce';
import { formLink } from '../review/reviewSteps';

interface ReminderDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  sent: SentMessages;
  notifier: Notifier;
}

/**
 * The daily reminder run, for the day `scheduledTime` falls on in each open cycle's time zone: every
 * reminder, overdue notice and escalation that is due goes out exactly once per board and step (a
 * conditional write on its sent-marker comes first), and older steps it supersedes are marked without
 * being sent.
 */
export async function sendDueReminders(scheduledTime: string, deps: ReminderDeps): Promise<{ sent: number; superseded: number }> {
  let sent = 0;
  let superseded = 0;
  const boards = await deps.boards.list();
  for (const cycle of await deps.cycles.list()) {
    if (cycle.state !== 'open') continue;
    const result = await remindersFor(cycle, scheduledTime, boards, deps);
    sent += result.sent;
    superseded += result.superseded;
  }
  return { sent, superseded };
}

async function remindersFor(
  cycle: StoredCycle,
  scheduledTime: string,
  boards: Awaited<ReturnType<BoardRepository['list']>>,
  deps: ReminderDeps,
): Promise<{ sent: number; superseded: number }> {
  const today = localDate(new Date(scheduledTime), cycle.calendar.timeZone);
  const [entries, sentSteps] = await Promise.all([deps.documents.statuses(cycle.year), deps.sent.claimed(cycle.year)]);
  const statuses: Record<string, Partial<Record<DocumentKind, DocumentState>>> = {};
  for (const entry of entries) {
    (statuses[entry.boardId] ??= {})[entry.kind] = entry.returnedAt
      ? { status: entry.status, returnedOn: localDate(new Date(entry.returnedAt), cycle.calendar.timeZone) }
      : entry.status;
  }
  const due = dueReminders({
    calendar: cycle.calendar,
    today,
    boards: boards.map((board) => ({ boardId: board.boardId, name: board.name, contacts: board.contacts, locale: board.locale })),
    statuses,
    sentSteps,
    reviewers: cycle.reviewerContacts ?? [],
  });
  const message = (reminder: (typeof due.send)[number]): OutgoingMessage => {
    const text = composeMessage({
      kind: reminder.messageKind,
      locale: reminder.locale,
      boardName: reminder.boardName,
      documentKind: reminder.kind,
      dueDate: reminder.dueDate,
      link: formLink(cycle.year, reminder.boardId, reminder.kind),
      escalationNumber: reminder.escalationNumber,
      year: cycle.year,
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
  };
  let sent = 0;
  for (const reminder of due.send) {
    if (await sendOnce({ year: cycle.year, key: reminder.key, at: scheduledTime }, message(reminder), deps)) sent += 1;
  }
  for (const reminder of due.superseded) {
    await deps.sent.claim(cycle.year, reminder.key, { ...message(reminder), superseded: true }, scheduledTime);
  }
  return { sent, superseded: due.superseded.length };
}

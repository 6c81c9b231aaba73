/**
 * What a calendar change moves, before it is saved: each due date, each reminder step (the reminder, the overdue
 * notice, the first escalation) and each period's opening and closing, old date → new date. Computed with the very
 * functions the reminder job's steps (domain/reminders.reminderSteps) and the period schedules (domain/periods) are
 * made of, so what the office is shown is what the server will do. The web app imports this: no zod here (only types
 * from the schemas), hence the kinds listed below rather than read from schemas/common.
 */
import type { Calendar } from '../schemas/cycles';
import type { DocumentKind } from '../schemas/common';
import { dueDateFor, escalationDate, overdueDate, reminderDate } from './calendar';
import { periodWindow } from './periods';
import type { ReminderMessageKind } from './reminders';

const documentKinds: readonly DocumentKind[] = ['plan', 't1', 't2', 'annual'];

export type MovedThing = 'due' | 'reminder' | 'overdue' | 'escalation' | 'periodOpens' | 'periodCloses';

export interface CalendarMove {
  kind: DocumentKind | 'signoff';
  what: MovedThing;
  /** 0: the boards directly under the council; 1: their units; … (period schedules run on the city's dates: 0). */
  depth: number;
  from: string;
  to: string;
}

/** The reminder steps shown per kind: the reminder, the overdue notice and the first escalation (the rest follow it). */
function firstSteps(calendar: Calendar, kind: DocumentKind, depth: number): Array<{ messageKind: ReminderMessageKind; date: string }> {
  return [
    { messageKind: 'reminder', date: reminderDate(calendar, kind, depth) },
    { messageKind: 'overdue', date: overdueDate(calendar, kind, depth) },
    { messageKind: 'escalation', date: escalationDate(calendar, kind, 1, depth) },
  ];
}

/**
 * Everything that moves from `before` to `after`, in the year's order (kind by kind, level by level). `openedOn` is
 * the day the cycle opened (the plan period opens then); `depths` the levels below the top the city has units at.
 */
export function calendarMoves(before: Calendar, after: Calendar, options: { openedOn: string; depths?: readonly number[] }): CalendarMove[] {
  const moves: CalendarMove[] = [];
  const push = (move: CalendarMove) => {
    if (move.from !== move.to) moves.push(move);
  };
  const depths = [0, ...(options.depths ?? []).filter((depth) => depth > 0)];
  for (const kind of documentKinds) {
    for (const depth of depths) {
      push({ kind, what: 'due', depth, from: dueDateFor(before, kind, depth), to: dueDateFor(after, kind, depth) });
      const was = firstSteps(before, kind, depth);
      const will = firstSteps(after, kind, depth);
      was.forEach((step, i) => push({ kind, what: step.messageKind, depth, from: step.date, to: will[i]!.date }));
    }
    const wasWindow = periodWindow(before, kind, options.openedOn);
    const willWindow = periodWindow(after, kind, options.openedOn);
    push({ kind, what: 'periodOpens', depth: 0, from: wasWindow.opensOn, to: willWindow.opensOn });
    push({ kind, what: 'periodCloses', depth: 0, from: wasWindow.closesOn, to: willWindow.closesOn });
  }
  push({ kind: 'signoff', what: 'due', depth: 0, from: dueDateFor(before, 'signoff'), to: dueDateFor(after, 'signoff') });
  return moves;
}

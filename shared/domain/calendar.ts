/**
 * The cycle's calendar: due dates, lateness and the dates reminders go out. Dates are ISO calendar days
 * (`2027-01-31`) in the cycle's time zone; time comes in as an argument, never from the system clock.
 */
import type { FieldError } from './errors';
import { ValidationFailed } from './errors';
import type { Calendar, CalendarPatch } from '../schemas/cycles';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import { isUnsubmitted } from './lifecycle';

export type DeadlineKind = DocumentKind | 'signoff';
type Deadlines = Pick<Calendar, 'planDue' | 't1Due' | 't2Due' | 'annualDue' | 'signoffDue'> & { unitLeadDays?: number };

/** Calendars stored before organisation levels have no `unitLeadDays`: they read as the default. */
export const DEFAULT_UNIT_LEAD_DAYS = 14;

/** The deadlines in the order the year runs through them. */
export const deadlineFields = ['planDue', 't1Due', 't2Due', 'annualDue', 'signoffDue'] as const;

const fieldOf: Record<DeadlineKind, (typeof deadlineFields)[number]> = {
  plan: 'planDue',
  t1: 't1Due',
  t2: 't2Due',
  annual: 'annualDue',
  signoff: 'signoffDue',
};

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Each deadline must fall after every earlier one; names each deadline that does not, against the latest earlier
 * deadline. Invalid dates are skipped (the schema reports them).
 */
export function deadlineOrderProblems(calendar: Partial<Deadlines>): FieldError[] {
  const problems: FieldError[] = [];
  let previous: { field: string; date: string } | undefined;
  for (const field of deadlineFields) {
    const date = calendar[field];
    if (typeof date !== 'string' || !isoDate.test(date)) continue;
    if (previous && date <= previous.date) {
      problems.push({
        path: field,
        message: `${field} (${date}) must be after ${previous.field} (${previous.date}); the deadlines run planDue < t1Due < t2Due < annualDue < signoffDue`,
      });
    }
    if (!previous || date > previous.date) previous = { field, date };
  }
  return problems;
}

/** The calendar after a PATCH; throws ValidationFailed when the merged deadlines are out of order. */
export function applyCalendarPatch(calendar: Calendar, patch: CalendarPatch): Calendar {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const next: Calendar = { ...calendar, ...defined };
  const problems = deadlineOrderProblems(next);
  if (problems.length > 0) {
    throw new ValidationFailed('The changed calendar puts deadlines out of order; move the dates named in `errors` so each comes after the one before it.', problems);
  }
  return next;
}

/**
 * The due date of a document kind (or of the sign-off) for a board `depth` levels below the top (0: a board
 * directly under the council). Steering flows down and follow-up flows up: a unit plans after its parent has
 * planned, and reports before its parent must report, `unitLeadDays` per level. The sign-off is the city's alone.
 */
export function dueDateFor(calendar: Deadlines, kind: DeadlineKind, depth = 0): string {
  const date = calendar[fieldOf[kind]];
  if (depth === 0 || kind === 'signoff') return date;
  const lead = (calendar.unitLeadDays ?? DEFAULT_UNIT_LEAD_DAYS) * depth;
  return addDays(date, kind === 'plan' ? lead : -lead);
}

/** Late: not yet submitted (not_started, draft or returned) and `today` (ISO date in the cycle's zone) is after the due date. */
export function isLate(calendar: Deadlines, kind: DocumentKind, status: DocumentStatus, today: string, depth = 0): boolean {
  return isUnsubmitted(status) && today > dueDateFor(calendar, kind, depth);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (`YYYY-MM-DD`) that `instant` falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  const part = (type: string) => format.formatToParts(instant).find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** `isoDate` moved by `days` calendar days (negative moves back). */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The day a `reminder` goes out to boards that have not submitted: `reminderDaysBefore` days before the due date. */
export function reminderDate(calendar: Calendar, kind: DeadlineKind, depth = 0): string {
  return addDays(dueDateFor(calendar, kind, depth), -calendar.reminderDaysBefore);
}

/** The day an `overdue` notice goes out (copied to the reviewers): the day after the due date. */
export function overdueDate(calendar: Calendar, kind: DeadlineKind, depth = 0): string {
  return addDays(dueDateFor(calendar, kind, depth), 1);
}

/** The day of the n-th escalation (n ≥ 1) to the reviewers: every `escalateEveryDays` after the overdue notice. */
export function escalationDate(calendar: Calendar, kind: DeadlineKind, n: number, depth = 0): string {
  return addDays(overdueDate(calendar, kind, depth), n * calendar.escalateEveryDays);
}

/**
 * `isoDay` moved by whole `years`, the same month and day; a 29 February lands on the 28th in a year without one
 * (a deadline never slips into March).
 */
export function moveByYears(isoDay: string, years: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** A calendar moved to another year: each deadline by the difference in years, the other settings kept. */
export function calendarMovedBy<C extends Deadlines>(calendar: C, years: number): C {
  const moved = { ...calendar };
  for (const field of deadlineFields) moved[field] = moveByYears(calendar[field], years) as C[typeof field];
  return moved;
}

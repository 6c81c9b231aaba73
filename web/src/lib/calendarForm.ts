/**
 * The calendar as a form (the year's new-year form and its calendar page): what a person typed, as text; the checks
 * that say, in their language, what to fix next to each field; and the API's 422 `errors` mapped back to the fields.
 * The order of the deadlines is checked with the server's own rule (shared/domain/calendar).
 */
import { deadlineFields, deadlineOrderProblems } from '../../../shared/domain/calendar';
import type { Key } from '../i18n';
import { t } from '../i18n';
import { fieldId, type FieldProblem } from './forms';
import type { Cycle } from './types';

export type Calendar = Cycle['calendar'];
export const calendarFields = [...deadlineFields, 'reminderDaysBefore', 'escalateEveryDays', 'unitLeadDays', 'timeZone'] as const;
export type CalendarField = (typeof calendarFields)[number];
export type CalendarForm = Record<CalendarField, string>;

const numberRanges: Partial<Record<CalendarField, [number, number]>> = { reminderDaysBefore: [0, 60], escalateEveryDays: [1, 60], unitLeadDays: [0, 60] };
const DEFAULT_UNIT_LEAD_DAYS = 14;

export const calendarFieldId = (field: CalendarField | 'year' | 'copyFrom') => fieldId('calendar', field);
export const fieldLabel = (field: CalendarField | 'year') => t(`year.field.${field}` as Key);

export function toCalendarForm(calendar: Calendar): CalendarForm {
  return {
    planDue: calendar.planDue,
    t1Due: calendar.t1Due,
    t2Due: calendar.t2Due,
    annualDue: calendar.annualDue,
    signoffDue: calendar.signoffDue,
    reminderDaysBefore: String(calendar.reminderDaysBefore),
    escalateEveryDays: String(calendar.escalateEveryDays),
    unitLeadDays: String(calendar.unitLeadDays ?? DEFAULT_UNIT_LEAD_DAYS),
    timeZone: calendar.timeZone,
  };
}

export const emptyCalendarForm = (): CalendarForm => ({
  planDue: '',
  t1Due: '',
  t2Due: '',
  annualDue: '',
  signoffDue: '',
  reminderDaysBefore: '7',
  escalateEveryDays: '7',
  unitLeadDays: String(DEFAULT_UNIT_LEAD_DAYS),
  timeZone: 'Europe/Stockholm',
});

const isRealDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

function isTimeZone(name: string): boolean {
  if (!/^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The calendar the form holds, or the problems that stop it being sent (each next to its field). */
export function calendarOf(form: CalendarForm): { calendar?: Calendar; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  for (const field of deadlineFields) {
    if (!isRealDate(form[field].trim())) problems.push({ fieldId: calendarFieldId(field), message: { key: 'year.error.date', vars: { field: fieldLabel(field) } } });
  }
  const numbers: Partial<Record<CalendarField, number>> = {};
  for (const [field, [min, max]] of Object.entries(numberRanges) as Array<[CalendarField, [number, number]]>) {
    const value = Number(form[field].trim());
    if (form[field].trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      problems.push({ fieldId: calendarFieldId(field), message: { key: 'year.error.range', vars: { field: fieldLabel(field), min, max } } });
    } else numbers[field] = value;
  }
  if (!isTimeZone(form.timeZone.trim())) problems.push({ fieldId: calendarFieldId('timeZone'), message: { key: 'year.error.timeZone', vars: { field: fieldLabel('timeZone') } } });
  const dates = Object.fromEntries(deadlineFields.map((field) => [field, form[field].trim()]));
  for (const problem of deadlineOrderProblems(dates)) {
    const field = problem.path as (typeof deadlineFields)[number];
    const before = deadlineFields.slice(0, deadlineFields.indexOf(field)).filter((f) => isRealDate(dates[f]!));
    const previous = before.reduce<(typeof deadlineFields)[number] | undefined>((latest, f) => (!latest || dates[f]! > dates[latest]! ? f : latest), undefined);
    problems.push({ fieldId: calendarFieldId(field), message: { key: 'year.error.order', vars: { field: fieldLabel(field), previous: previous ? fieldLabel(previous) : '' } } });
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    calendar: {
      planDue: dates.planDue!,
      t1Due: dates.t1Due!,
      t2Due: dates.t2Due!,
      annualDue: dates.annualDue!,
      signoffDue: dates.signoffDue!,
      reminderDaysBefore: numbers.reminderDaysBefore!,
      escalateEveryDays: numbers.escalateEveryDays!,
      unitLeadDays: numbers.unitLeadDays!,
      timeZone: form.timeZone.trim(),
    },
  };
}

/**
 * A 422's `errors` as field problems: the path names the field (`body.calendar.t1Due`, `calendar.t1Due`, `t1Due`,
 * `copyFrom`, `year`), and the message is worded in the person's language, not the server's English.
 */
export function problemsFromApi(errors: ReadonlyArray<{ path: string; message: string }>, context: { year?: number; copyFrom?: number } = {}): FieldProblem[] {
  return errors.map((error): FieldProblem => {
    const path = error.path.replace(/^body\./, '').replace(/^calendar\./, '');
    if (path === 'copyFrom') return { fieldId: calendarFieldId('copyFrom'), message: { key: 'year.error.copyFrom', vars: { year: context.copyFrom ?? '' } } };
    if (path === 'year') return { fieldId: calendarFieldId('year'), message: { key: 'year.error.year' } };
    const field = (calendarFields as readonly string[]).includes(path) ? (path as CalendarField) : undefined;
    if (!field) return { fieldId: calendarFieldId('planDue'), message: { text: error.message } };
    if (/must be after/.test(error.message)) return { fieldId: calendarFieldId(field), message: { key: 'year.error.order', vars: { field: fieldLabel(field), previous: previousLabel(error.message) } } };
    return { fieldId: calendarFieldId(field), message: { key: 'year.error.field', vars: { field: fieldLabel(field) } } };
  });
}

/** The deadline a server's order message names as the one before (`… must be after t1Due (…)`). */
function previousLabel(message: string): string {
  const named = /must be after (\w+)/.exec(message)?.[1];
  return named && (calendarFields as readonly string[]).includes(named) ? fieldLabel(named as CalendarField) : '';
}

/** The fields whose value differs between two calendars: what a PATCH sends. */
export function changedFields(before: Calendar, after: Calendar): Partial<Calendar> {
  const changed: Record<string, unknown> = {};
  for (const field of calendarFields) {
    const was = field === 'unitLeadDays' ? (before.unitLeadDays ?? DEFAULT_UNIT_LEAD_DAYS) : before[field];
    if (was !== after[field]) changed[field] = after[field];
  }
  return changed as Partial<Calendar>;
}

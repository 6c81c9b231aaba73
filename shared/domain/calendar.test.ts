import { describe, expect, it } from 'vitest';
import { ValidationFailed } from './errors';
import { addDays, applyCalendarPatch, calendarMovedBy, daysBetween, moveByYears, dueDateFor, escalationDate, isLate, localDate, overdueDate, reminderDate } from './calendar';
import type { Calendar } from '../schemas/cycles';

const calendar: Calendar = {
  planDue: '2027-01-31',
  t1Due: '2027-05-15',
  t2Due: '2027-09-15',
  annualDue: '2028-02-15',
  signoffDue: '2028-04-15',
  reminderDaysBefore: 7,
  escalateEveryDays: 5,
  timeZone: 'Europe/Stockholm',
};

describe('dueDateFor', () => {
  it.each([
    ['plan', '2027-01-31'],
    ['t1', '2027-05-15'],
    ['t2', '2027-09-15'],
    ['annual', '2028-02-15'],
    ['signoff', '2028-04-15'],
  ] as const)('%s is due %s', (kind, due) => expect(dueDateFor(calendar, kind)).toBe(due));
});

describe('isLate', () => {
  it.each([
    ['not_started', '2027-02-01', true],
    ['draft', '2027-02-01', true],
    ['returned', '2027-02-01', true],
    ['in_review', '2027-02-01', false],
    ['approved', '2027-02-01', false],
    ['draft', '2027-01-31', false],
    ['not_started', '2027-01-30', false],
  ] as const)('a plan %s on %s is late: %s', (status, today, late) => {
    expect(isLate(calendar, 'plan', status, today)).toBe(late);
  });
});

describe('localDate', () => {
  it.each([
    ['2027-01-31T22:59:59Z', 'Europe/Stockholm', '2027-01-31'],
    ['2027-01-31T23:00:00Z', 'Europe/Stockholm', '2027-02-01'],
    ['2027-07-31T21:59:59Z', 'Europe/Stockholm', '2027-07-31'],
    ['2027-07-31T22:00:00Z', 'Europe/Stockholm', '2027-08-01'],
    ['2027-07-31T21:00:00Z', 'Europe/Helsinki', '2027-08-01'],
    ['2027-01-01T03:00:00Z', 'America/New_York', '2026-12-31'],
    ['2027-12-31T23:30:00Z', 'UTC', '2027-12-31'],
  ])('%s in %s is %s', (instant, zone, day) => expect(localDate(new Date(instant), zone)).toBe(day));
});

describe('day arithmetic', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2027-03-28', 0, '2027-03-28'],
  ])('%s + %i days is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    expect(daysBetween(day, expected)).toBe(n);
  });
});

describe('reminder dates', () => {
  it.each([
    ['plan', '2027-01-24', '2027-02-01', '2027-02-06'],
    ['t1', '2027-05-08', '2027-05-16', '2027-05-21'],
    ['annual', '2028-02-08', '2028-02-16', '2028-02-21'],
  ] as const)('%s: reminder %s, overdue %s, first escalation %s', (kind, reminder, overdue, escalation) => {
    expect(reminderDate(calendar, kind)).toBe(reminder);
    expect(overdueDate(calendar, kind)).toBe(overdue);
    expect(escalationDate(calendar, kind, 1)).toBe(escalation);
  });
  it('escalates every escalateEveryDays', () => expect(escalationDate(calendar, 'plan', 3)).toBe('2027-02-16'));
  it('reminds on the due day when reminderDaysBefore is 0', () => expect(reminderDate({ ...calendar, reminderDaysBefore: 0 }, 'plan')).toBe('2027-01-31'));
});

describe('applyCalendarPatch', () => {
  it('changes only what the patch names', () => {
    expect(applyCalendarPatch(calendar, { t1Due: '2027-05-20', timeZone: undefined })).toEqual({ ...calendar, t1Due: '2027-05-20' });
  });
  it('refuses a patch that puts deadlines out of order, naming each', () => {
    try {
      applyCalendarPatch(calendar, { t1Due: '2027-10-01', signoffDue: '2028-01-01' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors?.map((e) => e.path)).toEqual(['t2Due', 'signoffDue']);
    }
  });
});

describe('moveByYears', () => {
  it.each([
    ['2027-01-31', 1, '2028-01-31'],
    ['2028-02-29', 1, '2029-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2028-02-28', 1, '2029-02-28'],
    ['2027-12-31', 1, '2028-12-31'],
    ['2027-05-15', -1, '2026-05-15'],
    ['2027-05-15', 3, '2030-05-15'],
  ] as const)('%s moved by %s years is %s', (day, years, moved) => expect(moveByYears(day, years)).toBe(moved));

  it('moves every deadline of a calendar and keeps its other settings', () => {
    expect(calendarMovedBy({ ...calendar, unitLeadDays: 10 }, 1)).toEqual({
      ...calendar,
      unitLeadDays: 10,
      planDue: '2028-01-31',
      t1Due: '2028-05-15',
      t2Due: '2028-09-15',
      annualDue: '2029-02-15',
      signoffDue: '2029-04-15',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { calendarOf, changedFields, problemsFromApi, toCalendarForm, type Calendar } from './calendarForm';

const calendar: Calendar = {
  planDue: '2027-01-31',
  t1Due: '2027-05-15',
  t2Due: '2027-09-15',
  annualDue: '2028-02-15',
  signoffDue: '2028-04-15',
  reminderDaysBefore: 7,
  escalateEveryDays: 7,
  unitLeadDays: 14,
  timeZone: 'Europe/Stockholm',
};
const form = toCalendarForm(calendar);

describe('the calendar form', () => {
  it('gives back the calendar it was filled from', () => {
    expect(calendarOf(form)).toEqual({ calendar, problems: [] });
  });

  it.each([
    [{ t1Due: '2027-02-30' }, 'f-calendar-t1Due', 'year.error.date'],
    [{ t1Due: '' }, 'f-calendar-t1Due', 'year.error.date'],
    [{ t2Due: '2027-05-01' }, 'f-calendar-t2Due', 'year.error.order'],
    [{ reminderDaysBefore: '61' }, 'f-calendar-reminderDaysBefore', 'year.error.range'],
    [{ escalateEveryDays: '0' }, 'f-calendar-escalateEveryDays', 'year.error.range'],
    [{ unitLeadDays: '2,5' }, 'f-calendar-unitLeadDays', 'year.error.range'],
    [{ timeZone: '+01:00' }, 'f-calendar-timeZone', 'year.error.timeZone'],
    [{ timeZone: 'Mars/Olympus' }, 'f-calendar-timeZone', 'year.error.timeZone'],
  ])('%o is refused next to %s with %s, and no calendar', (change, fieldId, key) => {
    const result = calendarOf({ ...form, ...change });
    expect(result.calendar).toBeUndefined();
    expect(result.problems).toEqual([{ fieldId, message: expect.objectContaining({ key }) }]);
  });

  it.each([
    [{ path: 'body.calendar.t1Due', message: 't1Due (2027-01-01) must be after planDue (2027-01-31)' }, 'f-calendar-t1Due', 'year.error.order'],
    [{ path: 'calendar.timeZone', message: 'use an IANA time zone name' }, 'f-calendar-timeZone', 'year.error.field'],
    [{ path: 't2Due', message: 'invalid date' }, 'f-calendar-t2Due', 'year.error.field'],
    [{ path: 'copyFrom', message: 'there is no 2019 cycle' }, 'f-calendar-copyFrom', 'year.error.copyFrom'],
    [{ path: 'body.year', message: 'too small' }, 'f-calendar-year', 'year.error.year'],
  ])("maps the API's %o to %s, worded as %s", (error, fieldId, key) => {
    expect(problemsFromApi([error], { copyFrom: 2019 })).toEqual([{ fieldId, message: expect.objectContaining({ key }) }]);
  });

  it('sends only the fields that changed; a calendar stored without unit lead days reads them as 14', () => {
    expect(changedFields(calendar, { ...calendar, t2Due: '2027-09-20', reminderDaysBefore: 5 })).toEqual({ t2Due: '2027-09-20', reminderDaysBefore: 5 });
    const { unitLeadDays: _, ...older } = calendar;
    expect(changedFields(older, calendar)).toEqual({});
  });
});

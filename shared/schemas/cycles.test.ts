import { describe, expect, it } from 'vitest';
import { calendarPatchBodySchema, calendarSchema, createCycleBodySchema, isIanaTimeZone } from './cycles';

const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' };
const pathsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('calendar', () => {
  it('fills in the defaults', () => {
    expect(calendarSchema.parse(calendar)).toEqual({ ...calendar, reminderDaysBefore: 7, escalateEveryDays: 7, timeZone: 'Europe/Stockholm' });
  });

  it.each([
    ['Europe/Stockholm', true],
    ['Europe/Helsinki', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Asia/Kolkata', true],
    ['Etc/GMT+1', true],
    ['europe/stockholm', false],
    ['Mars/Olympus_Mons', false],
    ['+01:00', false],
    ['', false],
  ])('time zone %j is valid: %s', (zone, valid) => {
    expect(isIanaTimeZone(zone)).toBe(valid);
    expect(calendarSchema.safeParse({ ...calendar, timeZone: zone }).success).toBe(valid);
  });

  it.each([
    [{ reminderDaysBefore: -1 }, ['reminderDaysBefore']],
    [{ reminderDaysBefore: 61 }, ['reminderDaysBefore']],
    [{ reminderDaysBefore: 2.5 }, ['reminderDaysBefore']],
    [{ reminderDaysBefore: 0 }, []],
    [{ escalateEveryDays: 0 }, ['escalateEveryDays']],
    [{ escalateEveryDays: 60 }, []],
    [{ t1Due: '2027-02-30' }, ['t1Due']],
  ])('%j gives problems at %j', (change, paths) => {
    expect(pathsOf(calendarSchema.safeParse({ ...calendar, ...change }))).toEqual(paths);
  });

  it.each([
    [{ t1Due: '2027-01-31' }, ['t1Due']],
    [{ t1Due: '2027-10-01' }, ['t2Due']],
    [{ signoffDue: '2027-01-01' }, ['signoffDue']],
    [{ planDue: '2028-12-31' }, ['t1Due', 't2Due', 'annualDue', 'signoffDue']],
    [{ t2Due: '2027-05-15' }, ['t2Due']],
  ])('deadlines out of order %j are named at %j', (change, paths) => {
    expect(pathsOf(calendarSchema.safeParse({ ...calendar, ...change }))).toEqual(paths);
  });
});

describe('create cycle body', () => {
  it('accepts a year and calendar', () => {
    expect(createCycleBodySchema.parse({ year: 2027, calendar }).year).toBe(2027);
  });
  it('names every problem, nested under calendar', () => {
    const result = createCycleBodySchema.safeParse({ year: 1999, calendar: { ...calendar, t2Due: '2027-05-01', timeZone: 'Nowhere' } });
    expect(pathsOf(result).sort()).toEqual(['calendar.t2Due', 'calendar.timeZone', 'year']);
  });
});

describe('calendar patch', () => {
  it.each([
    [{ t1Due: '2027-05-20' }, true],
    [{ timeZone: 'Europe/Helsinki', reminderDaysBefore: 3 }, true],
    [{}, false],
    [{ t1due: '2027-05-20' }, false],
    [{ t1Due: 'soon' }, false],
  ])('%j is valid: %s', (patch, valid) => {
    expect(calendarPatchBodySchema.safeParse(patch).success).toBe(valid);
  });
  it('does not fill in defaults', () => {
    expect(calendarPatchBodySchema.parse({ t1Due: '2027-05-20' })).toEqual({ t1Due: '2027-05-20' });
  });
});

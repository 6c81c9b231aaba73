import { describe, expect, it } from 'vitest';
import type { Calendar } from '../schemas/cycles';
import { calendarMoves } from './calendarMoves';

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
const openedOn = '2026-12-01';
const moves = (after: Partial<Calendar>, depths?: number[]) =>
  calendarMoves(calendar, { ...calendar, ...after }, { openedOn, depths }).map((m) => `${m.kind} ${m.what}@${m.depth}: ${m.from} → ${m.to}`);

describe('calendarMoves', () => {
  it('moves nothing when nothing changes', () => expect(moves({})).toEqual([]));

  it("moves a report's due date, its reminder, overdue notice, first escalation and its period's opening and closing", () => {
    expect(moves({ t1Due: '2027-05-20' })).toEqual([
      't1 due@0: 2027-05-15 → 2027-05-20',
      't1 reminder@0: 2027-05-08 → 2027-05-13',
      't1 overdue@0: 2027-05-16 → 2027-05-21',
      't1 escalation@0: 2027-05-23 → 2027-05-28',
      't1 periodOpens@0: 2027-04-15 → 2027-04-20',
      't1 periodCloses@0: 2027-05-16 → 2027-05-21',
    ]);
  });

  it.each([
    [{ reminderDaysBefore: 10 }, ['plan reminder@0: 2027-01-24 → 2027-01-21', 't1 reminder@0: 2027-05-08 → 2027-05-05', 't2 reminder@0: 2027-09-08 → 2027-09-05', 'annual reminder@0: 2028-02-08 → 2028-02-05']],
    [{ escalateEveryDays: 3 }, ['plan escalation@0: 2027-02-08 → 2027-02-04', 't1 escalation@0: 2027-05-23 → 2027-05-19', 't2 escalation@0: 2027-09-23 → 2027-09-19', 'annual escalation@0: 2028-02-23 → 2028-02-19']],
    [{ signoffDue: '2028-04-30' }, ['signoff due@0: 2028-04-15 → 2028-04-30']],
  ] as const)('%o moves only what it concerns', (after, expected) => expect(moves(after)).toEqual(expected));

  it("moves the units' dates, and only theirs, when the unit lead days change and the city has units", () => {
    const moved = moves({ unitLeadDays: 10 }, [1]);
    expect(moved).toContain('plan due@1: 2027-02-14 → 2027-02-10');
    expect(moved).toContain('t1 due@1: 2027-05-01 → 2027-05-05');
    expect(moved.every((line) => line.includes('@1'))).toBe(true);
    expect(moves({ unitLeadDays: 10 })).toEqual([]);
  });
});

describe("calendarMoves and the reminder job's steps", () => {
  // Only what moves is listed: at depth 2 the plan's later date and the shorter lead days cancel out.
  it.each([0, 1, 2])('date the first three steps of every kind at depth %s as reminderSteps does', async (depth) => {
    const { reminderSteps } = await import('./reminders');
    const after: Calendar = { ...calendar, planDue: '2027-02-10', t1Due: '2027-05-20', t2Due: '2027-09-01', annualDue: '2028-02-20', reminderDaysBefore: 3, escalateEveryDays: 4, unitLeadDays: 9 };
    const moved = calendarMoves(calendar, after, { openedOn, depths: [depth] }).filter((m) => m.depth === depth && m.what !== 'due' && !m.what.startsWith('period'));
    for (const kind of ['plan', 't1', 't2', 'annual'] as const) {
      const steps = (c: Calendar) => {
        const out: string[] = [];
        for (const step of reminderSteps(c, kind, depth)) if (out.push(step.date) === 3) break;
        return out;
      };
      expect(moved.filter((m) => m.kind === kind).map((m) => [m.from, m.to])).toEqual(steps(calendar).map((from, i) => [from, steps(after)[i]]).filter(([from, to]) => from !== to));
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, reviewer, startTestStack, type TestStack } from '../test/support/localStack';

/**
 * Moving the local clock by years: the reminder job runs only on the days its rules can send something, the
 * occurrences in between are recorded as fired, every Wait fires at its own instant, and a long move answers 202
 * with a place to poll. Counts runs, never time.
 */
const year = 2026;
// Escalations every 60 days, so that five years hold far fewer step days than days.
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15', escalateEveryDays: 60, reminderDaysBefore: 7 };
const start = '2025-12-01T08:00:00.000Z';
const oneDay = '2025-12-02T12:00:00.000Z';
const fiveYears = '2030-12-01T12:00:00.000Z';
const lastDay = fiveYears.slice(0, 10);

/** Days from an ISO date, in plain UTC arithmetic: independent of the code under test. */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Every day a step of a kind falls on through `until`: the reminder, the overdue day, then every 60 days. */
function stepDays(due: string, until: string): string[] {
  const days = [plusDays(due, -7)];
  for (let day = plusDays(due, 1); day <= until; day = plusDays(day, 60)) days.push(day);
  return days.filter((day) => day <= until);
}

describe('the local clock moved five years', () => {
  let t: TestStack;
  const runs = () => t.stack.scheduler.occurrences.get('SendReminders') ?? { ran: 0, skipped: 0 };
  /** POST /api/dev/clock answers 202 at once here (the bound is 0): poll until the move is done. */
  const moveTo = async (now: string) => {
    const accepted = await t.api('POST', '/api/dev/clock', { body: { now } });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    expect(accepted.headers.get('location')).toBe('/api/dev/clock');
    expect(accepted.body).toMatchObject({ target: new Date(now).toISOString(), moving: true });
    for (;;) {
      const state = await t.api('GET', '/api/dev/clock');
      if (!state.body.moving) return expect(state.body.now >= new Date(now).toISOString()).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    t = await startTestStack({ clockStart: new Date(start), clockAnswerWithinMs: 0 });
    for (const boardId of ['alby', 'bagarmossen']) {
      const put = await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: `Nämnd ${boardId}`, kind: 'district', contacts: [`kansli@${boardId}.example`] } });
      expect(put.status).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs the reminder job on the days something is due, sends each step on its day, and fires each Wait at its time', async () => {
    await moveTo(oneDay);
    expect(runs()).toEqual({ ran: 1, skipped: 0 });

    const second = await t.api('POST', '/api/dev/clock', { body: { now: fiveYears } });
    expect(second.status).toBe(202);
    expect((await t.api('POST', '/api/dev/clock', { body: { now: fiveYears } })).status).toBe(409);
    for (let state = await t.api('GET', '/api/dev/clock'); state.body.moving; state = await t.api('GET', '/api/dev/clock')) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const days = daysFrom(oneDay.slice(0, 10), lastDay);
    const due = new Set([calendar.planDue, calendar.t1Due, calendar.t2Due, calendar.annualDue].flatMap((d) => stepDays(d, lastDay)));
    const { ran, skipped } = runs();
    // The first run, then one per step day; every other day's occurrence passed over, none lost.
    expect(ran - 1).toBe(due.size);
    expect(ran - 1 + skipped).toBe(days);
    expect(ran).toBeLessThan(days / 10);

    // What went out is what a daily run would have sent: each step once, on its own day.
    const messages = ((await t.api('GET', '/api/dev/outbox')).body.messages as Array<Record<string, any>>).filter((m) => m.boardId === 'alby');
    for (const [kind, dueDate] of [['plan', calendar.planDue], ['t1', calendar.t1Due], ['t2', calendar.t2Due], ['annual', calendar.annualDue]] as const) {
      expect(messages.filter((m) => m.documentKind === kind).map((m) => (m.at as string).slice(0, 10))).toEqual(stepDays(dueDate, lastDay));
    }

    // The period workflows' Waits fired at their own instants, not at the next job run.
    const cycle = await t.api('GET', `/api/cycles/${year}`, { as: reviewer });
    const periods = cycle.body.periods as Array<{ kind: string; closesAt: string; closedAt?: string }>;
    expect(periods.length).toBeGreaterThan(0);
    // (The local clock runs on with real time while a workflow steps: a closing lands within moments of its instant.)
    for (const period of periods) {
      const late = Date.parse(period.closedAt!) - Date.parse(period.closesAt);
      expect({ kind: period.kind, late: late >= 0 && late < 60_000 }).toEqual({ kind: period.kind, late: true });
    }
  });
});

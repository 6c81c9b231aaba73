import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler as makeSendReminders } from '../functions/schedule/sendReminders';
import { lambdaContext } from '../local/lambdaContext';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

/**
 * A whole year on the local clock: the daily reminder job runs for every day the clock passes, and the
 * outbox must hold exactly the reminders, overdue notices and escalations the calendar implies.
 */
const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const walkEnds = '2027-03-01';
const reviewers = ['granskare@stad.example'];
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};
const content = {
  plan: { targets: [{ indicatorId: 'KF-1', target: 81 }] },
  t1: { indicators: [{ indicatorId: 'KF-1', forecast: 82 }] },
  t2: { indicators: [{ indicatorId: 'KF-1', forecast: 82 }] },
  annual: { indicators: [{ indicatorId: 'KF-1', outcome: 82 }], internalControl: { assessment: 'sufficient' } },
};

/** Days from an ISO date, in plain UTC arithmetic: independent of the code under test. */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
function weeklyFrom(first: string, until: string): number {
  let count = 0;
  for (let day = first; day <= until; day = plusDays(day, 7)) count += 1;
  return count;
}

describe('reminders through a whole year', () => {
  let t: TestStack;
  const outbox = async () => (await t.api('GET', '/api/dev/outbox')).body.messages as Array<Record<string, any>>;
  const moveTo = async (date: string, time = '12:00:00') => {
    const answer = await t.api('POST', '/api/dev/clock', { body: { now: `${date}T${time}Z` } });
    expect([200, 202], JSON.stringify(answer.body)).toContain(answer.status);
    // A move longer than the dev route's bound answers 202 and goes on: poll until it is done.
    for (let state = answer.body; answer.status === 202 && state.moving; state = (await t.api('GET', '/api/dev/clock')).body) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const fileAndApprove = async (boardId: string, kind: keyof typeof content) => {
    const path = `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
    const current = await t.api('GET', path, { as: editorOf(boardId) });
    expect((await t.api('PUT', path, { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content: content[kind] } })).status).toBe(200);
    const submitted = await t.api('POST', `${path}/submit`, { as: editorOf(boardId) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${path}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Ok.' } })).status).toBe(200);
    await t.stack.runDueJobs();
  };

  beforeAll(async () => {
    t = await startTestStack({ clockStart: new Date('2025-12-01T08:00:00Z') });
    for (const boardId of ['punctual', 'lastminute', 'never']) {
      await t.api('PUT', `/api/boards/${boardId}`, {
        as: admin,
        body: { name: `Nämnd ${boardId}`, kind: 'district', contacts: [`kansli@${boardId}.example`], ...(boardId === 'never' ? { locale: 'en' } : {}) },
      });
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar, reviewerContacts: reviewers } })).status).toBe(201);
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('sends exactly what the calendar implies, once each, following a moved deadline', async () => {
    // The punctual board files well before each reminder; the last-minute board after the reminder, before the deadline.
    await moveTo('2026-01-10');
    await fileAndApprove('punctual', 'plan');
    await moveTo('2026-01-28');
    await fileAndApprove('lastminute', 'plan');

    await moveTo('2026-04-20');
    await fileAndApprove('punctual', 't1');
    await moveTo('2026-05-10'); // the t1 reminder (for 2026-05-15) went out on 05-08
    const moved = await t.api('PATCH', `/api/cycles/${year}/calendar`, { as: admin, body: { t1Due: '2026-05-29' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await moveTo('2026-05-20');
    await fileAndApprove('lastminute', 't1');

    await moveTo('2026-08-20');
    await fileAndApprove('punctual', 't2');
    await moveTo('2026-09-10');
    await fileAndApprove('lastminute', 't2');

    await moveTo('2027-01-20');
    await fileAndApprove('punctual', 'annual');
    await moveTo('2027-02-12');
    await fileAndApprove('lastminute', 'annual');
    await moveTo(walkEnds);

    const messages = (await outbox()).filter((message) => ['reminder', 'overdue', 'escalation'].includes(message.kind));
    const count = (boardId: string, documentKind: string, kind: string) =>
      messages.filter((message) => message.boardId === boardId && message.documentKind === documentKind && message.kind === kind).length;

    for (const kind of ['plan', 't1', 't2', 'annual']) {
      expect({ kind, reminder: count('punctual', kind, 'reminder'), overdue: count('punctual', kind, 'overdue'), escalation: count('punctual', kind, 'escalation') }).toEqual({
        kind,
        reminder: 0,
        overdue: 0,
        escalation: 0,
      });
    }
    // The last-minute board: one reminder per deadline, and for t1 only the one before the deadline moved.
    for (const kind of ['plan', 't1', 't2', 'annual']) {
      expect({ kind, reminder: count('lastminute', kind, 'reminder'), overdue: count('lastminute', kind, 'overdue'), escalation: count('lastminute', kind, 'escalation') }).toEqual({
        kind,
        reminder: 1,
        overdue: 0,
        escalation: 0,
      });
    }
    // The board that never files: reminder, overdue the day after, weekly escalations until the walk ends.
    const expected = {
      plan: { reminder: 1, overdue: 1, escalation: weeklyFrom('2026-02-08', walkEnds) },
      t1: { reminder: 2, overdue: 1, escalation: weeklyFrom('2026-06-06', walkEnds) },
      t2: { reminder: 1, overdue: 1, escalation: weeklyFrom('2026-09-23', walkEnds) },
      annual: { reminder: 1, overdue: 1, escalation: weeklyFrom('2027-02-23', walkEnds) },
    };
    for (const [kind, numbers] of Object.entries(expected)) {
      expect({ kind, reminder: count('never', kind, 'reminder'), overdue: count('never', kind, 'overdue'), escalation: count('never', kind, 'escalation') }).toEqual({
        kind,
        ...numbers,
      });
    }

    // The moved deadline: no overdue notice for the old date, a fresh reminder for the new one.
    const t1Never = messages.filter((message) => message.boardId === 'never' && message.documentKind === 't1');
    expect(t1Never.slice(0, 3).map((message) => `${message.kind} ${message.at.slice(0, 10)}`)).toEqual([
      'reminder 2026-05-08',
      'reminder 2026-05-22',
      'overdue 2026-05-30',
    ]);
    expect(t1Never[1].body).toContain('2026-05-29');

    // Overdue notices and escalations copy the reviewers; the board's language is used; no unsubscribe.
    const overdue = messages.find((message) => message.boardId === 'never' && message.kind === 'overdue')!;
    expect(overdue.to).toEqual(['kansli@never.example']);
    expect(overdue.cc).toEqual(reviewers);
    expect(overdue.subject).toMatch(/overdue|late|past/i);
    expect(messages.every((message) => !/unsubscribe|avregistrera/i.test(message.body))).toBe(true);
    const swedish = messages.find((message) => message.boardId === 'lastminute')!;
    expect(swedish.subject).toMatch(/påminnelse|verksamhetsplan|senast/i);
    expect(swedish.body).toContain('/cycles/2026/boards/lastminute/documents/');

    // A schedule that fires twice sends nothing twice.
    const before = (await outbox()).length;
    const again = await makeSendReminders(t.stack.deps)({ scheduledTime: `${walkEnds}T06:00:00.000Z` }, lambdaContext('SendReminders'));
    expect(again).toMatchObject({ sent: 0 });
    expect((await outbox()).length).toBe(before);

    // Who is late, for the reviewers.
    const late = await t.api('GET', `/api/cycles/${year}/late`, { as: reviewer });
    expect(late.status).toBe(200);
    expect(late.body.late.map((entry: { boardId: string; kind: string }) => `${entry.boardId}:${entry.kind}`).sort()).toEqual([
      'never:annual',
      'never:plan',
      'never:t1',
      'never:t2',
    ]);
    expect((await t.api('GET', `/api/cycles/${year}/late`, { as: editorOf('never') })).status).toBe(403);
    const matrix = await t.api('GET', `/api/cycles/${year}/status`, { as: editorOf('never') });
    expect(matrix.body.boards.find((board: { boardId: string }) => board.boardId === 'never').documents.plan).toMatchObject({ status: 'not_started', late: true });

    // The period workflows ran on the clock (one execution per period) and recorded who was late.
    expect(await t.stack.scheduler.list()).toEqual([]);
    const cycle = await t.api('GET', `/api/cycles/${year}`, { as: reviewer });
    const periods = Object.fromEntries(cycle.body.periods.map((period: { kind: string }) => [period.kind, period]));
    expect(periods.plan).toMatchObject({ closesAt: '2026-01-31T23:00:00.000Z', late: ['never'] });
    expect(periods.t1).toMatchObject({ closesAt: '2026-05-29T22:00:00.000Z', late: ['never'] });
    expect(periods.annual).toMatchObject({ late: ['never'] });
    expect(periods.t1.closedAt >= '2026-05-29T22:00:00.000Z').toBe(true);
  });
});

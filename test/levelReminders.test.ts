import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDueReminders } from '../shared/features/reminders/sendReminders';
import { admin, editorOf, reviewer, startTestStack, type Caller, type TestStack } from './support/localStack';

/**
 * Reminders at every level, on the local clock: a unit (skola, below the board bromma) and a unit of that unit
 * (klass) are reminded at their own dates, their overdue notices and escalations copied to their parent's contacts
 * and never to the city's reviewers, who keep getting the top-level board's copies. The parent's office returns and
 * approves its unit's plan, and the unit's contacts are told, with the unit's own due date.
 */
const year = 2026;
const unitLeadDays = 10;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15', unitLeadDays };
const walkEnds = '2026-03-01';
const reviewers = ['granskare@stad.example'];
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};
const plan = { targets: [{ indicatorId: 'KF-1', target: 81 }] };

/** Days from an ISO date, in plain UTC arithmetic: independent of the code under test. */
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
// The plan, unitLeadDays later per level; the reminder seven days before (the default), the overdue notice the day after.
const planDue = { kista: calendar.planDue, skola: plusDays(calendar.planDue, unitLeadDays), klass: plusDays(calendar.planDue, 2 * unitLeadDays) };

describe('reminders at every level', () => {
  let t: TestStack;
  const outbox = async () => (await t.api('GET', '/api/dev/outbox')).body.messages as Array<Record<string, any>>;
  const moveTo = async (date: string, time = '12:00:00') => {
    const answer = await t.api('POST', '/api/dev/clock', { body: { now: `${date}T${time}Z` } });
    expect([200, 202], JSON.stringify(answer.body)).toContain(answer.status);
    for (let state = answer.body; answer.status === 202 && state.moving; state = (await t.api('GET', '/api/dev/clock')).body) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const documentPath = (boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;
  const file = async (boardId: string) => {
    const path = documentPath(boardId);
    const current = await t.api('GET', path, { as: editorOf(boardId) });
    const saved = await t.api('PUT', path, { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content: plan } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await t.api('POST', `${path}/submit`, { as: editorOf(boardId) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await t.stack.runDueJobs();
  };
  const decide = async (boardId: string, by: Caller, decision: 'approve' | 'return', comment: string) => {
    const answer = await t.api('POST', `${documentPath(boardId)}/decision`, { as: by, body: { decision, comment } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await t.stack.runDueJobs();
  };

  beforeAll(async () => {
    t = await startTestStack({ clockStart: new Date('2025-12-01T08:00:00Z') });
    const boards = [
      { boardId: 'bromma', body: { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example'] } },
      { boardId: 'kista', body: { name: 'Kista stadsdelsnämnd', kind: 'district', contacts: ['kansli@kista.example'] } },
      { boardId: 'skola', body: { name: 'Bromma skola', kind: 'unit', parentId: 'bromma', contacts: ['rektor@skola.example'] } },
      { boardId: 'klass', body: { name: 'Bromma skola, klass 1', kind: 'unit', parentId: 'skola', contacts: ['larare@klass.example'] } },
    ];
    for (const { boardId, body } of boards) {
      const answer = await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    const cycle = await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar, reviewerContacts: reviewers } });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
    t.stack.db.middlewareStack.add(
      (next, context) => async (args) => {
        if (readUnits === undefined || !/^(Get|Query|Scan|BatchGet|TransactGet)/.test(context.commandName ?? '')) return next(args);
        const input = args.input as { ReturnConsumedCapacity?: string };
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
        for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) readUnits += c.CapacityUnits ?? 0;
        return result;
      },
      { step: 'initialize', name: 'reminderReadCounter' },
    );
  });

  /** The read units the reminder job consumes on DynamoDB Local while `work` runs. */
  let readUnits: number | undefined;
  const readUnitsOf = async (work: () => Promise<unknown>) => {
    readUnits = 0;
    try {
      await work();
      return readUnits;
    } finally {
      readUnits = undefined;
    }
  };

  afterAll(async () => {
    await t?.stop();
  });

  it("reminds each unit on its own dates, copies its parent's contacts on its overdue notices, never the reviewers", async () => {
    // bromma plans early and is approved by the city; kista and klass never file; skola files late, after its overdue day.
    await moveTo('2026-01-10');
    await file('bromma');
    await decide('bromma', reviewer, 'approve', 'Ok.');
    await moveTo(plusDays(planDue.skola, 3));
    await file('skola');
    // bromma's office decides on its unit: returned first, then, resubmitted, approved.
    await decide('skola', editorOf('bromma'), 'return', 'Förtydliga målet.');
    await file('skola');
    await decide('skola', editorOf('bromma'), 'approve', 'Bra.');
    await moveTo(walkEnds);

    const messages = await outbox();
    const of = (boardId: string, kinds = ['reminder', 'overdue', 'escalation']) =>
      messages.filter((m) => m.boardId === boardId && kinds.includes(m.kind)).map((m) => ({ kind: m.kind, on: m.at.slice(0, 10), to: m.to, cc: m.cc ?? [] }));

    expect(of('skola')).toEqual([
      { kind: 'reminder', on: plusDays(planDue.skola, -7), to: ['rektor@skola.example'], cc: [] },
      { kind: 'overdue', on: plusDays(planDue.skola, 1), to: ['rektor@skola.example'], cc: ['kansli@bromma.example'] },
    ]);
    expect(of('klass')).toEqual([
      { kind: 'reminder', on: plusDays(planDue.klass, -7), to: ['larare@klass.example'], cc: [] },
      { kind: 'overdue', on: plusDays(planDue.klass, 1), to: ['larare@klass.example'], cc: ['rektor@skola.example'] },
      { kind: 'escalation', on: plusDays(planDue.klass, 8), to: ['larare@klass.example'], cc: ['rektor@skola.example'] },
    ]);
    // The unit's own due date is in its messages.
    const overdue = messages.find((m) => m.boardId === 'skola' && m.kind === 'overdue')!;
    expect(overdue.body).toContain(planDue.skola);
    // …and says who has the copy: the parent's office, not the reviewers.
    expect(overdue.body).toContain('Bromma stadsdelsnämnd har fått en kopia');
    expect(overdue.body).not.toMatch(/granskarna/i);
    // The top-level board that never files: its copies still go to the reviewers, and only its copies do.
    expect(of('kista')[1]).toEqual({ kind: 'overdue', on: plusDays(planDue.kista, 1), to: ['kansli@kista.example'], cc: reviewers });
    expect(messages.filter((m) => (m.cc ?? []).includes(reviewers[0])).every((m) => m.boardId === 'kista')).toBe(true);
    expect(of('bromma')).toEqual([]);

    // The parent office's decisions reach the unit's contacts, naming the unit's own due date.
    const decisions = messages.filter((m) => m.boardId === 'skola' && ['returned', 'approved'].includes(m.kind));
    expect(decisions.map((m) => ({ kind: m.kind, to: m.to }))).toEqual([
      { kind: 'returned', to: ['rektor@skola.example'] },
      { kind: 'approved', to: ['rektor@skola.example'] },
    ]);
    expect(decisions[0]!.body).toContain('Förtydliga målet.');
    expect(decisions[1]!.body).toContain(planDue.skola);
  });

  it("reads a few read units on a quiet day, and runs in full on a day only a unit's step falls on", async () => {
    // After the walk: kista escalates on 03-08, klass (level 2) on 03-07; 03-02 … 03-06 nothing is due.
    const job = (day: string) => sendDueReminders(`${day}T06:00:00.000Z`, t.stack.deps);
    for (const day of ['2026-03-02', '2026-03-06']) {
      let result: Awaited<ReturnType<typeof job>> | undefined;
      const units = await readUnitsOf(async () => (result = await job(day)));
      expect(result).toEqual({ sent: 0, superseded: 0, fullRuns: [] });
      // The cycle, the last run and the boards added since: read, and counted, but few.
      expect(units, day).toBeGreaterThan(0);
      expect(units, day).toBeLessThanOrEqual(5);
    }
    let full: Awaited<ReturnType<typeof job>> | undefined;
    const fullUnits = await readUnitsOf(async () => (full = await job(plusDays(planDue.klass, 15))));
    expect(full).toMatchObject({ sent: 1, fullRuns: [{ year, reason: 'plan step due at level 2' }] });
    expect(fullUnits).toBeGreaterThan(5);
    expect((await outbox()).at(-1)).toMatchObject({ boardId: 'klass', kind: 'escalation', cc: ['rektor@skola.example'] });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { StoredDocument } from '../../ports/documentStore';
import type { SentMessages } from '../../ports/sentMessages';
import { nextReminderRun, sendDueReminders } from './sendReminders';

let w: TestWorld;
// The job runs at 07:00 in Stockholm: 06:00 UTC in winter. 2027-01-24 is seven days before the plan is due.
const at = (day: string) => `${day}T06:00:00.000Z`;
const reminderDay = at('2027-01-24');

/** What went out, as `board kind step-kind on-day`. */
const outgoing = () => w.notifier.sent.map((message) => `${message.boardId} ${message.documentKind} ${message.kind}`);

/** Every port call the job makes, by `port.method`. */
function counting(world: TestWorld) {
  const calls: string[] = [];
  const args: unknown[][] = [];
  const wrap = <T extends object>(name: string, port: T): T =>
    new Proxy(port, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...called: unknown[]) => {
          calls.push(`${name}.${String(property)}`);
          args.push(structuredClone(called));
          return (value as (...a: unknown[]) => unknown).apply(target, called);
        };
      },
    });
  const deps = { ...world, cycles: wrap('cycles', world.cycles), boards: wrap('boards', world.boards), documents: wrap('documents', world.documents), sent: wrap('sent', world.sent) };
  return { deps, calls, args };
}

async function saveDocument(document: StoredDocument): Promise<void> {
  const stored = await w.documents.get(document.year, document.boardId, document.kind);
  if (!stored) return seedDocument(w, document);
  const next = { ...document, version: stored.document.version + 1 };
  await w.documents.commit({
    next,
    previous: stored.document,
    expectedVersion: stored.document.version,
    event: { at: next.updatedAt, actor: next.updatedBy, role: 'reviewer', action: 'saved', from: stored.document.status, to: next.status },
  });
}

const submitted = (boardId: string, kind: 'plan' | 't1' | 't2' | 'annual', on: string, status: 'in_review' | 'approved' = 'in_review') =>
  storedDocument({ year: YEAR, boardId, kind }, { status, submissions: 1, submittedAt: `${on}T08:00:00.000Z`, updatedAt: `${on}T08:00:00.000Z` });

beforeEach(async () => {
  w = await testWorld();
});

describe('sendDueReminders', () => {
  it('reminds each board whose plan is not submitted, once, however often the job runs', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'in_review', submissions: 1, submittedAt: '2027-01-20T00:00:00.000Z' }));
    const first = await sendDueReminders(reminderDay, w);
    expect(first.sent).toBe(1);
    expect(w.notifier.sent.map((message) => [message.boardId, message.kind, message.documentKind])).toEqual([['bromma', 'reminder', 'plan']]);
    expect(await sendDueReminders(reminderDay, w)).toMatchObject({ sent: 0 });
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('sends what failed on the next run', async () => {
    w.notifier.failing = true;
    await expect(sendDueReminders(reminderDay, w)).rejects.toThrow();
    w.notifier.failing = false;
    expect((await sendDueReminders(reminderDay, w)).sent).toBe(2);
  });

  it('reads only the cycles, its last run and the boards added on a day when nothing is due', async () => {
    await sendDueReminders(reminderDay, w);
    const { deps, calls, args } = counting(w);
    for (const day of ['2027-01-25', '2027-01-26', '2027-01-31']) {
      calls.length = 0;
      expect(await sendDueReminders(at(day), deps)).toEqual({ sent: 0, superseded: 0, fullRuns: [] });
      expect(calls.sort()).toEqual(['cycles.list', 'sent.boardsAddedSince', 'sent.lastRun']);
    }
    // The overdue day is not quiet: a full run, reading the markers of the step due since, by key, for the two boards.
    calls.length = 0;
    args.length = 0;
    expect(await sendDueReminders(at('2027-02-01'), deps)).toMatchObject({ sent: 2, fullRuns: [{ year: YEAR, reason: 'plan step due' }] });
    expect(calls).not.toContain('sent.claimedWith');
    expect(args[calls.indexOf('sent.claimedAmong')]).toEqual([YEAR, ['bromma#plan#overdue@2027-01-31', 'kista#plan#overdue@2027-01-31']]);
    expect(calls).not.toContain('boards.list');
    expect(calls).not.toContain('sent.claimed');
  });

  it('reads whole boards only for those that get a message', async () => {
    for (const boardId of ['alby', 'bagarmossen', 'farsta']) await w.boards.save(storedBoard(boardId), 0);
    for (const boardId of ['alby', 'bagarmossen', 'farsta', 'kista']) await seedDocument(w, submitted(boardId, 'plan', '2027-01-20'));
    const { deps, calls, args } = counting(w);
    await sendDueReminders(reminderDay, deps);
    expect(outgoing()).toEqual(['bromma plan reminder']);
    expect(calls.filter((call) => call.startsWith('boards.'))).toEqual(['boards.directory', 'boards.getMany']);
    expect(args[calls.indexOf('boards.getMany')]).toEqual([['bromma']]);
    expect(calls.filter((call) => call === 'sent.claimedWith')).toHaveLength(1);
  });

  it('catches up after the job was down for days: one message, the latest step, the older ones superseded', async () => {
    await sendDueReminders(reminderDay, w);
    const result = await sendDueReminders(at('2027-02-10'), w);
    expect(result).toMatchObject({ sent: 2, superseded: 2 });
    expect(outgoing()).toEqual(['bromma plan reminder', 'kista plan reminder', 'bromma plan escalation', 'kista plan escalation']);
    expect(w.notifier.sent.at(-1)?.subject).toBeDefined();
    expect(await w.sent.claimed(YEAR)).toEqual(
      new Set(['bromma', 'kista'].flatMap((b) => [`${b}#plan#reminder@2027-01-31`, `${b}#plan#overdue@2027-01-31`, `${b}#plan#escalation-1@2027-01-31`])),
    );
    // Quiet until the next escalation, which goes out on its day.
    expect(await sendDueReminders(at('2027-02-14'), w)).toMatchObject({ sent: 0, fullRuns: [] });
    expect(await sendDueReminders(at('2027-02-15'), w)).toMatchObject({ sent: 2 });
  });

  it('follows a deadline moved later: nothing for the old date, a fresh reminder before the new one', async () => {
    await sendDueReminders(reminderDay, w);
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, version: cycle.version + 1, calendar: { ...cycle.calendar, planDue: '2027-02-14' } }, cycle.version, {
      at: '2027-01-25T09:00:00.000Z',
      actor: 'admin-1',
      role: 'admin',
      action: 'calendar_changed',
    });
    expect(await sendDueReminders(at('2027-01-26'), w)).toMatchObject({ sent: 0, fullRuns: [{ reason: 'cycle changed' }] });
    for (const day of ['2027-02-01', '2027-02-06']) expect(await sendDueReminders(at(day), w)).toMatchObject({ sent: 0, fullRuns: [] });
    expect(await sendDueReminders(at('2027-02-07'), w)).toMatchObject({ sent: 2 });
    expect(w.notifier.sent.at(-1)?.body).toContain('2027-02-14');
    expect(await sendDueReminders(at('2027-02-15'), w)).toMatchObject({ sent: 2 });
    expect(outgoing().slice(-2)).toEqual(['bromma plan overdue', 'kista plan overdue']);
  });

  it('sends a deadline moved earlier, whose reminder day has passed, at once', async () => {
    await sendDueReminders(at('2027-01-10'), w);
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, version: cycle.version + 1, calendar: { ...cycle.calendar, planDue: '2027-01-14' } }, cycle.version, {
      at: '2027-01-10T09:00:00.000Z',
      actor: 'admin-1',
      role: 'admin',
      action: 'calendar_changed',
    });
    // The reminder for the 14th fell on the 7th, before the last run: it goes out with the next run.
    expect(await sendDueReminders(at('2027-01-11'), w)).toMatchObject({ sent: 2 });
    expect(outgoing()).toEqual(['bromma plan reminder', 'kista plan reminder']);
  });

  it('a returned document gets the next step after its return on that step\'s day, not the missed ones', async () => {
    await sendDueReminders(reminderDay, w);
    await seedDocument(w, submitted('kista', 'plan', '2027-01-28'));
    await sendDueReminders(at('2027-02-01'), w); // overdue: bromma only
    await sendDueReminders(at('2027-02-08'), w); // escalation-1: bromma only
    await saveDocument({
      ...submitted('kista', 'plan', '2027-01-28'),
      status: 'returned',
      comments: [{ at: '2027-02-10T12:00:00.000Z', actor: 'reviewer-1', decision: 'return', comment: 'Komplettera.', indicatorComments: [] }],
      updatedAt: '2027-02-10T12:00:00.000Z',
    });
    expect(await sendDueReminders(at('2027-02-11'), w)).toMatchObject({ sent: 0, fullRuns: [] });
    const result = await sendDueReminders(at('2027-02-15'), w);
    expect(result).toMatchObject({ sent: 2 });
    expect(outgoing().filter((line) => line.startsWith('kista'))).toEqual(['kista plan reminder', 'kista plan escalation']);
    // Steps before the last run are not weighed again: nothing of them is sent late.
    expect(await w.sent.claimed(YEAR)).not.toContain('kista#plan#overdue@2027-01-31');
  });

  it('tells a board added after every plan was approved where it stands, on the next run', async () => {
    for (const boardId of ['bromma', 'kista']) await seedDocument(w, submitted(boardId, 'plan', '2027-01-20', 'approved'));
    await sendDueReminders(at('2027-02-01'), w);
    expect(await sendDueReminders(at('2027-02-08'), w)).toMatchObject({ fullRuns: [] });
    // Added as the office does (putBoard notes it first).
    await w.sent.boardAdded('alby', '2027-02-09T10:00:00.000Z');
    await w.boards.save(storedBoard('alby'), 0);
    expect(await sendDueReminders(at('2027-02-10'), w)).toMatchObject({ sent: 1, fullRuns: [{ reason: 'boards added' }] });
    expect(outgoing()).toEqual(['alby plan escalation']);
    expect(await sendDueReminders(at('2027-02-11'), w)).toMatchObject({ sent: 0 });
    expect(await sendDueReminders(at('2027-02-12'), w)).toMatchObject({ sent: 0, fullRuns: [] });
  });

  it('never sends twice and never skips when it dies after sending, before recording its run', async () => {
    await sendDueReminders(reminderDay, w);
    let failing = true;
    const sent: SentMessages = new Proxy(w.sent, {
      get: (target, property) =>
        property === 'recordRun' && failing ? () => Promise.reject(new Error('crashed')) : (Reflect.get(target, property) as Function).bind(target),
    });
    await expect(sendDueReminders(at('2027-02-01'), { ...w, sent })).rejects.toThrow('crashed');
    expect(outgoing()).toHaveLength(4);
    failing = false;
    // The run again (the schedule's retry), then days later: nothing twice, and the escalation on its day.
    expect(await sendDueReminders(at('2027-02-01'), { ...w, sent })).toMatchObject({ sent: 0 });
    expect(await sendDueReminders(at('2027-02-08'), w)).toMatchObject({ sent: 2 });
    expect(outgoing()).toEqual([
      'bromma plan reminder',
      'kista plan reminder',
      'bromma plan overdue',
      'kista plan overdue',
      'bromma plan escalation',
      'kista plan escalation',
    ]);
  });
});

describe('nextReminderRun', () => {
  it('answers the start of the next day a step can fall due, in the cycle\'s zone; now while no run was recorded', async () => {
    const now = new Date(reminderDay);
    expect(await nextReminderRun(now, w)).toEqual(now);
    await sendDueReminders(reminderDay, w);
    // Next: the plan's overdue notice on 2027-02-01, from midnight in Stockholm.
    expect((await nextReminderRun(now, w))?.toISOString()).toBe('2027-01-31T23:00:00.000Z');
  });

  it('skips kinds every board has had approved, and has nothing to wait for once all are', async () => {
    for (const kind of ['plan', 't1', 't2', 'annual'] as const) {
      for (const boardId of ['bromma', 'kista']) await seedDocument(w, submitted(boardId, kind, '2027-01-20', 'approved'));
    }
    await sendDueReminders(reminderDay, w);
    expect(await nextReminderRun(new Date(reminderDay), w)).toBeUndefined();
    await w.sent.boardAdded('alby', '2027-03-01T10:00:00.000Z');
    const later = new Date('2027-03-02T10:00:00.000Z');
    expect(await nextReminderRun(later, w)).toEqual(later);
  });
});

describe('sendDueReminders, at every level', () => {
  // bromma → skola (depth 1) → klass (depth 2). The top-level boards have their plans approved, so every plan step
  // from here on is a unit's: skola's plan is due 2027-02-14, klass's 2027-02-28 (unitLeadDays 14, the default).
  const reviewers = ['granskare@stad.example'];
  beforeEach(async () => {
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, version: cycle.version + 1, reviewerContacts: reviewers }, cycle.version, { at: '2026-12-02T08:00:00.000Z', actor: 'admin-1', role: 'admin', action: 'calendar_changed' });
    await w.boards.save(storedBoard('bromma', { contacts: ['kansli@bromma.example'], version: 1 }), 1);
    await w.boards.save(storedBoard('skola', { kind: 'unit', parentId: 'bromma', contacts: ['rektor@skola.example'] }), 0);
    await w.boards.save(storedBoard('klass', { kind: 'unit', parentId: 'skola', contacts: ['larare@klass.example'] }), 0);
    for (const boardId of ['bromma', 'kista']) await seedDocument(w, submitted(boardId, 'plan', '2027-01-20', 'approved'));
  });

  const sentTo = () => w.notifier.sent.map((m) => ({ board: m.boardId, kind: m.kind, to: m.to, cc: m.cc ?? [] }));

  it("reminds a unit on its own days, its overdue notice and escalations copied to its parent's contacts, not the reviewers", async () => {
    await sendDueReminders(at('2027-01-24'), w);
    expect(outgoing()).toEqual([]); // the top's plan day: the units' plans are not due yet
    await sendDueReminders(at('2027-02-07'), w);
    await sendDueReminders(at('2027-02-15'), w);
    await sendDueReminders(at('2027-02-21'), w);
    await sendDueReminders(at('2027-02-22'), w);
    await sendDueReminders(at('2027-03-01'), w);
    expect(sentTo()).toEqual([
      { board: 'skola', kind: 'reminder', to: ['rektor@skola.example'], cc: [] },
      { board: 'skola', kind: 'overdue', to: ['rektor@skola.example'], cc: ['kansli@bromma.example'] },
      { board: 'klass', kind: 'reminder', to: ['larare@klass.example'], cc: [] },
      { board: 'skola', kind: 'escalation', to: ['rektor@skola.example'], cc: ['kansli@bromma.example'] },
      // 03-01: klass's overdue day and skola's second escalation.
      { board: 'klass', kind: 'overdue', to: ['larare@klass.example'], cc: ['rektor@skola.example'] },
      { board: 'skola', kind: 'escalation', to: ['rektor@skola.example'], cc: ['kansli@bromma.example'] },
    ]);
    expect(w.notifier.sent[1]!.body).toContain('2027-02-14');
    expect(w.notifier.sent[1]!.body).toContain('Bromma nämnd har fått en kopia');
    expect(w.notifier.sent.flatMap((m) => [...m.to, ...(m.cc ?? [])])).not.toContain(reviewers[0]);
    // Exactly once: the same days again send nothing.
    for (const day of ['2027-02-07', '2027-02-15', '2027-03-01']) expect(await sendDueReminders(at(day), w)).toMatchObject({ sent: 0 });
  });

  it("keeps a top-level board's copies with the reviewers", async () => {
    await w.boards.save(storedBoard('alby'), 0);
    await sendDueReminders(at('2027-02-01'), w);
    expect(sentTo().filter((m) => m.board === 'alby')).toEqual([{ board: 'alby', kind: 'overdue', to: ['alby@example.org'], cc: reviewers }]);
  });

  it("reads a unit's parent, whole, only with the unit's copied message, and no other board", async () => {
    await sendDueReminders(at('2027-02-01'), w);
    const { deps, calls, args } = counting(w);
    await sendDueReminders(at('2027-02-07'), deps); // skola's reminder: no copy, no parent
    expect(args[calls.indexOf('boards.getMany')]).toEqual([['skola']]);
    calls.length = 0;
    args.length = 0;
    await sendDueReminders(at('2027-02-15'), deps); // skola's overdue notice: bromma for its copy
    expect(calls.filter((call) => call.startsWith('boards.'))).toEqual(['boards.directory', 'boards.getMany']);
    expect((args[calls.indexOf('boards.getMany')]![0] as string[]).sort()).toEqual(['bromma', 'skola']);
  });

  it("has no quiet day on a unit's step day, and stays quiet between", async () => {
    await sendDueReminders(at('2027-02-01'), w);
    const { deps, calls } = counting(w);
    for (const day of ['2027-02-02', '2027-02-06']) {
      calls.length = 0;
      expect(await sendDueReminders(at(day), deps)).toEqual({ sent: 0, superseded: 0, fullRuns: [] });
      expect(calls.sort()).toEqual(['cycles.list', 'sent.boardsAddedSince', 'sent.lastRun']);
    }
    expect(await sendDueReminders(at('2027-02-07'), deps)).toMatchObject({ sent: 1, fullRuns: [{ year: YEAR, reason: 'plan step due at level 1' }] });
    for (const day of ['2027-02-08', '2027-02-14']) expect(await sendDueReminders(at(day), deps)).toEqual({ sent: 0, superseded: 0, fullRuns: [] });
    expect(await sendDueReminders(at('2027-02-15'), deps)).toMatchObject({ sent: 1, fullRuns: [{ reason: 'plan step due at level 1' }] });
    expect(await sendDueReminders(at('2027-02-21'), deps)).toMatchObject({ sent: 1, fullRuns: [{ reason: 'plan step due at level 2' }] });
    // Next: skola's first escalation, from midnight in Stockholm.
    expect((await nextReminderRun(new Date(at('2027-02-21')), w))?.toISOString()).toBe('2027-02-21T23:00:00.000Z');
  });

  it('sends nothing to an archived board, nor to an archived unit; a unit below an archived parent is copied to the office above it', async () => {
    await w.boards.save(storedBoard('kista', { archived: true, version: 1 }), 1);
    await w.boards.save(storedBoard('skola', { kind: 'unit', parentId: 'bromma', contacts: ['rektor@skola.example'], archived: true, version: 1 }), 1);
    await w.boards.save(storedBoard('alby', { kind: 'unit', parentId: 'kista', contacts: ['alby@example.org'] }), 0);
    await sendDueReminders(at('2027-02-15'), w); // the units' overdue day at level 1; klass's reminder is on 02-21
    await sendDueReminders(at('2027-05-20'), w); // past every t1 date: everyone still owes t1
    expect(w.notifier.sent.filter((m) => m.boardId === 'kista' || m.boardId === 'skola')).toEqual([]);
    expect(sentTo().filter((m) => m.board === 'alby')[0]).toEqual({ board: 'alby', kind: 'overdue', to: ['alby@example.org'], cc: reviewers });
    // klass sits below the archived skola: copied to bromma's office, the active board above it.
    expect(sentTo().filter((m) => m.board === 'klass' && m.kind !== 'reminder').map((m) => m.cc)).toEqual([['kansli@bromma.example'], ['kansli@bromma.example']]);
  });

  it('follows a unit moved to a level no one else is at to its new dates, once the move is noted', async () => {
    await w.boards.save(storedBoard('ny', { kind: 'unit', parentId: 'kista', contacts: ['ny@example.org'] }), 0);
    await sendDueReminders(at('2027-02-07'), w); // the level-1 reminders (plan due 02-14): skola and ny
    // ny moves below klass, to level 3: its plan is due 2027-03-14. Noted as putBoard does.
    await w.sent.boardAdded('ny', '2027-02-07T10:00:00.000Z');
    await w.boards.save(storedBoard('ny', { kind: 'unit', parentId: 'klass', contacts: ['ny@example.org'], version: 1 }), 1);
    expect(await sendDueReminders(at('2027-02-08'), w)).toMatchObject({ sent: 0, fullRuns: [{ reason: 'boards added' }] });
    for (const day of ['2027-02-15', '2027-02-21', '2027-03-01']) await sendDueReminders(at(day), w);
    // 03-07 falls due only at level 3: not quiet.
    expect(await sendDueReminders(at('2027-03-07'), w)).toMatchObject({ sent: 1, fullRuns: [{ reason: 'plan step due at level 3' }] });
    const ny = w.notifier.sent.filter((m) => m.boardId === 'ny');
    expect(ny.map((m) => `${m.kind} ${m.template?.data.dueDate}`)).toEqual(['reminder 2027-02-14', 'reminder 2027-03-14']);
  });
});

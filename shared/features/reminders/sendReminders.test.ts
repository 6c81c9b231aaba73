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

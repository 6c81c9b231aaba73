import { describe, expect, it } from 'vitest';
import { addDays, dueDateFor } from './calendar';
import {
  dueReminders,
  escalationsEnd,
  fullRunReason,
  liveLevels,
  nextReminderDate,
  owedLevels,
  reminderKey,
  stepsUntil,
  type DocumentState,
  type DueReminder,
  type ReminderBoard,
  type ReminderRun,
} from './reminders';
import type { Calendar } from '../schemas/cycles';
import type { DocumentKind, DocumentStatus } from '../schemas/common';

const calendar: Calendar = {
  planDue: '2027-01-31',
  t1Due: '2027-05-15',
  t2Due: '2027-09-15',
  annualDue: '2028-02-15',
  signoffDue: '2028-04-15',
  reminderDaysBefore: 7,
  escalateEveryDays: 7,
  timeZone: 'Europe/Stockholm',
};
const kinds: DocumentKind[] = ['plan', 't1', 't2', 'annual'];
const reviewers = ['analys@stad.example', 'controller@stad.example'];
const board = (boardId: string, extra: Partial<ReminderBoard> = {}): ReminderBoard => ({ boardId, name: `${boardId} nämnd`, contacts: [`${boardId}@stad.example`], ...extra });

interface Walk {
  sent: Array<DueReminder & { on: string }>;
  superseded: Array<DueReminder & { on: string }>;
}

/** Runs the daily job from `from` to `to`, as the scheduler would, recording what went out. */
function walk(options: {
  boards: ReminderBoard[];
  from: string;
  to: string;
  stateOn: (boardId: string, kind: DocumentKind, day: string) => DocumentState;
  calendarOn?: (day: string) => Calendar;
  sentSteps?: Set<string>;
}): Walk {
  const sentSteps = options.sentSteps ?? new Set<string>();
  const result: Walk = { sent: [], superseded: [] };
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    const statuses = Object.fromEntries(options.boards.map((b) => [b.boardId, Object.fromEntries(kinds.map((k) => [k, options.stateOn(b.boardId, k, day)]))]));
    const due = dueReminders({ calendar: options.calendarOn?.(day) ?? calendar, today: day, boards: options.boards, statuses, sentSteps, reviewers });
    for (const m of due.send) (sentSteps.add(m.key), result.sent.push({ ...m, on: day }));
    for (const m of due.superseded) (sentSteps.add(m.key), result.superseded.push({ ...m, on: day }));
  }
  return result;
}

/** Submitted (in review, then approved a week later) from `day` on; a draft before. */
const submittedFrom = (day: string) => (today: string): DocumentState => (today < day ? 'draft' : today < addDays(day, 7) ? 'in_review' : 'approved');

const count = (messages: Walk['sent'], boardId: string, kind: DocumentKind) => {
  const of = messages.filter((m) => m.boardId === boardId && m.kind === kind);
  return { reminder: of.filter((m) => m.messageKind === 'reminder').length, overdue: of.filter((m) => m.messageKind === 'overdue').length, escalation: of.filter((m) => m.messageKind === 'escalation').length };
};

describe('a whole year, day by day', () => {
  const due = (kind: DocumentKind) => dueDateFor(calendar, kind);
  const plan: Record<string, (kind: DocumentKind) => string | undefined> = {
    // submits every document ten days before it is due, before any reminder
    punctual: (kind) => addDays(due(kind), -10),
    // submits on the due date: reminded, never overdue
    lastMinute: (kind) => due(kind),
    // submits the plan two days after the first escalation, the rest on the due date
    late: (kind) => (kind === 'plan' ? addDays(calendar.planDue, 1 + 7 + 2) : due(kind)),
    // never submits anything
    never: () => undefined,
  };
  const boards = Object.keys(plan).map((id) => board(id));
  const result = walk({
    boards,
    from: '2026-12-01',
    to: '2028-06-30',
    stateOn: (boardId, kind, day) => {
      const on = plan[boardId](kind);
      return on === undefined ? (day < '2027-01-10' ? 'not_started' : 'draft') : submittedFrom(on)(day);
    },
  });

  it.each([
    // board, kind, reminders, overdue notices, escalations
    ['punctual', 'plan', 0, 0, 0],
    ['punctual', 't1', 0, 0, 0],
    ['punctual', 't2', 0, 0, 0],
    ['punctual', 'annual', 0, 0, 0],
    ['lastMinute', 'plan', 1, 0, 0],
    ['lastMinute', 't1', 1, 0, 0],
    ['lastMinute', 't2', 1, 0, 0],
    ['lastMinute', 'annual', 1, 0, 0],
    ['late', 'plan', 1, 1, 1],
    ['late', 't1', 1, 0, 0],
    ['never', 'plan', 1, 1, 73], // 2027-02-08 … 2028-06-26, weekly until the walk ends
    ['never', 't1', 1, 1, 58], // weekly from 2027-05-23 until the walk ends: until submitted
    ['never', 't2', 1, 1, 41], // weekly from 2027-09-23 until the walk ends
    ['never', 'annual', 1, 1, 19], // weekly from 2028-02-23 until the walk ends
  ] as const)('%s, %s: %i reminder, %i overdue, %i escalations', (boardId, kind, reminder, overdue, escalation) => {
    expect(count(result.sent, boardId, kind)).toEqual({ reminder, overdue, escalation });
  });

  it('sends each step on its own day, and supersedes nothing when the job runs every day', () => {
    expect(result.superseded).toEqual([]);
    for (const m of result.sent) expect(m.on).toBe(m.date);
    expect(new Set(result.sent.map((m) => m.key)).size).toBe(result.sent.length);
  });

  it('sends the plan steps of a board that never submits on the days the calendar implies', () => {
    const days = result.sent.filter((m) => m.boardId === 'never' && m.kind === 'plan').map((m) => `${m.step} ${m.on}`);
    expect(days.slice(0, 4)).toEqual([
      'reminder@2027-01-31 2027-01-24',
      'overdue@2027-01-31 2027-02-01',
      'escalation-1@2027-01-31 2027-02-08',
      'escalation-2@2027-01-31 2027-02-15',
    ]);
    expect(days.at(-1)).toBe('escalation-73@2027-01-31 2028-06-26');
  });

  it('copies the reviewers on overdue notices and escalations, never on reminders', () => {
    for (const m of result.sent) {
      expect(m.to).toEqual([`${m.boardId}@stad.example`]);
      expect(m.cc).toEqual(m.messageKind === 'reminder' ? [] : reviewers);
    }
  });
});

describe('when several steps are due at once', () => {
  it('sends only the latest and supersedes the rest (the clock jumped a month)', () => {
    const due = dueReminders({ calendar, today: '2027-03-01', boards: [board('bromma')], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send.map((m) => `${m.kind} ${m.step}`)).toEqual(['plan escalation-4@2027-01-31']);
    expect(due.send[0]).toMatchObject({ messageKind: 'escalation', escalationNumber: 4, date: '2027-03-01', dueDate: '2027-01-31', key: 'bromma#plan#escalation-4@2027-01-31' });
    expect(due.superseded.map((m) => m.step)).toEqual(['reminder@2027-01-31', 'overdue@2027-01-31', 'escalation-1@2027-01-31', 'escalation-2@2027-01-31', 'escalation-3@2027-01-31']);
  });

  it('sends nothing when the latest step was already sent, and supersedes the older unsent ones', () => {
    const sentSteps = new Set([reminderKey('bromma', 'plan', 'overdue@2027-01-31')]);
    const due = dueReminders({ calendar, today: '2027-02-05', boards: [board('bromma')], statuses: {}, sentSteps, reviewers });
    expect(due.send).toEqual([]);
    expect(due.superseded.map((m) => m.key)).toEqual(['bromma#plan#reminder@2027-01-31']);
  });

  it('after the jump, the next escalation comes on its own day', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-03-01', to: '2027-03-15', stateOn: () => 'draft' });
    expect(result.sent.map((m) => `${m.step} ${m.on}`)).toEqual(['escalation-4@2027-01-31 2027-03-01', 'escalation-5@2027-01-31 2027-03-08', 'escalation-6@2027-01-31 2027-03-15']);
  });
});

describe('statuses', () => {
  it.each([
    ['not_started', 1],
    ['draft', 1],
    ['returned', 1],
    ['in_review', 0],
    ['approved', 0],
  ] as const)('a %s plan is reminded: %i', (status, n) => {
    const due = dueReminders({ calendar, today: '2027-01-24', boards: [board('bromma')], statuses: new Map([['bromma', { plan: status, t1: 'approved', t2: 'approved', annual: 'approved' }]]), sentSteps: new Set(), reviewers });
    expect(due.send).toHaveLength(n);
  });

  it('reads a board missing from the statuses as not started', () => {
    const due = dueReminders({ calendar, today: '2027-01-24', boards: [board('bromma')], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send.map((m) => m.key)).toEqual(['bromma#plan#reminder@2027-01-31']);
  });

  it('a board that submits after the first escalation gets no more', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-04-30', stateOn: (_, kind, day) => (kind === 'plan' ? submittedFrom('2027-02-09')(day) : 'not_started') });
    expect(result.sent.filter((m) => m.kind === 'plan').map((m) => m.step)).toEqual(['reminder@2027-01-31', 'overdue@2027-01-31', 'escalation-1@2027-01-31']);
  });

  describe('a plan returned after the deadline', () => {
    // submitted on 2027-01-20, returned on 2027-02-10, resubmitted on 2027-02-20
    const stateOn = (_: string, kind: DocumentKind, day: string): DocumentState => {
      if (kind !== 'plan') return 'not_started';
      if (day < '2027-01-20') return 'draft';
      if (day < '2027-02-10') return 'in_review';
      if (day < '2027-02-20') return { status: 'returned', returnedOn: '2027-02-10' };
      return 'in_review';
    };

    it('supersedes the steps that fell due while the reviewer had it, then escalates on the next step day', () => {
      const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-03-31', stateOn });
      expect(result.sent.filter((m) => m.kind === 'plan').map((m) => `${m.step} ${m.on}`)).toEqual(['escalation-2@2027-01-31 2027-02-15']);
      expect(result.superseded.map((m) => `${m.step} ${m.on}`)).toEqual([
        'reminder@2027-01-31 2027-02-10',
        'overdue@2027-01-31 2027-02-10',
        'escalation-1@2027-01-31 2027-02-10',
      ]);
    });

    it('without returnedOn, sends the latest step at once', () => {
      const due = dueReminders({ calendar, today: '2027-02-10', boards: [board('bromma')], statuses: { bromma: { plan: 'returned' } }, sentSteps: new Set(), reviewers });
      expect(due.send.filter((m) => m.kind === 'plan').map((m) => m.step)).toEqual(['escalation-1@2027-01-31']);
    });

    it('returned before the deadline: the overdue notice still comes the day after it', () => {
      const result = walk({
        boards: [board('bromma')],
        from: '2027-01-01',
        to: '2027-02-03',
        stateOn: (_, kind, day) => (kind !== 'plan' ? 'not_started' : day < '2027-01-20' ? 'draft' : day < '2027-01-26' ? 'in_review' : { status: 'returned', returnedOn: '2027-01-26' }),
      });
      expect(result.sent.filter((m) => m.kind === 'plan').map((m) => `${m.step} ${m.on}`)).toEqual(['overdue@2027-01-31 2027-02-01']);
      expect(result.superseded.map((m) => m.step)).toEqual(['reminder@2027-01-31']);
    });
  });
});

describe('a deadline moved', () => {
  const moved = (from: string, planDue: string) => (day: string): Calendar => (day < from ? calendar : { ...calendar, planDue });
  const planSteps = (w: Walk) => w.sent.filter((m) => m.kind === 'plan').map((m) => `${m.step} ${m.on}`);

  it('two weeks later after the reminder: a fresh reminder for the new date, no overdue until the day after it', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-02-22', stateOn: () => 'draft', calendarOn: moved('2027-01-25', '2027-02-14') });
    expect(planSteps(result)).toEqual([
      'reminder@2027-01-31 2027-01-24',
      'reminder@2027-02-14 2027-02-07',
      'overdue@2027-02-14 2027-02-15',
      'escalation-1@2027-02-14 2027-02-22',
    ]);
    expect(result.superseded).toEqual([]);
  });

  it('later after the overdue notice: quiet until the reminder for the new date', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-03-01', stateOn: () => 'draft', calendarOn: moved('2027-02-03', '2027-02-28') });
    expect(planSteps(result)).toEqual([
      'reminder@2027-01-31 2027-01-24',
      'overdue@2027-01-31 2027-02-01',
      'reminder@2027-02-28 2027-02-21',
      'overdue@2027-02-28 2027-03-01',
    ]);
  });

  it('later, but the new reminder day has passed: the fresh reminder goes out at once', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-02-05', stateOn: () => 'draft', calendarOn: moved('2027-01-30', '2027-02-03') });
    expect(planSteps(result)).toEqual(['reminder@2027-01-31 2027-01-24', 'reminder@2027-02-03 2027-01-30', 'overdue@2027-02-03 2027-02-04']);
  });

  it('earlier, past the new date: the overdue notice at once, the reminder superseded', () => {
    const due = dueReminders({ calendar: { ...calendar, planDue: '2027-01-18' }, today: '2027-01-20', boards: [board('bromma')], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send.map((m) => m.step)).toEqual(['overdue@2027-01-18']);
    expect(due.superseded.map((m) => m.step)).toEqual(['reminder@2027-01-18']);
  });

  it('changing reminderDaysBefore after the reminder went out sends no second reminder', () => {
    const result = walk({ boards: [board('bromma')], from: '2027-01-01', to: '2027-01-31', stateOn: () => 'draft', calendarOn: (day) => (day < '2027-01-25' ? calendar : { ...calendar, reminderDaysBefore: 3 }) });
    expect(planSteps(result)).toEqual(['reminder@2027-01-31 2027-01-24']);
  });
});

describe('recipients', () => {
  it('copies reviewers once, and not those already addressed', () => {
    const b = board('bromma', { contacts: ['a@bromma.example', 'A@bromma.example', 'controller@stad.example'], locale: 'en' });
    const due = dueReminders({ calendar, today: '2027-02-01', boards: [b], statuses: {}, sentSteps: new Set(), reviewers: [...reviewers, 'ANALYS@stad.example'] });
    expect(due.send[0]).toMatchObject({ messageKind: 'overdue', locale: 'en', to: ['a@bromma.example', 'controller@stad.example'], cc: ['analys@stad.example'] });
  });

  it('writes in Swedish unless the board prefers English', () => {
    const due = dueReminders({ calendar, today: '2027-01-24', boards: [board('bromma')], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send[0]).toMatchObject({ locale: 'sv', boardName: 'bromma nämnd', kind: 'plan', dueDate: '2027-01-31' });
  });
});

describe('steps and scheduling', () => {
  it.each([
    ['plan', undefined],
    ['t1', undefined],
    ['t2', undefined],
    ['annual', undefined],
  ] as const)("%s escalations end at %s", (kind, end) => expect(escalationsEnd(calendar, kind)).toBe(end));

  it('reminds on the due day when reminderDaysBefore is 0', () => {
    expect(stepsUntil({ ...calendar, reminderDaysBefore: 0 }, 'plan', '2027-02-01').map((s) => `${s.step} ${s.date}`)).toEqual([
      'reminder@2027-01-31 2027-01-31',
      'overdue@2027-01-31 2027-02-01',
    ]);
  });

  it.each([
    ['2026-12-01', undefined, '2027-01-24'],
    ['2027-01-24', undefined, '2027-02-01'],
    ['2027-02-01', undefined, '2027-02-08'],
    ['2027-02-09', ['t1'], '2027-05-08'],
    ['2027-09-10', ['t1'], '2027-09-12'],
    ['2027-09-12', ['t1'], '2027-09-19'], // t1 escalations go on until it is submitted
    ['2027-09-12', ['t1', 't2'], '2027-09-16'],
    ['2027-03-01', [], undefined],
  ] as const)('after %s, owing %j, the next step is on %s', (today, owing, next) => {
    expect(nextReminderDate(calendar, today, owing)).toBe(next);
  });
});

describe('units, at their own level', () => {
  // bromma (top) → skola (depth 1) → klass (depth 2); unitLeadDays is the default 14: a unit's plan is due 14 days
  // after its parent's, each of its reports 14 days before.
  const office = ['kansli@bromma.example'];
  const skola = board('skola', { depth: 1, parentContacts: office });
  const klass = board('klass', { depth: 2, parentContacts: ['rektor@skola.example'] });

  it.each([
    // board, kind, reminder day, overdue day, first escalation (all from its own due date)
    ['bromma', 'plan', 'reminder@2027-01-31 2027-01-24', 'overdue@2027-01-31 2027-02-01', 'escalation-1@2027-01-31 2027-02-08'],
    ['skola', 'plan', 'reminder@2027-02-14 2027-02-07', 'overdue@2027-02-14 2027-02-15', 'escalation-1@2027-02-14 2027-02-22'],
    ['klass', 'plan', 'reminder@2027-02-28 2027-02-21', 'overdue@2027-02-28 2027-03-01', 'escalation-1@2027-02-28 2027-03-08'],
    ['skola', 't1', 'reminder@2027-05-01 2027-04-24', 'overdue@2027-05-01 2027-05-02', 'escalation-1@2027-05-01 2027-05-09'],
    ['klass', 't1', 'reminder@2027-04-17 2027-04-10', 'overdue@2027-04-17 2027-04-18', 'escalation-1@2027-04-17 2027-04-25'],
    ['klass', 'annual', 'reminder@2028-01-18 2028-01-11', 'overdue@2028-01-18 2028-01-19', 'escalation-1@2028-01-18 2028-01-26'],
  ] as const)('%s, %s: %s, %s, %s', (boardId, kind, reminder, overdue, escalation) => {
    const boards = [board('bromma'), skola, klass].filter((b) => b.boardId === boardId);
    const result = walk({ boards, from: '2026-12-01', to: '2028-03-31', stateOn: (_, k) => (k === kind ? 'draft' : 'approved') });
    expect(result.sent.slice(0, 3).map((m) => `${m.step} ${m.on}`)).toEqual([reminder, overdue, escalation]);
    expect(result.superseded).toEqual([]);
  });

  it.each([
    // board, day, step sent, to, cc
    ['skola', '2027-02-07', 'reminder', ['skola@stad.example'], []],
    ['skola', '2027-02-15', 'overdue', ['skola@stad.example'], office],
    ['skola', '2027-02-22', 'escalation', ['skola@stad.example'], office],
    ['klass', '2027-03-01', 'overdue', ['klass@stad.example'], ['rektor@skola.example']],
    ['klass', '2027-03-08', 'escalation', ['klass@stad.example'], ['rektor@skola.example']],
    ['bromma', '2027-02-01', 'overdue', ['bromma@stad.example'], reviewers],
  ] as const)("%s on %s: its %s goes to its own contacts, copied to its parent's (the reviewers at the top)", (boardId, today, messageKind, to, cc) => {
    const b = [board('bromma'), skola, klass].find((x) => x.boardId === boardId)!;
    const sentSteps = new Set(stepsUntil(calendar, 'plan', addDays(today, -1), b.depth).map((s) => reminderKey(boardId, 'plan', s.step)));
    const due = dueReminders({ calendar, today, boards: [b], statuses: { [boardId]: { plan: 'draft', t1: 'approved', t2: 'approved', annual: 'approved' } }, sentSteps, reviewers });
    expect(due.send.map((m) => ({ messageKind: m.messageKind, date: m.date, to: m.to, cc: m.cc }))).toEqual([{ messageKind, date: today, to, cc }]);
  });

  it('copies the parent once, and not a contact the unit already has; a unit with no office above is copied to the reviewers', () => {
    const shared = board('skola', { depth: 1, contacts: ['rektor@skola.example'], parentContacts: ['REKTOR@skola.example', 'kansli@bromma.example', 'kansli@bromma.example'] });
    const alone = board('fristaende', { depth: 1 });
    const due = dueReminders({ calendar, today: '2027-02-15', boards: [shared, alone], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send.map((m) => [m.boardId, m.step, m.cc])).toEqual([
      ['skola', 'overdue@2027-02-14', ['kansli@bromma.example']],
      ['fristaende', 'overdue@2027-02-14', reviewers],
    ]);
  });

  it("keys a unit's steps by its own due date, so its parent's and its own never collide", () => {
    const due = dueReminders({ calendar, today: '2027-02-07', boards: [board('bromma'), skola], statuses: {}, sentSteps: new Set(), reviewers });
    expect(due.send.map((m) => m.key)).toEqual(['bromma#plan#overdue@2027-01-31', 'skola#plan#reminder@2027-02-14']);
  });
});

describe('the levels a run leaves in play', () => {
  it.each([
    // boards (id:depth:plan status), what the run records
    [['a:0:draft'], { live: ['plan', 't1', 't2', 'annual'] }],
    [['a:0:approved', 'u:1:draft'], { live: ['plan', 't1', 't2', 'annual'], depths: { plan: [1], t1: [0, 1], t2: [0, 1], annual: [0, 1] } }],
    [['a:0:draft', 'u:1:approved', 'v:2:approved'], { live: ['plan', 't1', 't2', 'annual'], depths: { plan: [0], t1: [0, 1, 2], t2: [0, 1, 2], annual: [0, 1, 2] } }],
    [['a:0:approved', 'u:2:in_review'], { live: ['plan', 't1', 't2', 'annual'], depths: { plan: [2], t1: [0, 2], t2: [0, 2], annual: [0, 2] } }],
  ] as const)('%j → %j', (boards, recorded) => {
    const parsed = boards.map((b) => b.split(':')).map(([boardId, depth, plan]) => ({ boardId: boardId!, depth: Number(depth), plan: plan as DocumentStatus }));
    const statuses = Object.fromEntries(parsed.map((b) => [b.boardId, { plan: b.plan }]));
    expect(liveLevels(parsed, statuses)).toEqual(recorded);
  });

  it.each([
    // run's depths, today, why a full run (undefined: a quiet day)
    [undefined, '2027-02-07', undefined], // no unit owes: skola's reminder day is quiet
    [{ plan: [0, 1] }, '2027-02-07', 'plan step due at level 1'],
    [{ plan: [0, 2] }, '2027-02-07', undefined], // a level-1 step, no level-1 board owes
    [{ plan: [0, 2] }, '2027-02-21', 'plan step due at level 2'],
    [{ plan: [0, 1] }, '2027-02-08', 'plan step due'], // the top's first escalation
  ] as const)('depths %j, on %s: %s', (depths, today, reason) => {
    const run = { through: addDays(today, -1), at: `${addDays(today, -1)}T06:00:00.000Z`, cycleVersion: 1, live: ['plan' as const], ...(depths ? { depths } : {}) };
    expect(fullRunReason({ calendar, cycleVersion: 1, today, run: run as ReminderRun, boardsAdded: false })).toBe(reason);
  });

  it.each([
    ['2027-02-02', [{ kind: 'plan', depth: 0 }], '2027-02-08'],
    ['2027-02-02', [{ kind: 'plan', depth: 0 }, { kind: 'plan', depth: 1 }], '2027-02-07'],
    ['2027-03-10', [{ kind: 't1', depth: 2 }], '2027-04-10'],
    ['2027-03-10', [{ kind: 't1', depth: 1 }, 't1'], '2027-04-24'],
  ] as const)('after %s, owing %j, the next step is on %s', (today, owing, next) => {
    expect(nextReminderDate(calendar, today, owing)).toBe(next);
  });

  it('records the levels a run finds, and reads them back as the (kind, level) pairs still owed', () => {
    expect(owedLevels({ live: ['plan', 't1'], depths: { plan: [1, 2] } })).toEqual([
      { kind: 'plan', depth: 1 },
      { kind: 'plan', depth: 2 },
      { kind: 't1', depth: 0 },
    ]);
  });
});

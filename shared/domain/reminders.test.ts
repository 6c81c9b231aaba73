import { describe, expect, it } from 'vitest';
import { addDays, dueDateFor } from './calendar';
import {
  dueReminders,
  escalationsEnd,
  nextReminderDate,
  reminderKey,
  stepsUntil,
  type DocumentState,
  type DueReminder,
  type ReminderBoard,
} from './reminders';
import type { Calendar } from '../schemas/cycles';
import type { DocumentKind } from '../schemas/common';

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

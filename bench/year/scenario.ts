/**
 * A whole governance year through the API, for N boards: the admin sets the year up; every board files its
 * plan, T1, T2 and annual report (most before the reminder, some at the last minute, some late, so that
 * reminders, overdue notices and escalations go out); the reviewer returns some documents, which the boards
 * fix and resubmit; the executive signs the year off; the boards export their year. The clock is moved with
 * POST /api/dev/clock, so the daily reminder job and the period workflows run on the way.
 */
import { performance } from 'node:perf_hooks';
import type { ApiClient, Caller } from '../lib/api';
import { mapPool, prng } from '../lib/stats';

export const YEAR = 2026;
export const CALENDAR = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
export const CLOCK_START = '2025-12-01T08:00:00Z';
const REVIEWERS = ['granskare@stad.example'];
const KINDS = ['plan', 't1', 't2', 'annual'] as const;
type Kind = (typeof KINDS)[number];
type Timeliness = 'punctual' | 'lastminute' | 'late';

/** When each group files, in the order the clock passes them. */
const PHASES: Array<{ kind: Kind; timeliness: Timeliness; date: string }> = [
  { kind: 'plan', timeliness: 'punctual', date: '2026-01-12' },
  { kind: 'plan', timeliness: 'lastminute', date: '2026-01-28' },
  { kind: 'plan', timeliness: 'late', date: '2026-02-10' },
  { kind: 't1', timeliness: 'punctual', date: '2026-04-20' },
  { kind: 't1', timeliness: 'lastminute', date: '2026-05-12' },
  { kind: 't1', timeliness: 'late', date: '2026-05-25' },
  { kind: 't2', timeliness: 'punctual', date: '2026-08-20' },
  { kind: 't2', timeliness: 'lastminute', date: '2026-09-12' },
  { kind: 't2', timeliness: 'late', date: '2026-09-25' },
  { kind: 'annual', timeliness: 'punctual', date: '2027-01-20' },
  { kind: 'annual', timeliness: 'lastminute', date: '2027-02-12' },
  { kind: 'annual', timeliness: 'late', date: '2027-02-25' },
];
const SIGNOFF_DATE = '2027-03-20';
const WALK_ENDS = '2027-04-20';

export const COUNCIL_GOALS = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En hållbar och växande stad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når målen',
          indicators: [
            { id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
            { id: 'KF-3', name: 'Nöjda brukare', unit: '%', direction: 'higher', target: 75 },
          ],
        },
      ],
    },
  ],
};

export const admin: Caller = { sub: 'anna.admin', role: 'admin' };
export const reviewer: Caller = { sub: 'rut.reviewer', role: 'reviewer' };
export const executive: Caller = { sub: 'ks.executive', role: 'executive' };
export const editorOf = (boardId: string): Caller => ({ sub: `editor.${boardId}`, role: 'editor', boards: [boardId] });

export const ROUTES = {
  putBoard: 'PUT /api/boards/{boardId}',
  listBoards: 'GET /api/boards',
  createCycle: 'POST /api/cycles',
  getCycle: 'GET /api/cycles/{year}',
  calendar: 'PATCH /api/cycles/{year}/calendar',
  late: 'GET /api/cycles/{year}/late',
  putGoals: 'PUT /api/cycles/{year}/council-goals',
  getGoals: 'GET /api/cycles/{year}/council-goals',
  status: 'GET /api/cycles/{year}/status',
  getDoc: 'GET /api/cycles/{year}/boards/{boardId}/documents/{kind}',
  saveDoc: 'PUT /api/cycles/{year}/boards/{boardId}/documents/{kind}',
  submit: 'POST /api/cycles/{year}/boards/{boardId}/documents/{kind}/submit',
  decide: 'POST /api/cycles/{year}/boards/{boardId}/documents/{kind}/decision',
  history: 'GET /api/cycles/{year}/boards/{boardId}/documents/{kind}/history',
  signoff: 'POST /api/cycles/{year}/signoff',
  meters: 'GET /api/public/cycles/{year}/meters',
  metersCsv: 'GET /api/public/cycles/{year}/meters.csv',
  indicator: 'GET /api/public/indicators/{id}',
  export: 'GET /api/cycles/{year}/boards/{boardId}/export',
  exportCsv: 'GET /api/cycles/{year}/boards/{boardId}/export.csv',
  kolada: 'POST /api/cycles/{year}/imports/kolada',
  queue: 'GET /api/review-queue',
  listCycles: 'GET /api/cycles',
  health: 'GET /api/health',
  openapi: 'GET /api/openapi.json',
  clock: 'POST /api/dev/clock',
  getClock: 'GET /api/dev/clock',
  outbox: 'GET /api/dev/outbox',
} as const;

export const docPath = (year: number, boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;

export function planContent(belowCouncil: boolean) {
  return {
    targets: [
      { indicatorId: 'KF-1', target: belowCouncil ? 85 : 91 },
      { indicatorId: 'KF-2', target: 5.5 },
      { indicatorId: 'KF-3', target: 78 },
    ],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp', 'Lovskola'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200 }],
    risks: [{ id: 'R1', title: 'Brist på behöriga lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekryteringen', frequency: 'quarterly' }],
  };
}

export function reportContent(kind: Exclude<Kind, 'plan'>, complete = true) {
  const annual = kind === 'annual';
  const value = (outcome: number, forecast: number) => (annual ? { outcome, forecast } : { outcome: outcome - 1, forecast });
  return {
    indicators: [
      { indicatorId: 'KF-1', ...value(90, 91) },
      { indicatorId: 'KF-2', ...value(5.6, 5.5) },
      { indicatorId: 'KF-3', ...value(77, 78) },
      ...(complete ? [{ indicatorId: 'N1-1', ...value(190, 200) }] : []),
    ],
    goals: [{ goalId: 'N1', assessment: 'partly', comment: 'Läxhjälpen har kommit igång.' }],
    ...(annual ? { internalControl: { assessment: 'sufficient' } } : {}),
    analysis: 'Verksamheten följer planen; sjukfrånvaron minskar långsamt.',
  };
}

export interface BoardPlan {
  boardId: string;
  kind: 'district' | 'specialist' | 'company';
  timeliness: Record<Kind, Timeliness>;
  returned: Record<Kind, boolean>;
}

/** The boards of the simulation and what each does, the same on every run. */
export function planBoards(count: number, seed = 2026): BoardPlan[] {
  const random = prng(seed);
  // A city has a handful of companies, not thousands: the sign-off takes at most 200 verdicts (documentLimits.companies).
  const companies = Math.min(Math.ceil(count * 0.16), 160);
  return Array.from({ length: count }, (_, index) => {
    const boardId = `board-${String(index + 1).padStart(5, '0')}`;
    const kind = index < companies ? 'company' : index % 3 === 0 ? 'specialist' : 'district';
    const timeliness = {} as Record<Kind, Timeliness>;
    const returned = {} as Record<Kind, boolean>;
    for (const k of KINDS) {
      const u = random();
      timeliness[k] = u < 0.7 ? 'punctual' : u < 0.85 ? 'lastminute' : 'late';
      returned[k] = random() < (k === 'plan' ? 0.1 : 0.05);
    }
    return { boardId, kind, timeliness, returned };
  });
}

/** The e-mails the calendar implies for the simulated behaviour (to check the outbox against). */
export function expectedMessages(boards: BoardPlan[]): Record<string, number> {
  const expected: Record<string, number> = { approved: 0, returned: 0, reminder: 0, overdue: 0, escalation: 0 };
  for (const board of boards) {
    for (const kind of KINDS) {
      expected.approved! += 1;
      if (board.returned[kind]) expected.returned! += 1;
      if (board.timeliness[kind] !== 'punctual') expected.reminder! += 1;
      if (board.timeliness[kind] === 'late') {
        expected.overdue! += 1; // the day after the due date
        expected.escalation! += 1; // 7 days after the overdue notice; the board files 10 days after the due date
      }
    }
  }
  return expected;
}

export interface PhaseTiming {
  name: string;
  date: string;
  boards: number;
  requests: number;
  ms: number;
  clockMs: number;
}

export interface YearRun {
  boards: BoardPlan[];
  phases: PhaseTiming[];
  wallMs: number;
  /** Time spent in POST /api/dev/clock (daily reminder jobs, period workflows, waiting for workflows). */
  clockMs: number;
  outbox: { messages: number; recipients: number; byKind: Record<string, number> };
  expectedMessages: Record<string, number>;
  /** The reminder job run once at a quiet instant mid-year (after the T1 wave), with what it read. */
  quietReminderRun?: { rru: number; calls: number; ms: number; at: string };
  /** POST /api/dev/clock moving one day, then five years, after the year. */
  clockProbe?: { oneDayMs: number; fiveYearsMs: number };
}

/** What the outbox holds: messages, recipients (to and cc) and messages by kind. */
export async function readOutbox(api: ApiClient): Promise<YearRun['outbox']> {
  const answer = await api.call(ROUTES.outbox, '/api/dev/outbox');
  const messages = (answer.body.messages ?? []) as Array<{ kind: string; to?: string[]; cc?: string[] }>;
  const byKind: Record<string, number> = {};
  let recipients = 0;
  for (const message of messages) {
    byKind[message.kind] = (byKind[message.kind] ?? 0) + 1;
    recipients += (message.to?.length ?? 0) + (message.cc?.length ?? 0);
  }
  return { messages: messages.length, recipients, byKind };
}

/**
 * Drives a simulated year's clock and phases: moves the clock with POST /api/dev/clock (waiting out a 202), lets
 * the workflows settle, and times each phase with its requests; `what` names the counted bodies in the log line.
 */
export function yearDriver(api: ApiClient, log: (line: string) => void, what = 'boards') {
  const phases: PhaseTiming[] = [];
  let clockMs = 0;
  const runStarted = performance.now();
  const moveClock = async (now: string) => {
    const started = performance.now();
    const answer = await api.call(ROUTES.clock, '/api/dev/clock', { body: { now }, expect: [200, 202] });
    if (answer.status !== 200 && answer.status !== 202) throw new Error(`POST /api/dev/clock ${now} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    // 202: the move goes on in the stack; GET /api/dev/clock says when it is done.
    for (let state = answer.body; answer.status === 202 && state.moving; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await api.call(ROUTES.getClock, '/api/dev/clock', { expect: [200] })).body;
      if (!state.moving && state.failed) throw new Error(`POST /api/dev/clock ${now}: ${state.failed}`);
    }
    clockMs += performance.now() - started;
  };
  /** Lets the workflows catch up: moves the clock a minute on, which returns once every execution is idle. */
  const settle = async () => {
    const { body } = await api.call(ROUTES.getClock, '/api/dev/clock');
    await moveClock(new Date(Date.parse(body.now) + 60_000).toISOString());
  };
  const phase = async (name: string, date: string, count: number, work: () => Promise<void>) => {
    const started = performance.now();
    const requestsBefore = api.allRequests();
    const clockBefore = clockMs;
    await moveClock(`${date}T12:00:00Z`);
    await work();
    const timing = { name, date, boards: count, requests: api.allRequests() - requestsBefore, ms: performance.now() - started, clockMs: clockMs - clockBefore };
    phases.push(timing);
    const elapsed = (performance.now() - runStarted) / 1000;
    log(
      `  ${name.padEnd(18)} ${date}  ${String(count).padStart(6)} ${what}  ${String(timing.requests).padStart(6)} req  ${(timing.ms / 1000).toFixed(1).padStart(6)} s` +
        ` (clock ${(timing.clockMs / 1000).toFixed(1)} s)  total ${elapsed.toFixed(0)} s${api.unexpected ? `  UNEXPECTED ANSWERS: ${api.unexpected}` : ''}`,
    );
  };
  return { phases, moveClock, settle, phase, runStarted, clockMs: () => clockMs };
}

/** Runs the year; `log` gets one progress line per phase. */
export async function simulateYear(
  api: ApiClient,
  options: { boards: number; concurrency: number; log: (line: string) => void; quietReminderRun?: () => Promise<YearRun['quietReminderRun']> },
): Promise<YearRun> {
  let quietReminderRun: YearRun['quietReminderRun'];
  const boards = planBoards(options.boards);
  const C = options.concurrency;
  const driver = yearDriver(api, options.log, 'boards');
  const { moveClock, settle, phase, runStarted } = driver;

  // ── Setup, on the first day of the planning round ─────────────────────────
  await phase('setup', CLOCK_START.slice(0, 10), boards.length, async () => {
    await mapPool(boards, C, (board) =>
      api.call(ROUTES.putBoard, `/api/boards/${board.boardId}`, {
        as: admin,
        body: { name: `Nämnd ${board.boardId}`, kind: board.kind, contacts: [`kansli@${board.boardId}.example`] },
        expect: [200, 201],
      }),
    );
    await api.call(ROUTES.createCycle, '/api/cycles', { as: admin, body: { year: YEAR, calendar: CALENDAR, reviewerContacts: REVIEWERS }, expect: [201] });
    await api.call(ROUTES.putGoals, `/api/cycles/${YEAR}/council-goals`, { as: admin, body: COUNCIL_GOALS, expect: [200] });
    await api.call(ROUTES.listBoards, '/api/boards', { as: admin });
    await settle();
  });

  const file = async (board: BoardPlan, kind: Kind, content: unknown, first: boolean) => {
    const editor = editorOf(board.boardId);
    const path = docPath(YEAR, board.boardId, kind);
    // The plan form loads the cycle (its calendar) and the council goals; the report forms build on the plan.
    if (first && kind === 'plan') {
      await api.call(ROUTES.getCycle, `/api/cycles/${YEAR}`, { as: editor });
      await api.call(ROUTES.getGoals, `/api/cycles/${YEAR}/council-goals`, { as: editor });
    }
    const current = await api.call(ROUTES.getDoc, path, { as: editor });
    await api.call(ROUTES.saveDoc, path, { as: editor, headers: { 'if-match': current.etag ?? '"0"' }, body: { content } });
    await api.call(ROUTES.submit, `${path}/submit`, { as: editor, expect: [202] });
  };
  const review = async (board: BoardPlan, kind: Kind, decision: 'approve' | 'return', withHistory = false) => {
    const path = docPath(YEAR, board.boardId, kind);
    await api.call(ROUTES.getDoc, path, { as: reviewer });
    // A resubmission is read against its history (what was asked for, what changed).
    if (withHistory) await api.call(ROUTES.history, `${path}/history`, { as: reviewer });
    const body =
      decision === 'approve'
        ? { decision, comment: 'Godkänd.' }
        : {
            decision,
            comment: 'Komplettera: målet är lägre än fullmäktiges.',
            ...(kind === 'plan' ? { indicatorComments: [{ indicatorId: 'KF-1', comment: 'Höj till minst 90.' }] } : {}),
          };
    await api.call(ROUTES.decide, `${path}/decision`, { as: reviewer, body });
  };
  const firstContent = (board: BoardPlan, kind: Kind) =>
    kind === 'plan' ? planContent(board.returned.plan) : reportContent(kind, true);

  // ── The year: four documents, each in three waves ─────────────────────────
  for (const { kind, timeliness, date } of PHASES) {
    const filers = boards.filter((board) => board.timeliness[kind] === timeliness);
    await phase(`${kind} ${timeliness}`, date, filers.length, async () => {
      await mapPool(filers, C, (board) => file(board, kind, firstContent(board, kind), true));
      await settle();
      await api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: reviewer });
      await mapPool(filers, C, (board) => review(board, kind, board.returned[kind] ? 'return' : 'approve'));
      await settle();
      const returned = filers.filter((board) => board.returned[kind]);
      await mapPool(returned, C, (board) => file(board, kind, kind === 'plan' ? planContent(false) : reportContent(kind, true), false));
      await settle();
      await mapPool(returned, C, (board) => review(board, kind, 'approve', true));
      await settle();
      // What the office and the public look at, a fixed number of times per wave.
      await api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin });
      await api.call(ROUTES.late, `/api/cycles/${YEAR}/late`, { as: reviewer });
      await api.call(ROUTES.meters, `/api/public/cycles/${YEAR}/meters`);
      await api.call(ROUTES.metersCsv, `/api/public/cycles/${YEAR}/meters.csv`);
      await api.call(ROUTES.indicator, '/api/public/indicators/KF-1');
    });
    if (kind === 't1' && timeliness === 'late' && options.quietReminderRun) quietReminderRun = await options.quietReminderRun();
  }

  // ── Sign-off and exports ──────────────────────────────────────────────────
  await phase('signoff + exports', SIGNOFF_DATE, boards.length, async () => {
    const companies = boards.filter((board) => board.kind === 'company').map((board) => ({ boardId: board.boardId, withinPurpose: true }));
    await api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: executive });
    await api.call(ROUTES.signoff, `/api/cycles/${YEAR}/signoff`, { as: executive, body: { comment: 'Året är avslutat.', companies }, expect: [200] });
    await mapPool(boards, C, async (board) => {
      await api.call(ROUTES.export, `/api/cycles/${YEAR}/boards/${board.boardId}/export`, { as: editorOf(board.boardId) });
      await api.call(ROUTES.exportCsv, `/api/cycles/${YEAR}/boards/${board.boardId}/export.csv`, { as: editorOf(board.boardId) });
    });
    await api.call(ROUTES.meters, `/api/public/cycles/${YEAR}/meters`);
  });
  await phase('walk ends', WALK_ENDS, 0, async () => undefined);
  const wallMs = performance.now() - runStarted;

  // The clock probe: one day, then five years, with the year signed off (the scheduler's own cost of a move).
  const timed = async (to: string) => {
    const started = performance.now();
    await moveClock(to);
    return performance.now() - started;
  };
  const walkEnd = new Date((await api.call(ROUTES.getClock, '/api/dev/clock', { expect: [200] })).body.now as string);
  const yearClockMs = driver.clockMs();
  const oneDayMs = await timed(new Date(walkEnd.getTime() + 86_400_000).toISOString());
  const fiveYearsMs = await timed(new Date(walkEnd.getTime() + 86_400_000 + 5 * 365.25 * 86_400_000).toISOString());

  return {
    boards,
    phases: driver.phases,
    wallMs,
    clockMs: yearClockMs,
    outbox: await readOutbox(api),
    expectedMessages: expectedMessages(boards),
    quietReminderRun,
    clockProbe: { oneDayMs, fiveYearsMs },
  };
}

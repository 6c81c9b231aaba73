/**
 * The organisation-levels year (issue 14): B boards with U units each (50 × 30 is Stockholm's scale: 1,500 units,
 * 1,550 reporting bodies). The boards plan first and the city's reviewer approves; then the units plan against their
 * parents' approved plans (a target for each of the parent's indicators, the parent's own ones too), and each
 * parent's editors (a token scoped to the parent board) read their queue and decide their units' plans, returning
 * some. Every body files T1, T2 and the annual report, the units first (their reports are due unitLeadDays before
 * their parents'), each parent deciding its units; then each board reads its report with its units' roll-up, files
 * it, and the reviewer decides. The office reads the status matrix at the top and drilled down (`?parent=`), the late
 * list and the meters in every wave. After the year, every read path is probed one request at a time, with the read
 * units each takes, against reading one document.
 *
 * What this build of the API cannot do yet is probed once and the year degrades, said in `degraded`: unit plans
 * without the parent's own indicators, the units' documents decided by the city's reviewer, no drill-down, no roll-up.
 */
import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../instrument/instrument';
import type { ApiClient, Caller } from '../lib/api';
import { mapPool, prng, summarize, type Summary } from '../lib/stats';
import { admin, CALENDAR, CLOCK_START, docPath, editorOf, readOutbox, reviewer, ROUTES, YEAR, yearDriver, type PhaseTiming, type YearRun } from './scenario';

const REVIEWERS = ['granskare@stad.example'];
const REPORTS = ['t1', 't2', 'annual'] as const;
type Report = (typeof REPORTS)[number];
type Kind = 'plan' | Report;
const UNIT_LEAD_DAYS = 14;

/**
 * Every body files well before its reminder: the units' plans before their parents' reminder date too, so the
 * e-mails are the same whether the reminder job knows the units' own due dates yet or not.
 */
const DATES = {
  boardsPlan: '2026-01-12',
  unitsPlan: '2026-01-19',
  units: { t1: '2026-04-20', t2: '2026-08-20', annual: '2027-01-20' },
  boards: { t1: '2026-05-04', t2: '2026-09-04', annual: '2027-02-04' },
  probe: '2027-02-20',
} as const;

/** The council's indicators with the rules by which a parent's report rolls its units up. */
export const LEVELS_GOALS = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En hållbar och växande stad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når målen',
          indicators: [
            { id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90, rollup: 'weighted', weightBy: 'pupils' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, rollup: 'mean' },
            { id: 'KF-3', name: 'Nöjda brukare', unit: '%', direction: 'higher', target: 75, rollup: 'mean' },
          ],
        },
      ],
    },
  ],
};

export interface LevelsShape {
  boards: number;
  unitsPerBoard: number;
}

/** `--levels=50x30` → 50 boards with 30 units each. */
export function parseLevels(value: string | undefined): LevelsShape | undefined {
  const match = value ? /^(\d+)x(\d+)$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const shape = { boards: Number(match[1]), unitsPerBoard: Number(match[2]) };
  return shape.boards > 0 && shape.unitsPerBoard > 0 ? shape : undefined;
}

interface Body {
  boardId: string;
  parentId?: string;
  pupils?: number;
  /** Returned once per document kind, fixed and resubmitted. */
  returned: Record<Kind, boolean>;
}

/** The boards and their units, the same on every run. */
export function planLevels(shape: LevelsShape, seed = 2027): { boards: Body[]; units: Body[] } {
  const random = prng(seed);
  const returns = (): Record<Kind, boolean> => ({ plan: random() < 0.1, t1: random() < 0.05, t2: random() < 0.05, annual: random() < 0.05 });
  const boards: Body[] = [];
  const units: Body[] = [];
  for (let b = 1; b <= shape.boards; b++) {
    const boardId = `board-${String(b).padStart(3, '0')}`;
    boards.push({ boardId, returned: returns() });
    for (let u = 1; u <= shape.unitsPerBoard; u++) {
      units.push({ boardId: `${boardId}-unit-${String(u).padStart(3, '0')}`, parentId: boardId, pupils: 150 + Math.floor(random() * 900), returned: returns() });
    }
  }
  return { boards, units };
}

function boardPlan(returned: boolean) {
  return {
    targets: [
      { indicatorId: 'KF-1', target: returned ? 85 : 91 },
      { indicatorId: 'KF-2', target: 5.5 },
      { indicatorId: 'KF-3', target: 78 },
    ],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp', 'Lovskola'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200, rollup: 'sum' }],
    risks: [{ id: 'R1', title: 'Brist på behöriga lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekryteringen', frequency: 'quarterly' }],
  };
}

/** A unit's plan: a target for each of its parent's indicators (`withParentOwn`: the parent's own one too). */
function unitPlan(belowParent: boolean, withParentOwn: boolean) {
  return {
    targets: [
      { indicatorId: 'KF-1', target: belowParent ? 88 : 92 },
      { indicatorId: 'KF-2', target: 5.4 },
      { indicatorId: 'KF-3', target: 79 },
      ...(withParentOwn ? [{ indicatorId: 'N1-1', target: 10 }] : []),
    ],
    goals: [{ id: 'E1', title: 'Alla elever får läxhjälp som behöver den', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Läxhjälp två dagar i veckan'] }],
    ownIndicators: [],
    risks: [{ id: 'R1', title: 'Vakanta lärartjänster', probability: 2, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Rektor följer upp bemanningen', frequency: 'monthly' }],
  };
}

/** A report on the given indicators, with the values a little different per body (so the roll-up has work to do). */
function report(kind: Report, indicatorIds: string[], goalId: string, salt: number) {
  const annual = kind === 'annual';
  const base: Record<string, number> = { 'KF-1': 90, 'KF-2': 5.6, 'KF-3': 77, 'N1-1': 9 };
  const value = (id: string) => {
    const outcome = Math.round(((base[id] ?? 10) + (salt % 7) * 0.3) * 10) / 10;
    return annual ? { outcome, forecast: outcome } : { outcome: outcome - 1, forecast: outcome };
  };
  return {
    indicators: indicatorIds.map((indicatorId) => ({ indicatorId, ...value(indicatorId) })),
    goals: [{ goalId, assessment: salt % 3 === 0 ? 'fulfilled' : 'partly' }],
    ...(annual ? { internalControl: { assessment: 'sufficient' } } : {}),
    analysis: 'Verksamheten följer planen.',
  };
}

/** What this build of the API does for the levels, found out on the way (false: the year degrades, see `degraded`). */
export interface LevelsCapabilities {
  /** A unit's plan sets targets for its parent's own indicators (h1: plans against the parent's). */
  unitTargetsParentIndicators: boolean;
  /** A parent's editors decide their units' documents (the policy's unitsOfOwnBoards, through the handlers). */
  parentDecides: boolean;
  /** A parent's editors read the review queue (their units' submissions). */
  parentQueue: boolean;
  /** The status matrix answers the top-level boards only, and `?parent=` a board's units. */
  drillDown: boolean;
  /** The status cells count the units below (`units: { total, approved, late }`). */
  unitCounts: boolean;
  /** A parent's report carries its units' roll-up. */
  rollup: boolean;
}

export interface ReadProbe {
  name: string;
  route: string;
  latency: Summary;
  /** Read request units per request (table and indexes), from the stack's counters around the probe. */
  rruPerRequest: number;
  dynamoCallsPerRequest: number;
  /** Rows, units or entries in the answer (what it scales with). */
  size: number;
}

export interface LevelsRun extends Omit<YearRun, 'boards' | 'clockProbe'> {
  shape: LevelsShape;
  bodies: number;
  capabilities: LevelsCapabilities;
  degraded: string[];
  probes: ReadProbe[];
  /** What the top-level status matrix answered for the first board at the end (its unit counts). */
  sample?: { statusRow?: unknown; rollup?: unknown };
}

export async function simulateLevelsYear(
  api: ApiClient,
  options: {
    shape: LevelsShape;
    concurrency: number;
    samples: number;
    log: (line: string) => void;
    snapshot?: () => Promise<Snapshot>;
    quietReminderRun?: () => Promise<YearRun['quietReminderRun']>;
  },
): Promise<LevelsRun> {
  const { boards, units } = planLevels(options.shape);
  const bodies = boards.length + units.length;
  const C = options.concurrency;
  const driver = yearDriver(api, options.log, 'bodies');
  const { settle, phase, runStarted } = driver;
  const unitsOf = new Map(boards.map((board) => [board.boardId, units.filter((unit) => unit.parentId === board.boardId)]));
  const capabilities: LevelsCapabilities = { unitTargetsParentIndicators: true, parentDecides: true, parentQueue: true, drillDown: true, unitCounts: true, rollup: true };
  let quietReminderRun: YearRun['quietReminderRun'];
  /** What each body's plan targeted (its reports give a value for each). */
  const planned = new Map<string, string[]>();

  // ── Setup ──────────────────────────────────────────────────────────────────
  await phase('setup', CLOCK_START.slice(0, 10), bodies, async () => {
    await mapPool(boards, C, (board, i) =>
      api.call(ROUTES.putBoard, `/api/boards/${board.boardId}`, {
        as: admin,
        body: { name: `Nämnd ${board.boardId}`, kind: i % 3 === 0 ? 'specialist' : 'district', contacts: [`kansli@${board.boardId}.example`] },
        expect: [200, 201],
      }),
    );
    await mapPool(units, C, (unit) =>
      api.call(ROUTES.putBoard, `/api/boards/${unit.boardId}`, {
        as: admin,
        body: { name: `Enhet ${unit.boardId}`, kind: 'unit', parentId: unit.parentId, attributes: { pupils: unit.pupils }, contacts: [`rektor@${unit.boardId}.example`] },
        expect: [200, 201],
      }),
    );
    await api.call(ROUTES.createCycle, '/api/cycles', { as: admin, body: { year: YEAR, calendar: { ...CALENDAR, unitLeadDays: UNIT_LEAD_DAYS }, reviewerContacts: REVIEWERS }, expect: [201] });
    await api.call(ROUTES.putGoals, `/api/cycles/${YEAR}/council-goals`, { as: admin, body: LEVELS_GOALS, expect: [200] });
    await api.call(ROUTES.listBoards, '/api/boards', { as: admin });
    await settle();
  });

  const file = async (body: Body, kind: Kind, content: unknown, expect = [202]) => {
    const editor = editorOf(body.boardId);
    const path = docPath(YEAR, body.boardId, kind);
    const current = await api.call(ROUTES.getDoc, path, { as: editor });
    await api.call(ROUTES.saveDoc, path, { as: editor, headers: { 'if-match': current.etag ?? '"0"' }, body: { content } });
    return api.call(ROUTES.submit, `${path}/submit`, { as: editor, expect });
  };
  /** Who decides a body's documents: a board's by the city's reviewer, a unit's by its parent's editors (or, degraded, the reviewer). */
  const deciderOf = (body: Body): Caller => (body.parentId && capabilities.parentDecides ? editorOf(body.parentId) : reviewer);
  const decide = async (body: Body, kind: Kind, decision: 'approve' | 'return', withHistory = false, as = deciderOf(body), expect = [200]) => {
    const path = docPath(YEAR, body.boardId, kind);
    await api.call(ROUTES.getDoc, path, { as });
    if (withHistory) await api.call(ROUTES.history, `${path}/history`, { as });
    const comment = decision === 'approve' ? 'Godkänd.' : 'Komplettera: målet är lägre än nämndens.';
    return api.call(ROUTES.decide, `${path}/decision`, { as, body: { decision, comment }, expect });
  };
  /** A review round: decide every filer (returning those marked), let them fix and resubmit, approve those. */
  const reviewRound = async (filers: Body[], kind: Kind, fixed: (body: Body) => unknown) => {
    await mapPool(filers, C, (body) => decide(body, kind, body.returned[kind] ? 'return' : 'approve'));
    await settle();
    const returned = filers.filter((body) => body.returned[kind]);
    await mapPool(returned, C, (body) => file(body, kind, fixed(body)));
    await settle();
    await mapPool(returned, C, (body) => decide(body, kind, 'approve', true));
    await settle();
  };
  /** What the office and the public look at in every wave: the top, a few boards' units, the late list, the meters. */
  const officeReads = async () => {
    await api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin });
    for (const board of boards.slice(0, 3)) await api.call(ROUTES.status, `/api/cycles/${YEAR}/status?parent=${board.boardId}`, { as: admin });
    await api.call(ROUTES.late, `/api/cycles/${YEAR}/late`, { as: reviewer });
    await api.call(ROUTES.meters, `/api/public/cycles/${YEAR}/meters`);
    await api.call(ROUTES.metersCsv, `/api/public/cycles/${YEAR}/meters.csv`);
  };
  /** A parent's office opens its review queue (once per wave; the city's reviewer when the build has none for it). */
  const parentQueues = async () => {
    if (!capabilities.parentQueue) return void (await api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: reviewer }));
    await mapPool(boards, C, (board) => api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: editorOf(board.boardId) }));
  };

  // ── The boards plan first ──────────────────────────────────────────────────
  await phase('plan boards', DATES.boardsPlan, boards.length, async () => {
    await mapPool(boards, C, async (board) => {
      await api.call(ROUTES.getCycle, `/api/cycles/${YEAR}`, { as: editorOf(board.boardId) });
      await api.call(ROUTES.getGoals, `/api/cycles/${YEAR}/council-goals`, { as: editorOf(board.boardId) });
      await file(board, 'plan', boardPlan(board.returned.plan));
    });
    await settle();
    await api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: reviewer });
    await reviewRound(boards, 'plan', () => boardPlan(false));
    for (const board of boards) planned.set(board.boardId, ['KF-1', 'KF-2', 'KF-3', 'N1-1']);
    await officeReads();
  });

  // ── The units plan against their parents' approved plans ──────────────────
  await phase('plan units', DATES.unitsPlan, units.length, async () => {
    // The first unit finds out whether a unit's plan takes its parent's own indicators in this build.
    const [first, ...rest] = units;
    const probe = await file(first!, 'plan', unitPlan(first!.returned.plan, true), [202, 422]);
    if (probe.status === 422) {
      capabilities.unitTargetsParentIndicators = false;
      await file(first!, 'plan', unitPlan(first!.returned.plan, false));
    }
    const withOwn = capabilities.unitTargetsParentIndicators;
    await mapPool(rest, C, async (unit) => {
      await api.call(ROUTES.getGoals, `/api/cycles/${YEAR}/council-goals`, { as: editorOf(unit.boardId) });
      await file(unit, 'plan', unitPlan(unit.returned.plan, withOwn));
    });
    for (const unit of units) planned.set(unit.boardId, ['KF-1', 'KF-2', 'KF-3', ...(withOwn ? ['N1-1'] : [])]);
    await settle();
    // The first parent's editor finds out whether the parent's office may read the queue and decide on its units.
    const queue = await api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: editorOf(boards[0]!.boardId), expect: [200, 403] });
    capabilities.parentQueue = queue.status === 200 && (queue.body.documents ?? []).some((doc: { boardId: string }) => doc.boardId === first!.boardId);
    const decided = await decide(first!, 'plan', first!.returned.plan ? 'return' : 'approve', false, editorOf(first!.parentId!), [200, 403]);
    if (decided.status === 403) {
      capabilities.parentDecides = false;
      await decide(first!, 'plan', first!.returned.plan ? 'return' : 'approve');
    }
    await parentQueues();
    await reviewRound(rest, 'plan', () => unitPlan(false, withOwn));
    // The first unit's return round, now that who decides is known.
    if (first!.returned.plan) {
      await file(first!, 'plan', unitPlan(false, withOwn));
      await settle();
      await decide(first!, 'plan', 'approve', true);
      await settle();
    }
    await officeReads();
    // Does the status matrix answer the top level only, and a board's units below it?
    const top = await api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin });
    const drilled = await api.call(ROUTES.status, `/api/cycles/${YEAR}/status?parent=${boards[0]!.boardId}`, { as: admin, expect: [200, 400] });
    const topIds = ((top.body.boards ?? []) as Array<{ boardId: string }>).map((row) => row.boardId);
    const drilledIds = new Set(((drilled.body?.boards ?? []) as Array<{ boardId: string }>).map((row) => row.boardId));
    const ownUnits = unitsOf.get(boards[0]!.boardId)!;
    capabilities.drillDown =
      topIds.length === boards.length && drilled.status === 200 && drilledIds.size === ownUnits.length && ownUnits.every((unit) => drilledIds.has(unit.boardId));
    const firstRow = (top.body.boards ?? []).find((row: { boardId: string }) => row.boardId === boards[0]!.boardId);
    capabilities.unitCounts = firstRow?.documents?.plan?.units?.total === ownUnits.length;
  });

  // ── The reports: the units first, then their parents with the roll-up ────
  for (const kind of REPORTS) {
    await phase(`${kind} units`, DATES.units[kind], units.length, async () => {
      await mapPool(units, C, (unit, i) => file(unit, kind, report(kind, planned.get(unit.boardId)!, 'E1', i)));
      await settle();
      await parentQueues();
      await reviewRound(units, kind, (unit) => report(kind, planned.get(unit.boardId)!, 'E1', 1));
      await officeReads();
    });
    if (kind === 't1' && options.quietReminderRun) quietReminderRun = await options.quietReminderRun();
    await phase(`${kind} boards`, DATES.boards[kind], boards.length, async () => {
      await mapPool(boards, C, async (board, i) => {
        // The parent's editor opens the report form: its units' approved figures, rolled up, come with it.
        const path = docPath(YEAR, board.boardId, kind);
        const form = await api.call(ROUTES.getDoc, path, { as: editorOf(board.boardId) });
        if (i === 0 && kind === 't1') capabilities.rollup = Array.isArray(form.body?.rollup?.indicators) && form.body.rollup.indicators.some((row: { units?: unknown[] }) => (row.units?.length ?? 0) > 0);
        await api.call(ROUTES.saveDoc, path, { as: editorOf(board.boardId), headers: { 'if-match': form.etag ?? '"0"' }, body: { content: report(kind, planned.get(board.boardId)!, 'N1', i) } });
        await api.call(ROUTES.submit, `${path}/submit`, { as: editorOf(board.boardId), expect: [202] });
      });
      await settle();
      await api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: reviewer });
      await reviewRound(boards, kind, (board) => report(kind, planned.get(board.boardId)!, 'N1', 1));
      await officeReads();
    });
  }
  const wallMs = performance.now() - runStarted;

  // ── The read paths, one request at a time, each with the read units it takes ──
  const probes: ReadProbe[] = [];
  let sample: LevelsRun['sample'];
  await phase('read probes', DATES.probe, bodies, async () => {
    await settle();
    const n = Math.max(3, options.samples);
    const pick = <T>(list: T[], i: number) => list[i % list.length]!;
    const plans: Array<{ name: string; route: string; call: (i: number) => Promise<{ body: any }>; size: (body: any) => number }> = [
      { name: 'one document (a unit\u2019s annual report)', route: ROUTES.getDoc, call: (i) => api.call(ROUTES.getDoc, docPath(YEAR, pick(units, i * 7).boardId, 'annual'), { as: reviewer }), size: () => 1 },
      { name: 'status matrix, top level', route: ROUTES.status, call: () => api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin }), size: (body) => body?.boards?.length ?? 0 },
      { name: 'status matrix, one board\u2019s units (?parent=)', route: ROUTES.status, call: (i) => api.call(ROUTES.status, `/api/cycles/${YEAR}/status?parent=${pick(boards, i).boardId}`, { as: admin }), size: (body) => body?.boards?.length ?? 0 },
      { name: 'a parent\u2019s annual report with its roll-up', route: ROUTES.getDoc, call: (i) => api.call(ROUTES.getDoc, docPath(YEAR, pick(boards, i).boardId, 'annual'), { as: editorOf(pick(boards, i).boardId) }), size: (body) => body?.rollup?.indicators?.reduce((sum: number, row: { units?: unknown[] }) => sum + (row.units?.length ?? 0), 0) ?? 0 },
      { name: 'late list', route: ROUTES.late, call: () => api.call(ROUTES.late, `/api/cycles/${YEAR}/late`, { as: reviewer }), size: (body) => body?.boards?.length ?? body?.late?.length ?? 0 },
      { name: 'public meters', route: ROUTES.meters, call: () => api.call(ROUTES.meters, `/api/public/cycles/${YEAR}/meters`), size: (body) => body?.meters?.reduce((sum: number, m: { boards?: unknown[] }) => sum + (m.boards?.length ?? 0), 0) ?? 0 },
    ];
    for (const plan of plans) {
      const before = options.snapshot ? await options.snapshot() : undefined;
      const latencies: number[] = [];
      let size = 0;
      for (let i = 0; i < n; i++) {
        const started = performance.now();
        const answer = await plan.call(i);
        latencies.push(performance.now() - started);
        size = plan.size(answer.body);
      }
      const after = options.snapshot ? await options.snapshot() : undefined;
      const delta = (pickFigure: (s: Snapshot) => number) => (before && after ? (pickFigure(after) - pickFigure(before)) / n : NaN);
      probes.push({
        name: plan.name,
        route: plan.route,
        latency: summarize(latencies),
        rruPerRequest: delta((s) => s.routes[plan.route]?.rru ?? 0),
        dynamoCallsPerRequest: delta((s) => (s.routes[plan.route]?.appCalls?.mean ?? 0) * (s.routes[plan.route]?.handler.n ?? 0)),
        size,
      });
    }
    const top = await api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin });
    const rolled = await api.call(ROUTES.getDoc, docPath(YEAR, boards[0]!.boardId, 'annual'), { as: editorOf(boards[0]!.boardId) });
    sample = { statusRow: (top.body.boards ?? []).find((row: { boardId: string }) => row.boardId === boards[0]!.boardId), rollup: rolled.body?.rollup?.indicators?.[0] };
  });

  const degraded = [
    !capabilities.unitTargetsParentIndicators && "units' plans target the council's indicators only: this build refuses a unit target for its parent's own indicator (422)",
    !capabilities.parentDecides && "the units' documents are decided by the city's reviewer: this build refuses the parent's editors (403)",
    !capabilities.parentQueue && "the parents' editors have no review queue of their own in this build: the city's reviewer reads the one queue",
    !capabilities.drillDown && 'the status matrix does not drill down in this build: without `parent` it lists every body, and `?parent=` does not list a board\u2019s units',
    !capabilities.unitCounts && 'the status cells carry no unit counts in this build',
    !capabilities.rollup && "the parents' reports carry no roll-up in this build: the parent's report read is a plain document read",
  ].filter((line): line is string => typeof line === 'string');

  const outbox = await readOutbox(api);
  let returned = 0;
  for (const body of [...boards, ...units]) for (const kind of ['plan', ...REPORTS] as const) if (body.returned[kind]) returned += 1;
  return {
    shape: options.shape,
    bodies,
    capabilities,
    degraded,
    probes,
    sample,
    phases: driver.phases as PhaseTiming[],
    wallMs,
    clockMs: driver.clockMs(),
    outbox,
    // Everyone files before the reminder, so no reminder, overdue notice or escalation is due.
    expectedMessages: { approved: bodies * 4, returned, reminder: 0, overdue: 0, escalation: 0 },
    quietReminderRun,
  };
}

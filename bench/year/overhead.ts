/**
 * API overhead per route, measured one request at a time after the year (so nothing else runs meanwhile):
 * the route's median latency over HTTP ÷ (the DynamoDB calls it makes × the median raw DynamoDB Local GetItem
 * latency), the calls counted per invocation by the instrumentation, the raw latency probed in the stack
 * process with the handlers' own client before, between and after the routes.
 */
import type { ApiClient, Caller } from '../lib/api';
import { median, round, type Summary } from '../lib/stats';
import type { StackProcess } from './stackClient';
import { admin, COUNCIL_GOALS, docPath, editorOf, planContent, reviewer, ROUTES, YEAR } from './scenario';

export interface OverheadRow {
  route: string;
  fn: string;
  n: number;
  latency: { p50: number; p95: number };
  handlerP50: number;
  ddbCalls: number;
  ddbWaves: number;
  sfnCalls: number;
  ddbBusyP50: number;
  /** latency p50 ÷ (DynamoDB calls × raw GetItem p50): the goal's definition. */
  ratio: number | null;
  /** latency p50 ÷ ((sequential waves + Step Functions calls) × raw GetItem p50): stricter. */
  ratioSerial: number | null;
  /** handler p50 (inside the Lambda, no gateway) ÷ (DynamoDB calls × raw GetItem p50): what the function code adds. */
  handlerRatio: number | null;
  statuses: Record<string, number>;
}

export interface OverheadReport {
  samples: number;
  rawGetItem: { probes: Summary[]; p50: number };
  /** GET /api/dev/clock: the local server without a handler, JWT or DynamoDB (the HTTP floor). */
  httpFloorP50: number;
  rows: OverheadRow[];
  notMeasured: Array<{ route: string; why: string }>;
}

const OVERHEAD_YEAR = 2040;
const overheadCalendar = { planDue: '2041-01-31', t1Due: '2041-05-15', t2Due: '2041-09-15', annualDue: '2042-02-15', signoffDue: '2042-04-15' };

export async function measureOverhead(
  api: ApiClient,
  stack: StackProcess,
  options: { samples: number; boardIds: string[]; log: (line: string) => void },
): Promise<OverheadReport> {
  const N = Math.min(options.samples, options.boardIds.length);
  const boards = options.boardIds.slice(0, N);
  const settle = async () => {
    const { body } = await api.call(ROUTES.getClock, '/api/dev/clock');
    await api.call(ROUTES.clock, '/api/dev/clock', { body: { now: new Date(Date.parse(body.now) + 1000).toISOString() } });
  };

  // Setup, not measured: a far-future cycle whose council goals may still be replaced, tokens for every caller.
  await api.call(ROUTES.createCycle, '/api/cycles', { as: admin, body: { year: OVERHEAD_YEAR, calendar: overheadCalendar }, expect: [201] });
  await api.call(ROUTES.putGoals, `/api/cycles/${OVERHEAD_YEAR}/council-goals`, { as: admin, body: COUNCIL_GOALS });
  for (const boardId of boards) await api.token(editorOf(boardId));
  await settle();
  await stack.reset();
  api.resetStats();

  const probes: Summary[] = [];
  const probeKey = { PK: `CYCLE#${YEAR}#BOARD#${boards[0]}`, SK: 'DOC#plan' };
  const probe = async () => probes.push(await stack.rawGetItem(200, probeKey));
  await probe();

  const each = async (label: string, call: (boardId: string, i: number) => Promise<unknown>, after?: () => Promise<void>) => {
    for (let i = 0; i < N; i++) {
      await call(boards[i]!, i);
      if (after) await after();
    }
    options.log(`    ${label}`);
  };
  const as = (boardId: string): Caller => editorOf(boardId);

  await each('health', async () => api.call(ROUTES.health, '/api/health'));
  await each('openapi', async () => api.call(ROUTES.openapi, '/api/openapi.json'));
  await each('boards', async () => api.call(ROUTES.listBoards, '/api/boards', { as: admin }));
  await each('put board', async (boardId) =>
    api.call(ROUTES.putBoard, `/api/boards/${boardId}`, { as: admin, body: { name: `Nämnd ${boardId}`, kind: 'district', contacts: [`kansli@${boardId}.example`] }, expect: [200, 201] }),
  );
  await each('cycle', async (boardId) => api.call(ROUTES.getCycle, `/api/cycles/${YEAR}`, { as: as(boardId) }));
  await each('council goals', async (boardId) => api.call(ROUTES.getGoals, `/api/cycles/${YEAR}/council-goals`, { as: as(boardId) }));
  await each('status matrix', async () => api.call(ROUTES.status, `/api/cycles/${YEAR}/status`, { as: admin }));
  await each('late list', async () => api.call(ROUTES.late, `/api/cycles/${YEAR}/late`, { as: reviewer }));
  await each('review queue', async () => api.call(ROUTES.queue, `/api/review-queue?year=${YEAR}`, { as: reviewer }));
  await each('list cycles', async () => api.call(ROUTES.listCycles, '/api/cycles', { as: reviewer }));
  await each('document', async (boardId) => api.call(ROUTES.getDoc, docPath(YEAR, boardId, 'plan'), { as: as(boardId) }));
  await each('history', async (boardId) => api.call(ROUTES.history, `${docPath(YEAR, boardId, 'plan')}/history`, { as: as(boardId) }));
  await each('export', async (boardId) => api.call(ROUTES.export, `/api/cycles/${YEAR}/boards/${boardId}/export`, { as: as(boardId) }));
  await each('export.csv', async (boardId) => api.call(ROUTES.exportCsv, `/api/cycles/${YEAR}/boards/${boardId}/export.csv`, { as: as(boardId) }));
  await each('public meters', async () => api.call(ROUTES.meters, `/api/public/cycles/${YEAR}/meters`));
  await each('public meters.csv', async () => api.call(ROUTES.metersCsv, `/api/public/cycles/${YEAR}/meters.csv`));
  await each('public indicator', async () => api.call(ROUTES.indicator, '/api/public/indicators/KF-1'));
  await probe();
  // Writes, on the far-future cycle. The council goals go first: once a plan is approved they are fixed.
  await each('put council goals', async () => api.call(ROUTES.putGoals, `/api/cycles/${OVERHEAD_YEAR}/council-goals`, { as: admin, body: COUNCIL_GOALS }));
  await each(
    'change calendar',
    async (_boardId, i) => api.call(ROUTES.calendar, `/api/cycles/${OVERHEAD_YEAR}/calendar`, { as: admin, body: { reminderDaysBefore: 7 + (i % 2) } }),
    settle,
  );
  await each('save', async (boardId) =>
    api.call(ROUTES.saveDoc, docPath(OVERHEAD_YEAR, boardId, 'plan'), { as: as(boardId), headers: { 'if-match': '"0"' }, body: { content: planContent(false) } }),
  );
  await each('submit', async (boardId) => api.call(ROUTES.submit, `${docPath(OVERHEAD_YEAR, boardId, 'plan')}/submit`, { as: as(boardId), expect: [202] }), settle);
  await each(
    'decision',
    async (boardId) => api.call(ROUTES.decide, `${docPath(OVERHEAD_YEAR, boardId, 'plan')}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }),
    settle,
  );
  await each('kolada import', async (boardId) =>
    api.call(ROUTES.kolada, `/api/cycles/${OVERHEAD_YEAR}/imports/kolada`, {
      as: admin,
      body: {
        kind: 't1',
        source: 'Kolada (RKA)',
        fetchedAt: '2041-05-02T06:00:00Z',
        mapping: { indicators: [{ kpi: 'N00945', indicatorId: 'KF-1' }], boards: [{ ou: `OU-${boardId}`, boardId }] },
        data: { values: [{ kpi: 'N00945', ou: `OU-${boardId}`, period: OVERHEAD_YEAR, values: [{ gender: 'T', value: 77.5 }] }] },
      },
    }),
  );
  await each('create cycle', async (_boardId, i) => api.call(ROUTES.createCycle, '/api/cycles', { as: admin, body: { year: OVERHEAD_YEAR + 1 + i, calendar: shifted(i + 1) }, expect: [201] }), settle);
  await probe();

  // The HTTP floor: a dev route answered by the local server itself.
  for (let i = 0; i < N; i++) await api.call(ROUTES.getClock, '/api/dev/clock');

  const rawP50 = median(probes.map((p) => p.p50));
  const client = api.stats();
  const server = (await stack.snapshot()).routes;
  const rows: OverheadRow[] = [];
  for (const [route, stats] of Object.entries(client)) {
    if (route.includes('/api/dev/')) continue;
    const s = server[route];
    const calls = s?.ddbCalls.p50 ?? 0;
    const waves = s?.ddbWaves.p50 ?? 0;
    const sfn = s?.sfnCalls.p50 ?? 0;
    rows.push({
      route,
      fn: s?.fn ?? '?',
      n: stats.latency.n,
      latency: { p50: round(stats.latency.p50), p95: round(stats.latency.p95) },
      handlerP50: round(s?.handler.p50 ?? NaN),
      ddbCalls: calls,
      ddbWaves: waves,
      sfnCalls: sfn,
      ddbBusyP50: round(s?.ddbBusyMs.p50 ?? NaN),
      ratio: calls > 0 ? round(stats.latency.p50 / (calls * rawP50)) : null,
      ratioSerial: waves + sfn > 0 ? round(stats.latency.p50 / ((waves + sfn) * rawP50)) : null,
      handlerRatio: calls > 0 && s ? round(s.handler.p50 / (calls * rawP50)) : null,
      statuses: stats.statuses,
    });
  }
  return {
    samples: N,
    rawGetItem: { probes, p50: round(rawP50, 3) },
    httpFloorP50: round(client[ROUTES.getClock]?.latency.p50 ?? NaN, 3),
    rows: rows.sort((a, b) => a.route.localeCompare(b.route)),
    notMeasured: [{ route: ROUTES.signoff, why: 'a year is signed off once; its latency and DynamoDB calls are in the year runs (n = 1 per scale)' }],
  };
}

function shifted(years: number) {
  const shift = (date: string) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return Object.fromEntries(Object.entries(overheadCalendar).map(([key, value]) => [key, shift(value)]));
}

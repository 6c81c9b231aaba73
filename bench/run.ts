/**
 * `npm run bench`: the benchmarks of bench/README.md. Starts and stops everything it needs (its own DynamoDB
 * Local for the bundle probes, one stack process per scale), writes bench/results/*.json and
 * bench/results/latest.md, and prints the markdown.
 *
 * Flags: --scales=10,100,1000   the year runs (default)
 *        --boards=10000         adds a scale (also BENCH_10K=1)
 *        --concurrency=8        requests in flight during the year
 *        --samples=25           sequential samples per route for the API overhead
 *        --overhead-scale=100   which year run the overhead is measured after
 *        --init-runs=7          fresh processes per bundle for the cold start
 *        --skip-bundles  --skip-year
 *        --levels=50x30         adds the organisation-levels year: 50 boards with 30 units each (1,550 reporting
 *                               bodies); only when asked. With --skip-year, the flat years of the last run stay in
 *                               latest.md and summary.json.
 *        --results=DIR          where the results go (default bench/results)
 *        --report-only          re-renders latest.md from the JSON files of the last run
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { localAwsConfig, startDynamoDbLocal } from '../local/dynamodb';
import { ensureTable } from '../local/tables';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { measureBundles, type BundleReport } from './bundles';
import { costOf, loadPrices, type CostReport } from './cost';
import type { Snapshot } from './instrument/instrument';
import { ApiClient, type RouteStats } from './lib/api';
import { describeMachine, LoadSampler, type Machine } from './lib/machine';
import { median, round } from './lib/stats';
import { renderMarkdown } from './report';
import { measureOverhead, type OverheadReport } from './year/overhead';
import { YEAR_DAYS } from './readPaths';
import { parseLevels, simulateLevelsYear, type LevelsCapabilities, type LevelsShape, type ReadProbe } from './year/levels';
import { simulateYear, type PhaseTiming, type YearRun } from './year/scenario';
import { StackProcess, type MemoryPeak } from './year/stackClient';
import type { ExecutionStats } from './year/stackProcess';

const resultsFlag = process.argv.find((arg) => arg.startsWith('--results='))?.slice('--results='.length);
const resultsDir = resultsFlag ? resolve(resultsFlag) : fileURLToPath(new URL('./results/', import.meta.url));
const tmpDir = join(resultsDir, 'tmp');

export interface PerBoard {
  requests: number;
  apiRequests: number;
  dynamoCalls: number;
  rru: number;
  wru: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  stateTransitions: number;
  emails: number;
  wallMs: number;
  requestMs: number;
}

export interface YearResult {
  boards: number;
  concurrency: number;
  stackStartupMs: number;
  wallMs: number;
  clockMs: number;
  requests: { api: number; dev: number; all: number };
  rps: { all: number; api: number; apiExcludingClock: number };
  phases: PhaseTiming[];
  routes: Record<string, RouteStats>;
  server: Snapshot;
  sfn: ExecutionStats;
  outbox: { messages: number; recipients: number; byKind: Record<string, number> };
  expectedMessages: Record<string, number>;
  emailsAsExpected: boolean;
  memory: MemoryPeak;
  cpuSeconds: { node: number; java: number };
  table: { bytes: number; items: number };
  handlerLogBytes: number;
  load: { start: number; end: number; mean: number; max: number };
  unexpectedAnswers: number;
  perBoard: PerBoard;
  cost?: CostReport;
  /** The reminder job run once more at an instant when nothing is due, after the year (issue 13). */
  quietReminderRun?: { rru: number; calls: number; ms: number };
  /** POST /api/dev/clock moving one day, then five years, after the year. */
  clockProbe?: { oneDayMs: number; fiveYearsMs: number };
}

/**
 * The organisation-levels year: `boards` counts every reporting body (boards and units), so that the per-board
 * figures read per body; `shape` says how many boards and units.
 */
export interface LevelsResult extends YearResult {
  shape: LevelsShape;
  capabilities: LevelsCapabilities;
  /** What this build could not do yet, and how the year went instead. */
  degraded: string[];
  probes: ReadProbe[];
  sample?: { statusRow?: unknown; rollup?: unknown };
}

export const levelsFile = (shape: LevelsShape) => `year-levels-${shape.boards}x${shape.unitsPerBoard}.json`;

export interface Summary {
  machine: Machine;
  options: Record<string, unknown>;
  bundles?: BundleReport;
  years: YearResult[];
  levels?: LevelsResult;
  overhead?: OverheadReport & { boards: number; load: { start: number; end: number; mean: number; max: number } };
  durationMs: number;
  loadAtEnd: number[];
}

function parseArgs(argv: string[]) {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (match) flags.set(match[1]!, match[2] ?? 'true');
  }
  const list = (value: string | undefined) => (value ? value.split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v > 0) : []);
  const scales = new Set(flags.has('scales') ? list(flags.get('scales')) : [10, 100, 1000]);
  for (const extra of list(flags.get('boards'))) scales.add(extra);
  if (process.env.BENCH_10K === '1') scales.add(10_000);
  const sorted = [...scales].sort((a, b) => a - b);
  return {
    scales: sorted,
    concurrency: Number(flags.get('concurrency') ?? 8),
    samples: Number(flags.get('samples') ?? 25),
    overheadScale: Number(flags.get('overhead-scale') ?? (sorted.includes(100) ? 100 : sorted[0] ?? 0)),
    initRuns: Number(flags.get('init-runs') ?? 7),
    skipBundles: flags.has('skip-bundles'),
    skipYear: flags.has('skip-year'),
    // `--levels` alone is Stockholm's scale.
    levels: flags.has('levels') ? parseLevels(flags.get('levels') === 'true' ? '50x30' : flags.get('levels')) : undefined,
    levelsFlag: flags.get('levels'),
    reportOnly: flags.has('report-only'),
  };
}

const started = performance.now();
const log = (line: string) => process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(5)} s] ${line}\n`);

async function runBundles(options: ReturnType<typeof parseArgs>): Promise<BundleReport> {
  log(`Cold-start weight of every Lambda bundle (${options.initRuns} fresh processes each) ...`);
  const dynamo = await startDynamoDbLocal();
  const stopDynamo = () => void dynamo.stop();
  process.once('exit', stopDynamo);
  try {
    const client = new DynamoDBClient({ ...localAwsConfig, endpoint: dynamo.endpoint });
    await ensureTable(client, 'bench-bundles', tableDefinition);
    client.destroy();
    return await measureBundles({ workDir: tmpDir, runs: options.initRuns, dynamoEndpoint: dynamo.endpoint, tableName: 'bench-bundles', log });
  } finally {
    await dynamo.stop();
    process.off('exit', stopDynamo);
  }
}

/** Runs `simulate` on a fresh stack process and measures it: the per-body figures are over `bodies`. */
async function onFreshStack<T extends Pick<YearRun, 'wallMs' | 'clockMs' | 'outbox' | 'expectedMessages' | 'phases' | 'quietReminderRun' | 'clockProbe'>>(
  label: string,
  bodies: number,
  options: ReturnType<typeof parseArgs>,
  simulate: (api: ApiClient, stack: StackProcess) => Promise<T>,
  after?: (run: T, stack: StackProcess) => Promise<void>,
): Promise<{ result: YearResult; run: T }> {
  const dataDir = join(tmpDir, `stack-${label}-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  // Past a few thousand bodies the in-memory table outgrows DynamoDB Local's default heap (512 MB).
  const dynamoHeapMb = bodies > 2_000 ? Math.min(8_192, Math.ceil(bodies / 1_000) * 384) : undefined;
  const stack = await StackProcess.start({ label, dataDir, logDir: tmpDir, tableName: `bench-${label}`, dynamoHeapMb });
  try {
    log(`  stack ready in ${(stack.startupMs / 1000).toFixed(1)} s (DynamoDB Local in memory, local Step Functions, ${stack.url})`);
    const api = new ApiClient(stack.url);
    const load = new LoadSampler();
    const run = await simulate(api, stack);
    const loadStats = load.stop();
    const [server, sfn, table] = [await stack.snapshot(), await stack.sfnStats(), await stack.tableSize()];
    const memory = stack.memoryPeak();
    const cpuSeconds = stack.cpu();
    const handlerLogBytes = stack.loggedBytes();
    const routes = api.stats();
    const requests = { api: api.apiRequests(), dev: api.allRequests() - api.apiRequests(), all: api.allRequests() };
    const app = server.dynamo.filter((row) => row.category === 'app');
    const fns = Object.values(server.functions);
    const perBoard: PerBoard = {
      requests: requests.all / bodies,
      apiRequests: requests.api / bodies,
      dynamoCalls: app.reduce((sum, row) => sum + row.calls, 0) / bodies,
      rru: app.reduce((sum, row) => sum + row.rru, 0) / bodies,
      wru: app.reduce((sum, row) => sum + row.wru, 0) / bodies,
      lambdaInvocations: fns.reduce((sum, fn) => sum + fn.invocations, 0) / bodies,
      lambdaGbSeconds: (fns.reduce((sum, fn) => sum + fn.billedMs, 0) / 1000 / bodies) * 0.5,
      stateTransitions: sfn.stateTransitions / bodies,
      emails: run.outbox.messages / bodies,
      wallMs: run.wallMs / bodies,
      requestMs: (run.wallMs - run.clockMs) / bodies,
    };
    const emailsAsExpected = Object.entries(run.expectedMessages).every(([kind, count]) => (run.outbox.byKind[kind] ?? 0) === count);
    const result: YearResult = {
      boards: bodies,
      concurrency: options.concurrency,
      stackStartupMs: round(stack.startupMs, 0),
      wallMs: round(run.wallMs, 0),
      clockMs: round(run.clockMs, 0),
      requests,
      rps: {
        all: round(requests.all / (run.wallMs / 1000), 1),
        api: round(requests.api / (run.wallMs / 1000), 1),
        apiExcludingClock: round(requests.api / ((run.wallMs - run.clockMs) / 1000), 1),
      },
      phases: run.phases.map((p) => ({ ...p, ms: round(p.ms, 0), clockMs: round(p.clockMs, 0) })),
      routes,
      server,
      sfn,
      outbox: run.outbox,
      expectedMessages: run.expectedMessages,
      emailsAsExpected,
      memory,
      cpuSeconds,
      table,
      handlerLogBytes,
      load: loadStats,
      unexpectedAnswers: api.unexpected,
      perBoard,
      ...(run.quietReminderRun ? { quietReminderRun: { rru: round(run.quietReminderRun.rru, 1), calls: run.quietReminderRun.calls, ms: round(run.quietReminderRun.ms, 1) } } : {}),
      ...(run.clockProbe ? { clockProbe: { oneDayMs: round(run.clockProbe.oneDayMs, 0), fiveYearsMs: round(run.clockProbe.fiveYearsMs, 0) } } : {}),
    };
    log(
      `  done: ${(run.wallMs / 1000).toFixed(1)} s, ${requests.all} requests (${result.rps.all}/s), ${sfn.executions} executions, ` +
        `${run.outbox.messages} e-mails${emailsAsExpected ? '' : ' (NOT as expected)'}, peak RSS node ${(memory.nodeBytes / 2 ** 20).toFixed(0)} MB + java ${(memory.javaBytes / 2 ** 20).toFixed(0)} MB` +
        `${api.unexpected ? `, ${api.unexpected} UNEXPECTED ANSWERS` : ''}`,
    );
    await after?.(run, stack);
    return { result, run };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function runYear(boards: number, options: ReturnType<typeof parseArgs>, summary: Summary): Promise<YearResult> {
  log(`A year for ${boards} boards (concurrency ${options.concurrency}) ...`);
  const { result } = await onFreshStack(
    String(boards),
    boards,
    options,
    (api, stack) => simulateYear(api, { boards, concurrency: options.concurrency, log, quietReminderRun: () => stack.quietReminderRun() }),
    async (run, stack) => {
      if (boards !== options.overheadScale) return;
      log(`API overhead, one request at a time, ${options.samples} samples per route, after the ${boards}-board year ...`);
      const overheadLoad = new LoadSampler();
      const boardIds = run.boards.map((b) => b.boardId);
      const overhead = await measureOverhead(new ApiClient(stack.url), stack, { samples: options.samples, boardIds, log });
      summary.overhead = { ...overhead, boards, load: overheadLoad.stop() };
      log(`  raw GetItem p50 ${overhead.rawGetItem.p50} ms, HTTP floor p50 ${overhead.httpFloorP50} ms`);
    },
  );
  return result;
}

/** The organisation-levels year (year/levels.ts), its figures per reporting body. */
async function runLevels(shape: LevelsShape, options: ReturnType<typeof parseArgs>): Promise<LevelsResult> {
  const bodies = shape.boards * (1 + shape.unitsPerBoard);
  log(`The organisation-levels year: ${shape.boards} boards with ${shape.unitsPerBoard} units each, ${bodies} reporting bodies (concurrency ${options.concurrency}) ...`);
  const { result, run } = await onFreshStack(`levels-${shape.boards}x${shape.unitsPerBoard}`, bodies, options, (api, stack) =>
    simulateLevelsYear(api, { shape, concurrency: options.concurrency, samples: options.samples, log, snapshot: () => stack.snapshot(), quietReminderRun: () => stack.quietReminderRun() }),
  );
  for (const line of run.degraded) log(`  DEGRADED: ${line}`);
  return {
    ...result,
    shape,
    capabilities: run.capabilities,
    degraded: run.degraded,
    probes: run.probes.map((p) => ({ ...p, rruPerRequest: round(p.rruPerRequest, 2), dynamoCallsPerRequest: round(p.dynamoCallsPerRequest, 2) })),
    sample: run.sample,
  };
}

/** Fills in, from the JSON of the last run, what this run did not measure: the flat years, the overhead, the bundles. */
function keepLastRun(summary: Summary) {
  const path = (name: string) => join(resultsDir, name);
  if (!existsSync(path('summary.json'))) return;
  const last = JSON.parse(readFileSync(path('summary.json'), 'utf8')) as Summary;
  summary.years = last.years.filter((y) => existsSync(path(`year-${y.boards}.json`))).map((y) => JSON.parse(readFileSync(path(`year-${y.boards}.json`), 'utf8')) as YearResult);
  summary.overhead ??= existsSync(path('api-overhead.json')) ? JSON.parse(readFileSync(path('api-overhead.json'), 'utf8')) : last.overhead;
  if (!summary.bundles && existsSync(path('bundles.json'))) summary.bundles = JSON.parse(readFileSync(path('bundles.json'), 'utf8'));
}

function write(name: string, value: unknown) {
  writeFileSync(join(resultsDir, name), `${JSON.stringify(value, null, 2)}\n`);
}

/** Re-renders latest.md from the JSON files of the last run (no measurement). */
function reportOnly() {
  const read = (name: string) => JSON.parse(readFileSync(join(resultsDir, name), 'utf8'));
  const summary = read('summary.json') as Summary;
  summary.years = summary.years.map((y) => read(`year-${y.boards}.json`) as YearResult);
  if (summary.levels) summary.levels = read(levelsFile(summary.levels.shape)) as LevelsResult;
  if (existsSync(join(resultsDir, 'bundles.json'))) summary.bundles = read('bundles.json');
  const markdown = renderMarkdown(summary, loadPrices());
  writeFileSync(join(resultsDir, 'latest.md'), markdown);
  process.stdout.write(markdown);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.reportOnly) return reportOnly();
  mkdirSync(tmpDir, { recursive: true });
  const machine = describeMachine();
  log(`Årshjul benchmarks on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}`);
  log(`Scales: ${options.skipYear ? 'none (--skip-year)' : `${options.scales.join(', ')} boards`}${options.levels ? `; levels ${options.levels.boards}x${options.levels.unitsPerBoard}` : ''}; results in ${resultsDir}`);
  const summary: Summary = { machine, options, years: [], durationMs: 0, loadAtEnd: [] };

  if (!options.skipBundles) {
    summary.bundles = await runBundles(options);
    write('bundles.json', summary.bundles);
  }
  const prices = loadPrices();
  const apiBundles = summary.bundles?.bundles.filter((b) => b.kind === 'api') ?? [];
  const coldStartMs = apiBundles.length ? median(apiBundles.map((b) => b.init.totalMs)) : 0;
  if (!options.skipYear) {
    for (const boards of options.scales) {
      const result = await runYear(boards, options, summary);
      result.cost = costOf(
        {
          boards,
          snapshot: result.server,
          sfn: result.sfn,
          apiRequests: result.requests.api,
          emailRecipients: result.outbox.recipients,
          tableBytes: result.table.bytes,
          handlerLogBytes: result.handlerLogBytes,
          coldStartMs,
          ...(result.quietReminderRun
            ? {
                quietReminderRuns: {
                  count: Math.max(0, YEAR_DAYS - (result.server.functions.SendReminders?.invocations ?? 0)),
                  rru: result.quietReminderRun.rru,
                  ms: result.quietReminderRun.ms,
                },
              }
            : {}),
        },
        prices,
      );
      summary.years.push(result);
      write(`year-${boards}.json`, result);
      if (summary.overhead && boards === options.overheadScale) write('api-overhead.json', summary.overhead);
    }
    write('cost.json', { prices, byScale: summary.years.map((y) => ({ boards: y.boards, ...y.cost })) });
  }
  if (options.levelsFlag !== undefined && !options.levels) throw new Error(`--levels=${options.levelsFlag}: give boards x units, e.g. --levels=50x30`);
  if (options.levels) {
    const levels = await runLevels(options.levels, options);
    levels.cost = costOf(
      {
        boards: levels.boards,
        snapshot: levels.server,
        sfn: levels.sfn,
        apiRequests: levels.requests.api,
        emailRecipients: levels.outbox.recipients,
        tableBytes: levels.table.bytes,
        handlerLogBytes: levels.handlerLogBytes,
        coldStartMs,
        ...(levels.quietReminderRun
          ? { quietReminderRuns: { count: Math.max(0, YEAR_DAYS - (levels.server.functions.SendReminders?.invocations ?? 0)), rru: levels.quietReminderRun.rru, ms: levels.quietReminderRun.ms } }
          : {}),
      },
      prices,
    );
    summary.levels = levels;
    write(levelsFile(options.levels), levels);
    // A levels-only run keeps the flat years (and bundles) of the last run beside it.
    if (options.skipYear) keepLastRun(summary);
  }
  summary.durationMs = round(performance.now() - started, 0);
  summary.loadAtEnd = describeMachine().loadAverageAtStart;
  write('summary.json', {
    ...summary,
    years: summary.years.map(({ routes: _routes, server: _server, phases: _phases, ...rest }) => rest),
    ...(summary.levels ? { levels: (({ routes: _routes, server: _server, phases: _phases, ...rest }) => rest)(summary.levels) } : {}),
  });
  const markdown = renderMarkdown(summary, prices);
  writeFileSync(join(resultsDir, 'latest.md'), markdown);
  process.stdout.write(`\n${markdown}\n`);
  log(`Done in ${(summary.durationMs / 1000).toFixed(0)} s. Wrote ${join(resultsDir, '*.json')} and ${join(resultsDir, 'latest.md')}.`);
  if ([...summary.years, ...(summary.levels ? [summary.levels] : [])].some((y) => y.unexpectedAnswers > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exitCode = 1;
});

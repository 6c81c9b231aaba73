/**
 * Cold-start weight of every Lambda bundle: each manifest entry is bundled with esbuild exactly as CDK's
 * NodejsFunction does it with infra/functions.ts' `bundling` (ESM, node22, minified with names kept, banner,
 * main fields, nothing external), plus a metafile; then each bundle is imported and invoked once in a fresh Node process,
 * N times, against a running DynamoDB Local, beside its floor and an empty handler bundled the same way.
 *
 * A function's floor is the least a handler with the same AWS SDK clients can weigh: an entry that imports
 * and constructs exactly the clients the function's bundle contains (read off its metafile: which
 * `@aws-sdk/client-*` and `@aws-sdk/lib-dynamodb` packages esbuild put in) and nothing else. Its cold start
 * is measured twice from the same bundle: constructing the clients only, and constructing them and sending
 * one GetItem, so a function is compared with the variant that did what its own first call did (a proxy in
 * front of DynamoDB Local counts the requests each probe sends).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { allFunctions, apiFunctions, type FunctionSpec } from '../functions/manifest';
import { bundling, repoRoot } from '../infra/functions';
import { median, round } from './lib/stats';

export interface BundleResult {
  id: string;
  entry: string;
  kind: 'api' | 'task' | 'schedule' | 'baseline' | 'floor';
  bytes: number;
  /** The AWS SDK client packages in the bundle (its floor's key). */
  sdkClients: string[];
  topInputs: Array<{ name: string; bytes: number; share: number }>;
  /** Bytes of some inputs worth naming (zod's locale tables, its JSON Schema code, the SDK's nested STS/SSO clients). */
  notable: Record<string, number>;
  init: {
    runs: number;
    /** Process start → handler answered (Node boot + import + first invocation), median ms. */
    totalMs: number;
    importMs: number;
    firstCallMs: number;
    /** The fastest of the runs (least disturbed by other load on the machine). */
    minTotalMs: number;
    /** totalMs ÷ the empty handler's totalMs, both medians of the same run. */
    ratio: number;
    outcome: string;
    /** DynamoDB requests the first invocation sent (median of the runs). */
    dynamoCalls: number;
  };
  /** The function against its floor (absent on the floors and the empty handler). */
  floor?: {
    id: string;
    bytes: number;
    /** The floor variant compared: `construct` (clients built, no call) or `call` (built, one GetItem sent). */
    variant: 'construct' | 'call';
    totalMs: number;
    importMs: number;
    sizeRatio: number;
    coldStartRatio: number;
    importRatio: number;
  };
}

/** A floor: one bundle, cold-started in its two variants. */
export interface FloorResult {
  id: string;
  sdkClients: string[];
  bytes: number;
  usedBy: string[];
  construct: { totalMs: number; importMs: number; minTotalMs: number };
  call: { totalMs: number; importMs: number; minTotalMs: number; outcome: string };
}

export interface BundleReport {
  esbuild: Record<string, unknown>;
  runs: number;
  baseline: BundleResult;
  floors: FloorResult[];
  bundles: BundleResult[];
  notes: string[];
}

const EMPTY_HANDLER = "export const handler = async () => ({ statusCode: 200, body: '{}' });\n";

/** How a floor constructs each client package, as the composition root (shared/composition/cloud.ts) does. */
const SDK_CLIENTS: Record<string, { import: string; construct: string }> = {
  '@aws-sdk/client-dynamodb': { import: "import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';", construct: 'new DynamoDBClient({ maxAttempts: 4 })' },
  '@aws-sdk/client-sfn': { import: "import { SFNClient } from '@aws-sdk/client-sfn';", construct: 'new SFNClient({ maxAttempts: 4 })' },
  '@aws-sdk/client-sesv2': { import: "import { SESv2Client } from '@aws-sdk/client-sesv2';", construct: 'new SESv2Client({})' },
  '@aws-sdk/client-scheduler': { import: "import { SchedulerClient } from '@aws-sdk/client-scheduler';", construct: 'new SchedulerClient({})' },
  '@aws-sdk/lib-dynamodb': { import: "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';", construct: '' },
};

/** The AWS SDK client packages a bundle contains, from its metafile inputs. */
function sdkClientsOf(metafile: Metafile): string[] {
  const output = Object.values(metafile.outputs)[0];
  const found = new Set<string>();
  for (const [path, info] of Object.entries(output?.inputs ?? {})) {
    const name = inputName(path);
    if (name in SDK_CLIENTS && info.bytesInOutput > 0) found.add(name);
  }
  return [...found].sort();
}

/**
 * The floor's entry: the clients, constructed on the first event as our handlers do (onColdStart); with
 * BENCH_FLOOR_CALL=1 it also sends one GetItem (through the document client when the function has one), the
 * first request that loads the SDK's credential chain, signer and HTTP handler.
 */
function floorSource(clients: string[]): string {
  const hasDocument = clients.includes('@aws-sdk/lib-dynamodb');
  const lines = clients.map((name) => SDK_CLIENTS[name]!.import);
  const built = clients
    .filter((name) => name !== '@aws-sdk/lib-dynamodb')
    .map((name) =>
      name === '@aws-sdk/client-dynamodb' && hasDocument
        ? `DynamoDBDocumentClient.from(${SDK_CLIENTS[name]!.construct}, { marshallOptions: { removeUndefinedValues: true } })`
        : SDK_CLIENTS[name]!.construct,
    );
  const ddb = clients.includes('@aws-sdk/client-dynamodb');
  const call = !ddb
    ? ''
    : hasDocument
      ? "await clients[0].send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: 'FLOOR', sk: 'FLOOR' } }));"
      : "await clients[0].send(new GetItemCommand({ TableName: process.env.TABLE_NAME, Key: { pk: { S: 'FLOOR' }, sk: { S: 'FLOOR' } } }));";
  return [
    ...lines,
    'let clients;',
    'export const handler = async () => {',
    `  clients ??= [${built.join(', ')}];`,
    `  if (process.env.BENCH_FLOOR_CALL === '1') { ${call} }`,
    "  return { statusCode: 200, body: '{}' };",
    '};',
    '',
  ].join('\n');
}

/** `Floor:dynamodb+lib-dynamodb+sfn`; `Floor:none` for a function without AWS SDK clients. */
const floorIdOf = (clients: string[]) => `Floor:${clients.length ? clients.map((name) => name.replace(/^@aws-sdk\/(client-)?/, '')).join('+') : 'none'}`;

/** A pass-through proxy in front of DynamoDB Local that counts the requests it forwards. */
async function countingProxy(target: string): Promise<{ endpoint: string; count: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    count: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** esbuild options as NodejsFunction derives them from `bundling` (see aws-cdk-lib/aws-lambda-nodejs bundling). */
export function esbuildOptions() {
  return {
    bundle: true,
    platform: 'node' as const,
    format: String(bundling.format) as 'esm',
    target: bundling.target!,
    mainFields: bundling.mainFields!,
    banner: { js: bundling.banner! },
    minify: bundling.minify!,
    keepNames: bundling.keepNames ?? false,
    sourcemap: bundling.sourceMap ?? false,
    external: bundling.externalModules ?? [],
    logLevel: String(bundling.logLevel ?? 'warning') as 'warning',
    metafile: true,
  };
}

/** A package name for node_modules inputs, the repository path otherwise. */
function inputName(path: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return match ? match[1]! : path;
}

const NOTABLE: Record<string, RegExp> = {
  'zod locales': /node_modules\/zod\/v4\/locales\//,
  'zod JSON Schema': /node_modules\/zod\/v4\/(core\/(to-json-schema|json-schema-processors|json-schema-generator)|classic\/from-json-schema)/,
  '@aws-sdk/nested-clients': /node_modules\/@aws-sdk\/nested-clients\//,
};

function notableInputs(metafile: Metafile): Record<string, number> {
  const output = Object.values(metafile.outputs)[0];
  const out: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(NOTABLE)) {
    out[name] = Object.entries(output?.inputs ?? {})
      .filter(([path]) => pattern.test(path))
      .reduce((sum, [, info]) => sum + info.bytesInOutput, 0);
  }
  return out;
}

function topInputs(metafile: Metafile, outfile: string): BundleResult['topInputs'] {
  const output = Object.entries(metafile.outputs).find(([name]) => outfile.endsWith(name) || name.endsWith('index.mjs'))?.[1];
  const byName = new Map<string, number>();
  for (const [path, info] of Object.entries(output?.inputs ?? {})) {
    byName.set(inputName(path), (byName.get(inputName(path)) ?? 0) + info.bytesInOutput);
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0) || 1;
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([name, bytes]) => ({ name, bytes, share: round(bytes / total, 3) }));
}

/** A minimal event: a health-like HTTP API event (admin claims, plausible path parameters) or a plausible task input. */
function eventFor(spec: FunctionSpec | undefined): unknown {
  const document = { year: 2026, boardId: 'bench-board', kind: 'plan' };
  if (!spec) return {};
  if (spec.routes?.length) {
    const [method, path] = spec.routes[0]!.split(' ') as [string, string];
    const params: Record<string, string> = { year: '2026', boardId: 'bench-board', kind: 'plan', id: 'KF-1' };
    const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const rawPath = path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? 'x');
    return {
      version: '2.0',
      routeKey: spec.routes[0],
      rawPath,
      rawQueryString: '',
      headers: { host: 'bench.local', 'user-agent': 'bench' },
      pathParameters: names.length ? Object.fromEntries(names.map((name) => [name, params[name] ?? 'x'])) : undefined,
      isBase64Encoded: false,
      requestContext: {
        http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
        requestId: 'bench-cold-start',
        routeKey: spec.routes[0],
        stage: '$default',
        authorizer: { jwt: { claims: { sub: 'bench.admin', 'cognito:groups': '[admin]' }, scopes: [] } },
      },
    };
  }
  switch (spec.id) {
    case 'RegisterCallback':
      return { taskToken: 'bench-token', document, step: 'review', round: 1 };
    case 'NotifyBoard':
      return { document, event: 'approved', round: 1 };
    case 'RecordWorkflowFailure':
      return { document, error: { Error: 'Bench' } };
    case 'OpenPeriod':
    case 'ClosePeriod':
      return { period: { year: 2026, kind: 'plan' } };
    case 'SendReminders':
      return { scheduledTime: '2026-01-01T06:00:00Z' };
    default:
      return { document };
  }
}

const PROBE = `
const started = performance.now();
const module = await import(process.env.BENCH_BUNDLE);
const imported = performance.now();
let outcome;
try {
  const result = await module.handler(JSON.parse(process.env.BENCH_EVENT), {
    awsRequestId: 'bench', functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '512',
    getRemainingTimeInMillis: () => 10000, callbackWaitsForEmptyEventLoop: false,
  });
  outcome = result && typeof result === 'object' && 'statusCode' in result ? 'HTTP ' + result.statusCode : 'ok';
} catch (error) {
  outcome = 'threw ' + (error && error.name);
}
const answered = performance.now();
process.stdout.write('\\n@@BENCH@@' + JSON.stringify({ boot: started, importMs: imported - started, firstCallMs: answered - imported, totalMs: answered, outcome }) + '\\n');
process.exit(0);
`;

interface Probe {
  boot: number;
  importMs: number;
  firstCallMs: number;
  totalMs: number;
  outcome: string;
}

function probe(file: string, event: unknown, env: Record<string, string>): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE], {
      env: { ...env, BENCH_BUNDLE: pathToFileURL(file).href, BENCH_EVENT: JSON.stringify(event) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => {
      clearTimeout(timer);
      const line = out.split('\n').find((l) => l.startsWith('@@BENCH@@'));
      if (!line) return reject(new Error(`probe of ${file} printed nothing: ${err.slice(-800)}`));
      resolve(JSON.parse(line.slice('@@BENCH@@'.length)) as Probe);
    });
  });
}

export async function measureBundles(options: {
  workDir: string;
  runs: number;
  dynamoEndpoint: string;
  tableName: string;
  log: (line: string) => void;
}): Promise<BundleReport> {
  const outRoot = join(options.workDir, 'bundles');
  mkdirSync(outRoot, { recursive: true });
  const emptyEntry = join(outRoot, 'empty-handler.ts');
  writeFileSync(emptyEntry, EMPTY_HANDLER);
  const apiIds = new Set(apiFunctions.map((spec) => spec.id));

  interface Built {
    id: string;
    entry: string;
    spec?: FunctionSpec;
    file: string;
    bytes: number;
    sdkClients: string[];
    top: BundleResult['topInputs'];
    notable: Record<string, number>;
  }
  const bundle = async (id: string, entry: string, spec?: FunctionSpec): Promise<Built> => {
    const outfile = join(outRoot, id.replace(/[^A-Za-z0-9+-]/g, '_'), 'index.mjs');
    const result = await build({ ...esbuildOptions(), entryPoints: [entry], outfile, absWorkingDir: repoRoot });
    const output = Object.entries(result.metafile!.outputs)[0]!;
    return { id, entry, spec, file: outfile, bytes: output[1].bytes, sdkClients: sdkClientsOf(result.metafile!), top: topInputs(result.metafile!, outfile), notable: notableInputs(result.metafile!) };
  };

  const started = performance.now();
  const built: Built[] = [await bundle('EmptyHandler', emptyEntry)];
  for (const spec of allFunctions) built.push(await bundle(spec.id, join(repoRoot, spec.entry), spec));
  // One floor per set of clients, bundled the same way.
  const floorBuilt = new Map<string, Built>();
  for (const fn of built.slice(1)) {
    const id = floorIdOf(fn.sdkClients);
    if (floorBuilt.has(id)) continue;
    const entry = join(outRoot, `${id.replace(/[^A-Za-z0-9+-]/g, '_')}.ts`);
    writeFileSync(entry, floorSource(fn.sdkClients));
    floorBuilt.set(id, await bundle(id, entry));
  }
  options.log(`  bundled ${built.length} entries and ${floorBuilt.size} floors in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const proxy = await countingProxy(options.dynamoEndpoint);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TABLE_NAME: options.tableName,
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
    // Nothing listens there: a handler that reaches Step Functions or SES fails fast instead of going to AWS.
    AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_SCHEDULER: 'http://127.0.0.1:9',
    STATE_MACHINE_ARN_REVIEW: 'arn:aws:states:eu-north-1:000000000000:stateMachine:Review',
    STATE_MACHINE_ARN_PERIOD: 'arn:aws:states:eu-north-1:000000000000:stateMachine:Period',
    NODE_OPTIONS: '',
  };
  // Round robin over functions and both floor variants, so that a burst of load from elsewhere on the
  // machine hits every bundle alike.
  type Counted = Probe & { dynamoCalls: number };
  const probes = new Map<string, Counted[]>();
  const runProbe = async (key: string, file: string, event: unknown, extra: Record<string, string> = {}) => {
    const before = proxy.count();
    const result = await probe(file, event, { ...env, ...extra });
    const list = probes.get(key) ?? [];
    list.push({ ...result, dynamoCalls: proxy.count() - before });
    probes.set(key, list);
  };
  try {
    for (let run = 0; run < options.runs; run++) {
      for (const b of built) await runProbe(b.id, b.file, eventFor(b.spec));
      for (const floor of floorBuilt.values()) {
        await runProbe(`${floor.id}#construct`, floor.file, {});
        await runProbe(`${floor.id}#call`, floor.file, {}, { BENCH_FLOOR_CALL: '1' });
      }
      options.log(`  cold-start round ${run + 1}/${options.runs} done`);
    }
  } finally {
    await proxy.close();
  }

  const stats = (runs: Counted[]) => ({
    totalMs: round(median(runs.map((p) => p.totalMs)), 1),
    importMs: round(median(runs.map((p) => p.importMs)), 1),
    minTotalMs: round(Math.min(...runs.map((p) => p.totalMs)), 1),
  });
  const floors: FloorResult[] = [...floorBuilt.values()].map((floor) => ({
    id: floor.id,
    sdkClients: floor.sdkClients,
    bytes: floor.bytes,
    usedBy: built.slice(1).filter((b) => floorIdOf(b.sdkClients) === floor.id).map((b) => b.id),
    construct: stats(probes.get(`${floor.id}#construct`)!),
    call: { ...stats(probes.get(`${floor.id}#call`)!), outcome: [...new Set(probes.get(`${floor.id}#call`)!.map((p) => p.outcome))].join(', ') },
  }));

  const baselineTotal = median(probes.get('EmptyHandler')!.map((p) => p.totalMs));
  const results: BundleResult[] = built.map((b) => {
    const runs = probes.get(b.id)!;
    const own = stats(runs);
    const dynamoCalls = median(runs.map((p) => p.dynamoCalls));
    const floor = b.spec ? floors.find((f) => f.id === floorIdOf(b.sdkClients)) : undefined;
    // The floor variant that did what the function's own first call did: reached DynamoDB or not.
    const variant = dynamoCalls > 0 && floor?.sdkClients.includes('@aws-sdk/client-dynamodb') ? 'call' : 'construct';
    return {
      id: b.id,
      entry: b.spec ? b.spec.entry : relative(repoRoot, b.entry),
      kind: !b.spec ? 'baseline' : apiIds.has(b.id) ? 'api' : b.spec.schedule ? 'schedule' : 'task',
      bytes: b.bytes,
      sdkClients: b.sdkClients,
      topInputs: b.top,
      notable: b.notable,
      init: {
        runs: runs.length,
        ...own,
        firstCallMs: round(median(runs.map((p) => p.firstCallMs)), 1),
        ratio: round(own.totalMs / baselineTotal, 2),
        outcome: [...new Set(runs.map((p) => p.outcome))].join(', '),
        dynamoCalls,
      },
      floor: floor && {
        id: floor.id,
        bytes: floor.bytes,
        variant,
        totalMs: floor[variant].totalMs,
        importMs: floor[variant].importMs,
        sizeRatio: round(b.bytes / floor.bytes, 2),
        coldStartRatio: round(own.totalMs / floor[variant].totalMs, 2),
        importRatio: round(own.importMs / floor[variant].importMs, 2),
      },
    };
  });
  const [baseline, ...bundles] = results;
  return {
    esbuild: { ...esbuildOptions(), banner: '(infra/functions.ts esmRequireBanner)' },
    runs: options.runs,
    baseline: baseline!,
    floors,
    bundles: bundles.sort((a, b) => b.bytes - a.bytes),
    notes: [
      'Cold start = a fresh `node` process from its start until the handler has answered one minimal event: Node boot + import of the bundle + first invocation (SDK clients created, first DynamoDB Local connection).',
      "Floor = a handler that imports and constructs only the AWS SDK clients found in the function's bundle (metafile), bundled with the same settings, measured in the same run; its cold start is taken with one GetItem when the function's own first invocation reached DynamoDB, without it otherwise.",
      'The empty-handler ratio divides the median by the same median for an empty handler bundled with the same settings: Node\'s own boot.',
      'Lambda adds its own runtime bootstrap and code download, which the ratio leaves out; absolute milliseconds on this machine are not Lambda milliseconds.',
    ],
  };
}

/**
 * Cold-start weight of every Lambda bundle: each manifest entry is bundled with esbuild exactly as CDK's
 * NodejsFunction does it with infra/functions.ts' `bundling` (ESM, node22, minified, banner, main fields,
 * nothing external), plus a metafile; then each bundle is imported and invoked once in a fresh Node process,
 * N times, against a running DynamoDB Local, beside an empty handler bundled the same way.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  kind: 'api' | 'task' | 'schedule' | 'baseline';
  bytes: number;
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
  };
}

export interface BundleReport {
  esbuild: Record<string, unknown>;
  runs: number;
  baseline: BundleResult;
  bundles: BundleResult[];
  notes: string[];
}

const EMPTY_HANDLER = "export const handler = async () => ({ statusCode: 200, body: '{}' });\n";

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
  const targets: Array<{ id: string; entry: string; spec?: FunctionSpec }> = [
    { id: 'EmptyHandler', entry: emptyEntry },
    ...allFunctions.map((spec) => ({ id: spec.id, entry: join(repoRoot, spec.entry), spec })),
  ];

  const built: Array<{ id: string; entry: string; spec?: FunctionSpec; file: string; bytes: number; top: BundleResult['topInputs']; notable: Record<string, number> }> = [];
  const started = performance.now();
  for (const target of targets) {
    const outfile = join(outRoot, target.id, 'index.mjs');
    const result = await build({ ...esbuildOptions(), entryPoints: [target.entry], outfile, absWorkingDir: repoRoot });
    const output = Object.entries(result.metafile!.outputs)[0]!;
    built.push({ ...target, file: outfile, bytes: output[1].bytes, top: topInputs(result.metafile!, outfile), notable: notableInputs(result.metafile!) });
  }
  options.log(`  bundled ${built.length} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TABLE_NAME: options.tableName,
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: options.dynamoEndpoint,
    // Nothing listens there: a handler that reaches Step Functions or SES fails fast instead of going to AWS.
    AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_SESV2: 'http://127.0.0.1:9',
    AWS_ENDPOINT_URL_SCHEDULER: 'http://127.0.0.1:9',
    STATE_MACHINE_ARN_REVIEW: 'arn:aws:states:eu-north-1:000000000000:stateMachine:Review',
    STATE_MACHINE_ARN_PERIOD: 'arn:aws:states:eu-north-1:000000000000:stateMachine:Period',
    NODE_OPTIONS: '',
  };
  // Round robin, so that a burst of load from elsewhere on the machine hits every bundle alike.
  const probes = new Map<string, Probe[]>(built.map((b) => [b.id, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const bundle of built) probes.get(bundle.id)!.push(await probe(bundle.file, eventFor(bundle.spec), env));
    options.log(`  cold-start round ${run + 1}/${options.runs} done`);
  }

  const baselineTotal = median(probes.get('EmptyHandler')!.map((p) => p.totalMs));
  const results: BundleResult[] = built.map((bundle) => {
    const runs = probes.get(bundle.id)!;
    const totalMs = median(runs.map((p) => p.totalMs));
    const outcomes = [...new Set(runs.map((p) => p.outcome))].join(', ');
    return {
      id: bundle.id,
      entry: bundle.spec ? bundle.spec.entry : relative(repoRoot, bundle.entry),
      kind: !bundle.spec ? 'baseline' : apiIds.has(bundle.id) ? 'api' : bundle.spec.schedule ? 'schedule' : 'task',
      bytes: bundle.bytes,
      topInputs: bundle.top,
      notable: bundle.notable,
      init: {
        runs: runs.length,
        totalMs: round(totalMs, 1),
        importMs: round(median(runs.map((p) => p.importMs)), 1),
        firstCallMs: round(median(runs.map((p) => p.firstCallMs)), 1),
        minTotalMs: round(Math.min(...runs.map((p) => p.totalMs)), 1),
        ratio: round(totalMs / baselineTotal, 2),
        outcome: outcomes,
      },
    };
  });
  const [baseline, ...bundles] = results;
  return {
    esbuild: { ...esbuildOptions(), banner: '(infra/functions.ts esmRequireBanner)' },
    runs: options.runs,
    baseline: baseline!,
    bundles: bundles.sort((a, b) => b.bytes - a.bytes),
    notes: [
      'Cold start = a fresh `node` process from its start until the handler has answered one minimal event: Node boot + import of the bundle + first invocation (SDK clients created, first DynamoDB Local connection).',
      'The ratio divides that median by the same median for an empty handler bundled with the same settings, in the same run.',
      'Lambda adds its own runtime bootstrap and code download, which the ratio leaves out; absolute milliseconds on this machine are not Lambda milliseconds.',
    ],
  };
}

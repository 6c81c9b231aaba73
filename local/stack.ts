import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { apiFunctions, allFunctions, scheduledFunctions, timeoutSecondsOf } from '../functions/manifest';
import type { Deps } from '../shared/composition/deps';
import { sweepWorkflowActions } from '../shared/features/documents/workflowActions';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { LocalClock } from './clock';
import { localDeps, localWorkflow } from './composition';
import { LocalScheduler, type RecurringJob } from './scheduler';
import { devRoutes } from './devRoutes';
import { localAwsConfig, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb';
import { startHttpServer, type LambdaHttpHandler, type LocalRoute } from './httpServer';
import { lambdaContext } from './lambdaContext';
import { Outbox } from './outbox';
import { startLocalSfn, type LocalSfn } from './sfn/service';
import { synthesizeForLocal } from './synth';
import { ensureTable } from './tables';
import { LocalTokenIssuer } from './tokenIssuer';
import { webApp } from './webApp';

export const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

/** Where the demo's clock starts on a fresh DATA_DIR: the start of the 2026 planning round. */
export const DEMO_CLOCK_START = new Date('2025-12-01T08:00:00Z');

export interface StackOptions {
  /** HTTP port; 0 picks a free one. */
  port: number;
  dataDir: string;
  /** Use a DynamoDB Local that is already running (tests) instead of starting one. */
  dynamoEndpoint?: string;
  tableName?: string;
  clockStart?: Date;
  /** How often virtual time is checked for due jobs; 0 turns the ticker off (tests move the clock). */
  tickMs?: number;
  /** How long POST /api/dev/clock waits for a move before answering 202 (default 20 s; see local/devRoutes.ts). */
  clockAnswerWithinMs?: number;
  /** Port of the local Step Functions service; 0 picks a free one. */
  sfnPort?: number;
  log?: (line: string) => void;
  /** Replaces adapters before the handlers are built (tests: a failing mail relay; bench: counting engines). */
  adapt?: (deps: Deps) => Deps;
  /** What else must be in place before GET /api/health answers ok (npm start: the demo seeded); the table always. */
  ready?: () => Promise<void>;
}

/** What a handler module exports: the factory the local stack calls with its deps (and `handler`, for AWS). */
interface HandlerModule {
  makeHandler(deps: Deps): LambdaHttpHandler;
  /** A scheduled function's answer to "from when can a run have work?" (see RecurringJob.nextRun). */
  makeNextRun?(deps: Deps): (after: Date) => Promise<Date | undefined>;
}

export interface RunningStack {
  url: string;
  port: number;
  tableName: string;
  dynamoEndpoint: string;
  clock: LocalClock;
  outbox: Outbox;
  issuer: LocalTokenIssuer;
  sfn: LocalSfn;
  /** The synthesized state machines the local service runs, by workflow id. */
  stateMachines: ReadonlyArray<{ id: string; arn: string }>;
  scheduler: LocalScheduler;
  /** The ports every handler was built with. */
  deps: Deps;
  /** The document client on DynamoDB Local that the table ports use. */
  db: DynamoDBDocumentClient;
  runDueJobs(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The embedded local AWS stack: DynamoDB Local, the local Step Functions service running the
 * synthesized state machines, and the local API Gateway in front of the same Lambda handlers.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const log = options.log ?? (() => undefined);
  const stops: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };

  try {
    let dynamoLocal: DynamoDbLocal | undefined;
    const dynamoEndpoint =
      options.dynamoEndpoint ?? (dynamoLocal = await startDynamoDbLocal({ dataDir: join(options.dataDir, 'dynamodb') })).endpoint;
    if (dynamoLocal) stops.push(() => dynamoLocal!.stop());
    log(`DynamoDB Local on ${dynamoEndpoint}`);

    const tableName = options.tableName ?? 'arshjul-local';
    const rawDynamo = new DynamoDBClient({ ...localAwsConfig, endpoint: dynamoEndpoint });
    stops.push(async () => rawDynamo.destroy());
    await ensureTable(rawDynamo, tableName, tableDefinition);
    const db = DynamoDBDocumentClient.from(rawDynamo, { marshallOptions: { removeUndefinedValues: true } });

    const clock = LocalClock.open({ file: join(options.dataDir, 'clock.json'), start: options.clockStart ?? DEMO_CLOCK_START });
    const outbox = new Outbox(db, tableName, clock);
    const issuer = await LocalTokenIssuer.open(join(options.dataDir, 'local-signing-key.json'));

    const synthesized = await synthesizeForLocal();
    // Built once the deps exist (below); the local Step Functions service looks handlers up only when it invokes one.
    const handlers = new Map<string, LambdaHttpHandler>();
    const handlerByArn = new Map(synthesized.functions.map((fn) => [fn.arn, fn.id]));
    // Each worker gets the deadline it has in AWS (a scheduled job's is minutes, not the 30 s of a task).
    const deadlineMs = new Map(allFunctions.map((spec) => [spec.id, timeoutSecondsOf(spec) * 1000]));

    const sfn = await startLocalSfn({
      dynamo: rawDynamo,
      tableName: `${tableName}-sfn`,
      clock,
      port: options.sfnPort ?? 0,
      stateMachines: synthesized.stateMachines.map(({ arn, name, definition }) => ({ arn, name, definition })),
      invokeLambda: async (arn, payload) => {
        const id = handlerByArn.get(arn);
        const target = id === undefined ? undefined : handlers.get(id);
        if (!target) throw Object.assign(new Error(`No local handler for ${arn}`), { name: 'Lambda.ResourceNotFoundException' });
        return (target as unknown as (event: unknown, context: unknown) => Promise<unknown>)(payload, lambdaContext(id!, deadlineMs.get(id!)));
      },
      log: (entry) => log(JSON.stringify(entry)),
    });
    stops.push(() => sfn.stop());
    log(`Step Functions (local) on ${sfn.endpoint}, ${synthesized.stateMachines.length} state machine(s)`);

    // The scheduler is itself a port of the deps, and starts workflows through the deps' (possibly adapted) engine.
    let deps!: Deps;
    const jobs: RecurringJob[] = scheduledFunctions.map((spec) => ({
      id: spec.id,
      cron: spec.schedule!.cron,
      timeZone: spec.schedule!.timeZone,
      run: (input) => (handlers.get(spec.id) as unknown as (event: unknown, context: unknown) => Promise<unknown>)(input, lambdaContext(spec.id, deadlineMs.get(spec.id))),
    }));
    const scheduler = new LocalScheduler(db, tableName, clock, () => deps.workflow, jobs);
    await scheduler.start();

    const workflow = localWorkflow(sfn.endpoint, synthesized.stateMachines);
    const built = withStartup(localDeps({ db, tableName, clock, notifier: outbox, scheduler, workflow }), options.ready);
    deps = options.adapt ? options.adapt(built) : built;
    for (const spec of allFunctions) {
      const module = (await import(pathToFileURL(join(repositoryRoot, spec.entry)).href)) as HandlerModule;
      handlers.set(spec.id, module.makeHandler(deps));
      const job = jobs.find((candidate) => candidate.id === spec.id);
      if (job && module.makeNextRun) job.nextRun = module.makeNextRun(deps);
    }

    // One pass at a time: the ticker and POST /api/dev/clock may ask together.
    let running: Promise<void> = Promise.resolve();
    const exclusive = (work: () => Promise<void>) => {
      running = running.catch(() => undefined).then(work);
      return running;
    };
    /**
     * Moves the clock to `target` the way time passes, jumping from one instant at which something is due to the
     * next: a one-time schedule, a job's occurrence on which it can have work, a workflow's Wait or timeout. Each fires
     * at (and sees) its own time; the occurrences jumped over are recorded as fired (see LocalScheduler).
     */
    const advanceTo = (target: Date) =>
      exclusive(async () => {
        // Workflow actions a crash left undelivered go first.
        await sweepWorkflowActions(deps);
        await sfn.runDue();
        for (;;) {
          const next = await scheduler.nextDue(target);
          const wait = await sfn.nextDueAt();
          if (wait !== undefined && wait > clock.now().getTime() && wait <= target.getTime() && (!next || wait < Date.parse(next.at))) {
            clock.advanceTo(new Date(wait));
            await sfn.runDue();
            continue;
          }
          if (!next) break;
          if (next.at > clock.now().toISOString()) clock.advanceTo(new Date(next.at));
          await sfn.runDue();
          await next.fire();
          await sfn.runDue();
        }
        await scheduler.skipUntil(target);
        if (target.getTime() > clock.now().getTime()) clock.advanceTo(target);
        await sfn.runDue();
      });
    const runDueJobs = () => advanceTo(clock.now());

    const routes: LocalRoute[] = apiFunctions.flatMap((spec) =>
      spec.routes.map((key) => {
        const [method, path] = key.split(' ') as [string, string];
        return { method, path, auth: spec.auth, functionName: spec.id, handler: handlers.get(spec.id)! };
      }),
    );
    const http = await startHttpServer({
      port: options.port,
      routes,
      verifyToken: (token) => issuer.verify(token),
      fallbacks: [devRoutes({ issuer, clock, outbox, people: deps.people, boards: deps.boards, advanceTo, clockAnswerWithinMs: options.clockAnswerWithinMs, log }), webApp(join(repositoryRoot, 'web', 'dist'))],
    });
    stops.push(() => http.close());

    let ticking = false;
    if (options.tickMs) {
      const timer = setInterval(() => {
        if (ticking) return;
        ticking = true;
        runDueJobs()
          .catch((error: unknown) => log(`scheduled jobs failed: ${(error as Error).message}`))
          .finally(() => (ticking = false));
      }, options.tickMs);
      timer.unref();
      stops.push(async () => clearInterval(timer));
    }

    const url = `http://127.0.0.1:${http.port}`;
    const stateMachines = synthesized.stateMachines.map(({ id, arn }) => ({ id, arn }));
    return { url, port: http.port, tableName, dynamoEndpoint, clock, outbox, issuer, sfn, stateMachines, scheduler, deps, db, runDueJobs, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Health waits for what the caller sets up after the stack (npm start: the demo) as well as for the table. */
function withStartup(deps: Deps, ready: (() => Promise<void>) | undefined): Deps {
  if (!ready) return deps;
  const table = deps.readiness;
  return { ...deps, readiness: { check: async () => { await ready(); await table.check(); } } };
}

/**
 * Counters for the benchmark's stack process. Nothing here changes what the handlers do:
 *
 * - wrapHandler (installed by hooks.mjs around every handler local/stack.ts imports) times each Lambda
 *   invocation and opens an AsyncLocalStorage scope, so every DynamoDB and Step Functions call made during
 *   it is attributed to the invocation (and, for API handlers, to the route key);
 * - instrumentDynamo adds a middleware to the shared DynamoDB client stack that counts every call, asks for
 *   ReturnConsumedCapacity=TOTAL and sums the read and write request units DynamoDB Local reports;
 * - countedWorkflow wraps the WorkflowEngine the handlers are given, counting StartExecution and
 *   SendTaskSuccess/Failure calls.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { allFunctions, apiFunctions, scheduledFunctions } from '../../functions/manifest';
import type { WorkflowEngine } from '../../shared/ports/workflow';
import { summarize, type Summary } from '../lib/stats';

export type FunctionKind = 'api' | 'task' | 'schedule';

/** Where a DynamoDB call belongs once deployed. */
export type DynamoCategory =
  /** The application's table: billed DynamoDB request units in AWS. */
  | 'app'
  /** The local Step Functions emulator's own table: inside Step Functions in AWS (billed as state transitions). */
  | 'local-sfn'
  /** The local outbox (LOCAL#OUTBOX): SES in AWS. */
  | 'outbox'
  /** The local scheduler (LOCAL#SCHEDULES, LOCAL#RECURRING): EventBridge Scheduler in AWS. */
  | 'scheduler';

interface Invocation {
  fn: string;
  kind: FunctionKind;
  route?: string;
  /** Every call on the DynamoDB client: round trips (the local scheduler's and outbox's included). */
  ddbCalls: number;
  /** Calls on the application table only (what DynamoDB bills in AWS). */
  appCalls: number;
  /** Sequential waves of DynamoDB calls: a call starting while none is in flight opens a new wave. */
  ddbWaves: number;
  inflight: number;
  busySince: number;
  ddbBusyMs: number;
  sfnCalls: number;
  rru: number;
  wru: number;
}

interface FunctionAgg {
  kind: FunctionKind;
  invocations: number;
  errors: number;
  durations: number[];
  billedMs: number;
  ddbCalls: number;
  appCalls: number;
  rru: number;
  wru: number;
  sfnCalls: number;
  maxRru: number;
  maxWru: number;
}

interface RouteAgg {
  fn: string;
  durations: number[];
  ddbCalls: number[];
  appCalls: number[];
  ddbWaves: number[];
  ddbBusyMs: number[];
  sfnCalls: number[];
  rru: number;
  wru: number;
  statuses: Record<string, number>;
}

interface DynamoAgg {
  calls: number;
  errors: number;
  rru: number;
  wru: number;
  /** Request units estimated (no ConsumedCapacity on a refused call). */
  estimatedCalls: number;
  latencies: number[];
}

export interface FunctionSummary {
  kind: FunctionKind;
  invocations: number;
  errors: number;
  duration: Summary;
  /** Σ ceil(duration in ms): what Lambda bills, measured in this process. */
  billedMs: number;
  ddbCalls: number;
  appCalls: number;
  rru: number;
  wru: number;
  sfnCalls: number;
  /** The most read (written) request units one invocation consumed. */
  maxRru: number;
  maxWru: number;
}

export interface RouteSummary {
  fn: string;
  handler: Summary;
  ddbCalls: Summary;
  appCalls: Summary;
  ddbWaves: Summary;
  ddbBusyMs: Summary;
  sfnCalls: Summary;
  rru: number;
  wru: number;
  statuses: Record<string, number>;
}

export interface DynamoSummary {
  category: DynamoCategory;
  operation: string;
  calls: number;
  errors: number;
  rru: number;
  wru: number;
  estimatedCalls: number;
  latency: Summary;
}

export interface Snapshot {
  functions: Record<string, FunctionSummary>;
  routes: Record<string, RouteSummary>;
  dynamo: DynamoSummary[];
  sfnCalls: Record<string, number>;
  /** DynamoDB calls made outside any Lambda invocation, by category (local machinery). */
  unattributedDynamoCalls: Record<string, number>;
}

const als = new AsyncLocalStorage<Invocation>();
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

let functions = new Map<string, FunctionAgg>();
let routes = new Map<string, RouteAgg>();
let dynamoStats = new Map<string, DynamoAgg>();
let sfnCalls: Record<string, number> = {};
let unattributed: Record<string, number> = {};
/** While true (raw latency probes), DynamoDB calls are neither counted nor attributed. */
let paused = false;

export function reset(): void {
  functions = new Map();
  routes = new Map();
  dynamoStats = new Map();
  sfnCalls = {};
  unattributed = {};
}

export function pauseCounting<T>(work: () => Promise<T>): Promise<T> {
  paused = true;
  return work().finally(() => (paused = false));
}

const specByEntry = new Map(allFunctions.map((spec) => [spec.entry, spec]));
const apiIds = new Set(apiFunctions.map((spec) => spec.id));
const scheduledIds = new Set(scheduledFunctions.map((spec) => spec.id));

type AnyHandler = (event: unknown, context: unknown) => Promise<unknown>;

/** Wraps one manifest handler (called from the module generated by hooks.mjs). */
export function wrapHandler(originalUrl: string, handler: AnyHandler): AnyHandler {
  const entry = relative(repoRoot, fileURLToPath(originalUrl)).split('\\').join('/');
  const spec = specByEntry.get(entry);
  if (!spec) throw new Error(`bench: ${entry} is not in functions/manifest.ts`);
  const kind: FunctionKind = apiIds.has(spec.id) ? 'api' : scheduledIds.has(spec.id) ? 'schedule' : 'task';
  return async (event, context) => {
    const route = kind === 'api' ? ((event as { routeKey?: string }).routeKey ?? undefined) : undefined;
    const invocation: Invocation = { fn: spec.id, kind, route, ddbCalls: 0, appCalls: 0, ddbWaves: 0, inflight: 0, busySince: 0, ddbBusyMs: 0, sfnCalls: 0, rru: 0, wru: 0 };
    const started = performance.now();
    let failed = false;
    let status: number | undefined;
    try {
      const result = await als.run(invocation, () => handler(event, context));
      status = (result as { statusCode?: number } | undefined)?.statusCode;
      return result;
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      record(invocation, performance.now() - started, failed, status);
    }
  };
}

function record(invocation: Invocation, ms: number, failed: boolean, status: number | undefined): void {
  let agg = functions.get(invocation.fn);
  if (!agg) {
    agg = { kind: invocation.kind, invocations: 0, errors: 0, durations: [], billedMs: 0, ddbCalls: 0, appCalls: 0, rru: 0, wru: 0, sfnCalls: 0, maxRru: 0, maxWru: 0 };
    functions.set(invocation.fn, agg);
  }
  agg.invocations += 1;
  if (failed || (status !== undefined && status >= 500)) agg.errors += 1;
  agg.durations.push(ms);
  agg.billedMs += Math.max(1, Math.ceil(ms));
  agg.ddbCalls += invocation.ddbCalls;
  agg.appCalls += invocation.appCalls;
  agg.rru += invocation.rru;
  agg.wru += invocation.wru;
  agg.sfnCalls += invocation.sfnCalls;
  agg.maxRru = Math.max(agg.maxRru, invocation.rru);
  agg.maxWru = Math.max(agg.maxWru, invocation.wru);
  if (invocation.route) {
    let route = routes.get(invocation.route);
    if (!route) {
      route = { fn: invocation.fn, durations: [], ddbCalls: [], appCalls: [], ddbWaves: [], ddbBusyMs: [], sfnCalls: [], rru: 0, wru: 0, statuses: {} };
      routes.set(invocation.route, route);
    }
    route.durations.push(ms);
    route.ddbCalls.push(invocation.ddbCalls);
    route.appCalls.push(invocation.appCalls);
    route.ddbWaves.push(invocation.ddbWaves);
    route.ddbBusyMs.push(invocation.ddbBusyMs);
    route.sfnCalls.push(invocation.sfnCalls);
    route.rru += invocation.rru;
    route.wru += invocation.wru;
    const key = String(status ?? (failed ? 'threw' : 'none'));
    route.statuses[key] = (route.statuses[key] ?? 0) + 1;
  }
}

const CAPACITY_OPERATIONS = new Set([
  'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactGetItems', 'TransactWriteItems',
]);
const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

type Attr = string | { S?: string } | undefined;
const str = (value: Attr): string | undefined => (typeof value === 'string' ? value : value?.S);

function tableOf(input: Record<string, any>): string | undefined {
  if (typeof input.TableName === 'string') return input.TableName;
  for (const item of (input.TransactItems ?? []) as Array<Record<string, { TableName?: string }>>) {
    for (const part of Object.values(item)) if (part?.TableName) return part.TableName;
  }
  const requestItems = input.RequestItems as Record<string, unknown> | undefined;
  return requestItems ? Object.keys(requestItems)[0] : undefined;
}

function partitionOf(operation: string, input: Record<string, any>): string | undefined {
  if (input.Key) return str(input.Key.PK) ?? str(input.Key.pk);
  if (input.Item) return str(input.Item.PK) ?? str(input.Item.pk);
  if (operation === 'Query') return str(input.ExpressionAttributeValues?.[':pk']);
  return undefined;
}

function categoryOf(table: string | undefined, partition: string | undefined, sfnTable: string): DynamoCategory {
  if (table === sfnTable) return 'local-sfn';
  if (partition === 'LOCAL#OUTBOX') return 'outbox';
  if (partition === 'LOCAL#SCHEDULES' || partition === 'LOCAL#RECURRING') return 'scheduler';
  return 'app';
}

function capacityOf(consumed: unknown): number {
  if (!consumed) return 0;
  const list = Array.isArray(consumed) ? consumed : [consumed];
  return list.reduce((sum: number, entry: { CapacityUnits?: number }) => sum + (entry?.CapacityUnits ?? 0), 0);
}

/** What a refused call would have consumed in AWS (DynamoDB Local reports nothing on an error). */
function estimateCapacity(operation: string, input: Record<string, any>): number {
  const kb = Math.max(1, Math.ceil(Buffer.byteLength(JSON.stringify(input)) / 1024));
  if (operation === 'TransactWriteItems') return 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 1);
  if (READS.has(operation)) return 0.5;
  return kb;
}

interface MiddlewareStackLike {
  add(middleware: unknown, options: { step: 'initialize'; name: string; priority?: 'high' | 'normal' | 'low' }): void;
}

/** Installs the counting middleware on a DynamoDB client's middleware stack (shared with document clients built from it). */
export function instrumentDynamo(client: { middlewareStack: MiddlewareStackLike }, options: { sfnTable: string }): void {
  const middleware =
    (next: (args: { input: Record<string, any> }) => Promise<{ output: Record<string, any> }>, context: { commandName?: string }) =>
    async (args: { input: Record<string, any> }) => {
      if (paused) return next(args);
      const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
      const input = args.input;
      if (CAPACITY_OPERATIONS.has(operation) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
      const category = categoryOf(tableOf(input), partitionOf(operation, input), options.sfnTable);
      const invocation = als.getStore();
      const started = performance.now();
      if (invocation) {
        invocation.ddbCalls += 1;
        if (category === 'app') invocation.appCalls += 1;
        if (invocation.inflight === 0) {
          invocation.ddbWaves += 1;
          invocation.busySince = started;
        }
        invocation.inflight += 1;
      } else {
        unattributed[category] = (unattributed[category] ?? 0) + 1;
      }
      let units = 0;
      let estimated = false;
      let failed = false;
      try {
        const result = await next(args);
        units = capacityOf(result.output?.ConsumedCapacity);
        return result;
      } catch (error) {
        failed = true;
        if (CAPACITY_OPERATIONS.has(operation)) {
          units = estimateCapacity(operation, input);
          estimated = true;
        }
        throw error;
      } finally {
        const ended = performance.now();
        const isRead = READS.has(operation);
        const key = `${category}|${operation}`;
        let agg = dynamoStats.get(key);
        if (!agg) {
          agg = { calls: 0, errors: 0, rru: 0, wru: 0, estimatedCalls: 0, latencies: [] };
          dynamoStats.set(key, agg);
        }
        agg.calls += 1;
        if (failed) agg.errors += 1;
        if (estimated) agg.estimatedCalls += 1;
        if (isRead) agg.rru += units;
        else agg.wru += units;
        agg.latencies.push(ended - started);
        if (invocation) {
          invocation.inflight -= 1;
          if (invocation.inflight === 0) invocation.ddbBusyMs += ended - invocation.busySince;
          if (category === 'app') {
            if (isRead) invocation.rru += units;
            else invocation.wru += units;
          }
        }
      }
    };
  client.middlewareStack.add(middleware, { step: 'initialize', name: 'benchDynamoCounter', priority: 'high' });
}

/** Wraps the workflow engine the handlers (and the local scheduler) are given, counting its API calls. */
export function countedWorkflow(real: WorkflowEngine): WorkflowEngine {
  const counted =
    <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      sfnCalls[name] = (sfnCalls[name] ?? 0) + 1;
      const invocation = als.getStore();
      if (invocation) invocation.sfnCalls += 1;
      return call(...args);
    };
  return {
    start: counted('StartExecution', real.start.bind(real)),
    completeTask: counted('SendTaskSuccess', real.completeTask.bind(real)),
  };
}

export function snapshot(): Snapshot {
  const fnOut: Record<string, FunctionSummary> = {};
  for (const [id, agg] of functions) {
    fnOut[id] = {
      kind: agg.kind,
      invocations: agg.invocations,
      errors: agg.errors,
      duration: summarize(agg.durations),
      billedMs: agg.billedMs,
      ddbCalls: agg.ddbCalls,
      appCalls: agg.appCalls,
      rru: agg.rru,
      wru: agg.wru,
      sfnCalls: agg.sfnCalls,
      maxRru: agg.maxRru,
      maxWru: agg.maxWru,
    };
  }
  const routeOut: Record<string, RouteSummary> = {};
  for (const [key, agg] of routes) {
    routeOut[key] = {
      fn: agg.fn,
      handler: summarize(agg.durations),
      ddbCalls: summarize(agg.ddbCalls),
      appCalls: summarize(agg.appCalls),
      ddbWaves: summarize(agg.ddbWaves),
      ddbBusyMs: summarize(agg.ddbBusyMs),
      sfnCalls: summarize(agg.sfnCalls),
      rru: agg.rru,
      wru: agg.wru,
      statuses: agg.statuses,
    };
  }
  const dynamo: DynamoSummary[] = [...dynamoStats].map(([key, agg]) => {
    const [category, operation] = key.split('|') as [DynamoCategory, string];
    return { category, operation, calls: agg.calls, errors: agg.errors, rru: agg.rru, wru: agg.wru, estimatedCalls: agg.estimatedCalls, latency: summarize(agg.latencies) };
  });
  return { functions: fnOut, routes: routeOut, dynamo, sfnCalls: { ...sfnCalls }, unattributedDynamoCalls: { ...unattributed } };
}

/**
 * The local stack under test, in a Node process of its own (forked by bench/year/stackClient.ts), so that its
 * memory is measured apart from the load generator. It starts an in-memory DynamoDB Local (a child of this
 * process), the local stack with its Step Functions service, and the instrumentation; the parent talks to it
 * over the IPC channel (snapshots of the counters, raw DynamoDB latency probes, Step Functions statistics).
 */
import { register } from 'node:module';
import { performance } from 'node:perf_hooks';

register(new URL('../instrument/hooks.mjs', import.meta.url), {
  data: {
    stackUrl: new URL('../../local/stack.ts', import.meta.url).href,
    wrapperUrl: new URL('../instrument/generated-handler.mjs', import.meta.url).href,
    instrumentUrl: new URL('../instrument/instrument.ts', import.meta.url).href,
  },
});

const { DescribeTableCommand, DynamoDBClient, ScanCommand } = await import('@aws-sdk/client-dynamodb');
const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
const instrument = await import('../instrument/instrument');
const { startDynamoDbLocal } = await import('../../local/dynamodb');
const { startStack } = await import('../../local/stack');
const { summarize } = await import('../lib/stats');

export interface ExecutionStats {
  executions: number;
  byMachine: Record<string, Record<string, number>>;
  historyEvents: number;
  stateTransitions: number;
  maxHistory: { executionArn: string; events: number; transitions: number } | undefined;
  historyPerExecution: ReturnType<typeof summarize>;
  transitionsPerExecution: ReturnType<typeof summarize>;
  transitionsByMachine: Record<string, number>;
}

type Command =
  | { id: number; cmd: 'snapshot' }
  | { id: number; cmd: 'reset' }
  | { id: number; cmd: 'rawGetItem'; n: number; key: Record<string, string> }
  | { id: number; cmd: 'sfnStats' }
  | { id: number; cmd: 'tableSize' }
  | { id: number; cmd: 'quietReminderRun' }
  | { id: number; cmd: 'stop' };

const send = (message: unknown) => process.send?.(message);
const dataDir = process.env.BENCH_DATA_DIR!;
const tableName = process.env.BENCH_TABLE ?? 'bench';
const sfnTable = `${tableName}-sfn`;
const clockStart = new Date(process.env.BENCH_CLOCK_START ?? '2025-12-01T08:00:00Z');

const startedAt = performance.now();
// DynamoDB Local keeps the in-memory table in its heap: the default cap (local/dynamodb.ts) fits a 1,000-board year,
// not a 10,000-board one with its Step Functions history (that run died in the final scan of it).
const heapMb = Number(process.env.BENCH_DYNAMO_HEAP_MB ?? '') || undefined;
const dynamoLocal = await startDynamoDbLocal(heapMb ? { maxHeapMb: heapMb } : {});
const stack = await startStack({
  port: 0,
  dataDir,
  dynamoEndpoint: dynamoLocal.endpoint,
  tableName,
  tickMs: 0,
  clockStart,
  adapt: (deps) => ({ ...deps, workflow: instrument.countedWorkflow(deps.workflow) }),
});
const client = stack.db;
instrument.instrumentDynamo(client as unknown as Parameters<typeof instrument.instrumentDynamo>[0], { sfnTable });

let stopping: Promise<void> | undefined;
const stopAll = () =>
  (stopping ??= (async () => {
    await stack.stop().catch(() => undefined);
    await dynamoLocal.stop().catch(() => undefined);
  })());

process.on('disconnect', () => void stopAll().finally(() => process.exit(0)));
process.on('SIGTERM', () => void stopAll().finally(() => process.exit(0)));

async function rawGetItem(n: number, key: Record<string, string>) {
  return instrument.pauseCounting(async () => {
    const latencies: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      await client.send(new GetCommand({ TableName: tableName, Key: key }));
      latencies.push(performance.now() - started);
    }
    return summarize(latencies);
  });
}

/**
 * The reminder job run once more, now, on a day on which nothing is due (the job's own rule says so first): what a
 * quiet day reads, counted apart from the year's figures. Answers undefined when a run is due now after all.
 */
const { nextReminderRun, sendDueReminders } = await import('../../shared/features/reminders/sendReminders');
let probing: { rru: number; calls: number } | undefined;
client.middlewareStack.add(
  (next) => async (args) => {
    // Counting is paused for the probe, so the instrument does not ask for consumed capacity: ask here.
    if (probing) (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    if (probing) {
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> }).ConsumedCapacity;
      probing.calls += 1;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) probing.rru += c.CapacityUnits ?? 0;
    }
    return result;
  },
  { step: 'initialize', name: 'quietReminderProbe', priority: 'low' },
);
async function quietReminderRun(): Promise<{ rru: number; calls: number; ms: number; at: string } | undefined> {
  return instrument.pauseCounting(async () => {
    const now = stack.clock.now();
    const next = await nextReminderRun(now, stack.deps);
    if (next && next.getTime() <= now.getTime()) return undefined;
    probing = { rru: 0, calls: 0 };
    try {
      const started = performance.now();
      const run = await sendDueReminders(now.toISOString(), stack.deps);
      const ms = performance.now() - started;
      if (run.sent || run.fullRuns.length) throw new Error(`the quiet-day probe did work: ${JSON.stringify(run)}`);
      return { ...probing, ms, at: now.toISOString() };
    } finally {
      probing = undefined;
    }
  });
}

async function sfnStats(): Promise<ExecutionStats> {
  return instrument.pauseCounting(async () => {
    const raw = new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, endpoint: dynamoLocal.endpoint });
    const perExecution = new Map<string, { events: number; entered: number; taskEntered: number; scheduled: number }>();
    const status = new Map<string, { machine: string; status: string }>();
    let ExclusiveStartKey: Record<string, any> | undefined;
    try {
      do {
        const page = await raw.send(new ScanCommand({ TableName: sfnTable, ExclusiveStartKey, Limit: 2000, ProjectionExpression: 'pk, sk, #e, #s, executionArn', ExpressionAttributeNames: { '#e': 'event', '#s': 'status' } }));
        for (const item of page.Items ?? []) {
          const pk = item.pk?.S ?? '';
          if (pk.startsWith('HIST#')) {
            const arn = pk.slice(5);
            const event = JSON.parse(item.event?.S ?? '{}') as { type?: string };
            let entry = perExecution.get(arn);
            if (!entry) perExecution.set(arn, (entry = { events: 0, entered: 0, taskEntered: 0, scheduled: 0 }));
            entry.events += 1;
            const type = event.type ?? '';
            if (type.endsWith('StateEntered')) entry.entered += 1;
            if (type === 'TaskStateEntered') entry.taskEntered += 1;
            if (type === 'LambdaFunctionScheduled' || type === 'TaskScheduled') entry.scheduled += 1;
          } else if (pk.startsWith('SM#') && item.executionArn?.S) {
            const machine = pk.slice(3).split(':').at(-1) ?? pk;
            status.set(item.executionArn.S, { machine, status: item.status?.S ?? 'UNKNOWN' });
          }
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
    } finally {
      raw.destroy();
    }
    const byMachine: Record<string, Record<string, number>> = {};
    for (const { machine, status: s } of status.values()) {
      byMachine[machine] ??= {};
      byMachine[machine][s] = (byMachine[machine][s] ?? 0) + 1;
    }
    const histories: number[] = [];
    const transitions: number[] = [];
    const transitionsByMachine: Record<string, number> = {};
    let maxHistory: ExecutionStats['maxHistory'];
    let historyEvents = 0;
    let stateTransitions = 0;
    for (const [arn, entry] of perExecution) {
      // Billed transitions: every state entered, plus every retry of a task (a retry schedules the task again without a new StateEntered).
      const t = entry.entered + Math.max(0, entry.scheduled - entry.taskEntered);
      histories.push(entry.events);
      transitions.push(t);
      historyEvents += entry.events;
      stateTransitions += t;
      const machine = status.get(arn)?.machine ?? arn.split(':').at(-2) ?? 'unknown';
      transitionsByMachine[machine] = (transitionsByMachine[machine] ?? 0) + t;
      if (!maxHistory || entry.events > maxHistory.events) maxHistory = { executionArn: arn, events: entry.events, transitions: t };
    }
    return {
      executions: perExecution.size,
      byMachine,
      historyEvents,
      stateTransitions,
      maxHistory,
      historyPerExecution: summarize(histories),
      transitionsPerExecution: summarize(transitions),
      transitionsByMachine,
    };
  });
}

async function tableSize() {
  return instrument.pauseCounting(async () => {
    const raw = new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, endpoint: dynamoLocal.endpoint });
    try {
      const { Table } = await raw.send(new DescribeTableCommand({ TableName: tableName }));
      return { bytes: Table?.TableSizeBytes ?? 0, items: Table?.ItemCount ?? 0 };
    } finally {
      raw.destroy();
    }
  });
}

process.on('message', (message: Command) => {
  void (async () => {
    try {
      let result: unknown;
      switch (message.cmd) {
        case 'snapshot':
          result = instrument.snapshot();
          break;
        case 'reset':
          instrument.reset();
          break;
        case 'rawGetItem':
          result = await rawGetItem(message.n, message.key);
          break;
        case 'sfnStats':
          result = await sfnStats();
          break;
        case 'tableSize':
          result = await tableSize();
          break;
        case 'quietReminderRun':
          result = await quietReminderRun();
          break;
        case 'stop':
          await stopAll();
          send({ id: message.id, ok: true });
          process.disconnect?.();
          setTimeout(() => process.exit(0), 50);
          return;
      }
      send({ id: message.id, ok: true, result });
    } catch (error) {
      send({ id: message.id, ok: false, error: (error as Error)?.stack ?? String(error) });
    }
  })();
});

send({
  type: 'ready',
  url: stack.url,
  sfnEndpoint: stack.sfn.endpoint,
  tableName,
  sfnTable,
  dynamoEndpoint: dynamoLocal.endpoint,
  startupMs: performance.now() - startedAt,
});

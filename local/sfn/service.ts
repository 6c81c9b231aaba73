import { randomUUID } from 'node:crypto';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { executionArnFor, parseExecutionArn, parseStateMachineArn } from './arns';
import { prepareMachine, type PreparedMachine } from './definition';
import { ExecutionRun, statesTimeoutErrorClass, type RunDeps } from './engine';
import { renderEvent, type StoredEvent } from './history';
import { epochSeconds, optionalString, requireString, SfnApiError, startProtocolServer, type Operation } from './protocol';
import { ChangeSignal, DueQueue, nextTurn } from './scheduling';
import { SfnStore, type ExecutionRecord, type ExecutionStatus, type TokenOutcome, type TokenRecord } from './store';
import { hashToken, isWellFormedToken, redactTokens, tokenRef } from './tokens';
import { TokenWaiters } from './waiters';

/**
 * An embedded AWS Step Functions for the local stack and tests: the real `@aws-sdk/client-sfn` talks
 * to it over HTTP, it runs the ASL that CDK synthesizes with `aws-local-stepfunctions`, follows the
 * local clock for Waits and timeouts, and keeps executions in DynamoDB Local so that those waiting on
 * a task token or a Wait survive a restart.
 */

export interface LocalStateMachine {
  arn: string;
  name: string;
  /** ASL JSON with Lambda ARNs already resolved. */
  definition: Record<string, unknown>;
}

export interface LocalSfnOptions {
  dynamo: DynamoDBClient;
  /** The emulator's own table; created (pk/sk, PAY_PER_REQUEST) if missing. */
  tableName: string;
  /** Waits and timeouts follow this clock, never real time. */
  clock: { now(): Date };
  stateMachines: LocalStateMachine[];
  /** Runs the local handler; throws on error, with error.name as the error type. */
  invokeLambda(functionArn: string, payload: unknown): Promise<unknown>;
  /** Real-time factor for Retry intervals (default 0.001: 1 s becomes 1 ms). */
  retryScale?: number;
  /** Structured log sink; entries never contain task tokens. */
  log?: (entry: Record<string, unknown>) => void;
}

export interface LocalSfn {
  /** http://127.0.0.1:<port> of the JSON-protocol server. */
  endpoint: string;
  /** Fires every Wait and timeout due at clock.now(), and resolves once every execution is idle again. */
  runDue(): Promise<void>;
  /**
   * Once every execution is idle: the earliest local-clock instant (ms) a Wait or timeout is due at, if any. A host
   * that moves the clock in jumps stops there, so each fires at its own time.
   */
  nextDueAt(): Promise<number | undefined>;
  /** Resolves when no execution is actively running a step. */
  idle(): Promise<void>;
  /** Closes the server and stops in-memory runs without failing them; they resume on the next start. */
  stop(): Promise<void>;
}

const STATUSES = new Set<ExecutionStatus>(['RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT']);
const NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;

export async function startLocalSfn(options: LocalSfnOptions & { port?: number }): Promise<LocalSfn> {
  const sink = options.log ?? (() => {});
  // Belt and braces: whatever is logged passes through token redaction.
  const log = (entry: Record<string, unknown>) => sink(JSON.parse(redactTokens(JSON.stringify({ component: 'local-sfn', ...entry }))));

  const machines = new Map<string, PreparedMachine>(options.stateMachines.map((machine) => [machine.arn, prepareMachine(machine)]));
  const store = new SfnStore(options.dynamo, options.tableName);
  await store.ensureTable();
  const TimeoutError = await statesTimeoutErrorClass();

  const signal = new ChangeSignal();
  const waiters = new TokenWaiters();
  const due = new DueQueue();
  const runs = new Map<string, ExecutionRun>();
  const background = new Set<Promise<unknown>>();
  let inflight = 0;

  const settleToken = async (hash: string, outcome: TokenOutcome): Promise<boolean> => {
    const settled = await store.settleToken(hash, outcome);
    if (settled) {
      waiters.settle(hash, outcome);
      log({ level: 'info', msg: 'task.settled', task: tokenRef(hash), outcome: outcome.kind });
    }
    return settled;
  };

  const deps: RunDeps = {
    store,
    clock: options.clock,
    invokeLambda: options.invokeLambda,
    retryScale: options.retryScale ?? 0.001,
    log,
    signal,
    waiters,
    due,
    settleToken,
    timeoutError: () => new TimeoutError(),
    background: (work) => {
      background.add(work);
      void work.finally(() => {
        background.delete(work);
        signal.notify();
      });
    },
  };

  const launch = (machine: PreparedMachine, record: ExecutionRecord) => {
    const run = new ExecutionRun(deps, machine, record);
    runs.set(record.executionArn, run);
    void run.done.finally(() => {
      if (runs.get(record.executionArn) === run) runs.delete(record.executionArn);
    });
  };

  const machineFor = (arn: string): PreparedMachine => {
    if (!parseStateMachineArn(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const machine = machines.get(arn);
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return machine;
  };

  const executionFor = async (arn: string): Promise<ExecutionRecord> => {
    if (!parseExecutionArn(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
    const record = await store.getExecution(arn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return record;
  };

  /** A token that may still be answered: well formed, known, unsettled, its execution running, not expired. */
  const liveToken = async (input: Record<string, unknown>): Promise<TokenRecord> => {
    const token = requireString(input, 'taskToken');
    if (!isWellFormedToken(token)) throw new SfnApiError('InvalidToken', 'Invalid Token: the task token is malformed');
    const hash = hashToken(token);
    const record = await store.getToken(hash);
    if (!record) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist');
    if (record.outcome?.kind === 'timeout') throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    if (record.outcome) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist: the task was already completed');
    const execution = await store.getExecution(record.executionArn);
    const suspension = execution?.suspension;
    const awaited = waiters.get(hash) !== undefined || (suspension?.kind === 'token' && suspension.tokenHash === hash);
    if (execution?.status !== 'RUNNING' || !awaited) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist');
    const waiter = waiters.get(hash);
    const deadline = waiter?.deadline ?? record.deadline;
    const heartbeatDeadline = waiter?.heartbeatDeadline ?? record.heartbeatDeadline;
    const now = options.clock.now().getTime();
    const timedOut = deadline !== undefined && now >= deadline;
    if (timedOut || (heartbeatDeadline !== undefined && now >= heartbeatDeadline)) {
      // Expired on the local clock though runDue() has not fired it yet: it fails now, as it would have.
      await settleToken(hash, { kind: 'timeout', reason: timedOut ? 'timeout' : 'heartbeat' });
      throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    }
    return record;
  };

  const settleOrExplain = async (hash: string, outcome: TokenOutcome) => {
    if (await settleToken(hash, outcome)) return;
    const current = await store.getToken(hash);
    if (current?.outcome?.kind === 'timeout') throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist: the task was already completed');
  };

  const describe = (record: ExecutionRecord) => ({
    executionArn: record.executionArn,
    stateMachineArn: record.stateMachineArn,
    name: record.name,
    status: record.status,
    startDate: epochSeconds(record.startDate),
    stopDate: epochSeconds(record.stopDate),
  });

  const paginate = <T>(items: T[], input: Record<string, unknown>) => {
    const max = typeof input.maxResults === 'number' && input.maxResults > 0 ? Math.min(input.maxResults, 1000) : 100;
    const nextToken = optionalString(input, 'nextToken');
    const start = nextToken ? Number(Buffer.from(nextToken, 'base64url').toString('utf8')) : 0;
    if (!Number.isInteger(start) || start < 0) throw new SfnApiError('InvalidToken', 'Invalid pagination token');
    const end = start + max;
    return { page: items.slice(start, end), nextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
  };

  const operations: Record<string, Operation> = {
    StartExecution: async (input) => {
      const machine = machineFor(requireString(input, 'stateMachineArn'));
      const name = optionalString(input, 'name') ?? randomUUID();
      if (!NAME.test(name)) throw new SfnApiError('InvalidName', `Invalid Name: '${name}'`);
      const inputText = optionalString(input, 'input') ?? '{}';
      let parsedInput: unknown;
      try {
        parsedInput = JSON.parse(inputText);
      } catch {
        throw new SfnApiError('InvalidExecutionInput', 'Invalid Execution Input: not valid JSON');
      }
      const executionArn = executionArnFor(machine.arn, name);
      const now = options.clock.now().getTime();
      const record: ExecutionRecord = {
        executionArn,
        stateMachineArn: machine.arn,
        name,
        status: 'RUNNING',
        input: inputText,
        startDate: now,
        eventCount: 1,
        deadline: machine.timeoutSeconds !== undefined ? now + machine.timeoutSeconds * 1000 : undefined,
      };
      const started: StoredEvent = {
        id: 1,
        timestamp: now,
        type: 'ExecutionStarted',
        detailsKey: 'executionStartedEventDetails',
        details: { input: redactTokens(inputText), roleArn: `arn:${machine.arnParts.partition}:iam::${machine.arnParts.account}:role/local-step-functions` },
      };
      const existing = await store.createExecution(record, started);
      if (existing) {
        // Same name and input: the same execution (Step Functions' idempotency for Standard workflows).
        if (sameJson(existing.input, parsedInput)) return { executionArn, startDate: epochSeconds(existing.startDate) };
        throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
      }
      launch(machine, record);
      log({ level: 'info', msg: 'execution.started', executionArn });
      return { executionArn, startDate: epochSeconds(now) };
    },

    DescribeExecution: async (input) => {
      const record = await executionFor(requireString(input, 'executionArn'));
      return {
        ...describe(record),
        input: redactTokens(record.input),
        inputDetails: { included: true },
        ...(record.output !== undefined ? { output: record.output, outputDetails: { included: true } } : {}),
        error: record.error,
        cause: record.cause,
        redriveCount: 0,
        redriveStatus: 'NOT_REDRIVABLE',
      };
    },

    StopExecution: async (input) => {
      const arn = requireString(input, 'executionArn');
      const record = await executionFor(arn);
      const error = optionalString(input, 'error');
      const cause = optionalString(input, 'cause');
      if (record.status === 'RUNNING') {
        const run = runs.get(arn);
        if (run) {
          await run.terminate('ABORTED', error, cause);
        } else {
          const now = options.clock.now().getTime();
          const event: StoredEvent = {
            id: record.eventCount + 1,
            timestamp: now,
            type: 'ExecutionAborted',
            detailsKey: 'executionAbortedEventDetails',
            details: { error, cause },
          };
          await store.closeExecution(arn, { status: 'ABORTED', stopDate: now, error, cause }, event);
        }
      }
      const after = await executionFor(arn);
      return { stopDate: epochSeconds(after.stopDate ?? options.clock.now().getTime()) };
    },

    SendTaskSuccess: async (input) => {
      const token = await liveToken(input);
      const output = requireString(input, 'output');
      try {
        JSON.parse(output);
      } catch {
        throw new SfnApiError('InvalidOutput', 'Invalid Output: not valid JSON');
      }
      await settleOrExplain(token.hash, { kind: 'success', output });
      return {};
    },

    SendTaskFailure: async (input) => {
      const token = await liveToken(input);
      const error = optionalString(input, 'error');
      const cause = optionalString(input, 'cause');
      if (error !== undefined && error.length > 256) throw new SfnApiError('ValidationException', 'error is longer than 256 characters');
      await settleOrExplain(token.hash, { kind: 'failure', error, cause });
      return {};
    },

    SendTaskHeartbeat: async (input) => {
      const token = await liveToken(input);
      const waiter = waiters.get(token.hash);
      const heartbeatSeconds = waiter?.heartbeatSeconds ?? token.heartbeatSeconds;
      if (heartbeatSeconds !== undefined) {
        const heartbeatDeadline = options.clock.now().getTime() + heartbeatSeconds * 1000;
        if (!(await store.heartbeatToken(token.hash, heartbeatDeadline))) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist');
        if (waiter) waiter.heartbeatDeadline = heartbeatDeadline;
      }
      return {};
    },

    ListExecutions: async (input) => {
      const machine = machineFor(requireString(input, 'stateMachineArn'));
      const statusFilter = optionalString(input, 'statusFilter') as ExecutionStatus | undefined;
      if (statusFilter !== undefined && !STATUSES.has(statusFilter)) throw new SfnApiError('ValidationException', `Invalid statusFilter '${statusFilter}'`);
      const records = (await store.listExecutions(machine.arn))
        .filter((record) => statusFilter === undefined || record.status === statusFilter)
        .sort((a, b) => b.startDate - a.startDate || b.name.localeCompare(a.name));
      const { page, nextToken } = paginate(records, input);
      return { executions: page.map(describe), nextToken };
    },

    GetExecutionHistory: async (input) => {
      const record = await executionFor(requireString(input, 'executionArn'));
      const events = await store.history(record.executionArn);
      if (input.reverseOrder === true) events.reverse();
      const includeData = input.includeExecutionData !== false;
      const { page, nextToken } = paginate(events, input);
      return { events: page.map((event) => renderEvent(event, includeData)), nextToken };
    },

    DescribeStateMachine: async (input) => {
      const arn = requireString(input, 'stateMachineArn');
      machineFor(arn);
      const definition = options.stateMachines.find((machine) => machine.arn === arn)!.definition;
      const { partition, account } = machines.get(arn)!.arnParts;
      return {
        stateMachineArn: arn,
        name: machines.get(arn)!.name,
        status: 'ACTIVE',
        definition: JSON.stringify(definition),
        roleArn: `arn:${partition}:iam::${account}:role/local-step-functions`,
        type: 'STANDARD',
        creationDate: 0,
      };
    },

    ListStateMachines: async () => ({
      stateMachines: [...machines.values()].map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: 0,
      })),
    }),
  };

  // A request in flight (a callback being persisted) counts as activity for idle().
  const tracked = Object.fromEntries(
    Object.entries(operations).map(([name, operation]) => [
      name,
      async (input: Record<string, unknown>) => {
        inflight += 1;
        try {
          return await operation(input);
        } finally {
          inflight -= 1;
          signal.notify();
        }
      },
    ]),
  );

  const server = await startProtocolServer({ port: options.port, operations: tracked, log });

  // An execution waiting on a token or a Wait continues from its checkpoint. A callback arriving
  // before its run is back is still accepted: the token's outcome is persisted and read on resume.
  for (const record of await store.runningExecutions()) {
    const machine = machines.get(record.stateMachineArn);
    if (!machine) {
      log({ level: 'warn', msg: 'execution.unknown_state_machine', executionArn: record.executionArn });
      continue;
    }
    if (record.checkpoint && !machine.topLevelStates.has(record.checkpoint.state)) {
      // The definition changed under a suspended execution: there is nowhere to resume.
      const now = options.clock.now().getTime();
      const failure = { error: 'States.Runtime', cause: `State '${record.checkpoint.state}' is no longer in the definition` };
      await store.closeExecution(
        record.executionArn,
        { status: 'FAILED', stopDate: now, ...failure },
        { id: record.eventCount + 1, timestamp: now, type: 'ExecutionFailed', detailsKey: 'executionFailedEventDetails', details: failure },
      );
      log({ level: 'warn', msg: 'execution.not_resumable', executionArn: record.executionArn, state: record.checkpoint.state });
      continue;
    }
    launch(machine, record);
    log({ level: 'info', msg: 'execution.resumed', executionArn: record.executionArn, state: record.checkpoint?.state });
  }

  const isIdle = () => inflight === 0 && background.size === 0 && [...runs.values()].every((run) => run.isIdle());

  const idle = async () => {
    for (;;) {
      await nextTurn();
      if (isIdle()) return;
      await signal.wait(20);
    }
  };

  let stopped = false;
  let dueChain: Promise<void> = Promise.resolve();
  const runDue = () => {
    // Serialised, so two callers never fire the same instant twice or interleave.
    const run = dueChain.then(async () => {
      for (;;) {
        await idle();
        if (stopped) return;
        const dueNow = due.takeDue(options.clock.now().getTime());
        if (dueNow.length === 0) return;
        for (const item of dueNow) await item.fire();
      }
    });
    dueChain = run.catch(() => {});
    return run;
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.close();
    // Requests already accepted finish (and persist) first.
    while (inflight > 0) await signal.wait();
    await Promise.all([...runs.values()].map((run) => run.shutdown()));
    await Promise.allSettled([...background]);
    due.clear();
  };

  log({ level: 'info', msg: 'started', endpoint: server.endpoint, stateMachines: [...machines.keys()] });
  const nextDueAt = async () => {
    await dueChain;
    await idle();
    return due.nextAt();
  };

  return { endpoint: server.endpoint, runDue, nextDueAt, idle, stop };
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return deepEqual(JSON.parse(text), value);
  } catch {
    return false;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

import { ExecutionError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { resolveFunctionArn } from './arns';
import { resumeDefinition, type PreparedMachine, type TaskInput, type TaskPlan, type WaitInput } from './definition';
import { entry, json, translateEngineEvent, type EngineEvent, type HistoryEntry } from './history';
import { ChangeSignal, deferred, DueQueue, nextTurn, sleep, type DueItem } from './scheduling';
import type { Checkpoint, CloseExecution, ExecutionRecord, SfnStore, Suspension, TokenOutcome, TokenRecord } from './store';
import { hashToken, mintToken, redactTokens, substitutePlaceholder, TOKEN_PLACEHOLDER, tokenRef } from './tokens';
import type { TokenWaiter, TokenWaiters } from './waiters';

type JsonValue = Parameters<StateMachine['run']>[0];

export interface RunDeps {
  store: SfnStore;
  clock: { now(): Date };
  invokeLambda(functionArn: string, payload: unknown): Promise<unknown>;
  retryScale: number;
  log(entry: Record<string, unknown>): void;
  signal: ChangeSignal;
  waiters: TokenWaiters;
  due: DueQueue;
  /** Persists a token's outcome (once) and wakes its task; false if it was already settled. */
  settleToken(hash: string, outcome: TokenOutcome): Promise<boolean>;
  /** A genuine engine `States.Timeout` error, so that `States.TaskFailed` does not match it. */
  timeoutError(): Error;
  /** Work that outlives the step that started it (InvocationType Event); idle() waits for it. */
  background(work: Promise<unknown>): void;
}

/** Errors that only stop the engine: neither Retry nor Catch may act on them. */
function engineStop(name: string, message: string): Error {
  return Object.assign(new Error(message), { name, isRetryable: false, isCatchable: false });
}
const aborted = () => engineStop('LocalSfn.Aborted', 'The local execution was stopped');
const runtimeError = (message: string) => engineStop('States.Runtime', message);
const isAbort = (error: unknown) => (error as Error | undefined)?.name === 'LocalSfn.Aborted';

function taskFailure(name: string, cause: string | undefined): Error {
  const error = new Error(cause ?? '');
  error.name = name;
  return error;
}

/** A Lambda error as Step Functions reports it: the error type as Error, a JSON Cause. */
function lambdaFailure(error: unknown): Error {
  const name = (error as Error | undefined)?.name || 'Lambda.Unknown';
  const message = (error as Error | undefined)?.message ?? String(error);
  return taskFailure(name, JSON.stringify({ errorType: name, errorMessage: message }));
}

function toJson(value: unknown): JsonValue {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

function positiveInteger(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw runtimeError(`${what} must be a positive integer`);
  return value;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let timeoutErrorClass: Promise<new () => Error> | undefined;

/**
 * The engine tells a task timeout from other failures by `instanceof` its own, unexported
 * StatesTimeoutError. We obtain the class once, from a 1 ms probe run, so that timeouts we raise on
 * the local clock behave exactly like the engine's (States.TaskFailed does not catch them).
 */
export function statesTimeoutErrorClass(): Promise<new () => Error> {
  timeoutErrorClass ??= (async () => {
    const probe = new StateMachine(
      {
        StartAt: 'Probe',
        States: { Probe: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe', TimeoutSeconds: 0.001, End: true } },
      } as unknown as StateMachineDefinition,
      { validationOptions: { noValidate: true } },
    );
    let release: (() => void) | undefined;
    const run = probe.run(null, {
      overrides: { taskResourceLocalHandlers: { Probe: () => new Promise((resolve) => (release = () => resolve(null))) } },
    });
    try {
      await run.result;
    } catch (error) {
      const cause = (error as Error).cause;
      if (cause instanceof Error && cause.name === 'States.Timeout') return cause.constructor as new () => Error;
    } finally {
      release?.();
    }
    throw new Error('Local Step Functions: could not obtain the engine States.Timeout error class');
  })();
  return timeoutErrorClass;
}

/**
 * One execution running in this process. The engine drives the control flow; our overrides do the
 * Tasks and Waits. Its event log is consumed in batches that are persisted (history + checkpoint of
 * the current top-level state) before any top-level override reaches its suspension point.
 */
export class ExecutionRun {
  readonly executionArn: string;
  readonly done: Promise<void>;
  private abortReason?: 'shutdown' | 'closed';
  private closeTask?: Promise<boolean>;
  private readonly cancelled = deferred<never>();
  private readonly consumerDone = deferred<void>();
  private abortEngine: () => void = () => {};
  private active = 0;
  private suspended = 0;
  private parked = false;
  private finished = false;
  private top?: { state: string; seq: number };
  private seq: number;
  private eventCount: number;
  private skipResumedEntry: boolean;
  private readonly resume?: { state: string; seq: number; suspension?: Suspension; used: boolean };
  private writes: Promise<unknown> = Promise.resolve();
  private readonly retryAttempts = new Map<string, number[]>();
  private readonly caught = new Set<string>();
  private deadlineItem?: DueItem;

  constructor(
    private readonly deps: RunDeps,
    private readonly machine: PreparedMachine,
    record: ExecutionRecord,
  ) {
    this.executionArn = record.executionArn;
    this.eventCount = record.eventCount;
    this.cancelled.promise.catch(() => {});
    const checkpoint = record.checkpoint;
    this.seq = checkpoint?.seq ?? 0;
    this.skipResumedEntry = checkpoint !== undefined;
    if (checkpoint) this.resume = { state: checkpoint.state, seq: checkpoint.seq, suspension: record.suspension, used: false };

    const executionInput = JSON.parse(record.input) as JsonValue;
    const engine = new StateMachine(checkpoint ? resumeDefinition(machine, checkpoint.state) : machine.engineDefinition, {
      validationOptions: { noValidate: true },
    });
    const overrides = Object.fromEntries([...machine.tasks.values()].map((plan) => [plan.name, this.handlerFor(plan)]));
    const execution = engine.run(checkpoint ? (JSON.parse(checkpoint.input) as JsonValue) : executionInput, {
      noThrowOnAbort: true,
      overrides: {
        taskResourceLocalHandlers: overrides,
        // Retry delays happen in our overrides (see delayBeforeRetry), where idle() can see them.
        retryIntervalOverrides: Object.fromEntries(machine.retryStates.map((name) => [name, 0])),
      },
      context: this.contextObject(record, executionInput),
    });
    this.abortEngine = () => {
      this.cancelled.reject(aborted());
      execution.abort();
      this.deps.due.delete(this.deadlineItem);
    };
    if (record.deadline !== undefined) {
      const deadline = record.deadline;
      this.deadlineItem = deps.due.add({
        dueAt: () => deadline,
        fire: async () => {
          await this.terminate('TIMED_OUT', 'States.Timeout', 'The execution exceeded its TimeoutSeconds');
        },
      });
    }
    void this.consume(execution.eventLogs as AsyncGenerator<EngineEvent>);
    this.done = this.drive(execution.result).finally(() => {
      this.finished = true;
      this.deps.due.delete(this.deadlineItem);
      this.deps.signal.notify();
    });
  }

  /** Idle: finished, or every step in flight waits on a token or the clock and all events are persisted. */
  isIdle(): boolean {
    if (this.finished) return true;
    return this.active === 0 && this.suspended > 0 && this.parked;
  }

  /** Closes the execution as ABORTED or TIMED_OUT (persisted), stopping the engine. */
  terminate(status: 'ABORTED' | 'TIMED_OUT', error?: string, cause?: string): Promise<boolean> {
    if (this.closeTask) return this.closeTask;
    if (this.abortReason) return Promise.resolve(false);
    this.abortReason = 'closed';
    this.closeTask = (async () => {
      this.abortEngine();
      await this.consumerDone.promise;
      const now = this.now();
      const [type, key] =
        status === 'ABORTED'
          ? (['ExecutionAborted', 'executionAbortedEventDetails'] as const)
          : (['ExecutionTimedOut', 'executionTimedOutEventDetails'] as const);
      const closed = await this.close({ status, stopDate: now, error, cause }, entry(type, key, { error, cause }));
      this.deps.log({ level: 'info', msg: 'execution.closed', executionArn: this.executionArn, status, closed });
      return closed;
    })();
    return this.closeTask;
  }

  /** Stops the engine without touching the stored execution, which resumes on the next start. */
  async shutdown(): Promise<void> {
    if (!this.abortReason) {
      this.abortReason = 'shutdown';
      this.abortEngine();
    }
    await this.done;
  }

  private contextObject(record: ExecutionRecord, input: JsonValue): Record<string, unknown> {
    const { partition, account } = this.machine.arnParts;
    const execution = {
      Id: record.executionArn,
      Name: record.name,
      RoleArn: `arn:${partition}:iam::${account}:role/local-step-functions`,
      RedriveCount: 0,
    };
    return {
      Execution: execution,
      // `$$.Execution` paths are rewritten to this, which keeps the real input and local start time.
      LocalExecution: { ...execution, Input: input, StartTime: new Date(record.startDate).toISOString() },
      StateMachine: { Id: this.machine.arn, Name: this.machine.name },
      Task: { Token: TOKEN_PLACEHOLDER },
      LocalStates: Object.fromEntries([...this.machine.stateKeys].map(([name, key]) => [key, this.stateContext(name)])),
    };
  }

  /** `$$.State` for one state; read while the engine processes its paths, right after it is entered. */
  private stateContext(name: string): Record<string, unknown> {
    const run = this;
    return {
      Name: name,
      get EnteredTime() {
        return new Date(run.now()).toISOString();
      },
      get RetryCount() {
        return (run.retryAttempts.get(name) ?? []).reduce((sum, attempts) => sum + attempts, 0);
      },
    };
  }

  private async drive(result: Promise<unknown>): Promise<void> {
    let settled: { ok: true; output: unknown } | { ok: false; error: unknown };
    try {
      settled = { ok: true, output: await result };
    } catch (error) {
      settled = { ok: false, error };
    }
    // Steps still waiting now belong to Parallel branches or Map iterations the engine abandoned.
    this.cancelled.reject(aborted());
    await this.consumerDone.promise;
    try {
      if (this.closeTask) await this.closeTask;
      else if (!this.abortReason) await this.finalize(settled);
    } catch (error) {
      this.deps.log({ level: 'error', msg: 'execution.finalize_failed', executionArn: this.executionArn, error: String(error) });
    }
  }

  private async finalize(settled: { ok: true; output: unknown } | { ok: false; error: unknown }): Promise<void> {
    const now = this.now();
    if (settled.ok) {
      const output = json(settled.output);
      await this.close({ status: 'SUCCEEDED', stopDate: now, output }, entry('ExecutionSucceeded', 'executionSucceededEventDetails', { output }));
      this.deps.log({ level: 'info', msg: 'execution.succeeded', executionArn: this.executionArn });
      return;
    }
    const { error, cause } = describeFailure(settled.error);
    await this.close({ status: 'FAILED', stopDate: now, error, cause }, entry('ExecutionFailed', 'executionFailedEventDetails', { error, cause }));
    this.deps.log({ level: 'info', msg: 'execution.failed', executionArn: this.executionArn, error });
  }

  private close(close: CloseExecution, final: HistoryEntry): Promise<boolean> {
    return this.serial(() => {
      const event = { ...final, id: this.eventCount + 1, timestamp: close.stopDate };
      return this.deps.store.closeExecution(this.executionArn, close, event).then((closed) => {
        if (closed) this.eventCount = event.id;
        return closed;
      });
    });
  }

  // ---- event log consumer ----

  private async consume(events: AsyncGenerator<EngineEvent>): Promise<void> {
    let batch: EngineEvent[] = [];
    try {
      let pending = events.next();
      for (;;) {
        // Events already queued arrive within microtasks; if none came within a turn, the log is drained.
        let result = await Promise.race([pending, nextTurn().then(() => undefined)]);
        if (result === undefined) {
          if (batch.length > 0) {
            await this.flush(batch);
            batch = [];
            continue;
          }
          this.parked = true;
          this.deps.signal.notify();
          result = await pending;
          this.parked = false;
        }
        if (result.done) break;
        batch.push(result.value);
        pending = events.next();
      }
      if (batch.length > 0) await this.flush(batch);
    } catch (error) {
      this.deps.log({ level: 'error', msg: 'execution.persist_failed', executionArn: this.executionArn, error: String(error) });
    } finally {
      this.parked = true;
      this.consumerDone.resolve();
      this.deps.signal.notify();
    }
  }

  private async flush(batch: EngineEvent[]): Promise<void> {
    const entries: HistoryEntry[] = [];
    let checkpoint: Checkpoint | undefined;
    for (const event of batch) {
      if (event.type === 'StateEntered' && event.state) {
        this.retryAttempts.delete(event.state.name);
        if (event.index === undefined && this.machine.topLevelStates.has(event.state.name)) {
          if (this.skipResumedEntry) {
            // The resumed state's entry was recorded before the restart.
            this.skipResumedEntry = false;
            this.top = { state: event.state.name, seq: this.seq };
            continue;
          }
          this.seq += 1;
          checkpoint = { state: event.state.name, input: JSON.stringify(event.state.input ?? null), seq: this.seq };
        }
      }
      entries.push(...translateEngineEvent(event, this.machine.stateTypes, this.machine.tasks, this.caught));
    }
    if (entries.length === 0 && !checkpoint) return;
    await this.serial(async () => {
      const timestamp = this.now();
      const events = entries.map((item, index) => ({ ...item, id: this.eventCount + index + 1, timestamp }));
      await this.deps.store.saveProgress(this.executionArn, events, this.eventCount + events.length, checkpoint);
      this.eventCount += events.length;
    });
    if (checkpoint) this.top = { state: checkpoint.state, seq: checkpoint.seq };
  }

  // ---- task overrides ----

  private handlerFor(plan: TaskPlan): (input: JsonValue) => Promise<JsonValue> {
    return async (input) => {
      this.active += 1;
      try {
        if (plan.topLevel) await this.untilCheckpointed();
        return await this.perform(plan, input);
      } catch (error) {
        if (!this.abortReason && !isAbort(error)) await this.delayBeforeRetry(plan, error);
        throw error;
      } finally {
        this.active -= 1;
        this.deps.signal.notify();
      }
    };
  }

  /**
   * The handshake: a top-level override is called right after the engine queued its StateEntered,
   * and the engine waits for us, so once the consumer has drained the log that entry is persisted.
   */
  private async untilCheckpointed(): Promise<void> {
    await nextTurn();
    while (!this.parked) {
      await this.cancellable(this.deps.signal.wait());
    }
    if (this.abortReason) throw aborted();
  }

  private perform(plan: TaskPlan, input: JsonValue): Promise<JsonValue> {
    switch (plan.kind) {
      case 'wait':
        return this.runWait(plan, input as unknown as WaitInput);
      case 'callback':
        return this.runCallback(plan, input as unknown as TaskInput);
      case 'lambdaInvoke':
      case 'lambdaFunction':
        return this.runLambda(plan, input as unknown as TaskInput);
      default:
        throw runtimeError(`Resource '${plan.resource}' of state '${plan.name}' is not emulated by the local Step Functions`);
    }
  }

  private async runLambda(plan: TaskPlan, input: TaskInput): Promise<JsonValue> {
    const started = this.now();
    let result: JsonValue;
    if (plan.kind === 'lambdaInvoke') {
      const params = lambdaParameters(input.payload, plan);
      const functionArn = resolveFunctionArn(params.FunctionName, this.machine.arnParts);
      const payload = params.Payload === undefined ? {} : params.Payload;
      if (params.InvocationType === 'Event') {
        this.deps.background(this.invokeDetached(plan, functionArn, payload));
        return { Payload: '', StatusCode: 202 };
      }
      const returned = await this.invoke(plan, functionArn, payload);
      result = { ExecutedVersion: '$LATEST', Payload: returned, StatusCode: 200 };
    } else {
      result = await this.invoke(plan, resolveFunctionArn(plan.resource, this.machine.arnParts), input.payload);
    }
    this.checkTimeout(plan, input, started);
    return result;
  }

  /** The local clock only moves on demand, so a request-response task can only overrun if it was moved meanwhile. */
  private checkTimeout(plan: TaskPlan, input: TaskInput, started: number): void {
    const timeoutSeconds = positiveInteger(input.timeoutSeconds, 'TimeoutSecondsPath') ?? plan.timeoutSeconds;
    if (timeoutSeconds !== undefined && this.now() - started > timeoutSeconds * 1000) throw this.deps.timeoutError();
  }

  private async invoke(plan: TaskPlan, functionArn: string, payload: unknown): Promise<JsonValue> {
    try {
      return toJson(await this.cancellable(this.deps.invokeLambda(functionArn, payload)));
    } catch (error) {
      if (isAbort(error)) throw error;
      const failure = lambdaFailure(error);
      this.deps.log({ level: 'info', msg: 'task.lambda_failed', executionArn: this.executionArn, state: plan.name, functionArn, error: failure.name });
      throw failure;
    }
  }

  private async invokeDetached(plan: TaskPlan, functionArn: string, payload: unknown): Promise<void> {
    try {
      await this.deps.invokeLambda(functionArn, payload);
    } catch (error) {
      this.deps.log({ level: 'warn', msg: 'task.async_lambda_failed', executionArn: this.executionArn, state: plan.name, functionArn, error: (error as Error)?.name });
    }
  }

  private async runCallback(plan: TaskPlan, input: TaskInput): Promise<JsonValue> {
    const resumed = this.takeResume(plan, 'token');
    let waiter: TokenWaiter | undefined;
    let dueItem: DueItem | undefined;
    try {
      if (resumed) {
        // Same token as before the restart: the Lambda already has it, so it is not invoked again.
        waiter = this.deps.waiters.register(resumed.tokenHash);
        const record = await this.deps.store.getToken(resumed.tokenHash);
        if (!record) throw runtimeError(`The task token of state '${plan.name}' was lost`);
        Object.assign(waiter, { deadline: record.deadline, heartbeatSeconds: record.heartbeatSeconds, heartbeatDeadline: record.heartbeatDeadline });
        if (record.outcome && !waiter.outcome.settled) waiter.outcome.resolve(record.outcome);
        dueItem = this.deps.due.add(this.tokenExpiry(waiter));
        this.deps.log({ level: 'info', msg: 'task.resumed', executionArn: this.executionArn, state: plan.name, task: tokenRef(waiter.hash) });
      } else {
        const params = lambdaParameters(input.payload, plan);
        const now = this.now();
        const timeoutSeconds = positiveInteger(input.timeoutSeconds, 'TimeoutSecondsPath') ?? plan.timeoutSeconds;
        const heartbeatSeconds = positiveInteger(input.heartbeatSeconds, 'HeartbeatSecondsPath') ?? plan.heartbeatSeconds;
        const token = mintToken();
        waiter = this.deps.waiters.register(hashToken(token), {
          deadline: timeoutSeconds !== undefined ? now + timeoutSeconds * 1000 : undefined,
          heartbeatSeconds,
          heartbeatDeadline: heartbeatSeconds !== undefined ? now + heartbeatSeconds * 1000 : undefined,
        });
        const record: TokenRecord = {
          hash: waiter.hash,
          executionArn: this.executionArn,
          state: plan.name,
          seq: this.top?.seq ?? 0,
          topLevel: plan.topLevel,
          deadline: waiter.deadline,
          heartbeatSeconds,
          heartbeatDeadline: waiter.heartbeatDeadline,
        };
        if (plan.topLevel) {
          const suspension: Suspension = { kind: 'token', state: plan.name, seq: record.seq, tokenHash: waiter.hash };
          if (!(await this.serial(() => this.deps.store.setSuspension(this.executionArn, suspension, record)))) throw aborted();
        } else {
          await this.deps.store.putToken(record);
        }
        dueItem = this.deps.due.add(this.tokenExpiry(waiter));
        const functionArn = resolveFunctionArn(params.FunctionName, this.machine.arnParts);
        const payload = substitutePlaceholder(params.Payload === undefined ? {} : params.Payload, token);
        this.deps.log({ level: 'info', msg: 'task.submitted', executionArn: this.executionArn, state: plan.name, functionArn, task: tokenRef(waiter.hash) });
        if (params.InvocationType === 'Event') {
          this.deps.background(this.invokeDetached(plan, functionArn, payload));
        } else {
          try {
            await this.cancellable(this.deps.invokeLambda(functionArn, payload));
          } catch (error) {
            if (isAbort(error)) throw error;
            // Whichever comes first wins: a callback sent before the failure, or the failure.
            const failure = lambdaFailure(error);
            await this.deps.settleToken(waiter.hash, { kind: 'failure', error: failure.name, cause: failure.message });
          }
        }
      }
      const outcome = await this.suspend(waiter.outcome.promise);
      return this.deliver(outcome);
    } finally {
      this.deps.due.delete(dueItem);
      if (waiter) this.deps.waiters.delete(waiter);
    }
  }

  private tokenExpiry(waiter: TokenWaiter): DueItem {
    return {
      dueAt: () => {
        const instants = [waiter.deadline, waiter.heartbeatDeadline].filter((at): at is number => at !== undefined);
        return instants.length > 0 ? Math.min(...instants) : undefined;
      },
      fire: async () => {
        const now = this.now();
        const reason = waiter.deadline !== undefined && waiter.deadline <= now ? 'timeout' : 'heartbeat';
        await this.deps.settleToken(waiter.hash, { kind: 'timeout', reason });
      },
    };
  }

  private deliver(outcome: TokenOutcome): JsonValue {
    switch (outcome.kind) {
      case 'success':
        return JSON.parse(outcome.output) as JsonValue;
      case 'failure':
        throw taskFailure(outcome.error ?? '', outcome.cause);
      default:
        throw this.deps.timeoutError();
    }
  }

  private async runWait(plan: TaskPlan, input: WaitInput): Promise<JsonValue> {
    const resumed = this.takeResume(plan, 'wait');
    let until: number;
    if (resumed) {
      until = resumed.until;
    } else {
      const now = this.now();
      until = this.waitTarget(plan, input, now);
      if (until <= now) return input.input as JsonValue;
      if (plan.topLevel) {
        const suspension: Suspension = { kind: 'wait', state: plan.name, seq: this.top?.seq ?? 0, until };
        if (!(await this.serial(() => this.deps.store.setSuspension(this.executionArn, suspension)))) throw aborted();
      }
    }
    const reached = deferred<void>();
    const item = this.deps.due.add({ dueAt: () => until, fire: () => reached.resolve() });
    try {
      await this.suspend(reached.promise);
    } finally {
      this.deps.due.delete(item);
    }
    return input.input as JsonValue;
  }

  private waitTarget(plan: TaskPlan, input: WaitInput, now: number): number {
    const seconds = plan.waitSeconds ?? input.seconds;
    if (seconds !== undefined) {
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
        throw runtimeError(`The seconds of Wait state '${plan.name}' must be a non-negative integer`);
      }
      return now + seconds * 1000;
    }
    const timestamp = plan.waitTimestamp ?? input.timestamp;
    if (typeof timestamp !== 'string' || !RFC3339.test(timestamp)) {
      throw runtimeError(`The timestamp of Wait state '${plan.name}' must be an RFC 3339 timestamp`);
    }
    return Date.parse(timestamp);
  }

  /** The persisted suspension to reuse, only for the very first step of a resumed run. */
  private takeResume<K extends Suspension['kind']>(plan: TaskPlan, kind: K): Extract<Suspension, { kind: K }> | undefined {
    const resume = this.resume;
    if (!resume || resume.used || !plan.topLevel || resume.state !== plan.name || this.top?.seq !== resume.seq) return undefined;
    resume.used = true;
    const suspension = resume.suspension;
    if (!suspension || suspension.kind !== kind || suspension.state !== plan.name || suspension.seq !== resume.seq) return undefined;
    return suspension as Extract<Suspension, { kind: K }>;
  }

  /** Sleeps the retry interval scaled by retryScale, before the engine sees the error and retries at once. */
  private async delayBeforeRetry(plan: TaskPlan, error: unknown): Promise<void> {
    if (plan.retry.length === 0) return;
    if ((error as { isRetryable?: boolean })?.isRetryable === false) return;
    const name = (error as Error | undefined)?.name ?? '';
    const attempts = this.retryAttempts.get(plan.name) ?? plan.retry.map(() => 0);
    this.retryAttempts.set(plan.name, attempts);
    for (const [index, retrier] of plan.retry.entries()) {
      const matches = retrier.ErrorEquals.some(
        (equals) => equals === name || equals === 'States.ALL' || (equals === 'States.TaskFailed' && name !== 'States.Timeout'),
      );
      if (!matches) continue;
      const attempt = attempts[index] ?? 0;
      if (attempt >= (retrier.MaxAttempts ?? 3)) return;
      attempts[index] = attempt + 1;
      const seconds = Math.min((retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** attempt, retrier.MaxDelaySeconds ?? Infinity);
      if (this.deps.retryScale > 0) await this.cancellable(sleep(seconds * 1000 * this.deps.retryScale));
      return;
    }
  }

  // ---- plumbing ----

  private async suspend<T>(promise: Promise<T>): Promise<T> {
    this.active -= 1;
    this.suspended += 1;
    this.deps.signal.notify();
    try {
      return await this.cancellable(promise);
    } finally {
      this.suspended -= 1;
      this.active += 1;
      this.deps.signal.notify();
    }
  }

  private cancellable<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.cancelled.promise]);
  }

  /** This execution's writes happen in order, so event ids and the final status never interleave. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.writes.then(work, work);
    this.writes = next.catch(() => {});
    return next;
  }

  private now(): number {
    return this.deps.clock.now().getTime();
  }
}

function lambdaParameters(payload: unknown, plan: TaskPlan): { FunctionName: string; Payload?: unknown; InvocationType?: unknown } {
  const params = payload as { FunctionName?: unknown; Payload?: unknown; InvocationType?: unknown } | null;
  if (!params || typeof params !== 'object' || typeof params.FunctionName !== 'string') {
    throw runtimeError(`State '${plan.name}' needs Parameters.FunctionName`);
  }
  return params as { FunctionName: string; Payload?: unknown; InvocationType?: unknown };
}

function describeFailure(error: unknown): { error?: string; cause?: string } {
  const cause = error instanceof ExecutionError ? (error.cause as Error | undefined) : (error as Error | undefined);
  if (!cause) return { error: 'States.Runtime' };
  // A Fail state without Error/Cause: the engine fills in placeholders AWS does not have.
  if (cause.name === 'FailStateError' && cause.message === 'Execution failed because of a Fail state') return {};
  return { error: redactTokens(cause.name) || undefined, cause: redactTokens(cause.message) || undefined };
}

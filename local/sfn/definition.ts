import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { isFunctionArn, parseStateMachineArn, type StateMachineArnParts } from './arns';

/**
 * Turns the ASL that CDK synthesizes into the definition handed to `aws-local-stepfunctions`.
 * The engine runs the control flow (Choice, Pass, Parallel, Map, Retry/Catch, paths); every Task and
 * Wait becomes a Task whose work our override performs, because the engine would otherwise sleep and
 * time out on real timers (and `setTimeout` overflows past ~24.8 days).
 */

/** The largest delay `setTimeout` accepts; real limits are enforced on the local clock instead. */
export const ENGINE_TASK_TIMEOUT_SECONDS = 2_147_483;
const WAIT_RESOURCE = 'arn:aws:states:::local:wait';

export type TaskKind = 'callback' | 'lambdaInvoke' | 'lambdaFunction' | 'dynamodb' | 'wait' | 'unsupported';

export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
}

export interface TaskPlan {
  name: string;
  kind: TaskKind;
  /** Directly in the machine's `States`, not inside a Parallel branch or Map iteration. */
  topLevel: boolean;
  resource: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  waitSeconds?: number;
  waitTimestamp?: string;
  retry: Retrier[];
}

/** What a Task override receives: the state's own Parameters result plus values read from paths. */
export interface TaskInput {
  payload: unknown;
  timeoutSeconds?: unknown;
  heartbeatSeconds?: unknown;
}

/** What a rewritten Wait override receives: the effective input plus the path-based duration, if any. */
export interface WaitInput {
  input: unknown;
  seconds?: unknown;
  timestamp?: unknown;
}

export interface PreparedMachine {
  arn: string;
  name: string;
  arnParts: StateMachineArnParts;
  engineDefinition: StateMachineDefinition;
  topLevelStates: Set<string>;
  /** The original `Type` of every state, at any depth (history events name Wait states as such). */
  stateTypes: Map<string, string>;
  tasks: Map<string, TaskPlan>;
  /** `$$.State` of state X reads `$$.LocalStates.<key of X>` (the engine has no `$$.State`). */
  stateKeys: Map<string, string>;
  /** States with a Retry field; the engine's own retry delay is zeroed for them (see engine.ts). */
  retryStates: string[];
  timeoutSeconds?: number;
}

type Json = Record<string, unknown>;

export function prepareMachine(machine: { arn: string; name: string; definition: Record<string, unknown> }): PreparedMachine {
  const arnParts = parseStateMachineArn(machine.arn);
  if (!arnParts) throw new Error(`Local Step Functions: '${machine.arn}' is not a state machine ARN`);
  if (machine.definition.QueryLanguage === 'JSONata') {
    throw new Error(`Local Step Functions: ${machine.name} uses JSONata, which the local engine does not run`);
  }
  // Validate the ASL as written (ARNs of the local stack are not real, paths are checked at run time).
  new StateMachine(machine.definition as unknown as StateMachineDefinition, {
    validationOptions: { checkArn: false, checkPaths: false },
  });

  const rewritten = rewriteContextPaths(machine.definition) as Json;
  const prepared: PreparedMachine = {
    arn: machine.arn,
    name: machine.name,
    arnParts,
    engineDefinition: undefined as unknown as StateMachineDefinition,
    topLevelStates: new Set(Object.keys((rewritten.States as Json) ?? {})),
    stateTypes: new Map(),
    tasks: new Map(),
    stateKeys: new Map(),
    retryStates: [],
    timeoutSeconds: typeof rewritten.TimeoutSeconds === 'number' ? rewritten.TimeoutSeconds : undefined,
  };
  const { TimeoutSeconds: _executionTimeout, ...rest } = rewritten;
  prepared.engineDefinition = rewriteMachine(rest, true, prepared) as unknown as StateMachineDefinition;
  return prepared;
}

/**
 * A copy that starts at `startAt`. Resuming only works from top-level states: a Parallel or Map is
 * re-entered as a whole, and whatever its branches had done is done again.
 */
export function resumeDefinition(prepared: PreparedMachine, startAt: string): StateMachineDefinition {
  return { ...prepared.engineDefinition, StartAt: startAt };
}

function rewriteMachine(machine: Json, topLevel: boolean, prepared: PreparedMachine): Json {
  const states = (machine.States ?? {}) as Record<string, Json>;
  const out: Record<string, Json> = {};
  for (const [name, state] of Object.entries(states)) {
    if (prepared.stateTypes.has(name)) {
      // The engine's overrides are keyed by state name, as are our checkpoints.
      throw new Error(`Local Step Functions: state name '${name}' is used twice in ${prepared.name}`);
    }
    if (state.QueryLanguage === 'JSONata') {
      throw new Error(`Local Step Functions: state '${name}' of ${prepared.name} uses JSONata, which the local engine does not run`);
    }
    prepared.stateTypes.set(name, String(state.Type));
    const key = `s${prepared.stateKeys.size}`;
    prepared.stateKeys.set(name, key);
    if (Array.isArray(state.Retry) && state.Retry.length > 0) prepared.retryStates.push(name);
    out[name] = rewriteState(name, withStateContext(state, key), topLevel, prepared);
  }
  return { ...machine, States: out };
}

function rewriteState(name: string, state: Json, topLevel: boolean, prepared: PreparedMachine): Json {
  switch (state.Type) {
    case 'Task': {
      const { TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, HeartbeatSecondsPath, Parameters, ...rest } = state;
      const resource = String(state.Resource);
      prepared.tasks.set(name, {
        name,
        kind: taskKind(resource),
        topLevel,
        resource,
        timeoutSeconds: typeof TimeoutSeconds === 'number' ? TimeoutSeconds : undefined,
        heartbeatSeconds: typeof HeartbeatSeconds === 'number' ? HeartbeatSeconds : undefined,
        retry: retriers(state),
      });
      const parameters: Json = Parameters === undefined ? { 'payload.$': '$' } : { payload: Parameters };
      if (typeof TimeoutSecondsPath === 'string') parameters['timeoutSeconds.$'] = TimeoutSecondsPath;
      if (typeof HeartbeatSecondsPath === 'string') parameters['heartbeatSeconds.$'] = HeartbeatSecondsPath;
      return { ...rest, Parameters: parameters, TimeoutSeconds: ENGINE_TASK_TIMEOUT_SECONDS };
    }
    case 'Wait': {
      const { Seconds, Timestamp, SecondsPath, TimestampPath, ...rest } = state;
      prepared.tasks.set(name, {
        name,
        kind: 'wait',
        topLevel,
        resource: WAIT_RESOURCE,
        waitSeconds: typeof Seconds === 'number' ? Seconds : undefined,
        waitTimestamp: typeof Timestamp === 'string' ? Timestamp : undefined,
        retry: [],
      });
      const parameters: Json = { 'input.$': '$' };
      if (typeof SecondsPath === 'string') parameters['seconds.$'] = SecondsPath;
      if (typeof TimestampPath === 'string') parameters['timestamp.$'] = TimestampPath;
      return { ...rest, Type: 'Task', Resource: WAIT_RESOURCE, Parameters: parameters, TimeoutSeconds: ENGINE_TASK_TIMEOUT_SECONDS };
    }
    case 'Parallel':
      return { ...state, Branches: (state.Branches as Json[]).map((branch) => rewriteMachine(branch, false, prepared)) };
    case 'Map': {
      const out = { ...state };
      if (state.ItemProcessor) out.ItemProcessor = rewriteMachine(state.ItemProcessor as Json, false, prepared);
      if (state.Iterator) out.Iterator = rewriteMachine(state.Iterator as Json, false, prepared);
      return out;
    }
    default:
      return state;
  }
}

function taskKind(resource: string): TaskKind {
  if (/^arn:[a-z-]+:states:::lambda:invoke$/.test(resource)) return 'lambdaInvoke';
  if (/^arn:[a-z-]+:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) return 'callback';
  if (isFunctionArn(resource)) return 'lambdaFunction';
  if (/^arn:[a-z-]+:states:::dynamodb:(getItem|putItem|updateItem|deleteItem)$/.test(resource)) return 'dynamodb';
  return 'unsupported';
}

function retriers(state: Json): Retrier[] {
  return Array.isArray(state.Retry) ? (state.Retry as Retrier[]) : [];
}

const NESTED_MACHINES = new Set(['Branches', 'ItemProcessor', 'Iterator']);

/** Points this state's own `$$.State` paths (not those of its branches) at its entry in `$$.LocalStates`. */
function withStateContext(state: Json, key: string): Json {
  return Object.fromEntries(
    Object.entries(state).map(([field, value]) => [
      field,
      NESTED_MACHINES.has(field) ? value : replaceInPaths(value, field, /\$\$\.State\b/g, `$$$$.LocalStates.${key}`),
    ]),
  );
}

/**
 * The engine builds `$$.Execution` itself, with the input it was started with (a checkpoint's input
 * when resuming) and the real start time; ours lives under `$$.LocalExecution` instead.
 */
function rewriteContextPaths(definition: unknown): unknown {
  return replaceInPaths(definition, '', /\$\$\.Execution\b/g, '$$$$.LocalExecution');
}

/** Replaces `pattern` in every string that is a path or intrinsic (`x.$`, `*Path`, `Variable`). */
function replaceInPaths(value: unknown, key: string, pattern: RegExp, replacement: string): unknown {
  if (typeof value === 'string') {
    const isPath = key.endsWith('.$') || key.endsWith('Path') || key === 'Variable';
    return isPath ? value.replace(pattern, replacement) : value;
  }
  if (Array.isArray(value)) return value.map((item) => replaceInPaths(item, key, pattern, replacement));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, item]) => [k, replaceInPaths(item, k, pattern, replacement)]));
  }
  return value;
}

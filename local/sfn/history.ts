import type { TaskPlan } from './definition';
import { redactTokens } from './tokens';

/**
 * Execution history in the shape of GetExecutionHistory. It follows AWS's event types closely enough
 * to count events and debug a run; `previousEventId` is simply the preceding event.
 */
export interface HistoryEntry {
  type: string;
  detailsKey?: string;
  details?: Record<string, unknown>;
}

export interface StoredEvent extends HistoryEntry {
  id: number;
  /** Milliseconds since the epoch, on the local clock. */
  timestamp: number;
}

/** The subset of the engine's event log we translate. */
export interface EngineEvent {
  type: string;
  state?: { name: string; type: string; input?: unknown; output?: unknown };
  parentState?: { name: string };
  index?: number;
  Error?: string;
  Cause?: unknown;
}

export function json(value: unknown): string {
  return redactTokens(JSON.stringify(value ?? null));
}

export function entry(type: string, detailsKey?: string, details?: Record<string, unknown>): HistoryEntry {
  return detailsKey ? { type, detailsKey, details } : { type };
}

function causeText(cause: unknown): string | undefined {
  if (cause === undefined || cause === null) return undefined;
  return redactTokens(typeof cause === 'string' ? cause : JSON.stringify(cause));
}

/** AWS names `arn:aws:states:::lambda:invoke` as resourceType "lambda", resource "invoke". */
function taskResource(plan: TaskPlan): { resourceType: string; resource: string } {
  const match = /^arn:[a-z-]+:states:::([^:]+):(.+)$/.exec(plan.resource);
  return match ? { resourceType: match[1]!, resource: match[2]! } : { resourceType: 'local', resource: plan.resource };
}

function taskStarting(plan: TaskPlan | undefined, input: unknown): HistoryEntry[] {
  if (!plan || plan.kind === 'wait') return [];
  if (plan.kind === 'lambdaFunction') {
    return [
      entry('LambdaFunctionScheduled', 'lambdaFunctionScheduledEventDetails', { resource: plan.resource, input: json(input) }),
      entry('LambdaFunctionStarted'),
    ];
  }
  const resource = taskResource(plan);
  const started = [entry('TaskScheduled', 'taskScheduledEventDetails', { ...resource, region: '' }), entry('TaskStarted', 'taskStartedEventDetails', resource)];
  if (plan.kind === 'callback') started.push(entry('TaskSubmitted', 'taskSubmittedEventDetails', resource));
  return started;
}

/**
 * Translates one engine event. `caught` carries state across events: a caught failure is followed by
 * the engine's StateExited, which must not read as a success.
 */
export function translateEngineEvent(
  event: EngineEvent,
  stateTypes: Map<string, string>,
  tasks: Map<string, TaskPlan>,
  caught: Set<string>,
): HistoryEntry[] {
  const name = event.state?.name ?? event.parentState?.name ?? '';
  const type = stateTypes.get(name) ?? event.state?.type ?? '';
  const plan = tasks.get(name);
  const isTask = type === 'Task';
  switch (event.type) {
    case 'StateEntered': {
      const entered = entry(`${type}StateEntered`, 'stateEnteredEventDetails', { name, input: json(event.state?.input) });
      if (isTask) return [entered, ...taskStarting(plan, event.state?.input)];
      if (type === 'Map' || type === 'Parallel') return [entered, entry(`${type}StateStarted`)];
      return [entered];
    }
    case 'StateRetried':
      return isTask ? taskStarting(plan, event.state?.input) : [];
    case 'StateCaught':
      caught.add(name);
      return [];
    case 'StateExited': {
      if (type === 'Fail') return [];
      const exited = entry(`${type}StateExited`, 'stateExitedEventDetails', { name, output: json(event.state?.output) });
      if (caught.delete(name)) return [exited];
      if (isTask && plan?.kind === 'lambdaFunction') {
        return [entry('LambdaFunctionSucceeded', 'lambdaFunctionSucceededEventDetails', { output: json(event.state?.output) }), exited];
      }
      if (isTask && plan) {
        return [entry('TaskSucceeded', 'taskSucceededEventDetails', { ...taskResource(plan), output: json(event.state?.output) }), exited];
      }
      if (type === 'Map' || type === 'Parallel') return [entry(`${type}StateSucceeded`), exited];
      return [exited];
    }
    case 'StateFailed': {
      const failure = { error: redactTokens(event.Error), cause: causeText(event.Cause) };
      const timedOut = event.Error === 'States.Timeout';
      if (isTask && plan?.kind === 'lambdaFunction') {
        return timedOut
          ? [entry('LambdaFunctionTimedOut', 'lambdaFunctionTimedOutEventDetails', failure)]
          : [entry('LambdaFunctionFailed', 'lambdaFunctionFailedEventDetails', failure)];
      }
      if (isTask && plan) {
        const resource = taskResource(plan);
        return timedOut
          ? [entry('TaskTimedOut', 'taskTimedOutEventDetails', { ...resource, ...failure })]
          : [entry('TaskFailed', 'taskFailedEventDetails', { ...resource, ...failure })];
      }
      if (type === 'Map' || type === 'Parallel') return [entry(`${type}StateFailed`)];
      return [];
    }
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
      return [entry(event.type, `${lowerFirst(event.type)}EventDetails`, { name, index: event.index })];
    case 'MapIterationFailed':
      return [entry(event.type, 'mapIterationFailedEventDetails', { name, index: event.index })];
    default:
      // Execution-level events are written by the service itself; branch and catch events have no AWS counterpart.
      return [];
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const DATA_FIELDS = new Set(['input', 'output', 'parameters']);

/** One event as the JSON protocol returns it (timestamps in epoch seconds). */
export function renderEvent(event: StoredEvent, includeExecutionData: boolean): Record<string, unknown> {
  const rendered: Record<string, unknown> = {
    id: event.id,
    previousEventId: event.id - 1,
    timestamp: event.timestamp / 1000,
    type: event.type,
  };
  if (event.detailsKey && event.details) {
    const details = Object.fromEntries(
      Object.entries(event.details).filter(([key, value]) => value !== undefined && (includeExecutionData || !DATA_FIELDS.has(key))),
    );
    rendered[event.detailsKey] = details;
  }
  return rendered;
}

import { randomBytes } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type middy from '@middy/core';

/**
 * X-Ray for the functions (active tracing is switched on in infra/functions.ts): each invocation gets a
 * `## <handler>` subsegment (annotated `ColdStart` and `Service`), and each AWS SDK call a subsegment under it
 * (service, operation, region, request id, HTTP status, throttle, error or fault), sent as UDP datagrams to
 * the X-Ray daemon that Lambda runs beside the function. Never a response or a request body: they carry
 * document content.
 *
 * Why not the Powertools tracer: it bundles aws-xray-sdk-core, semver and cls-hooked (about 125 KB minified, a
 * fifth of every handler's bundle, and their start-up) for these few segments. The segment document is the
 * one X-Ray specifies (https://docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html).
 *
 * Outside Lambda (tests, the local stack: no daemon address, no trace header) it is off and sends nothing.
 */

interface Segment {
  id: string;
  traceId: string;
}

interface Subsegment {
  id: string;
  name: string;
  start_time: number;
  end_time: number;
  trace_id: string;
  parent_id: string;
  type: 'subsegment';
  namespace?: 'aws';
  annotations?: Record<string, string | number | boolean>;
  aws?: { operation: string; region?: string; request_id?: string; retries?: number };
  http?: { response: { status: number } };
  error?: boolean;
  throttle?: boolean;
  fault?: boolean;
  cause?: { exceptions: Array<{ id: string; type: string; message?: string; remote?: boolean }> };
}

const HEADER = '{"format":"json","version":1}\n';
const newId = () => randomBytes(8).toString('hex');
const now = () => Date.now() / 1000;

/** `Root=1-…;Parent=…;Sampled=1` → its fields; undefined without a header. */
export function parseTraceHeader(header: string | undefined): { root: string; parent?: string; sampled: boolean } | undefined {
  if (!header) return undefined;
  const fields = Object.fromEntries(header.split(';').map((field) => field.split('=') as [string, string]));
  return fields.Root ? { root: fields.Root, parent: fields.Parent, sampled: fields.Sampled === '1' } : undefined;
}

/** `169.254.79.129:2000`, or `tcp:…:2000 udp:…:2000`: the UDP address of the daemon. */
export function parseDaemonAddress(value: string | undefined): { host: string; port: number } | undefined {
  if (!value) return undefined;
  const udp = value.split(/\s+/).find((part) => part.startsWith('udp:')) ?? value.split(/\s+/).find((part) => !part.startsWith('tcp:'));
  const match = udp && /^(?:udp:)?([^:]+):(\d+)$/.exec(udp);
  return match ? { host: match[1]!, port: Number(match[2]) } : undefined;
}

type Send = (datagram: string) => void;

export class Tracer {
  /** The open handler subsegment: an execution environment runs one invocation at a time (no managed-instance concurrency here). */
  private current: Segment | undefined;
  private readonly daemon: { host: string; port: number } | undefined;
  private readonly send: Send;
  private coldStart = true;
  private socket: Socket | undefined;

  constructor(
    private readonly options: { serviceName: string; env?: NodeJS.ProcessEnv; send?: Send } = { serviceName: 'arshjul' },
  ) {
    const env = options.env ?? process.env;
    this.daemon = env.POWERTOOLS_TRACE_ENABLED === 'false' ? undefined : parseDaemonAddress(env.AWS_XRAY_DAEMON_ADDRESS);
    this.send = options.send ?? ((datagram) => this.toDaemon(datagram));
  }

  /** Whether segments are sent at all: only where Lambda runs an X-Ray daemon. */
  isTracingEnabled(): boolean {
    return this.daemon !== undefined;
  }

  /** The invocation's trace: from the runtime's invoke store (concurrent invocations) or `_X_AMZN_TRACE_ID`. */
  private traceHeader(): string | undefined {
    const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId?: () => string | undefined } } }).awslambda?.InvokeStore;
    return store?.getXRayTraceId?.() ?? (this.options.env ?? process.env)._X_AMZN_TRACE_ID;
  }

  /** The middy middleware: one `## <handler>` subsegment per sampled invocation, the SDK calls' parent. */
  middleware(): middy.MiddlewareObj {
    const open = new WeakMap<object, Subsegment>();
    const close = (request: middy.Request, error?: unknown) => {
      const subsegment = open.get(request);
      if (!subsegment) return;
      open.delete(request);
      if (this.current?.id === subsegment.id) this.current = undefined;
      subsegment.end_time = now();
      if (error) {
        subsegment.fault = true;
        subsegment.cause = { exceptions: [{ id: newId(), type: (error as Error)?.name ?? 'Error', message: (error as Error)?.message }] };
      }
      this.send(HEADER + JSON.stringify(subsegment));
    };
    return {
      before: (request) => {
        const coldStart = this.coldStart;
        this.coldStart = false;
        const trace = this.isTracingEnabled() ? parseTraceHeader(this.traceHeader()) : undefined;
        if (!trace?.sampled || !trace.parent) return;
        const subsegment: Subsegment = {
          id: newId(),
          name: `## ${process.env._HANDLER ?? 'handler'}`,
          start_time: now(),
          end_time: 0,
          trace_id: trace.root,
          parent_id: trace.parent,
          type: 'subsegment',
          annotations: { ColdStart: coldStart, Service: this.options.serviceName },
        };
        open.set(request, subsegment);
        this.current = { id: subsegment.id, traceId: trace.root };
      },
      after: (request) => close(request),
      onError: (request) => close(request, request.error),
    };
  }

  /**
   * Adds a subsegment for each call the client sends, under the invocation's; returns the client.
   * `traceAwsCalls(new DynamoDBClient({}))`.
   */
  traceAwsCalls<C extends { middlewareStack: { add: (...args: never[]) => void } }>(client: C): C {
    if (!this.isTracingEnabled()) return client;
    const stack = client.middlewareStack as unknown as {
      add: (middleware: (next: (args: unknown) => Promise<{ output: Metadata }>, context: Context) => (args: unknown) => Promise<unknown>, options: object) => void;
    };
    stack.add(
      (next, context) => async (args) => {
        const parent = this.current;
        if (!parent) return next(args);
        const started = now();
        try {
          const result = await next(args);
          this.sendCall(parent, context, started, result.output?.$metadata);
          return result;
        } catch (error) {
          this.sendCall(parent, context, started, (error as { $metadata?: Metadata['$metadata'] }).$metadata, error as Error);
          throw error;
        }
      },
      { step: 'initialize', name: 'arshjulXRay', override: true },
    );
    return client;
  }

  private sendCall(parent: Segment, context: Context, started: number, metadata: Metadata['$metadata'] | undefined, error?: Error): void {
    const status = metadata?.httpStatusCode;
    const subsegment: Subsegment = {
      id: newId(),
      name: (context.clientName ?? 'AWS').replace(/Client$/, ''),
      start_time: started,
      end_time: now(),
      trace_id: parent.traceId,
      parent_id: parent.id,
      type: 'subsegment',
      namespace: 'aws',
      aws: { operation: (context.commandName ?? 'Unknown').replace(/Command$/, ''), region: process.env.AWS_REGION, request_id: metadata?.requestId, retries: metadata?.attempts ? metadata.attempts - 1 : 0 },
      ...(status ? { http: { response: { status } } } : {}),
    };
    if (error) {
      if (status === 429 || /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded|TooManyRequests/.test(error.name)) subsegment.throttle = true;
      if (status !== undefined && status < 500) subsegment.error = true;
      else subsegment.fault = true;
      subsegment.cause = { exceptions: [{ id: newId(), type: error.name, message: error.message, remote: true }] };
    }
    this.send(HEADER + JSON.stringify(subsegment));
  }

  private toDaemon(datagram: string): void {
    if (!this.daemon) return;
    if (!this.socket) {
      this.socket = createSocket('udp4');
      this.socket.unref();
    }
    // Fire and forget, like the X-Ray SDK: a lost segment must never fail or slow the invocation.
    this.socket.send(datagram, this.daemon.port, this.daemon.host, () => undefined);
  }
}

interface Metadata {
  $metadata: { httpStatusCode?: number; requestId?: string; attempts?: number };
}

interface Context {
  clientName?: string;
  commandName?: string;
}

export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'arshjul' });

/** The shared tracer's SDK instrumentation, for the composition root. */
export const traceAwsCalls = <C extends { middlewareStack: { add: (...args: never[]) => void } }>(client: C): C => tracer.traceAwsCalls(client);

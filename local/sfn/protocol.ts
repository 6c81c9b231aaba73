import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The AWS JSON 1.0 protocol as `@aws-sdk/client-sfn` speaks it: POST / with
 * `X-Amz-Target: AWSStepFunctions.<Operation>`, JSON in and out, timestamps as epoch seconds.
 * Errors carry `__type` (and `x-amzn-ErrorType`), from which the SDK picks the modeled exception class.
 */

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const TARGET_PREFIX = 'AWSStepFunctions.';

/** An error the API answers with; `code` is the SDK's exception name (TaskDoesNotExist, InvalidArn, ...). */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export type Operation = (input: Record<string, unknown>) => Promise<Record<string, unknown>>;

export interface ProtocolServer {
  endpoint: string;
  close(): Promise<void>;
}

export async function startProtocolServer(options: {
  port?: number;
  operations: Record<string, Operation>;
  log: (entry: Record<string, unknown>) => void;
}): Promise<ProtocolServer> {
  const server = createServer((request, response) => {
    void handle(request, response, options.operations, options.log);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  operations: Record<string, Operation>,
  log: (entry: Record<string, unknown>) => void,
): Promise<void> {
  const requestId = randomUUID();
  const target = String(request.headers['x-amz-target'] ?? '');
  const operationName = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  try {
    if (request.method !== 'POST') throw new SfnApiError('UnknownOperationException', 'Only POST is supported');
    const operation = operations[operationName];
    if (!operation) throw new SfnApiError('UnknownOperationException', `Unknown operation ${target || '(no X-Amz-Target)'}`);
    const body = await readBody(request);
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      throw new SfnApiError('SerializationException', 'The request body is not valid JSON');
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw new SfnApiError('SerializationException', 'Expected a JSON object');
    const output = await operation(input as Record<string, unknown>);
    send(response, 200, requestId, output);
  } catch (error) {
    if (error instanceof SfnApiError) {
      log({ level: 'info', component: 'local-sfn', msg: 'api.error', operation: operationName, code: error.code });
      send(response, error.status, requestId, { __type: `com.amazonaws.sfn#${error.code}`, message: error.message }, error.code);
      return;
    }
    log({ level: 'error', component: 'local-sfn', msg: 'api.internal_error', operation: operationName, error: String((error as Error)?.message ?? error) });
    send(response, 500, requestId, { __type: 'com.amazonaws.sfn#InternalFailure', message: 'Internal failure in the local Step Functions' }, 'InternalFailure');
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, requestId: string, body: unknown, errorType?: string): void {
  const payload = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  };
  if (errorType) headers['x-amzn-errortype'] = errorType;
  response.writeHead(status, headers);
  response.end(payload);
}

/** Epoch seconds, the JSON protocol's timestamp format. */
export function epochSeconds(ms: number | undefined): number | undefined {
  return ms === undefined ? undefined : ms / 1000;
}

export function requireString(input: Record<string, unknown>, field: string): string {
  const value = input[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new SfnApiError('ValidationException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalString(input: Record<string, unknown>, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SfnApiError('ValidationException', `'${field}' must be a string`);
  return value;
}

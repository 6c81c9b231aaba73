import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ZodType, z } from 'zod';
import type { Actor } from '../domain/actor';
import { BadRequest, PayloadTooLarge, Unauthorized, ValidationFailed, type FieldError } from '../domain/errors';
import { logger } from '../observability/logger';
import { decide, type AncestorsOf, type TargetResolver } from './authority';
import { observed } from '../observability/middleware';
import { contentEtag, noneMatchNames, publicCacheControl } from './caching';
import { actorFromClaims } from './identity';
import type { IdempotencyStore } from '../ports/idempotencyStore';
import { rememberAnswer } from './idempotency';
import { requireAcceptable, requireJsonBody } from './mediaTypes';
import { problemFor, problemResponse } from './problem';
import type { HttpResult } from './result';
import type { RouteSpec } from './route';

export type { HttpResult } from './result';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

/** Larger bodies are refused before parsing: no document needs more. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Deeper JSON is refused after parsing: the deepest body (council goals) nests 9 levels, and unknown fields
 * kept by loose schemas (Kolada's payload) must not reach JSON.stringify 100 000 levels deep (a stack overflow).
 */
export const MAX_BODY_DEPTH = 32;

type Parsed<T> = T extends ZodType ? z.output<T> : undefined;

export interface ApiRequest<S extends RouteSpec> {
  params: Parsed<S['params']>;
  query: Parsed<S['query']>;
  headers: Parsed<S['headers']>;
  body: Parsed<S['body']>;
  /** Present on every `jwt` route; on public routes only when a token was sent. */
  actor: S['auth'] extends 'jwt' ? Actor : Actor | undefined;
  correlationId: string;
}

export interface HandlerOptions {
  /** Where the target of the route's action comes from; the board in the path unless said otherwise. */
  target?: TargetResolver;
  /** Reads the boards above the target board, for grants that reach units below the caller's boards. */
  ancestors?: AncestorsOf;
  /** The store of remembered answers; required when the route's idempotency is `remembered`. */
  answers?: IdempotencyStore;
}

const bodyMethods = new Set(['put', 'post', 'patch']);

/**
 * Wraps a use case call as a Lambda handler for one route: decide who may call, check the media types,
 * parse and validate every input with the route's zod schemas, call, and map the result (ETag and media
 * type from the route, or the error as problem+json) to HTTP. `run` only maps the request to a use case.
 */
export function httpHandler<S extends RouteSpec>(spec: S, run: (request: ApiRequest<S>) => Promise<HttpResult>, options: HandlerOptions = {}) {
  const answers = options.answers;
  if (spec.idempotency === 'remembered' && !answers) throw new Error(`${spec.operationId} remembers answers: pass httpHandler its answer store`);
  const produces = spec.produces ?? 'application/json';

  const core = async (event: ApiEvent): Promise<ApiResult> => {
    const correlationId = correlationIdOf(event);
    const actor = actorFromClaims(event.requestContext?.authorizer?.jwt?.claims as Record<string, unknown> | undefined);
    if (spec.auth === 'jwt' && !actor) {
      throw new Unauthorized('Sign in first: send a valid token as `Authorization: Bearer <token>`.');
    }
    const params = parseInput(spec.params, event.pathParameters ?? {}, 'path', BadRequest);
    // Who may call is settled before the body is read: a caller without the right gets 403, not field details.
    await decide(spec, actor, params, options.target, options.ancestors);
    const headers = lowerCaseKeys(event.headers ?? {});
    requireAcceptable(headers.accept, produces);
    const bodySchema = spec.bodyFor ? spec.bodyFor(params as never) : spec.body;
    if (bodyMethods.has(spec.method) && (bodySchema || hasBody(event))) requireJsonBody(headers['content-type']);
    const request = {
      params,
      query: parseInput(spec.query, event.queryStringParameters ?? {}, 'query', BadRequest),
      headers: parseInput(spec.headers, headers, 'header', BadRequest),
      body: bodySchema ? parseInput(bodySchema, readJson(event), 'body', ValidationFailed) : undefined,
      actor,
      correlationId,
    } as ApiRequest<S>;
    const call = () => run(request);
    const result =
      spec.idempotency === 'remembered'
        ? await rememberAnswer(
            answers!,
            { operation: spec.operationId, actor, key: (request.headers as { 'idempotency-key'?: string } | undefined)?.['idempotency-key'], params, body: request.body },
            call,
          )
        : await call();
    return toResponse(spec, result, correlationId, headers['if-none-match']);
  };

  return middy<ApiEvent, ApiResult>()
    .use(observed())
    .before((request) => {
      const correlationId = correlationIdOf(request.event);
      logger.resetKeys?.();
      logger.appendKeys({ correlationId, route: `${spec.method.toUpperCase()} ${spec.path}` });
    })
    .onError((request) => {
      const error = request.error;
      const { problem, headers } = problemFor(error);
      if (problem.status >= 500) logger.error('request failed', { error: error as Error, status: problem.status });
      else logger.info('request refused', { status: problem.status, title: problem.title });
      request.response = problemResponse(problem, { ...headers, 'x-correlation-id': correlationIdOf(request.event) });
    })
    .handler(core);
}

/** The same handler shape, for Lambda invocations with a plain context (local stack, tests). */
export type ApiHandler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

function correlationIdOf(event: ApiEvent): string {
  const header = event.headers?.['x-correlation-id'];
  if (header && /^[A-Za-z0-9._-]{1,100}$/.test(header)) return header;
  return event.requestContext?.requestId ?? 'unknown';
}

function hasBody(event: ApiEvent): boolean {
  return event.body !== undefined && event.body !== null && event.body !== '';
}

function readJson(event: ApiEvent): unknown {
  const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
    throw new PayloadTooLarge(`The body is larger than ${MAX_BODY_BYTES / 1024} KB. Split the content or shorten long texts.`);
  }
  if (raw.trim() === '') throw new BadRequest('The request needs a JSON body.');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new BadRequest('The body is not valid JSON. Check quotes, commas and brackets.');
  }
  if (nestedDeeperThan(value, MAX_BODY_DEPTH)) {
    throw new ValidationFailed(`The body nests objects and arrays more than ${MAX_BODY_DEPTH} levels deep; no field of this API needs that.`, [
      { path: 'body', message: `nested more than ${MAX_BODY_DEPTH} levels deep` },
    ]);
  }
  return value;
}

/** Whether JSON `value` nests arrays/objects deeper than `limit`; iterative, so any depth is safe to measure. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

function parseInput(
  schema: ZodType | undefined,
  value: unknown,
  where: string,
  ErrorType: typeof BadRequest | typeof ValidationFailed,
): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  throw new ErrorType(`Some ${where === 'body' ? 'fields' : where + ' values'} are not valid: correct each one listed in errors.`, errors);
}

function lowerCaseKeys(headers: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) out[key.toLowerCase()] = value;
  return out;
}

/**
 * The one response mapping: the ETag from the body's version when the route says so, the media type from the
 * route; on a publicly cached route, Cache-Control and a strong ETag of the bytes, and 304 without a body when
 * `If-None-Match` names it.
 */
function toResponse(spec: RouteSpec, result: HttpResult, correlationId: string, ifNoneMatch?: string): ApiResult {
  const headers: Record<string, string> = { 'x-correlation-id': correlationId, ...etagOf(spec, result), ...result.headers };
  if (result.bytes !== undefined) {
    // A binary answer goes base64 with isBase64Encoded: API Gateway's HTTP API (payload 2.0) decodes it, and so does the local server.
    const body = Buffer.from(result.bytes).toString('base64');
    return { statusCode: result.status, headers: { 'content-type': spec.produces ?? 'application/octet-stream', ...headers }, body, isBase64Encoded: true };
  }
  if (result.text === undefined && result.body === undefined) return { statusCode: result.status, headers };
  const [contentType, body] =
    result.text !== undefined
      ? [`${spec.produces ?? 'text/plain'}; charset=utf-8`, result.text]
      : ['application/json; charset=utf-8', JSON.stringify(result.body)];
  if (spec.cache === 'public' && result.status === 200) {
    const cached = { ...headers, 'cache-control': publicCacheControl, etag: contentEtag(body) };
    if (noneMatchNames(ifNoneMatch, cached.etag)) return { statusCode: 304, headers: cached };
    return { statusCode: 200, headers: { 'content-type': contentType, ...cached }, body };
  }
  return { statusCode: result.status, headers: { 'content-type': contentType, ...headers }, body };
}

function etagOf(spec: RouteSpec, result: HttpResult): Record<string, string> {
  const version = (result.body as { version?: unknown } | undefined)?.version;
  return spec.etag && result.status < 300 && typeof version === 'number' ? { etag: `"${version}"` } : {};
}

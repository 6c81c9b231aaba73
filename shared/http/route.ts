import type { ZodType } from 'zod';
import type { Action } from '../domain/authorization';

/**
 * One HTTP route of the contract: method, path, who may call it and the zod schemas of what goes in
 * and out. Handlers validate with these schemas and the OpenAPI document is generated from them.
 */
export interface RouteSpec {
  operationId: string;
  method: 'get' | 'put' | 'post' | 'patch' | 'delete';
  /** Path with `{param}` placeholders, as API Gateway writes it. */
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'jwt';
  /**
   * The policy action (shared/domain/authorization.ts) the HTTP edge decides before the body is read, for the
   * target the path names (shared/http/authority.ts). Every `jwt` route has one; the matrix test reads it.
   */
  action?: Action;
  params?: ZodType;
  query?: ZodType;
  headers?: ZodType;
  body?: ZodType;
  /** When the body's schema depends on the path (a plan or a report), this picks it; `body` documents the union. */
  bodyFor?: (params: never) => ZodType;
  /** Content type of a non-JSON success body, e.g. text/csv; JSON otherwise. The edge sets it, and answers 406 to an Accept without it. */
  produces?: string;
  /** The success body carries `version`, sent as the ETag (the If-Match the next write needs). */
  etag?: true;
  /**
   * The same answer for everyone, which shared caches may keep: the edge sends `Cache-Control` (shared/http/caching.ts)
   * and a strong ETag of the body, and answers `If-None-Match` with 304. CloudFront's `/api/public/*` behaviour
   * (infra/web.ts) caches it. Only on routes whose answer depends on nothing but the path and query.
   */
  cache?: 'public';
  /**
   * How an `Idempotency-Key` is honoured: `remembered`, the HTTP middleware stores the first successful answer
   * (shared/http/idempotency.ts); `transactional`, the use case stores it in its own transaction (submit, decision).
   */
  idempotency?: 'remembered' | 'transactional';
  responses: Record<number, { description: string; schema?: ZodType }>;
}

export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

/** `GET /api/boards` — the API Gateway route key. */
export function routeKey(spec: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${spec.method.toUpperCase()} ${spec.path}`;
}

/** The one way the app talks to the server: `/api` only, problem+json errors, ETags for If-Match. */
import { currentToken, onUnauthorized } from './auth';

export interface FieldProblem {
  path: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** A refusal from the API (4xx/5xx), with its problem+json body when it had one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
  /** The route is not there (yet): 404 from the gateway for an unknown route, or 405. */
  get isMissingRoute(): boolean {
    return (this.status === 404 && /no route/i.test(this.problem.detail ?? '')) || this.status === 405;
  }
}

/** Thrown when the network fails (no answer at all). */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

export interface ApiAnswer<T> {
  data: T;
  etag?: string;
  status: number;
}

export interface RequestOptions {
  body?: unknown;
  ifMatch?: string;
  idempotencyKey?: string;
  /** Send without the token (public routes). */
  anonymous?: boolean;
  locale?: string;
}

let currentLocale = 'sv';
/** The language asked of the API (Accept-Language), kept in step with the UI's. */
export function setApiLocale(locale: string): void {
  currentLocale = locale;
}

export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': options.locale ?? currentLocale };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const token = options.anonymous ? undefined : currentToken();
  if (token) headers.authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const problem: Problem =
      parsed && typeof parsed === 'object' ? { status: response.status, ...(parsed as object) } : { status: response.status, detail: text.slice(0, 300) };
    if (response.status === 401 && token) onUnauthorized();
    throw new ApiError(response.status, problem);
  }
  return { data: parsed as T, etag: response.headers.get('etag') ?? undefined, status: response.status };
}

/** A fresh key for a state-changing POST, so that a retry of the same click changes nothing twice. */
export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** The document path of the API. */
export const documentPath = (year: number, boardId: string, kind: string) =>
  `/cycles/${year}/boards/${encodeURIComponent(boardId)}/documents/${kind}`;

let openApi: Promise<{ paths?: Record<string, Record<string, unknown>> } | undefined> | undefined;
/** Whether the API publishes a route (from GET /api/openapi.json), so a page can say "not available yet" up front. */
export async function apiHasRoute(path: string, method: string): Promise<boolean> {
  openApi ??= api<{ paths?: Record<string, Record<string, unknown>> }>('GET', '/openapi.json', { anonymous: true }).then(
    (a) => a.data,
    () => undefined,
  );
  const spec = await openApi;
  if (!spec?.paths) return true; // Cannot tell: try the route itself.
  return method.toLowerCase() in (spec.paths[path] ?? {});
}

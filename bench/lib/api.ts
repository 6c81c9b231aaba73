import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats';

export type Role = 'admin' | 'editor' | 'reviewer' | 'executive';

export interface Caller {
  sub: string;
  role: Role;
  boards?: string[];
  email?: string;
}

export interface Answer {
  status: number;
  etag: string | null;
  body: any;
  ms: number;
}

interface RouteRecord {
  latencies: number[];
  statuses: Record<string, number>;
  unexpected: number;
  samples: string[];
  responseBytes: number;
}

export interface RouteStats {
  latency: Summary;
  statuses: Record<string, number>;
  unexpected: number;
  samples: string[];
  responseBytes: number;
}

/** Local-only routes (absent from the cloud deployment): counted apart, never as API Gateway requests. */
export const isDevRoute = (route: string) => route.includes('/api/dev/');

/**
 * The benchmark's HTTP client: the global fetch (undici, keep-alive connections), one record per route key
 * (`PUT /api/cycles/{year}/...`, never raw paths) with every latency, from before the request until the
 * body is read.
 */
export class ApiClient {
  private records = new Map<string, RouteRecord>();
  private tokens = new Map<string, string>();
  unexpected = 0;

  constructor(readonly baseUrl: string) {}

  resetStats(): void {
    this.records = new Map();
    this.unexpected = 0;
  }

  async token(caller: Caller): Promise<string> {
    const key = JSON.stringify(caller);
    let token = this.tokens.get(key);
    if (!token) {
      const answer = await this.call('POST /api/dev/token', '/api/dev/token', { body: caller, expect: [200] });
      token = answer.body.token as string;
      this.tokens.set(key, token);
    }
    return token;
  }

  async call(
    route: string,
    path: string,
    options: { as?: Caller; body?: unknown; headers?: Record<string, string>; expect?: number[]; correlationId?: string } = {},
  ): Promise<Answer> {
    const method = route.split(' ')[0]!;
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    if (options.correlationId) headers['x-correlation-id'] = options.correlationId;
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let record = this.records.get(route);
    if (!record) this.records.set(route, (record = { latencies: [], statuses: {}, unexpected: 0, samples: [], responseBytes: 0 }));
    record.latencies.push(ms);
    record.statuses[response.status] = (record.statuses[response.status] ?? 0) + 1;
    record.responseBytes += Buffer.byteLength(text);
    const expected = options.expect ?? [200];
    if (!expected.includes(response.status)) {
      record.unexpected += 1;
      this.unexpected += 1;
      if (record.samples.length < 3) record.samples.push(`${response.status} ${method} ${path}: ${text.slice(0, 300)}`);
    }
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json')) {
      try {
        body = JSON.parse(text);
      } catch {
        // keep the text
      }
    }
    return { status: response.status, etag: response.headers.get('etag'), body, ms };
  }

  stats(): Record<string, RouteStats> {
    const out: Record<string, RouteStats> = {};
    for (const [route, record] of [...this.records].sort(([a], [b]) => a.localeCompare(b))) {
      out[route] = { latency: summarize(record.latencies), statuses: record.statuses, unexpected: record.unexpected, samples: record.samples, responseBytes: record.responseBytes };
    }
    return out;
  }

  /** Requests that API Gateway would have served (dev routes excluded). */
  apiRequests(): number {
    let total = 0;
    for (const [route, record] of this.records) if (!isDevRoute(route)) total += record.latencies.length;
    return total;
  }

  allRequests(): number {
    let total = 0;
    for (const record of this.records.values()) total += record.latencies.length;
    return total;
  }
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Role } from '../../shared/domain/actor';
import { startStack, type RunningStack, type StackOptions } from '../../local/stack';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestStack {
  stack: RunningStack;
  dataDir: string;
  tableName: string;
  /** Calls the API as someone with a role (and boards), or anonymously. */
  api(method: string, path: string, options?: { as?: Caller; body?: unknown; headers?: Record<string, string>; rawBody?: string }): Promise<ApiAnswer>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface Caller {
  sub: string;
  role: Role;
  boards?: string[];
  email?: string;
}

export const admin: Caller = { sub: 'anna.admin', role: 'admin' };
export const reviewer: Caller = { sub: 'rut.reviewer', role: 'reviewer' };
export const executive: Caller = { sub: 'ks.executive', role: 'executive' };
export const editorOf = (boardId: string): Caller => ({ sub: `editor.${boardId}`, role: 'editor', boards: [boardId] });

/** Starts the local stack in-process on the run's DynamoDB Local, with its own table and data folder. */
export async function startTestStack(options: Partial<StackOptions> = {}): Promise<TestStack> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'arshjul-'));
  const tableName = options.tableName ?? `t-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const settings: StackOptions = { port: 0, dataDir, tableName, dynamoEndpoint: inject('dynamoEndpoint'), tickMs: 0, ...options };
  let stack = await startStack(settings);
  const tokens = new Map<string, string>();

  const tokenFor = async (caller: Caller) => {
    const key = JSON.stringify(caller);
    if (!tokens.has(key)) tokens.set(key, await stack.issuer.issue(caller));
    return tokens.get(key)!;
  };

  return {
    get stack() {
      return stack;
    },
    dataDir,
    tableName,
    async api(method, path, { as, body, headers = {}, rawBody } = {}) {
      const response = await fetch(`${stack.url}${path}`, {
        method,
        headers: {
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(as ? { authorization: `Bearer ${await tokenFor(as)}` } : {}),
          ...headers,
        },
        body: rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (CSV, HTML): keep the text.
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    async restart() {
      await stack.stop();
      stack = await startStack({ ...settings, port: stack.port, sfnPort: Number(new URL(stack.sfn.endpoint).port) });
    },
    stop: () => stack.stop(),
  };
}

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../local/ports';

/**
 * `npm start` as a user runs it (`node --import tsx local/main.ts`), in a child process with its own DynamoDB Local
 * and DATA_DIR, its stdout and stderr captured line by line. For tests that need a real process boundary: logs,
 * SIGTERM and SIGKILL.
 */
export interface ChildStack {
  base: string;
  port: number;
  pid: number;
  /** DynamoDB Local's endpoint, read from the stack's own log line (LOG_LOCAL=1 is always set). */
  dynamoEndpoint: string;
  /** The local Step Functions endpoint, from the same log. */
  sfnEndpoint: string;
  /** Every line written to stdout and stderr so far. */
  output(): string;
  call(method: string, path: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<ChildAnswer>;
  token(claims: { sub: string; role: string; boards?: string[]; email?: string }): Promise<string>;
  /** Ctrl-C: SIGTERM and wait for the exit (which stops DynamoDB Local too). */
  stop(): Promise<void>;
  /** A crash: SIGKILL the node process, then SIGKILL its DynamoDB Local, which a SIGKILL leaves running. */
  crash(): Promise<void>;
  exited(): boolean;
}

export interface ChildAnswer {
  status: number;
  headers: Record<string, string>;
  text: string;
  body: any;
}

export async function startChildStack(options: { dataDir: string; port?: number; env?: Record<string, string>; readyTimeoutMs?: number }): Promise<ChildStack> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: options.dataDir, LOG_LOCAL: '1', VITEST: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the stack exited early:\n${output}`);
    const ready = await fetch(`${base}/api/health`).then((answer) => answer.ok, () => false);
    if (ready && output.includes('Årshjul is running')) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`not ready within ${(options.readyTimeoutMs ?? 120_000) / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const dynamoEndpoint = /DynamoDB Local on (http:\/\/\S+)/.exec(output)?.[1];
  const sfnEndpoint = /Step Functions \(local\) on (http:\/\/[^\s,]+)/.exec(output)?.[1];
  if (!dynamoEndpoint || !sfnEndpoint) throw new Error(`no DynamoDB Local or Step Functions endpoint in the log:\n${output}`);

  const call: ChildStack['call'] = async (method, path, { token, body, headers = {} } = {}) => {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: answer.status, headers: Object.fromEntries(answer.headers.entries()), text, body: parsed };
  };

  return {
    base,
    port,
    pid: child.pid!,
    dynamoEndpoint,
    sfnEndpoint,
    output: () => output,
    call,
    token: async (claims) => (await call('POST', '/api/dev/token', { body: claims })).body.token as string,
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exit;
    },
    async crash() {
      // Both at once, as a power cut would: the Java process gets no chance to finish what node sent it.
      const java = dynamoDbLocalPids(options.dataDir);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const pid of java) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await exit;
      await killDynamoDbLocal(options.dataDir);
    },
  };
}

/** The DynamoDB Local processes serving `dataDir` (its -dbPath is under it). */
export function dynamoDbLocalPids(dataDir: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', `DynamoDBLoca[l].*${dataDir}`]).toString().trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/** SIGKILLs the DynamoDB Local of `dataDir` and waits until it is gone. */
export async function killDynamoDbLocal(dataDir: string): Promise<number> {
  const pids = dynamoDbLocalPids(dataDir);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const deadline = Date.now() + 10_000;
  while (dynamoDbLocalPids(dataDir).length > 0) {
    if (Date.now() > deadline) throw new Error(`DynamoDB Local of ${dataDir} survived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return pids.length;
}

/** Polls `probe` until it answers something other than undefined; fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

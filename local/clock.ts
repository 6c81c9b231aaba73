import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Conflict } from '../shared/domain/errors';
import type { Clock } from '../shared/ports/clock';

/**
 * The local stack's controllable clock: virtual time runs at the speed of real time from an offset
 * kept in DATA_DIR, so a restart keeps the date the demo was moved to. It only ever moves forward.
 */
export class LocalClock implements Clock {
  private constructor(
    private offsetMs: number,
    private readonly file: string | undefined,
    private readonly realNow: () => number,
  ) {}

  /** Opens the clock stored in `file`, or starts it at `start` when there is none. */
  static open(options: { file?: string; start?: Date; realNow?: () => number }): LocalClock {
    const realNow = options.realNow ?? Date.now;
    let offsetMs = options.start ? options.start.getTime() - realNow() : 0;
    if (options.file) {
      try {
        const stored = JSON.parse(readFileSync(options.file, 'utf8')) as { offsetMs?: unknown };
        if (typeof stored.offsetMs === 'number' && Number.isFinite(stored.offsetMs)) offsetMs = stored.offsetMs;
      } catch {
        // First start: nothing stored yet.
      }
    }
    const clock = new LocalClock(offsetMs, options.file, realNow);
    clock.persist();
    return clock;
  }

  now(): Date {
    return new Date(this.realNow() + this.offsetMs);
  }

  /** Moves the clock to `target`; moving backwards would let jobs run twice, so it is refused. */
  advanceTo(target: Date): void {
    const current = this.now();
    if (target.getTime() < current.getTime()) {
      throw new Conflict(`The clock only moves forward: it is ${current.toISOString()}; choose a later instant.`);
    }
    this.offsetMs = target.getTime() - this.realNow();
    this.persist();
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify({ offsetMs: this.offsetMs }));
  }
}

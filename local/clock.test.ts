import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Conflict } from '../shared/domain/errors';
import { LocalClock } from './clock';

describe('LocalClock', () => {
  it('starts at the given instant, runs with real time and keeps its place across a restart', () => {
    let real = Date.parse('2030-01-01T00:00:00Z');
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'clock.json');
    const clock = LocalClock.open({ file, start: new Date('2026-01-01T00:00:00Z'), realNow: () => real });
    real += 1000;
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:01.000Z');
    clock.advanceTo(new Date('2026-05-01T00:00:00Z'));
    const reopened = LocalClock.open({ file, start: new Date('2026-01-01T00:00:00Z'), realNow: () => real });
    expect(reopened.now().toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('refuses to move backwards', () => {
    const clock = LocalClock.open({ start: new Date('2026-05-01T00:00:00Z') });
    expect(() => clock.advanceTo(new Date('2026-04-01T00:00:00Z'))).toThrow(Conflict);
  });
});

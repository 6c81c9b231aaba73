import { beforeEach, describe, expect, it } from 'vitest';
import { seedDocument, storedCycle, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { closePeriod, openPeriod, syncPeriodSchedules } from './periods';

let w: TestWorld;

beforeEach(async () => {
  w = await testWorld({ clock: '2027-03-01T08:00:00.000Z' });
});

describe('syncPeriodSchedules', () => {
  it('starts the periods already open and schedules the ones ahead; repeating changes nothing', async () => {
    const cycle = (await w.cycles.get(YEAR))!;
    await syncPeriodSchedules(cycle, w);
    await syncPeriodSchedules(cycle, w);
    expect(w.workflow.executions.size + w.scheduler.schedules.size).toBe(4);
    expect(w.workflow.executions.size).toBeGreaterThan(0);
    for (const schedule of w.scheduler.schedules.values()) expect(schedule).toMatchObject({ workflow: 'period', timeZone: 'Europe/Stockholm', at: { time: '00:00' } });
  });

  it('does nothing for a signed-off cycle', async () => {
    await syncPeriodSchedules(storedCycle(YEAR, { state: 'signed_off' }), w);
    expect(w.workflow.executions.size + w.scheduler.schedules.size).toBe(0);
  });
});

describe('openPeriod and closePeriod', () => {
  it('records the opening once, and its closing time under the current calendar', async () => {
    const opened = await openPeriod({ year: YEAR, kind: 't1' }, w);
    w.clock.advance(3_600_000);
    await openPeriod({ year: YEAR, kind: 't1' }, w);
    expect(await w.cycles.periods(YEAR)).toEqual([{ kind: 't1', openedAt: '2027-03-01T08:00:00.000Z', closesAt: opened.closesAt }]);
  });

  it('waits again when the deadline moved later, then closes recording the late boards', async () => {
    const { closesAt } = await openPeriod({ year: YEAR, kind: 't1' }, w);
    expect(await closePeriod({ year: YEAR, kind: 't1' }, w)).toEqual({ closed: false, closesAt, late: 0 });
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 't1' }, { status: 'in_review', submissions: 1, submittedAt: '2027-05-10T00:00:00.000Z' }));
    w.clock.set(closesAt);
    expect(await closePeriod({ year: YEAR, kind: 't1' }, w)).toEqual({ closed: true, closesAt, late: 1 });
    expect((await w.cycles.periods(YEAR))[0]).toMatchObject({ closedAt: closesAt, late: ['kista'] });
  });
});

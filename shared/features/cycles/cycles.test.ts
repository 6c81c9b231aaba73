import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, NotFound, PreconditionFailed, ValidationFailed } from '../../domain/errors';
import { testGoals } from '../../../test/support/testGoals';
import { admin, seedDocument, storedBoard, storedDocument, testCalendar, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { changeCalendar, createCycle, getCouncilGoals, listCycles, putCouncilGoals } from './cycles';
import { readCycle } from './readCycle';

let w: TestWorld;

beforeEach(async () => {
  w = await testWorld({ clock: '2027-10-01T08:00:00.000Z' });
  // testGoals assigns KF-3 to utbildning too.
  await w.boards.save(storedBoard('utbildning'), 0);
});

describe('createCycle', () => {
  it('opens a year once, writes its opened event, and schedules the periods still ahead', async () => {
    const cycle = await createCycle({ year: 2028, calendar: { ...testCalendar, planDue: '2028-01-31', t1Due: '2028-05-15', t2Due: '2028-09-15', annualDue: '2029-02-15', signoffDue: '2029-04-15' } }, w.as(admin));
    expect(cycle).toMatchObject({ year: 2028, state: 'open', version: 1, approvedPlans: 0, createdBy: admin.sub });
    expect((await w.cycles.events(2028)).map((event) => [event.action, event.actor])).toEqual([['opened', admin.sub]]);
    expect([...w.scheduler.schedules.keys()].length + w.workflow.executions.size).toBe(4);
    await expect(createCycle({ year: 2028, calendar: testCalendar }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
    expect(await w.cycles.events(2028)).toHaveLength(1);
  });
});

describe('changeCalendar', () => {
  it('changes deadlines at the next version, with a calendar_changed event saying what moved', async () => {
    const changed = await changeCalendar({ year: YEAR, patch: { t2Due: '2027-09-30' }, ifMatch: 1 }, w.as(admin));
    expect(changed).toMatchObject({ version: 2, calendar: { t2Due: '2027-09-30' } });
    expect((await w.cycles.events(YEAR)).at(-1)).toMatchObject({ action: 'calendar_changed', details: { changes: [{ field: 't2Due', from: '2027-09-15', to: '2027-09-30' }] } });
  });

  it('refuses a stale If-Match, and a year already signed off', async () => {
    await expect(changeCalendar({ year: YEAR, patch: { t2Due: '2027-09-30' }, ifMatch: 7 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    const cycle = (await w.cycles.get(YEAR))!;
    await w.cycles.update({ ...cycle, state: 'signed_off', version: 2 }, 1, { at: '2027-10-01T07:00:00.000Z', actor: 'x', role: 'executive', action: 'signed_off' });
    await expect(changeCalendar({ year: YEAR, patch: { t2Due: '2027-09-30' } }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
  });

  it('answers 412 when the cycle changed between its read and its write', async () => {
    const cycles = Object.create(w.cycles) as typeof w.cycles;
    cycles.update = async (cycle, expected, event) => {
      const current = (await w.cycles.get(YEAR))!;
      await w.cycles.update({ ...current, version: current.version + 1 }, current.version, { ...event, at: '2027-10-01T07:59:00.000Z' });
      return w.cycles.update(cycle, expected, event);
    };
    await expect(changeCalendar({ year: YEAR, patch: { t2Due: '2027-09-30' } }, { ...w.as(admin), cycles })).rejects.toThrow(/changed \(or signed off\) meanwhile/);
  });
});

describe('reading cycles', () => {
  it('lists cycles oldest first and reads one; 404 for a year never opened', async () => {
    expect((await listCycles(w)).map((cycle) => cycle.year)).toEqual([YEAR]);
    expect((await readCycle(YEAR, w)).year).toBe(YEAR);
    await expect(readCycle(2019, w)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('council goals', () => {
  it('replaces the goals at the next version with a council_goals_replaced event, and reads them', async () => {
    const stored = await putCouncilGoals({ year: YEAR, goals: testGoals, ifMatch: 1 }, w.as(admin));
    expect(stored).toMatchObject({ version: 2, updatedBy: admin.sub });
    expect((await getCouncilGoals(YEAR, w)).version).toBe(2);
    expect((await w.cycles.events(YEAR)).at(-1)).toMatchObject({ action: 'council_goals_replaced', details: { goals: { version: 2, directionGoals: 2, indicators: 3 } } });
  });

  it('refuses a stale If-Match, goals naming an unknown board, and goals once a plan is approved', async () => {
    await expect(putCouncilGoals({ year: YEAR, goals: testGoals, ifMatch: 0 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    const unknownBoard = structuredClone(testGoals);
    unknownBoard.directionGoals[0]!.areaGoals[0]!.indicators[1]!.boards = ['atlantis'];
    await expect(putCouncilGoals({ year: YEAR, goals: unknownBoard }, w.as(admin))).rejects.toBeInstanceOf(ValidationFailed);
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved' }));
    await expect(putCouncilGoals({ year: YEAR, goals: testGoals }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
  });

  it('answers 409 when a plan is approved between its checks and its write (the store refuses the cycle)', async () => {
    const cycle = (await w.cycles.get(YEAR))!;
    w.table.cycles.set(YEAR, { ...cycle, approvedPlans: 1 });
    const error = await putCouncilGoals({ year: YEAR, goals: testGoals }, w.as(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).detail).toMatch(/has been approved/);
  });

  it('answers 404 before the goals are loaded', async () => {
    const empty = await testWorld({ empty: true });
    await empty.cycles.create({ ...(await w.cycles.get(YEAR))! }, { at: '2026-12-01T00:00:00.000Z', actor: 'a', role: 'admin', action: 'opened' });
    await expect(getCouncilGoals(YEAR, empty)).rejects.toThrow(/not loaded yet/);
  });
});

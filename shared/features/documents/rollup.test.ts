import { beforeEach, describe, expect, it } from 'vitest';
import { testGoals } from '../../../test/support/testGoals';
import { completePlan, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { CouncilGoals } from '../../schemas/councilGoals';
import { planContentSchema, reportContentSchema } from '../../schemas/documents';
import { rollupFor } from './rollup';

let w: TestWorld;

/** The council's KF-1 rolls up as a mean weighted by pupils; KF-2 has no rule. */
const goals: CouncilGoals = {
  directionGoals: testGoals.directionGoals.map((direction) => ({
    ...direction,
    areaGoals: direction.areaGoals.map((area) => ({
      ...area,
      indicators: area.indicators.map((indicator) => (indicator.id === 'KF-1' ? { ...indicator, rollup: 'weighted' as const, weightBy: 'pupils' } : indicator)),
    })),
  })),
};
const unitPlan = planContentSchema.parse({ goals: [{ id: 'S1', title: 'Behöriga lärare', areaGoalId: 'D1.1', parentGoalId: 'N1' }] });
const unitReport = (kf1: number, newTeachers: number, assessment: 'fulfilled' | 'partly' | 'not') =>
  reportContentSchema.parse({ indicators: [{ indicatorId: 'KF-1', outcome: kf1, forecast: kf1 + 1 }, { indicatorId: 'N1-1', outcome: newTeachers }], goals: [{ goalId: 'S1', assessment }] });

/** Counts the port calls a use case makes. */
function counted<T extends object>(port: T, calls: string[], name: string): T {
  return new Proxy(port, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (...args: unknown[]) => (calls.push(`${name}.${String(key)}`), value.apply(target, args)) : value;
    },
  });
}

beforeEach(async () => {
  w = await testWorld();
  await w.cycles.replaceCouncilGoals(YEAR, { ...goals, version: 2, updatedAt: '2026-12-02T08:00:00.000Z', updatedBy: 'admin-1' }, 1, { at: '2026-12-02T08:00:00.000Z', actor: 'admin-1', role: 'admin', action: 'council_goals_replaced' });
  await w.boards.save(storedBoard('alvik', { kind: 'unit', parentId: 'bromma', attributes: { pupils: 300 } }), 0);
  await w.boards.save(storedBoard('abacka', { kind: 'unit', parentId: 'bromma', attributes: { pupils: 100 } }), 0);
  await w.boards.save(storedBoard('gamla', { kind: 'unit', parentId: 'bromma', archived: true }), 0);
  await w.boards.save(storedBoard('nockeby', { kind: 'unit', parentId: 'bromma' }), 0);
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved', content: completePlan }));
  const ownRule = { ...completePlan, ownIndicators: completePlan.ownIndicators.map((indicator) => ({ ...indicator, rollup: 'sum' as const })) };
  await w.documents.commit({
    next: storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved', version: 2, content: ownRule }),
    expectedVersion: 1,
    event: { at: '2027-01-06T08:00:00.000Z', actor: 'reviewer-1', role: 'reviewer', action: 'approved', from: 'approved', to: 'approved' },
  });
  for (const [boardId, kf1, teachers, assessment] of [['alvik', 80, 3, 'fulfilled'], ['abacka', 96, 1, 'partly']] as const) {
    await seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 'plan' }, { status: 'approved', parentId: 'bromma', content: unitPlan }));
    await seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 't1' }, { status: 'approved', parentId: 'bromma', content: unitReport(kf1, teachers, assessment) }));
  }
  // nockeby's report is still in review: it counts as a unit, not as reported.
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'nockeby', kind: 't1' }, { status: 'in_review', parentId: 'bromma', content: unitReport(10, 10, 'not') }));
});

describe('rollupFor', () => {
  it("rolls the units' approved reports up into the parent's report, by each indicator's rule", async () => {
    const rollup = await rollupFor({ year: YEAR, boardId: 'bromma', kind: 't1' }, w);
    expect(rollup).toMatchObject({ units: 3, reported: 2, goals: [{ goalId: 'N1', fulfilled: 1, partly: 1, not: 0, units: 2 }] });
    expect(rollup!.indicators.map((indicator) => [indicator.indicatorId, indicator.rule, indicator.aggregate])).toEqual([
      ['KF-1', 'weighted', { outcome: 84, forecast: 85 }],
      ['KF-2', 'none', null],
      ['N1-1', 'sum', { outcome: 4, forecast: null }],
    ]);
    expect(rollup!.indicators[0]!.units).toEqual([
      { boardId: 'abacka', name: 'Abacka nämnd', outcome: 96, forecast: 97, weight: 100 },
      { boardId: 'alvik', name: 'Alvik nämnd', outcome: 80, forecast: 81, weight: 300 },
    ]);
  });

  it('counts no unit for a kind none of them has approved yet, but still lists them', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'alvik', kind: 't2' }, { status: 'draft', parentId: 'bromma' }));
    expect(await rollupFor({ year: YEAR, boardId: 'bromma', kind: 't2' }, w)).toMatchObject({ units: 3, reported: 0, goals: [{ goalId: 'N1', units: 2, fulfilled: 0 }] });
  });

  it('reads one small item for a board without units, and rolls up nothing for a plan', async () => {
    const calls: string[] = [];
    const deps = { cycles: counted(w.cycles, calls, 'cycles'), boards: counted(w.boards, calls, 'boards'), documents: counted(w.documents, calls, 'documents') };
    expect(await rollupFor({ year: YEAR, boardId: 'kista', kind: 't1' }, deps)).toBeUndefined();
    expect(await rollupFor({ year: YEAR, boardId: 'bromma', kind: 'plan' }, deps)).toBeUndefined();
    expect(calls).toEqual(['documents.unitFigures']);
  });
});

import { describe, expect, it } from 'vitest';
import { testGoals } from '../../test/support/testGoals';
import type { CouncilGoals } from '../schemas/councilGoals';
import { planContentSchema, reportContentSchema } from '../schemas/documents';
import { combine, rollupIndicators, rollupOf, rollupWrites, unitFiguresOf, weightOf, type UnitFigures } from './rollup';

describe('combine', () => {
  it.each([
    ['sum', [{ value: 10 }, { value: 20 }, { value: 5 }], 35],
    ['sum of tenths, without binary noise', [{ value: 0.1 }, { value: 0.2 }], 0.3],
    ['sum skips missing values', [{ value: 10 }, { value: null }, { value: 5 }], 15],
    ['mean', [{ value: 80 }, { value: 90 }], 85],
    ['mean over the values given only', [{ value: 80 }, { value: null }, { value: 90 }], 85],
    ['weighted', [{ value: 80, weight: 100 }, { value: 90, weight: 300 }], 87.5],
    ['weighted leaves out units without a weight', [{ value: 80, weight: 100 }, { value: 10, weight: null }, { value: 90, weight: 300 }], 87.5],
    ['weighted leaves out units without a value', [{ value: null, weight: 1000 }, { value: 60, weight: 10 }], 60],
    ['weighted with weights adding up to nothing', [{ value: 80, weight: 0 }], null],
    ['weighted with no unit weighed', [{ value: 80, weight: null }], null],
    ['none', [{ value: 80 }, { value: 90 }], null],
    ['sum of nothing', [], null],
    ['mean of missing values only', [{ value: null }, { value: null }], null],
  ] as const)('%s', (label, values, expected) => {
    const rule = label.split(' ')[0] as 'sum' | 'mean' | 'weighted' | 'none';
    expect(combine(rule, values)).toBe(expected);
  });
});

describe('weightOf', () => {
  it.each([
    [{ pupils: 420 }, 'pupils', 420],
    [{ pupils: 0 }, 'pupils', 0],
    [{ beds: 40 }, 'pupils', null],
    [{ pupils: '420' }, 'pupils', null],
    [{ pupils: -3 }, 'pupils', null],
    [undefined, 'pupils', null],
    [{ pupils: 420 }, undefined, null],
  ] as const)('%j weighed by %s is %s', (attributes, weightBy, expected) => {
    expect(weightOf({ boardId: 'u', ...(attributes ? { attributes } : {}) }, weightBy)).toBe(expected);
  });
});

describe('unitFiguresOf', () => {
  const plan = planContentSchema.parse({
    targets: [{ indicatorId: 'KF-1', target: 92 }],
    goals: [
      { id: 'S1', title: 'Behöriga lärare', areaGoalId: 'D1.1', parentGoalId: 'N1' },
      { id: 'S2', title: 'Eget mål', areaGoalId: 'D1.1' },
    ],
  });
  const report = reportContentSchema.parse({
    indicators: [{ indicatorId: 'KF-1', outcome: 88, forecast: 91, comment: 'internal' }, { indicatorId: 'KF-2' }],
    goals: [{ goalId: 'S1', assessment: 'partly', comment: 'internal' }],
  });

  it.each([
    ['an approved unit plan: its goals mapped to the parent goals', { kind: 'plan', status: 'approved', content: plan, parentId: 'bromma' }, { boardId: 'alvik', kind: 'plan', goals: [{ goalId: 'S1', parentGoalId: 'N1' }] }],
    [
      'an approved unit report: values and assessments, no comments',
      { kind: 't1', status: 'approved', content: report, parentId: 'bromma' },
      { boardId: 'alvik', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 88, forecast: 91 }], goals: [{ goalId: 'S1', assessment: 'partly' }] },
    ],
    [
      "an approved unit report with money: its numbers, not its comment",
      { kind: 't1', status: 'approved', content: { ...report, economy: { outcomeToDate: 310, forecast: 990, comment: 'internal' } }, parentId: 'bromma' },
      { boardId: 'alvik', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 88, forecast: 91 }], goals: [{ goalId: 'S1', assessment: 'partly' }], economy: { outcomeToDate: 310, forecast: 990 } },
    ],
    ['a unit report in review', { kind: 't1', status: 'in_review', content: report, parentId: 'bromma' }, undefined],
    ['a top-level board report (no parent)', { kind: 't1', status: 'approved', content: report }, undefined],
  ] as const)('%s', (_label, doc, expected) => {
    expect(unitFiguresOf({ boardId: 'alvik', ...doc })).toEqual(expected);
  });
});

describe('rollupIndicators', () => {
  const goals: CouncilGoals = {
    directionGoals: [
      {
        id: 'D1',
        title: 'Skolan',
        areaGoals: [
          {
            id: 'D1.1',
            title: 'Skolan',
            indicators: [
              { id: 'KF-1', name: 'Behöriga lärare', unit: '%', direction: 'higher', target: 90, rollup: 'weighted', weightBy: 'pupils' },
              { id: 'KF-2', name: 'Platser', unit: 'st', direction: 'higher', target: 100, rollup: 'sum' },
              { id: 'KF-3', name: 'Nöjdhet', unit: '%', direction: 'higher', target: 80 },
            ],
          },
        ],
      },
    ],
  };

  it("takes the council indicators the parent set a target for, with the council's rule, then its own with theirs", () => {
    const plan = planContentSchema.parse({
      targets: [{ indicatorId: 'KF-2', target: 120 }, { indicatorId: 'KF-1', target: 92 }, { indicatorId: 'N1-1', target: 10 }],
      ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nya lärare', unit: 'st', direction: 'higher', target: 10, rollup: 'mean' }],
    });
    expect(rollupIndicators(plan, goals)).toEqual([
      { indicatorId: 'KF-2', rule: 'sum' },
      { indicatorId: 'KF-1', rule: 'weighted', weightBy: 'pupils' },
      { indicatorId: 'N1-1', rule: 'mean' },
    ]);
  });

  it('rolls up none where no rule is given, and leaves out council indicators without a target in the plan', () => {
    const plan = planContentSchema.parse({ targets: [{ indicatorId: 'KF-3', target: 85 }] });
    expect(rollupIndicators(plan, goals)).toEqual([{ indicatorId: 'KF-3', rule: 'none' }]);
  });
});

describe('rollupOf', () => {
  const goals: CouncilGoals = {
    ...testGoals,
    directionGoals: testGoals.directionGoals.map((direction) => ({
      ...direction,
      areaGoals: direction.areaGoals.map((area) => ({
        ...area,
        indicators: area.indicators.map((indicator) =>
          indicator.id === 'KF-1' ? { ...indicator, rollup: 'weighted' as const, weightBy: 'pupils' } : indicator.id === 'KF-2' ? { ...indicator, rollup: 'mean' as const } : indicator,
        ),
      })),
    })),
  };
  const parentPlan = planContentSchema.parse({
    targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }, { indicatorId: 'N1-1', target: 10 }],
    goals: [
      { id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1' },
      { id: 'N2', title: 'Lägre sjukfrånvaro', areaGoalId: 'D1.1' },
    ],
    ownIndicators: [
      { id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10, rollup: 'sum' },
      { id: 'N2-1', goalId: 'N2', name: 'Friskvård', unit: 'st', direction: 'higher', target: 3 },
    ],
  });
  const units = [
    { boardId: 'alvik', name: 'Alviksskolan', attributes: { pupils: 300 } },
    { boardId: 'abacka', name: 'Äppelbacka', attributes: { pupils: 100 } },
    { boardId: 'nockeby', name: 'Nockebyskolan' },
    { boardId: 'ulvsunda', name: 'Ulvsunda', attributes: { pupils: 50 } },
  ];
  const figures: UnitFigures[] = [
    { boardId: 'alvik', kind: 'plan', goals: [{ goalId: 'A1', parentGoalId: 'N1' }, { goalId: 'A2', parentGoalId: 'N1' }, { goalId: 'A3', parentGoalId: 'N2' }] },
    { boardId: 'abacka', kind: 'plan', goals: [{ goalId: 'B1', parentGoalId: 'N1' }] },
    { boardId: 'nockeby', kind: 'plan', goals: [{ goalId: 'C1', parentGoalId: 'N1' }] },
    { boardId: 'ulvsunda', kind: 'plan', goals: [{ goalId: 'D1', parentGoalId: 'N2' }] },
    {
      boardId: 'alvik',
      kind: 't1',
      indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 90 }, { indicatorId: 'KF-2', outcome: 6 }, { indicatorId: 'N1-1', outcome: 4, forecast: 8 }],
      goals: [{ goalId: 'A1', assessment: 'fulfilled' }, { goalId: 'A2', assessment: 'partly' }, { goalId: 'A3', assessment: 'fulfilled' }],
    },
    {
      boardId: 'abacka',
      kind: 't1',
      indicators: [{ indicatorId: 'KF-1', outcome: 96, forecast: 94 }, { indicatorId: 'KF-2', outcome: 4, forecast: 4.5 }, { indicatorId: 'N1-1', outcome: 2 }],
      goals: [{ goalId: 'B1', assessment: 'fulfilled' }],
    },
    { boardId: 'nockeby', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 70, forecast: 70 }], goals: [{ goalId: 'C1', assessment: 'not' }] },
    // ulvsunda's t1 is not approved; its t2 is, and a unit now below another parent left an entry behind.
    { boardId: 'ulvsunda', kind: 't2', indicators: [{ indicatorId: 'KF-1', outcome: 10 }], goals: [{ goalId: 'D1', assessment: 'not' }] },
    { boardId: 'moved', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 0 }], goals: [] },
  ];
  const rollup = rollupOf({ kind: 't1', parentPlan, goals, units, figures });

  it('counts the direct units and those with an approved report of the kind', () => {
    expect([rollup.units, rollup.reported]).toEqual([4, 3]);
  });

  it('weighs by the unit attribute, leaving out (and naming) a unit without it', () => {
    expect(rollup.indicators[0]).toEqual({
      indicatorId: 'KF-1',
      rule: 'weighted',
      weightBy: 'pupils',
      units: [
        { boardId: 'abacka', name: 'Äppelbacka', outcome: 96, forecast: 94, weight: 100 },
        { boardId: 'alvik', name: 'Alviksskolan', outcome: 80, forecast: 90, weight: 300 },
        { boardId: 'nockeby', name: 'Nockebyskolan', outcome: 70, forecast: 70, weight: null },
      ],
      // (96·100 + 80·300) / 400 and (94·100 + 90·300) / 400
      aggregate: { outcome: 84, forecast: 91 },
    });
  });

  it.each([
    ['KF-2', 'mean', { outcome: 5, forecast: 4.5 }, [4, 6, null]],
    ['N1-1', 'sum', { outcome: 6, forecast: 8 }, [2, 4, null]],
    ['N2-1', 'none', null, [null, null, null]],
  ] as const)('%s rolls up by %s', (indicatorId, rule, aggregate, outcomes) => {
    const indicator = rollup.indicators.find((entry) => entry.indicatorId === indicatorId)!;
    expect(indicator.rule).toBe(rule);
    expect(indicator.aggregate).toEqual(aggregate);
    expect(indicator.units.map((unit) => unit.outcome)).toEqual(outcomes);
  });

  it("counts each unit's assessments once per parent goal, by its least fulfilled goal below it", () => {
    expect(rollup.goals).toEqual([
      // alvik partly (A2), abacka fulfilled, nockeby not; all three plan towards N1.
      { goalId: 'N1', fulfilled: 1, partly: 1, not: 1, units: 3 },
      // alvik fulfilled; ulvsunda plans towards N2 but has no approved t1.
      { goalId: 'N2', fulfilled: 1, partly: 0, not: 0, units: 2 },
    ]);
  });

  it('has no aggregate when no unit reported a value, and the units listed with nulls', () => {
    const t2 = rollupOf({ kind: 't2', parentPlan, goals, units, figures });
    expect(t2.reported).toBe(1);
    expect(t2.indicators.find((entry) => entry.indicatorId === 'KF-2')).toEqual({ indicatorId: 'KF-2', rule: 'mean', units: [{ boardId: 'ulvsunda', name: 'Ulvsunda', outcome: null, forecast: null }], aggregate: null });
    expect(t2.indicators[0]!.aggregate).toEqual({ outcome: 10, forecast: null });
  });

  it('without an approved parent plan, counts units but has no indicators or goals to roll up to', () => {
    expect(rollupOf({ kind: 't1', goals, units, figures })).toEqual({ units: 4, reported: 3, indicators: [], goals: [] });
  });

  it("adds the reporting units' net costs, each over the units that gave it, and has no economy when none gave money", () => {
    const withMoney = figures.map((entry): UnitFigures => {
      if (entry.kind !== 't1') return entry;
      if (entry.boardId === 'alvik') return { ...entry, economy: { outcomeToDate: 12_400.5, forecast: 37_100 } };
      if (entry.boardId === 'abacka') return { ...entry, economy: { outcomeToDate: 8_000.2, forecast: 24_900.1 } };
      if (entry.boardId === 'moved') return { ...entry, economy: { outcomeToDate: 1, forecast: 1 } };
      return entry;
    });
    const money = rollupOf({ kind: 't1', parentPlan, goals, units, figures: withMoney }).economy;
    expect(money).toEqual({
      units: [
        { boardId: 'abacka', name: 'Äppelbacka', outcomeToDate: 8_000.2, forecast: 24_900.1, outcome: null },
        { boardId: 'alvik', name: 'Alviksskolan', outcomeToDate: 12_400.5, forecast: 37_100, outcome: null },
      ],
      total: { outcomeToDate: 20_400.7, forecast: 62_000.1, outcome: null },
    });
    // Without a parent plan the money still rolls up: it does not hang on the plan's indicators.
    expect(rollupOf({ kind: 't1', units, figures: withMoney }).economy?.total.forecast).toBe(62_000.1);
    expect(rollup).not.toHaveProperty('economy');
  });
});

describe('rollupWrites', () => {
  const report = (patch: object) => ({ boardId: 'alvik', kind: 't1' as const, status: 'approved' as const, parentId: 'bromma', content: reportContentSchema.parse({ indicators: [{ indicatorId: 'KF-1', outcome: 88 }] }), ...patch });
  const figures = { boardId: 'alvik', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 88 }], goals: [] };

  it.each([
    ['approved: set under its parent', report({}), report({ status: 'in_review' }), [{ parentId: 'bromma', boardId: 'alvik', kind: 't1', figures }]],
    ['leaves approved: removed', report({ status: 'draft' }), report({}), [{ parentId: 'bromma', boardId: 'alvik', kind: 't1' }]],
    ['stays approved, same figures: nothing', report({}), report({}), []],
    ['stays unapproved: nothing', report({ status: 'draft' }), report({ status: 'in_review' }), []],
    ['approved under another parent than before: moved', report({ parentId: 'kista' }), report({}), [{ parentId: 'bromma', boardId: 'alvik', kind: 't1' }, { parentId: 'kista', boardId: 'alvik', kind: 't1', figures }]],
    ['a top-level board: nothing', report({ parentId: undefined }), report({ parentId: undefined, status: 'in_review' }), []],
    ['not read before, unapproved: removed to be sure', report({ status: 'draft' }), undefined, [{ parentId: 'bromma', boardId: 'alvik', kind: 't1' }]],
  ] as const)('%s', (_label, next, previous, expected) => {
    expect(rollupWrites(next, previous)).toEqual(expected);
  });

  it('writes nothing for a unit document created unapproved', () => {
    expect(rollupWrites(report({ status: 'draft' }), undefined, true)).toEqual([]);
  });
});

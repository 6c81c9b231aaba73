import { describe, expect, it } from 'vitest';
import { reportContentSchema, type ReportContent } from '../schemas/documents';
import { planIndicatorsOf, reportProblems } from './report';
import { testGoals } from '../../test/support/testGoals';
import { parentIndicatorsOf } from './unitPlan';

const plan = {
  targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-3', target: 1.2 }],
  ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda', unit: 'st', direction: 'higher' as const, target: 10 }],
};
const indicators = planIndicatorsOf(testGoals, 'bromma', plan);
const goalIds = ['N1', 'N2'];
const report = (content: object): ReportContent => reportContentSchema.parse(content);

describe('planIndicatorsOf', () => {
  it('lists the assigned and targeted council indicators, then the own ones', () => {
    expect(indicators).toEqual([
      { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 91, councilTarget: 90, source: 'council' },
      { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: undefined, councilTarget: 6, source: 'council' },
      { id: 'KF-3', name: 'Utsläpp per invånare', unit: 'ton', direction: 'lower', target: 1.2, councilTarget: 1.5, source: 'council' },
      { id: 'N1-1', name: 'Nyanställda', unit: 'st', direction: 'higher', target: 10, source: 'own' },
    ]);
  });

  // A unit below bromma: bromma's plan targets KF-1 and KF-2 and has its own N1-1; KF-1 is assigned to every board.
  const parent = {
    indicators: parentIndicatorsOf(testGoals, {
      targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }],
      ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda', unit: 'st', direction: 'higher', target: 10 }],
    }),
  };
  const unitPlan = {
    targets: [{ indicatorId: 'N1-1', target: 2 }, { indicatorId: 'KF-2', target: 4 }],
    ownIndicators: [{ id: 'E1-1', goalId: 'E1', name: 'Fortbildade', unit: 'st', direction: 'higher' as const, target: 3 }],
  };

  it.each([
    ['its targets and own indicators: council ones first, then the parent\'s own, then its own', unitPlan, ['KF-2', 'N1-1', 'E1-1']],
    ['not a council indicator assigned to every board that its plan did not target', { ...unitPlan, targets: [] }, ['E1-1']],
    ['a council indicator the council assigned to other boards, once its plan targets it', { ...unitPlan, targets: [{ indicatorId: 'KF-3', target: 1 }] }, ['KF-3', 'E1-1']],
  ])("a unit reports on %s", (_what, plan, ids) => {
    expect(planIndicatorsOf(testGoals, 'bromma-skola', plan, parent).map((i) => i.id)).toEqual(ids);
  });

  it("gives a unit's indicators the parent's target beside its own", () => {
    expect(planIndicatorsOf(testGoals, 'bromma-skola', unitPlan, parent).slice(0, 2)).toEqual([
      { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 4, councilTarget: 6, parentTarget: 5, source: 'council' },
      { id: 'N1-1', name: 'Nyanställda', unit: 'st', direction: 'higher', target: 2, parentTarget: 10, source: 'parent' },
    ]);
  });
});

const allForecasts = [
  { indicatorId: 'KF-1', forecast: 90 },
  { indicatorId: 'KF-2', forecast: 6 },
  { indicatorId: 'KF-3', forecast: 1.4 },
  { indicatorId: 'N1-1', forecast: 8 },
];
const allOutcomes = allForecasts.map(({ indicatorId, forecast }) => ({ indicatorId, outcome: forecast }));
const completeAnnual = {
  indicators: allOutcomes,
  goals: [{ goalId: 'N1', assessment: 'fulfilled' }, { goalId: 'N2', assessment: 'not' }],
  internalControl: { assessment: 'sufficient' },
};

describe('reportProblems for tertial reports', () => {
  it.each(['t1', 't2'] as const)('a %s with a forecast per indicator is complete', (kind) => {
    expect(reportProblems(kind, indicators, goalIds, report({ indicators: allForecasts }))).toEqual([]);
  });

  it.each([
    ['an indicator left out', { indicators: allForecasts.slice(1) }, ['indicators']],
    ['an outcome without a forecast', { indicators: [{ indicatorId: 'KF-1', outcome: 80 }, ...allForecasts.slice(1)] }, ['indicators.0.forecast']],
    ['an indicator not in the plan', { indicators: [...allForecasts, { indicatorId: 'KF-9', forecast: 1 }] }, ['indicators.4.indicatorId']],
    ['an indicator twice', { indicators: [...allForecasts, { indicatorId: 'KF-1', forecast: 1 }] }, ['indicators.4.indicatorId']],
    ['a goal not in the plan', { indicators: allForecasts, goals: [{ goalId: 'N9', assessment: 'partly' }] }, ['goals.0.goalId']],
    ['nothing at all', {}, ['indicators', 'indicators', 'indicators', 'indicators']],
  ])('t1: names %s', (_what, content, paths) => {
    expect(reportProblems('t1', indicators, goalIds, report(content)).map((p) => p.path)).toEqual(paths);
  });

  it('does not ask a tertial report for goal or internal-control assessments', () => {
    expect(reportProblems('t2', indicators, goalIds, report({ indicators: allForecasts }))).toEqual([]);
  });

  it('names the missing indicator by id and name', () => {
    const [problem] = reportProblems('t1', indicators, goalIds, report({ indicators: allForecasts.slice(1) }));
    expect(problem.message).toMatch(/KF-1 \(Andel behöriga lärare\).*forecast/);
  });
});

describe('reportProblems for the annual report', () => {
  it('is complete with an outcome per indicator, every goal assessed and internal control assessed', () => {
    expect(reportProblems('annual', indicators, goalIds, report(completeAnnual))).toEqual([]);
  });

  it.each([
    ['a forecast instead of an outcome', { indicators: [{ indicatorId: 'KF-1', forecast: 90 }, ...allOutcomes.slice(1)] }, ['indicators.0.outcome']],
    ['a goal not assessed', { goals: [{ goalId: 'N1', assessment: 'fulfilled' }] }, ['goals']],
    ['no internal-control assessment', { internalControl: undefined }, ['internalControl']],
    ['partly sufficient without a comment', { internalControl: { assessment: 'partly_sufficient' } }, ['internalControl.comment']],
    ['insufficient with a blank comment', { internalControl: { assessment: 'insufficient', comment: '  ' } }, ['internalControl.comment']],
    ['insufficient with a reason', { internalControl: { assessment: 'insufficient', comment: 'Kontroller sköts upp' } }, []],
    ['sufficient without a comment', { internalControl: { assessment: 'sufficient' } }, []],
  ])('names %s', (_what, change, paths) => {
    expect(reportProblems('annual', indicators, goalIds, report({ ...completeAnnual, ...change })).map((p) => p.path)).toEqual(paths);
  });

  it('names every problem of an empty annual report at once', () => {
    expect(reportProblems('annual', indicators, goalIds, report({})).map((p) => p.path)).toEqual([
      'indicators', 'indicators', 'indicators', 'indicators', 'goals', 'goals', 'internalControl',
    ]);
  });
});

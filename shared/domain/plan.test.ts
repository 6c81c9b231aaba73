import { describe, expect, it } from 'vitest';
import { planContentSchema, type PlanContent } from '../schemas/documents';
import { isRiskScore, planProblems } from './plan';
import { testGoals } from '../../test/support/testGoals';

/** A complete plan for bromma (assigned KF-1 and KF-2). */
const complete: PlanContent = planContentSchema.parse({
  targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: ['Rekrytera'] }],
  ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10 }],
  risks: [{ id: 'R1', title: 'Lärarbrist', probability: 3, consequence: 4 }],
  controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp bemanningen', frequency: 'quarterly' }],
});
const change = (patch: Partial<PlanContent>): PlanContent => ({ ...complete, ...patch });

describe('planProblems', () => {
  it('finds none in a complete plan', () => expect(planProblems(testGoals, 'bromma', complete)).toEqual([]));

  it.each([
    ['an assigned council indicator without a target', change({ targets: [{ indicatorId: 'KF-1', target: 91 }] }), ['targets']],
    ['a target for an unknown indicator', change({ targets: [...complete.targets, { indicatorId: 'KF-9', target: 1 }] }), ['targets.2.indicatorId']],
    ['two targets for one indicator', change({ targets: [...complete.targets, { indicatorId: 'KF-1', target: 1 }] }), ['targets.2.indicatorId']],
    ['a goal linked to an unknown area goal', change({ goals: [{ ...complete.goals[0], areaGoalId: 'D9' }] }), ['goals.0.areaGoalId']],
    ['a goal linked to a direction goal', change({ goals: [{ ...complete.goals[0], areaGoalId: 'D1' }] }), ['goals.0.areaGoalId']],
    ['two goals with one id', change({ goals: [complete.goals[0], complete.goals[0]] }), ['goals.1.id']],
    ['an own indicator on an unknown goal', change({ ownIndicators: [{ ...complete.ownIndicators[0], goalId: 'N9' }] }), ['ownIndicators.0.goalId']],
    ['an own indicator with a council indicator id', change({ ownIndicators: [{ ...complete.ownIndicators[0], id: 'KF-3' }] }), ['ownIndicators.0.id']],
    ['two own indicators with one id', change({ ownIndicators: [complete.ownIndicators[0], complete.ownIndicators[0]] }), ['ownIndicators.1.id']],
    ['a control naming an unknown risk', change({ controls: [{ ...complete.controls[0], riskId: 'R9' }] }), ['controls.0.riskId']],
    ['two controls with one id', change({ controls: [complete.controls[0], complete.controls[0]] }), ['controls.1.id']],
    ['two risks with one id', change({ risks: [complete.risks[0], complete.risks[0]] }), ['risks.1.id']],
  ])('names %s', (_what, content, paths) => {
    expect(planProblems(testGoals, 'bromma', content).map((p) => p.path)).toEqual(paths);
  });

  it.each([
    [5, 4, ['risks.0.probability']],
    [0, 4, ['risks.0.probability']],
    [2.5, 4, ['risks.0.probability']],
    [1, 4, []],
    [4, 1, []],
    [3, -1, ['risks.0.consequence']],
    [undefined, undefined, ['risks.0.probability', 'risks.0.consequence']],
  ])('a risk scored probability %s, consequence %s has problems at %j', (probability, consequence, paths) => {
    const content = change({ risks: [{ id: 'R1', title: 'x', probability, consequence }] });
    expect(planProblems(testGoals, 'bromma', content).map((p) => p.path)).toEqual(paths);
  });

  it('names the missing indicator by id and name', () => {
    const [problem] = planProblems(testGoals, 'bromma', change({ targets: [{ indicatorId: 'KF-2', target: 5 }] }));
    expect(problem.message).toMatch(/KF-1 \(Andel behöriga lärare\)/);
  });

  it('asks each board only for the indicators assigned to it', () => {
    const kista = change({ targets: [{ indicatorId: 'KF-1', target: 91 }] });
    expect(planProblems(testGoals, 'kista', kista).map((p) => p.message)).toEqual([expect.stringMatching(/KF-3/)]);
  });

  it('names every problem of an empty draft at once', () => {
    const draft = planContentSchema.parse({ risks: [{ id: 'R1', title: 'x', probability: 7 }], controls: [{ id: 'C1', riskId: 'R2', description: 'x', frequency: 'monthly' }] });
    expect(planProblems(testGoals, 'bromma', draft).map((p) => p.path)).toEqual(['targets', 'targets', 'risks.0.probability', 'risks.0.consequence', 'controls.0.riskId']);
  });
});

describe('isRiskScore', () => {
  it.each([[1, true], [4, true], [0, false], [5, false], [2.5, false], [Number.NaN, false], [undefined, false]])('%s: %s', (v, ok) => {
    expect(isRiskScore(v)).toBe(ok);
  });
});

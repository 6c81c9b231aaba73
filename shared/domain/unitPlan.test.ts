import { describe, expect, it } from 'vitest';
import { testGoals } from '../../test/support/testGoals';
import { Conflict } from './errors';
import { planContentSchema, type PlanContent } from '../schemas/documents';
import type { DocumentStatus } from '../schemas/common';
import { assertParentPlanApproved, parentIndicatorsOf, unitPlanProblems, unitTargetFindings, type ParentPlan } from './unitPlan';

/** Bromma's approved plan: KF-1 91 (higher is better), KF-2 5 (lower is better), its own N1-1 10 (higher) and N1-2 400 (a sum). */
const parentPlan = planContentSchema.parse({
  targets: [{ indicatorId: 'KF-2', target: 5 }, { indicatorId: 'KF-1', target: 91 }],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1' }, { id: 'N2', title: 'Lägre utsläpp', areaGoalId: 'D2.1' }],
  ownIndicators: [
    { id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10 },
    { id: 'N1-2', goalId: 'N1', name: 'Platser i läxhjälp', unit: 'st', direction: 'higher', target: 400, rollup: 'sum' },
  ],
});
const parent: ParentPlan = { boardId: 'bromma', plan: parentPlan };

/** A complete plan of bromma's unit, every target as ambitious as bromma's. */
const complete: PlanContent = planContentSchema.parse({
  targets: [
    { indicatorId: 'KF-1', target: 91 },
    { indicatorId: 'KF-2', target: 4.5 },
    { indicatorId: 'N1-1', target: 12 },
    { indicatorId: 'N1-2', target: 40 },
  ],
  goals: [{ id: 'E1', title: 'Alla lärare behöriga', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Fortbildning'] }],
  ownIndicators: [{ id: 'E1-1', goalId: 'E1', name: 'Lärare i fortbildning', unit: 'st', direction: 'higher', target: 4 }],
  risks: [{ id: 'R1', title: 'Vakanser', probability: 2, consequence: 3 }],
  controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp vakanser', frequency: 'tertial' }],
});
const change = (patch: Partial<PlanContent>): PlanContent => ({ ...complete, ...patch });
const targetsWith = (indicatorId: string, target: number) => complete.targets.map((t) => (t.indicatorId === indicatorId ? { indicatorId, target } : t));

describe('parentIndicatorsOf', () => {
  it("lists the council's indicators the parent targeted in the council's order, then the parent's own", () => {
    expect(parentIndicatorsOf(testGoals, parentPlan)).toEqual([
      { indicatorId: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 91, source: 'council' },
      { indicatorId: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 5, source: 'council' },
      { indicatorId: 'N1-1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10, source: 'own' },
      { indicatorId: 'N1-2', name: 'Platser i läxhjälp', unit: 'st', direction: 'higher', target: 400, source: 'own', rollup: 'sum' },
    ]);
  });

  it('leaves out a council indicator the parent set no target for, even when the council assigned it to every board', () => {
    const ids = parentIndicatorsOf(testGoals, { targets: [{ indicatorId: 'KF-2', target: 5 }], ownIndicators: [] }).map((i) => i.indicatorId);
    expect(ids).toEqual(['KF-2']);
  });
});

describe('unitPlanProblems', () => {
  it('finds none in a complete unit plan', () => expect(unitPlanProblems(testGoals, parent, complete)).toEqual([]));

  it.each([
    ["a council indicator of the parent's plan without a target", change({ targets: complete.targets.filter((t) => t.indicatorId !== 'KF-2') }), ['targets']],
    ["a parent's own indicator without a target", change({ targets: complete.targets.filter((t) => t.indicatorId !== 'N1-1') }), ['targets']],
    ['no targets at all', change({ targets: [] }), ['targets', 'targets', 'targets', 'targets']],
    ["a council indicator the parent's plan has no target for", change({ targets: [...complete.targets, { indicatorId: 'KF-3', target: 1 }] }), ['targets.4.indicatorId']],
    ['an indicator nobody has', change({ targets: [...complete.targets, { indicatorId: 'X-9', target: 1 }] }), ['targets.4.indicatorId']],
    ['two targets for one indicator', change({ targets: [...complete.targets, { indicatorId: 'KF-1', target: 95 }] }), ['targets.4.indicatorId']],
    ["a goal linked to a goal the parent's plan does not have", change({ goals: [{ ...complete.goals[0], parentGoalId: 'N9' }] }), ['goals.0.parentGoalId']],
    ['a goal linked to an unknown council area goal', change({ goals: [{ ...complete.goals[0], areaGoalId: 'D9' }] }), ['goals.0.areaGoalId']],
    ["an own indicator with the id of the parent's own indicator", change({ ownIndicators: [{ ...complete.ownIndicators[0], id: 'N1-1' }] }), ['ownIndicators.0.id']],
    ['an own indicator with the id of a council indicator', change({ ownIndicators: [{ ...complete.ownIndicators[0], id: 'KF-3' }] }), ['ownIndicators.0.id']],
    ['a risk scored 5', change({ risks: [{ ...complete.risks[0], probability: 5 }] }), ['risks.0.probability']],
    ['a control on an unknown risk', change({ controls: [{ ...complete.controls[0], riskId: 'R9' }] }), ['controls.0.riskId']],
  ])('names %s', (_what, content, paths) => {
    expect(unitPlanProblems(testGoals, parent, content).map((p) => p.path)).toEqual(paths);
  });

  it('accepts a goal that names no goal of the parent', () => {
    const { parentGoalId: _dropped, ...goal } = complete.goals[0];
    expect(unitPlanProblems(testGoals, parent, change({ goals: [goal] }))).toEqual([]);
  });

  it("names the missing indicator with the parent's target", () => {
    const [problem] = unitPlanProblems(testGoals, parent, change({ targets: complete.targets.filter((t) => t.indicatorId !== 'KF-1') }));
    expect(problem.message).toMatch(/KF-1 \(Andel behöriga lärare\) has a target in the plan of bromma \(91 %\)/);
  });

  it("says which indicators the parent's plan has when a target names another", () => {
    const [problem] = unitPlanProblems(testGoals, parent, change({ targets: [...complete.targets, { indicatorId: 'KF-3', target: 1 }] }));
    expect(problem.message).toMatch(/no target for indicator KF-3.*\(KF-1, KF-2, N1-1, N1-2\)/);
  });

  it("says which goals the parent's plan has when a goal names another", () => {
    const [problem] = unitPlanProblems(testGoals, parent, change({ goals: [{ ...complete.goals[0], parentGoalId: 'N9' }] }));
    expect(problem.message).toMatch(/no goal N9.*\(N1, N2\)/);
  });
});

describe('unitTargetFindings', () => {
  const indicators = parentIndicatorsOf(testGoals, parentPlan);
  it.each([
    ['higher is better, below the parent', 'KF-1', 90, { parentTarget: 91, unitTarget: 90, direction: 'higher' }],
    ['higher is better, equal', 'KF-1', 91, undefined],
    ['higher is better, above', 'KF-1', 95, undefined],
    ['lower is better, above the parent', 'KF-2', 5.5, { parentTarget: 5, unitTarget: 5.5, direction: 'lower' }],
    ['lower is better, equal', 'KF-2', 5, undefined],
    ['lower is better, below', 'KF-2', 3, undefined],
    ["the parent's own indicator, below", 'N1-1', 9, { parentTarget: 10, unitTarget: 9, direction: 'higher' }],
    ['an indicator that rolls up as a sum: a part of it is not compared', 'N1-2', 40, undefined],
  ])('%s', (_what, indicatorId, target, finding) => {
    const findings = unitTargetFindings('bromma', indicators, { targets: targetsWith(indicatorId, target) });
    expect(findings).toEqual(finding ? [{ code: 'TARGET_BELOW_PARENT', indicatorId, parentId: 'bromma', ...finding }] : []);
  });

  it('gives one finding per indicator, and none for an indicator the parent has no target for', () => {
    const targets = [{ indicatorId: 'KF-1', target: 80 }, { indicatorId: 'KF-1', target: 70 }, { indicatorId: 'KF-3', target: 9 }];
    expect(unitTargetFindings('bromma', indicators, { targets }).map((f) => f.indicatorId)).toEqual(['KF-1']);
  });
});

describe('assertParentPlanApproved', () => {
  const state = (status: DocumentStatus, parentIsUnit = false) => ({ boardId: 'bromma', name: 'Bromma stadsdelsnämnd', status, parentIsUnit });
  it.each<[DocumentStatus, boolean, RegExp | undefined]>([
    ['approved', false, undefined],
    ['not_started', false, /not started: the editors of bromma must submit it and the city's reviewers approve it/],
    ['draft', false, /draft: the editors of bromma must submit it/],
    ['returned', false, /returned: the editors of bromma must submit it/],
    ['in_review', false, /in review: the city's reviewers must approve it/],
    ['in_review', true, /in review: the office of the board above bromma must approve it/],
  ])('a parent plan %s (the parent a unit itself: %s)', (status, parentIsUnit, message) => {
    const check = () => assertParentPlanApproved('bromma-skola', state(status, parentIsUnit));
    if (!message) expect(check).not.toThrow();
    else {
      expect(check).toThrow(Conflict);
      expect(check).toThrow(message);
    }
  });
});

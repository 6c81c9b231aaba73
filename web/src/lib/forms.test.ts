import { describe, expect, it } from 'vitest';
import { fieldIdForPath, planContentOf, planMissing, reportMissing, targetWarning, toPlanForm, toReportForm } from './forms';
import type { CouncilGoals, ParentContext } from './types';

const goals: CouncilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'Stad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skola',
          indicators: [
            { id: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher', target: 86 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6.5 },
            { id: 'KF-3', name: 'Utsläpp', unit: 't', direction: 'lower', target: 1.5, boards: ['miljo'] },
          ],
        },
      ],
    },
  ],
};
const [higher, lower] = goals.directionGoals[0]!.areaGoals[0]!.indicators as [never, never];

describe('targetWarning (direction-aware)', () => {
  it.each([
    [higher, '80', 80],
    [higher, '86', undefined],
    [higher, '90', undefined],
    [lower, '7', 7],
    [lower, '6,5', undefined],
    [lower, '6,2', undefined],
    [higher, '', undefined],
    [higher, 'abc', undefined],
  ])('%o typed %s warns %s', (indicator, typed, expected) => {
    expect(targetWarning(indicator, typed)).toBe(expected);
  });
});

describe('plan form', () => {
  it('lists the assigned indicators without a target as missing, with the field they belong to', () => {
    const form = toPlanForm({ targets: [{ indicatorId: 'KF-1', target: 86 }] });
    expect(planMissing(form, goals, 'bromma').map((p) => p.fieldId)).toEqual(['f-targets-KF-2']);
    expect(planMissing(form, goals, 'miljo').map((p) => p.fieldId)).toEqual(['f-targets-KF-2', 'f-targets-KF-3']);
  });

  it('reads numbers typed the Swedish way and refuses text where a number goes', () => {
    const form = toPlanForm({});
    form.targets = [
      { indicatorId: 'KF-1', target: '86,5' },
      { indicatorId: 'KF-2', target: 'sex' },
    ];
    const { content, problems } = planContentOf(form, goals);
    expect(content.targets).toEqual([{ indicatorId: 'KF-1', target: 86.5 }]);
    expect(problems.map((p) => p.fieldId)).toEqual(['f-targets-KF-2']);
  });

  it('drops rows left empty and names the missing fields of half-filled ones', () => {
    const form = toPlanForm({});
    form.goals = [
      { id: 'N1', title: '', areaGoalId: '', activities: [''] },
      { id: 'N2', title: 'Mål', areaGoalId: '', activities: [] },
    ];
    form.risks = [{ id: 'R1', title: 'Risk', probability: '5', consequence: '' }];
    const { content, problems } = planContentOf(form, goals);
    expect(content.goals.map((g) => g.id)).toEqual(['N2']);
    expect(problems.map((p) => p.fieldId)).toEqual(['f-goals-N2-areaGoalId']);
    expect(planMissing(form, goals, 'x').map((p) => p.fieldId)).toContain('f-risks-R1-probability');
  });
});

describe('report form', () => {
  const indicators = [{ id: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher' as const, target: 86, source: 'council' as const }];

  it('needs a forecast in a tertial report and an outcome, goal assessments and internal control in the annual one', () => {
    const empty = toReportForm({}, indicators, ['N1']);
    expect(reportMissing('t1', empty, indicators, ['N1']).map((p) => p.fieldId)).toEqual(['f-indicators-KF-1-forecast']);
    expect(reportMissing('annual', empty, indicators, ['N1']).map((p) => p.fieldId)).toEqual([
      'f-indicators-KF-1-outcome',
      'f-goals-N1-assessment',
      'f-internalControl-assessment',
    ]);
  });

  it('needs a comment on internal control unless it is sufficient', () => {
    const form = toReportForm({ internalControl: { assessment: 'partly_sufficient' } }, indicators, []);
    expect(reportMissing('t2', form, indicators, []).map((p) => p.fieldId)).toContain('f-internalControl-comment');
    form.internalControl.assessment = 'sufficient';
    expect(reportMissing('t2', form, indicators, []).map((p) => p.fieldId)).not.toContain('f-internalControl-comment');
  });
});

describe('fieldIdForPath', () => {
  const sent = {
    targets: [{ indicatorId: 'KF-1', target: 1 }],
    goals: [{ id: 'N1', activities: ['a', ''] }],
    risks: [{ id: 'R7' }],
    controls: [{ id: 'C1', riskId: 'R9' }],
  };
  it.each([
    ['body.content.targets.0.target', 'f-targets-KF-1'],
    ['targets.0.indicatorId', 'f-targets-KF-1'],
    ['targets', 's-targets'],
    ['risks.0.probability', 'f-risks-R7-probability'],
    ['body.content.controls.0.riskId', 'f-controls-C1-riskId'],
    ['body.content.goals.0.activities.1', 'f-goals-N1-activities-1'],
    ['internalControl.comment', 'f-internalControl-comment'],
    ['body.comment', 'f-decision-comment'],
  ])('%s → %s', (path, id) => {
    expect(fieldIdForPath(path, sent)).toBe(id);
  });
});

describe("a unit's plan, against its parent's", () => {
  const parent: ParentContext = {
    boardId: 'bromma',
    name: 'Bromma stadsdelsnämnd',
    status: 'approved',
    targets: [
      { indicatorId: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher', target: 88, source: 'council' },
      { indicatorId: 'B-1', name: 'Läsande elever', unit: '%', direction: 'higher', target: 70, source: 'own' },
    ],
    goals: [{ id: 'N1', title: 'Fler behöriga' }],
  };

  it("lists every indicator of the parent's plan without a target, and none of the council's others", () => {
    const form = toPlanForm({ targets: [{ indicatorId: 'KF-1', target: 88 }] });
    expect(planMissing(form, goals, 'bromma-alvik', parent).map((p) => p.fieldId)).toEqual(['f-targets-B-1']);
  });

  it('warns against the parent\'s target, direction-aware', () => {
    expect([targetWarning(parent.targets[0]!, '87'), targetWarning(parent.targets[0]!, '88')]).toEqual([87, undefined]);
  });

  it("keeps a goal's parentGoalId, and drops it when none is chosen", () => {
    const form = toPlanForm({ goals: [{ id: 'N1', title: 'Läsning', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: [] }] });
    expect(planContentOf(form, goals).content.goals[0]).toMatchObject({ parentGoalId: 'N1' });
    form.goals[0]!.parentGoalId = '';
    expect(planContentOf(form, goals).content.goals[0]).not.toHaveProperty('parentGoalId');
  });
});

import { describe, expect, it } from 'vitest';
import { contentSchemaFor, decisionBodySchema, emptyContent, planContentSchema, reportContentSchema, saveDocumentBodyFor, signoffBodySchema } from './documents';

const pathsOf = (result: { error?: { issues: Array<{ path: PropertyKey[] }> } }) => result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('plan content', () => {
  it('saves a draft that would not pass submit: a risk scored 5, a score missing, a control on an unknown risk', () => {
    const draft = {
      risks: [{ id: 'R1', title: 'Staff shortage', probability: 5, consequence: 4 }, { id: 'R2', title: 'IT outage' }],
      controls: [{ id: 'C1', riskId: 'R9', description: 'Check rota', frequency: 'quarterly' }],
    };
    expect(planContentSchema.parse(draft)).toEqual({ targets: [], goals: [], ownIndicators: [], ...draft });
  });

  it.each([
    [{ targets: [{ indicatorId: 'KF-1', target: Number.NaN }] }, ['targets.0.target']],
    [{ targets: [{ indicatorId: 'KF 1', target: 1 }] }, ['targets.0.indicatorId']],
    [{ risks: [{ id: 'R1', title: 'x', probability: '3' }] }, ['risks.0.probability']],
    [{ controls: [{ id: 'C1', riskId: 'R1', description: 'x', frequency: 'x'.repeat(51) }] }, ['controls.0.frequency']],
    [{ goals: [{ id: 'N1', title: 'x', areaGoalId: 'D1.1', activities: ['a'.repeat(1001)] }] }, ['goals.0.activities.0']],
    [{ ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'x', unit: 'st', direction: 'more', target: 1 }] }, ['ownIndicators.0.direction']],
    [{ targets: Array.from({ length: 501 }, (_, i) => ({ indicatorId: `K${i}`, target: 1 })) }, ['targets']],
  ])('%# refuses a malformed plan at %j', (content, paths) => {
    expect(pathsOf(planContentSchema.safeParse(content))).toEqual(paths);
  });
});

describe('report content', () => {
  it.each([
    [{ indicators: [{ indicatorId: 'KF-1', forecast: 89 }] }, []],
    [{ goals: [{ goalId: 'N1', assessment: 'mostly' }] }, ['goals.0.assessment']],
    [{ internalControl: { assessment: 'good' } }, ['internalControl.assessment']],
    [{ internalControl: { assessment: 'partly_sufficient' } }, []],
    [{ analysis: 'x'.repeat(20_001) }, ['analysis']],
  ])('%# %j gives problems at %j', (content, paths) => {
    expect(pathsOf(reportContentSchema.safeParse(content))).toEqual(paths);
  });
});

describe('content by kind', () => {
  it.each([
    ['plan', { targets: [], goals: [], ownIndicators: [], risks: [], controls: [] }],
    ['t1', { indicators: [], goals: [] }],
    ['annual', { indicators: [], goals: [] }],
  ] as const)('an unsaved %s reads as %j', (kind, empty) => {
    expect(emptyContent(kind)).toEqual(empty);
  });

  it('validates the save body by the kind in the path', () => {
    const report = { content: { indicators: [{ indicatorId: 'KF-1', outcome: 3 }] } };
    expect(saveDocumentBodyFor('t2').parse(report)).toEqual({ content: { indicators: [{ indicatorId: 'KF-1', outcome: 3 }], goals: [] } });
    expect(contentSchemaFor('plan').safeParse({ targets: 'x' }).success).toBe(false);
    expect(saveDocumentBodyFor('plan').safeParse({}).success).toBe(false);
  });
});

describe('decision body', () => {
  it.each([
    [{ decision: 'approve' }, []],
    [{ decision: 'approve', comment: 'Good' }, []],
    [{ decision: 'return', comment: 'Raise the target for KF-1' }, []],
    [{ decision: 'return' }, ['comment']],
    [{ decision: 'return', comment: '   ' }, ['comment']],
    [{ decision: 'maybe', comment: 'x' }, ['decision']],
    [{ decision: 'return', comment: 'x', indicatorComments: [{ indicatorId: 'KF-1', comment: '' }] }, ['indicatorComments.0.comment']],
  ])('%j gives problems at %j', (body, paths) => {
    expect(pathsOf(decisionBodySchema.safeParse(body))).toEqual(paths);
  });
});

describe('sign-off body', () => {
  it('defaults the comment and companies', () => {
    expect(signoffBodySchema.parse({})).toEqual({ comment: '', companies: [] });
  });
  it('refuses a verdict without a boolean', () => {
    expect(pathsOf(signoffBodySchema.safeParse({ companies: [{ boardId: 'stadshus-ab', withinPurpose: 'yes' }] }))).toEqual(['companies.0.withinPurpose']);
  });
});

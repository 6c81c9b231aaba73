/**
 * Earlier years of the demo's first meter for the public-site tests: 2023–2025, each with the council's goals (the
 * demo's first direction and area goal, and KF-ELEV-1 for Bromma only) and Bromma's plan and annual report, filed
 * and approved through the API.
 */
import { expect } from 'vitest';
import { demoCouncilGoals } from '../../local/seed';
import { admin, editorOf, reviewer, type TestStack } from '../support/localStack';

export const indicatorId = 'KF-ELEV-1';
export const area = demoCouncilGoals.directionGoals[0]!.areaGoals[0]!;
export const indicator = area.indicators.find((i) => i.id === indicatorId)!;
/** The council's goals of an earlier year: the same direction and area goal and the one indicator, for Bromma only. */
const goalsOf = (target: number) => ({
  directionGoals: [{ ...demoCouncilGoals.directionGoals[0]!, areaGoals: [{ ...area, indicators: [{ ...indicator, target, boards: ['bromma'], rollup: 'none' }] }] }],
});
/** Bromma's outcomes, year by year: rising, and past the council's target (80) every year. */
export const outcomes: Record<number, number> = { 2023: 81, 2024: 83.5, 2025: 86 };

async function ok(answer: Promise<{ status: number; body: unknown }>, ...expected: number[]) {
  const { status, body } = await answer;
  expect(expected, `${status}: ${JSON.stringify(body)}`).toContain(status);
  return body as any;
}

/** Files and approves Bromma's plan and annual report of `year`. */
export async function fileYear(t: TestStack, year: number) {
  const calendar = { planDue: `${year}-01-31`, t1Due: `${year}-05-15`, t2Due: `${year}-09-15`, annualDue: `${year + 1}-02-15`, signoffDue: `${year + 1}-04-15` };
  await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
  await ok(t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goalsOf(80) }), 200);
  const doc = (kind: string) => `/api/cycles/${year}/boards/bromma/documents/${kind}`;
  const approve = async (kind: string, content: object) => {
    await ok(t.api('PUT', doc(kind), { as: editorOf('bromma'), headers: { 'if-match': '"0"' }, body: { content } }), 200);
    await ok(t.api('POST', `${doc(kind)}/submit`, { as: editorOf('bromma') }), 202);
    await t.stack.runDueJobs();
    await ok(t.api('POST', `${doc(kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
    await t.stack.runDueJobs();
  };
  await approve('plan', {
    targets: [{ indicatorId, target: 82 }],
    goals: [{ id: 'N1', title: 'Fler behöriga elever', areaGoalId: area.id, activities: ['Läsfrämjande insatser'] }],
    ownIndicators: [],
    risks: [{ id: 'R1', title: 'Lärarbrist', probability: 3, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp bemanningen', frequency: 'tertial' }],
  });
  await approve('annual', {
    indicators: [{ indicatorId, outcome: outcomes[year] }],
    goals: [{ goalId: 'N1', assessment: 'fulfilled' }],
    internalControl: { assessment: 'sufficient' },
    analysis: 'Fler elever blev behöriga.',
  });
}


/**
 * Writes the compiled report's fixture year (compiledReportYear.ts) through the API of a running local stack, as the
 * boards and the reviewers would: the plans (kista returned by indicator for 85 and approved with 90; utbildning
 * returned and left so), the approved annual reports; the budget and the sections through the cycle's settings port.
 */
import { expect } from 'vitest';
import { fixtureBoards, fixtureBudget, fixturePlans, fixtureReports, fixtureSections } from './compiledReportYear';
import { admin, editorOf, reviewer, type TestStack } from './localStack';
import { testGoals } from './testGoals';

export async function writeFixtureYear(t: TestStack, year: number, calendar: Record<string, string>): Promise<void> {
  const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
  const save = async (boardId: string, kind: string, content: object) => {
    const current = await t.api('GET', doc(boardId, kind), { as: editorOf(boardId) });
    const answer = await t.api('PUT', doc(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  };
  const submit = async (boardId: string, kind: string) => {
    const answer = await t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    await t.stack.runDueJobs();
  };
  const decide = async (boardId: string, kind: string, body: object) => {
    const answer = await t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await t.stack.runDueJobs();
  };

  for (const board of fixtureBoards) {
    const put = await t.api('PUT', `/api/boards/${board.boardId}`, { as: admin, body: { name: board.name, kind: board.kind, contacts: [`k@${board.boardId}.example`] } });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
  }
  expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
  expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: testGoals })).status).toBe(200);
  // The budget and the sections through the cycle's settings port (their routes belong to the economy issue).
  const stamp = { version: 1, updatedAt: `${year - 1}-12-01T08:00:00.000Z`, updatedBy: admin.sub };
  const event = (action: 'budget_replaced' | 'report_sections_replaced') => ({ at: stamp.updatedAt, actor: admin.sub, role: 'admin', action });
  await t.stack.deps.cycles.replaceSetting(year, 'budget', { ...stamp, unit: 'tkr', boards: fixtureBudget }, 0, event('budget_replaced'));
  await t.stack.deps.cycles.replaceSetting(year, 'reportSections', { ...stamp, sections: fixtureSections }, 0, event('report_sections_replaced'));

  for (const plan of fixturePlans) {
    const first = plan.boardId === 'kista' ? { ...plan.content, targets: [{ indicatorId: 'KF-1', target: 85 }, { indicatorId: 'KF-3', target: 1.4 }] } : plan.content;
    await save(plan.boardId, 'plan', first);
    await submit(plan.boardId, 'plan');
    if (plan.boardId === 'kista') {
      await decide('kista', 'plan', { decision: 'return', comment: 'Målet är lägre än fullmäktiges.', indicatorComments: [{ indicatorId: 'KF-1', comment: 'Höj till minst 90.' }] });
      await save('kista', 'plan', plan.content);
      await submit('kista', 'plan');
    }
    if (plan.boardId === 'utbildning') await decide('utbildning', 'plan', { decision: 'return', comment: 'Målet för KF-1 är lägre än fullmäktiges.' });
    else await decide(plan.boardId, 'plan', { decision: 'approve', comment: 'Godkänd.' });
  }
  for (const report of fixtureReports('annual')) {
    await save(report.boardId, 'annual', report.content);
    await submit(report.boardId, 'annual');
    await decide(report.boardId, 'annual', { decision: 'approve', comment: 'Godkänd.' });
  }
}

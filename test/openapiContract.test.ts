import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCycle, seedDemo } from '../local/seed';
import { buildOpenApiDocument } from '../shared/api/openapi';
import * as routes from '../shared/api/routes';
import type { RouteSpec } from '../shared/http/route';
import { admin, editorOf, reviewer, startTestStack, type ApiAnswer, type TestStack } from './support/localStack';

type Answer = { $ref?: string; headers?: Record<string, unknown> };
const document = buildOpenApiDocument();
const documented = (route: RouteSpec, status: number): Answer | undefined => {
  const answer = (document.paths[route.path] as Record<string, { responses: Record<string, Answer> }>)[route.method]!.responses[status];
  return answer?.$ref ? (document.components.responses as Record<string, Answer>)[answer.$ref.split('/').at(-1)!] : answer;
};

/** What the stack really answers, held against GET /api/openapi.json: the status is listed, and ETag and the correlation id are named exactly where sent. */
describe('the OpenAPI document tells the truth about the answers', () => {
  let t: TestStack;
  const seen: string[] = [];
  beforeAll(async () => {
    t = await startTestStack();
    await seedDemo(t.stack.deps);
  });
  afterAll(async () => {
    await t?.stop();
  });

  function check(route: RouteSpec, answer: ApiAnswer, expectedStatus: number) {
    const where = `${route.operationId} ${answer.status}`;
    expect(answer.status, `${where}: ${JSON.stringify(answer.body)}`).toBe(expectedStatus);
    const listed = documented(route, answer.status);
    expect(listed, `${where} is not in the document`).toBeDefined();
    const headers = listed!.headers ?? {};
    expect('etag' in headers, `${where}: ETag documented`).toBe(answer.headers.has('etag'));
    expect('retry-after' in headers, `${where}: Retry-After documented`).toBe(answer.headers.has('retry-after'));
    // The local gateway's own 401 (before any handler runs) carries no correlation id, like API Gateway's.
    if (!(answer.status === 401 && route.auth === 'jwt')) expect(answer.headers.has('x-correlation-id'), `${where}: correlation id sent`).toBe(true);
    expect('x-correlation-id' in headers, `${where}: correlation id documented`).toBe(true);
    seen.push(where);
  }

  it('for boards, cycles, council goals, documents and the public meters', async () => {
    const editor = editorOf('bromma');
    const board = { name: 'Provnämnden', kind: 'specialist', contacts: ['prov@example.org'] };
    check(routes.healthRoute, await t.api('GET', '/api/health'), 200);
    check(routes.openApiRoute, await t.api('GET', '/api/openapi.json'), 200);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: admin, body: board }), 201);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: admin, body: board }), 200);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: editor, body: board }), 403);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: admin, body: { ...board, contacts: [] } }), 422);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: admin, rawBody: '{"name":' }), 400);
    check(routes.putBoardRoute, await t.api('PUT', '/api/boards/prov', { as: admin, body: { ...board, name: 'x'.repeat(300 * 1024) } }), 413);
    check(routes.listBoardsRoute, await t.api('GET', '/api/boards'), 401);
    check(routes.listBoardsRoute, await t.api('GET', '/api/boards', { as: reviewer }), 200);

    const next = { ...demoCycle, year: 2027, calendar: { ...demoCycle.calendar, planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' } };
    check(routes.createCycleRoute, await t.api('POST', '/api/cycles', { as: admin, body: next }), 201);
    check(routes.createCycleRoute, await t.api('POST', '/api/cycles', { as: admin, body: next }), 409);
    check(routes.listCyclesRoute, await t.api('GET', '/api/cycles', { as: reviewer }), 200);
    check(routes.getCycleRoute, await t.api('GET', '/api/cycles/2026', { as: reviewer }), 200);
    check(routes.getCycleRoute, await t.api('GET', '/api/cycles/1999', { as: reviewer }), 400);
    check(routes.getCycleRoute, await t.api('GET', '/api/cycles/2031', { as: reviewer }), 404);
    check(routes.changeCalendarRoute, await t.api('PATCH', '/api/cycles/2027/calendar', { as: admin, body: { reminderDaysBefore: 5 } }), 200);
    check(routes.changeCalendarRoute, await t.api('PATCH', '/api/cycles/2027/calendar', { as: admin, body: { reminderDaysBefore: 6 }, headers: { 'if-match': '"1"' } }), 412);

    const goals = await t.api('GET', '/api/cycles/2026/council-goals', { as: reviewer });
    check(routes.getCouncilGoalsRoute, goals, 200);
    check(routes.getCouncilGoalsRoute, await t.api('GET', '/api/cycles/2027/council-goals', { as: reviewer }), 404);
    const { version: _version, ...goalsBody } = goals.body;
    check(routes.putCouncilGoalsRoute, await t.api('PUT', '/api/cycles/2026/council-goals', { as: admin, body: goalsBody, headers: { 'if-match': goals.headers.get('etag')! } }), 200);
    check(routes.putCouncilGoalsRoute, await t.api('PUT', '/api/cycles/2026/council-goals', { as: admin, body: goalsBody, headers: { 'if-match': goals.headers.get('etag')! } }), 412);

    const budget = { unit: 'tkr', boards: [{ boardId: 'bromma', netCost: 2_731_500 }] };
    check(routes.getBudgetRoute, await t.api('GET', '/api/cycles/2026/budget', { as: editor }), 200);
    check(routes.getBudgetRoute, await t.api('GET', '/api/cycles/2030/budget', { as: editor }), 404);
    check(routes.putBudgetRoute, await t.api('PUT', '/api/cycles/2026/budget', { as: admin, body: budget, headers: { 'if-match': '"0"' } }), 200);
    check(routes.putBudgetRoute, await t.api('PUT', '/api/cycles/2026/budget', { as: admin, body: budget, headers: { 'if-match': '"0"' } }), 412);
    check(routes.putBudgetRoute, await t.api('PUT', '/api/cycles/2026/budget', { as: admin, body: { boards: [{ boardId: 'atlantis', netCost: 1 }] } }), 422);
    check(routes.putBudgetRoute, await t.api('PUT', '/api/cycles/2026/budget', { as: editor, body: budget }), 403);
    check(routes.getReportSectionsRoute, await t.api('GET', '/api/cycles/2026/report-sections', { as: reviewer }), 200);
    check(routes.putReportSectionsRoute, await t.api('PUT', '/api/cycles/2026/report-sections', { as: admin, body: { sections: [] }, headers: { 'if-match': '"0"' } }), 200);
    check(routes.getEconomyOverviewRoute, await t.api('GET', '/api/cycles/2026/economy', { as: editor }), 200);

    const plan = `/api/cycles/2026/boards/bromma/documents/plan`;
    const content = { targets: [{ indicatorId: 'KF-ELEV-1', target: 88 }, { indicatorId: 'KF-ALD-1', target: 86 }, { indicatorId: 'KF-PERS-1', target: 6.2 }, { indicatorId: 'KF-EKON-1', target: 0.5 }] };
    check(routes.getDocumentRoute, await t.api('GET', plan, { as: editor }), 200);
    check(routes.getDocumentRoute, await t.api('GET', '/api/cycles/2026/boards/nowhere/documents/plan', { as: reviewer }), 404);
    check(routes.saveDocumentRoute, await t.api('PUT', plan, { as: editor, body: { content } }), 428);
    check(routes.saveDocumentRoute, await t.api('PUT', plan, { as: editor, body: { content }, headers: { 'if-match': '"0"' } }), 200);
    check(routes.saveDocumentRoute, await t.api('PUT', plan, { as: editor, body: { content }, headers: { 'if-match': '"0"' } }), 412);
    check(routes.submitDocumentRoute, await t.api('POST', `${plan}/submit`, { as: editor }), 202);
    check(routes.submitDocumentRoute, await t.api('POST', `${plan}/submit`, { as: editor }), 409);
    check(routes.decideDocumentRoute, await t.api('POST', `${plan}/decision`, { as: reviewer, body: { decision: 'return' } }), 422);
    check(routes.decideDocumentRoute, await t.api('POST', `${plan}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
    check(routes.documentHistoryRoute, await t.api('GET', `${plan}/history`, { as: editor }), 200);
    check(routes.statusMatrixRoute, await t.api('GET', '/api/cycles/2026/status', { as: reviewer }), 200);
    check(routes.lateRoute, await t.api('GET', '/api/cycles/2026/late', { as: reviewer }), 200);
    check(routes.reviewQueueRoute, await t.api('GET', '/api/review-queue?year=20x6', { as: reviewer }), 400);
    check(routes.reviewQueueRoute, await t.api('GET', '/api/review-queue', { as: reviewer }), 200);
    check(routes.publicMetersRoute, await t.api('GET', '/api/public/cycles/2026/meters'), 200);
    check(routes.publicMetersCsvRoute, await t.api('GET', '/api/public/cycles/2026/meters.csv'), 200);
    check(routes.publicIndicatorRoute, await t.api('GET', '/api/public/indicators/KF-ELEV-1'), 200);
    check(routes.publicIndicatorRoute, await t.api('GET', '/api/public/indicators/KF-NONE'), 404);
    check(routes.publicIndicatorCsvRoute, await t.api('GET', '/api/public/indicators/KF-ELEV-1/series.csv'), 200);
    check(routes.exportBoardYearRoute, await t.api('GET', '/api/cycles/2026/boards/bromma/export', { as: editor }), 200);
    // Most of the route table, each with its success and the refusals a client meets first.
    expect(new Set(seen.map((where) => where.split(' ')[0])).size).toBeGreaterThanOrEqual(20);
  });
});

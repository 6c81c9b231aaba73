import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withMatrix } from '../scripts/authorizationDoc';
import { apiRoutes } from '../shared/api/routes';
import { roles, type Actor } from '../shared/domain/actor';
import { isAllowed } from '../shared/domain/authorization';
import { expectedStatus } from './support/expectedStatus';
import type { RouteSpec } from '../shared/http/route';
import { admin, startTestStack, type Caller, type TestStack } from './support/localStack';

/**
 * Every route × every role (and no token) × own board / other board, against the local stack. The
 * expected answer comes from the same policy table the use cases authorize with.
 */
const ownBoard = 'bromma';
const otherBoard = 'farsta';
const year = 2026;

const sampleBodies: Record<string, unknown> = {
  putBoard: { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example'] },
  createCycle: { year: 2031, calendar: { planDue: '2031-01-31', t1Due: '2031-05-15', t2Due: '2031-09-15', annualDue: '2032-02-15', signoffDue: '2032-04-15' } },
  putCouncilGoals: {
    directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
  },
  putBudget: { unit: 'tkr', boards: [{ boardId: 'bromma', netCost: 1_180_500 }, { boardId: 'farsta', netCost: 1_020_000 }] },
  putReportSections: { sections: [{ id: 'innovation', title: 'Innovation', kinds: ['annual'], required: false }] },
  saveDocument: { content: { targets: [{ indicatorId: 'KF-1', target: 85 }] } },
  decideDocument: { decision: 'return', comment: 'Komplettera.' },
  putUser: { name: 'Matrix Person', email: 'matrix.person@stockholm.example', role: 'reviewer' },
};

function pathFor(route: RouteSpec, boardId: string): string {
  return route.path.replace('{year}', String(year)).replace('{boardId}', boardId).replace('{kind}', 'plan').replace('{userId}', 'matrix.person');
}

const cases = apiRoutes
  .filter((route) => route.auth === 'jwt' && route.action)
  .flatMap((route) =>
    [...roles, 'scoped reviewer' as const, 'anonymous' as const].flatMap((role) =>
      (route.path.includes('{boardId}') ? [true, false] : [true]).map((own) => ({
        route,
        role,
        own,
        expected:
          role === 'scoped reviewer' ? expectedStatus('reviewer', route.action!, own, { scopedReviewer: true }) : expectedStatus(role, route.action!, own),
      })),
    ),
  );

/**
 * Organisation levels: the unit `bromma-skola` below `bromma`. Every route on a board (and the review queue), for the
 * callers the levels add: the parent's editor (its office) on the unit, the unit's own editor on the unit and on its
 * parent, and a reviewer scoped to the parent on the unit. Expected from the policy with the unit's ancestors.
 */
const unit = 'bromma-skola';
const ancestorsOf: Record<string, string[]> = { [unit]: [ownBoard], [ownBoard]: [] };
const levelCallers: ReadonlyArray<{ who: string; caller: Caller; boardId: string }> = [
  { who: "the parent's editor on its unit", caller: { sub: 'office-matrix', role: 'editor', boards: [ownBoard] }, boardId: unit },
  { who: "the unit's own editor", caller: { sub: 'unit-editor-matrix', role: 'editor', boards: [unit] }, boardId: unit },
  { who: "the unit's editor on its parent", caller: { sub: 'unit-editor-matrix', role: 'editor', boards: [unit] }, boardId: ownBoard },
  { who: 'a reviewer scoped to the parent, on the unit', caller: { sub: 'scoped-reviewer-matrix', role: 'reviewer', boards: [ownBoard] }, boardId: unit },
];
const levelCases = apiRoutes
  .filter((route) => route.auth === 'jwt' && route.action && (route.path.includes('{boardId}') || route.action === 'queue.read'))
  .flatMap((route) =>
    levelCallers.map(({ who, caller, boardId }) => {
      const actor: Actor = { sub: caller.sub, role: caller.role, boards: caller.boards ?? [] };
      return { route, who, caller, boardId, expected: isAllowed(actor, route.action!, { boardId, ancestors: ancestorsOf[boardId] }) ? 200 : 403 };
    }),
  );

describe('the authorization matrix over HTTP', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
    for (const boardId of [ownBoard, otherBoard]) {
      await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: boardId, kind: 'district', contacts: [`k@${boardId}.example`] } });
    }
    await t.api('PUT', `/api/boards/${unit}`, { as: admin, body: { name: unit, kind: 'unit', parentId: ownBoard, contacts: [`k@${unit}.example`] } });
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar: { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' } } });
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: sampleBodies.putCouncilGoals });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('is published in the README as generated from the policy table', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme, 'README.md is out of date: run npm run docs').toBe(withMatrix(readme));
  });

  it('covers every protected route', () => {
    const covered = new Set(cases.map((c) => c.route.operationId));
    const protectedRoutes = apiRoutes.filter((route) => route.auth === 'jwt').map((route) => route.operationId);
    expect([...covered].sort()).toEqual(protectedRoutes.sort());
  });

  it.each(cases.map((c) => [`${c.route.method.toUpperCase()} ${c.route.path} as ${c.role} (${c.own ? 'own' : 'other'} board) → ${c.expected === 200 ? 'allowed' : c.expected}`, c] as const))(
    '%s',
    async (_name, { route, role, own, expected }) => {
      const caller: Caller | undefined =
        role === 'anonymous'
          ? undefined
          : role === 'scoped reviewer'
            ? { sub: 'scoped-reviewer-matrix', role: 'reviewer', boards: [ownBoard] }
            : { sub: `${role}-matrix`, role, boards: role === 'reviewer' ? [] : [ownBoard] };
      const answer = await t.api(route.method.toUpperCase(), pathFor(route, own ? ownBoard : otherBoard), {
        as: caller,
        body: sampleBodies[route.operationId],
        headers: { 'if-match': '"0"' },
      });
      if (expected === 200) expect([401, 403], JSON.stringify(answer.body)).not.toContain(answer.status);
      else expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
      if (answer.status >= 400) expect(answer.headers.get('content-type')).toContain('application/problem+json');
    },
  );

  it.each(levelCases.map((c) => [`${c.route.method.toUpperCase()} ${c.route.path} as ${c.who} → ${c.expected === 200 ? 'allowed' : c.expected}`, c] as const))(
    'levels: %s',
    async (_name, { route, caller, boardId, expected }) => {
      const answer = await t.api(route.method.toUpperCase(), pathFor(route, boardId), { as: caller, body: sampleBodies[route.operationId], headers: { 'if-match': '"0"' } });
      if (expected === 200) expect([401, 403], JSON.stringify(answer.body)).not.toContain(answer.status);
      else expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
      if (answer.status >= 400) expect(answer.headers.get('content-type')).toContain('application/problem+json');
    },
  );

  it("covers the levels' decisions: the office decides on its unit, the unit's own editor does not", () => {
    const decide = levelCases.filter((c) => c.route.action === 'documents.decide').map((c) => [c.who, c.expected]);
    expect(decide).toEqual([
      ["the parent's editor on its unit", 200],
      ["the unit's own editor", 403],
      ["the unit's editor on its parent", 403],
      ['a reviewer scoped to the parent, on the unit', 200],
    ]);
  });
});

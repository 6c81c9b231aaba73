/**
 * Organisation levels through the local stack: a unit below a board plans against the board's approved plan, is
 * decided on by the board's office (never by its own editors), shows in that office's review queue, and reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, startTestStack, type Caller, type TestStack } from './support/localStack';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15', unitLeadDays: 10 };
const councilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En modern storstad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når målen',
          indicators: [
            { id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
            { id: 'KF-3', name: 'Museibesök', unit: 'st', direction: 'higher', target: 1000, boards: ['kultur'] },
          ],
        },
      ],
    },
  ],
};
const boardPlan = {
  content: {
    targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5.5 }],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200, rollup: 'sum' }],
    risks: [{ id: 'R1', title: 'Brist på lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekrytering', frequency: 'quarterly' }],
  },
};
const unitTargets = [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5.5 }, { indicatorId: 'N1-1', target: 40 }];
const unitPlan = (targets: Array<{ indicatorId: string; target: number }>) => ({
  content: {
    targets,
    goals: [{ id: 'E1', title: 'Alla elever läser', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Läsfrämjande'] }],
    ownIndicators: [{ id: 'E1-1', goalId: 'E1', name: 'Elever i läsprojekt', unit: 'st', direction: 'higher', target: 60 }],
    risks: [{ id: 'R1', title: 'Vakanser', probability: 2, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp vakanser', frequency: 'tertial' }],
  },
});
const doc = (boardId: string, kind = 'plan') => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
const office = editorOf('bromma');
const unitEditor = editorOf('bromma-skola');

describe('organisation levels through the local stack', () => {
  let t: TestStack;
  const save = async (boardId: string, kind: string, body: unknown, as: Caller = editorOf(boardId)) => {
    const current = await t.api('GET', doc(boardId, kind), { as });
    const saved = await t.api('PUT', doc(boardId, kind), { as, headers: { 'if-match': current.headers.get('etag')! }, body });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  };
  const submit = (boardId: string, kind = 'plan') => t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) });
  const boardList = async () => (await t.api('GET', '/api/boards', { as: admin })).body.boards;

  beforeAll(async () => {
    t = await startTestStack();
    const boards: Array<[string, object]> = [
      ['bromma', { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example'] }],
      ['bromma-skola', { name: 'Brommaskolan', kind: 'unit', parentId: 'bromma', contacts: ['rektor@brommaskolan.example'] }],
      ['kultur', { name: 'Kulturnämnden', kind: 'specialist', contacts: ['kansli@kultur.example'] }],
    ];
    for (const [boardId, body] of boards) {
      const answer = await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals })).status).toBe(200);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses an unknown parent and a loop with 422 problem+json, and changes nothing', async () => {
    const before = await boardList();
    const unknown = await t.api('PUT', '/api/boards/atlantis-skola', { as: admin, body: { name: 'Atlantisskolan', kind: 'unit', parentId: 'atlantis', contacts: ['rektor@atlantis.example'] } });
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.errors).toEqual([{ path: 'parentId', message: expect.stringMatching(/there is no board atlantis/) }]);

    const loop = await t.api('PUT', '/api/boards/bromma', { as: admin, body: { name: 'Bromma stadsdelsnämnd', kind: 'district', parentId: 'bromma-skola', contacts: ['kansli@bromma.example'] } });
    expect(loop.status).toBe(422);
    expect(loop.headers.get('content-type')).toContain('application/problem+json');
    expect(loop.body.detail).toMatch(/loop/);
    expect(await boardList()).toEqual(before);
    expect(before.map((board: { boardId: string; parentId: string | null }) => [board.boardId, board.parentId])).toEqual([['bromma', null], ['bromma-skola', 'bromma'], ['kultur', null]]);
  });

  it("walks a unit's plan and report up to its board's office", async () => {
    // The unit's editor drafts before the board has planned: the form knows its parent, its own due date, and that it must wait.
    await save('bromma-skola', 'plan', unitPlan(unitTargets));
    const drafted = await t.api('GET', doc('bromma-skola'), { as: unitEditor });
    expect(drafted.body).toMatchObject({ status: 'draft', due: '2026-02-10', parentId: 'bromma', parent: { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', status: 'not_started', targets: [], goals: [] } });
    expect((await t.api('GET', doc('bromma'), { as: office })).body).toMatchObject({ due: '2026-01-31' });
    expect((await t.api('GET', doc('bromma'), { as: office })).body).not.toHaveProperty('parent');

    const early = await submit('bromma-skola');
    expect(early.status, JSON.stringify(early.body)).toBe(409);
    expect(early.headers.get('content-type')).toContain('application/problem+json');
    expect(early.body.detail).toMatch(/approved plan of Bromma stadsdelsnämnd \(bromma\).*the editors of bromma must submit it and the city's reviewers approve it/);

    // The board plans and the city approves.
    await save('bromma', 'plan', boardPlan);
    expect((await submit('bromma')).status).toBe(202);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${doc('bromma')}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Bra.' } })).status).toBe(200);
    await t.stack.runDueJobs();

    // Now the unit's form shows the targets to plan against.
    const form = await t.api('GET', doc('bromma-skola'), { as: unitEditor });
    expect(form.body.parent).toEqual({
      boardId: 'bromma',
      name: 'Bromma stadsdelsnämnd',
      status: 'approved',
      targets: [
        { indicatorId: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 91, source: 'council' },
        { indicatorId: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 5.5, source: 'council' },
        { indicatorId: 'N1-1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200, source: 'own', rollup: 'sum' },
      ],
      goals: [{ id: 'N1', title: 'Fler elever klarar skolan' }],
    });

    // A missing target, then one for an indicator bromma's plan does not have: 422 naming it, and nothing changes.
    await save('bromma-skola', 'plan', unitPlan(unitTargets.filter((target) => target.indicatorId !== 'N1-1')));
    const missing = await submit('bromma-skola');
    expect(missing.status).toBe(422);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body.errors).toEqual([{ path: 'targets', message: expect.stringMatching(/N1-1 \(Deltagare i läxhjälp\) has a target in the plan of bromma/) }]);
    await save('bromma-skola', 'plan', unitPlan([...unitTargets, { indicatorId: 'KF-3', target: 10 }]));
    const unknown = await submit('bromma-skola');
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ path: 'targets.3.indicatorId', message: expect.stringMatching(/no target for indicator KF-3.*\(KF-1, KF-2, N1-1\)/) }]);
    expect((await t.api('GET', doc('bromma-skola'), { as: unitEditor })).body.status).toBe('draft');

    // A target below bromma's is a finding for bromma's office to weigh; N1-1 rolls up as a sum, so the unit's 40 of 200 is not.
    await save('bromma-skola', 'plan', unitPlan([{ indicatorId: 'KF-1', target: 88 }, ...unitTargets.slice(1)]));
    const submitted = await submit('bromma-skola');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    expect(submitted.body.findings).toEqual([
      { code: 'TARGET_BELOW_PARENT', indicatorId: 'KF-1', parentId: 'bromma', parentTarget: 91, unitTarget: 88, direction: 'higher' },
    ]);
    await t.stack.runDueJobs();

    // The unit's own editor may not decide on it.
    const own = await t.api('POST', `${doc('bromma-skola')}/decision`, { as: unitEditor, body: { decision: 'approve', comment: '' } });
    expect(own.status).toBe(403);
    expect(own.headers.get('content-type')).toContain('application/problem+json');
    expect(own.body.detail).toMatch(/belongs to the office of the board above it/);

    // Bromma's office finds it in its queue; the city's reviewers see it only when they ask for units.
    const queue = await t.api('GET', `/api/review-queue?year=${year}`, { as: office });
    expect(queue.status).toBe(200);
    expect(queue.body.documents).toEqual([
      expect.objectContaining({ boardId: 'bromma-skola', boardName: 'Brommaskolan', boardKind: 'unit', parentId: 'bromma', kind: 'plan', findings: 1 }),
    ]);
    expect((await t.api('GET', `/api/review-queue?year=${year}`, { as: reviewer })).body.documents).toEqual([]);
    expect((await t.api('GET', `/api/review-queue?year=${year}&level=units`, { as: reviewer })).body.documents.map((entry: { boardId: string }) => entry.boardId)).toEqual(['bromma-skola']);

    const approved = await t.api('POST', `${doc('bromma-skola')}/decision`, { as: office, body: { decision: 'approve', comment: 'Godkänd av förvaltningen.' } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', parentId: 'bromma' });
    await t.stack.runDueJobs();
    const history = await t.api('GET', `${doc('bromma-skola')}/history`, { as: unitEditor });
    expect(history.body.events.at(-1)).toMatchObject({ action: 'approved', actor: office.sub, from: 'in_review', to: 'approved' });
    expect((await t.api('GET', `/api/review-queue?year=${year}`, { as: office })).body.documents).toEqual([]);

    // The unit's first tertial report: a forecast for each indicator of its own plan, bromma's N1-1 included.
    const t1 = { content: { indicators: ['KF-1', 'KF-2', 'N1-1', 'E1-1'].map((indicatorId) => ({ indicatorId, outcome: 1, forecast: 2 })) } };
    await save('bromma-skola', 't1', { content: { indicators: t1.content.indicators.slice(0, 2) } });
    const incomplete = await submit('bromma-skola', 't1');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: { message: string }) => e.message)).toEqual([expect.stringMatching(/N1-1/), expect.stringMatching(/E1-1/)]);
    await save('bromma-skola', 't1', t1);
    const report = await t.api('GET', doc('bromma-skola', 't1'), { as: unitEditor });
    expect(report.body.due).toBe('2026-05-05');
    expect((await submit('bromma-skola', 't1')).status).toBe(202);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${doc('bromma-skola', 't1')}/decision`, { as: unitEditor, body: { decision: 'approve', comment: '' } })).status).toBe(403);
    const reportApproved = await t.api('POST', `${doc('bromma-skola', 't1')}/decision`, { as: office, body: { decision: 'approve', comment: 'Bra.' } });
    expect(reportApproved.status, JSON.stringify(reportApproved.body)).toBe(200);
    await t.stack.runDueJobs();
    expect((await t.api('GET', doc('bromma-skola', 't1'), { as: office })).body).toMatchObject({ status: 'approved', parentId: 'bromma' });
  });
});

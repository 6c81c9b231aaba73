/**
 * A new year from the last one, through the local stack: the preview says what will be copied, POST /api/cycles with
 * copyFrom copies it (council goals, each board's approved plan as a draft, units included, archived boards left
 * out), the year's lean reads say draft, and a refused request changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2026;
const next = 2027;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15', unitLeadDays: 10 };
const councilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En modern storstad',
      areaGoals: [{ id: 'D1.1', title: 'Alla elever når målen', indicators: [{ id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90 }] }],
    },
  ],
};
const plan = {
  content: {
    targets: [{ indicatorId: 'KF-1', target: 91 }],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200 }],
    risks: [{ id: 'R1', title: 'Brist på lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekrytering', frequency: 'quarterly' }],
  },
};
const unitPlan = {
  content: {
    targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'N1-1', target: 40 }],
    goals: [{ id: 'E1', title: 'Alla elever läser', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Läsfrämjande'] }],
    ownIndicators: [],
    risks: [{ id: 'R1', title: 'Vakanser', probability: 2, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp vakanser', frequency: 'tertial' }],
  },
};
const doc = (y: number, boardId: string) => `/api/cycles/${y}/boards/${boardId}/documents/plan`;

describe('a new year copied from the last, through the local stack', () => {
  let t: TestStack;
  const approve = async (boardId: string, body: unknown, decider = reviewer) => {
    const saved = await t.api('PUT', doc(year, boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await t.api('POST', `${doc(year, boardId)}/submit`, { as: editorOf(boardId) })).status).toBe(202);
    await t.stack.runDueJobs();
    const decided = await t.api('POST', `${doc(year, boardId)}/decision`, { as: decider, body: { decision: 'approve', comment: 'Bra.' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await t.stack.runDueJobs();
  };

  beforeAll(async () => {
    t = await startTestStack();
    const boards = [
      ['bromma', { name: 'Bromma', kind: 'district' }],
      ['bromma-skola', { name: 'Brommaskolan', kind: 'unit', parentId: 'bromma' }],
      ['farsta', { name: 'Farsta', kind: 'district' }],
      ['kultur', { name: 'Kulturnämnden', kind: 'specialist' }],
    ] as const;
    for (const [boardId, body] of boards) {
      expect((await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { ...body, contacts: [`kansli@${boardId}.example`] } })).status).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals })).status).toBe(200);
    await approve('bromma', plan);
    await approve('farsta', plan);
    await approve('bromma-skola', unitPlan, editorOf('bromma'));
    // Farsta is archived after its year: it keeps its 2026 plan and is left out of 2027.
    const farsta = await t.api('GET', '/api/boards', { as: admin });
    const entry = farsta.body.boards.find((b: { boardId: string }) => b.boardId === 'farsta');
    expect((await t.api('PUT', '/api/boards/farsta', { as: admin, body: { name: entry.name, kind: entry.kind, contacts: entry.contacts, archived: true } })).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('previews what will be copied, for admins only, and changes nothing', async () => {
    const preview = await t.api('GET', `/api/cycles/${year}/copy-preview?to=${next}`, { as: admin });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({
      from: year,
      to: next,
      exists: false,
      calendar: { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15', unitLeadDays: 10 },
      councilGoals: { present: true, directionGoals: 1, areaGoals: 1, indicators: 1 },
      plans: [
        { boardId: 'bromma', name: 'Bromma', parentId: null },
        { boardId: 'bromma-skola', name: 'Brommaskolan', parentId: 'bromma' },
      ],
      withoutPlan: [{ boardId: 'kultur', name: 'Kulturnämnden', parentId: null, status: 'not_started' }],
    });
    expect((await t.api('GET', `/api/cycles/${year}/copy-preview`, { as: reviewer })).status).toBe(403);
    expect((await t.api('GET', `/api/cycles/2019/copy-preview`, { as: admin })).status).toBe(404);
    expect((await t.api('GET', `/api/cycles/${next}`, { as: admin })).status).toBe(404);
  });

  it('answers 422 naming an unknown source year, and opens nothing', async () => {
    const refused = await t.api('POST', '/api/cycles', { as: admin, body: { year: next, copyFrom: 2019 } });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('2019');
    expect(refused.body.errors).toEqual([{ path: 'copyFrom', message: expect.stringContaining('2019') }]);
    const noCalendar = await t.api('POST', '/api/cycles', { as: admin, body: { year: next } });
    expect(noCalendar.status).toBe(422);
    expect(noCalendar.body.errors).toEqual([expect.objectContaining({ path: 'body.calendar' })]);
    expect((await t.api('GET', `/api/cycles/${next}`, { as: admin })).status).toBe(404);
  });

  it('opens the year with the moved calendar, the council goals and a draft of each approved plan; a retry answers the same', async () => {
    const key = { 'idempotency-key': 'open-2027-from-2026' };
    const opened = await t.api('POST', '/api/cycles', { as: admin, headers: key, body: { year: next, copyFrom: year } });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    expect(opened.body).toMatchObject({ year: next, state: 'open', calendar: { planDue: '2027-01-31', signoffDue: '2028-04-15', unitLeadDays: 10 }, copied: { from: year, councilGoals: true, plans: 2 } });
    const retried = await t.api('POST', '/api/cycles', { as: admin, headers: key, body: { year: next, copyFrom: year } });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(opened.body);
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year: next, copyFrom: year } })).status).toBe(409);

    const goals = await t.api('GET', `/api/cycles/${next}/council-goals`, { as: editorOf('bromma') });
    expect(goals.body.directionGoals).toEqual(councilGoals.directionGoals);

    for (const [boardId, source] of [['bromma', plan], ['bromma-skola', unitPlan]] as const) {
      const copied = await t.api('GET', doc(next, boardId), { as: editorOf(boardId) });
      expect(copied.body).toMatchObject({ status: 'draft', version: 1, content: source.content, comments: [] });
      expect(copied.headers.get('etag')).toBe('"1"');
      const history = await t.api('GET', `${doc(next, boardId)}/history`, { as: editorOf(boardId) });
      expect(history.body.events).toEqual([expect.objectContaining({ action: 'copied', from: 'not_started', to: 'draft', actor: admin.sub })]);
    }
    expect((await t.api('GET', doc(next, 'farsta'), { as: admin })).body.status).toBe('not_started');
    expect((await t.api('GET', doc(next, 'kultur'), { as: admin })).body.status).toBe('not_started');

    // The lean reads of the year say draft: the status matrix (top and the units), and the late list once the plans are due.
    const matrix = await t.api('GET', `/api/cycles/${next}/status`, { as: reviewer });
    expect(Object.fromEntries(matrix.body.boards.map((b: { boardId: string; documents: { plan: { status: string } } }) => [b.boardId, b.documents.plan.status]))).toEqual({ bromma: 'draft', kultur: 'not_started' });
    const units = await t.api('GET', `/api/cycles/${next}/status?parent=bromma`, { as: reviewer });
    expect(units.body.boards.map((b: { boardId: string; documents: { plan: { status: string } } }) => [b.boardId, b.documents.plan.status])).toEqual([['bromma-skola', 'draft']]);

    const history = await t.api('GET', `/api/cycles/${next}/history`, { as: admin });
    expect(history.body.events.map((e: { action: string; details?: { copiedFrom?: number } }) => [e.action, e.details?.copiedFrom])).toEqual([
      ['opened', year],
      ['council_goals_replaced', year],
    ]);

    // The editor carries on from the copy with the ETag it got.
    const edited = await t.api('PUT', doc(next, 'bromma'), { as: editorOf('bromma'), headers: { 'if-match': '"1"' }, body: { content: { ...plan.content, targets: [{ indicatorId: 'KF-1', target: 93 }] } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
  });
});

/**
 * Organisation levels end to end on the local stack: two units' approved tertial reports roll up into their parent's
 * T1 (by each indicator's rule, with the goal assessments counted), and the status matrix drills down from the
 * top-level boards into a board's units and counts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15', unitLeadDays: 10 };
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad där alla kan leva ett gott liv',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skolan',
          indicators: [
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, rollup: 'weighted', weightBy: 'pupils' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, rollup: 'mean' },
          ],
        },
      ],
    },
  ],
};
const parentPlan = {
  content: {
    targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5.5 }],
    goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1' }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10, rollup: 'sum' }],
  },
};
const unitPlan = {
  content: {
    // A unit targets every indicator of its parent's approved plan: the council's and the parent's own (N1-1).
    targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5 }, { indicatorId: 'N1-1', target: 3 }],
    goals: [{ id: 'S1', title: 'Behöriga lärare i varje klass', areaGoalId: 'D1.1', parentGoalId: 'N1' }],
  },
};
const unitT1 = (kf1: [number, number], kf2: [number, number], teachers: [number, number], assessment: string) => ({
  content: {
    indicators: [
      { indicatorId: 'KF-1', outcome: kf1[0], forecast: kf1[1] },
      { indicatorId: 'KF-2', outcome: kf2[0], forecast: kf2[1] },
      { indicatorId: 'N1-1', outcome: teachers[0], forecast: teachers[1] },
    ],
    goals: [{ goalId: 'S1', assessment }],
  },
});
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;

describe('organisation levels: the roll-up and the drill-down', () => {
  let t: TestStack;

  async function save(boardId: string, kind: string, body: object) {
    const current = await t.api('GET', doc(boardId, kind), { as: editorOf(boardId) });
    const answer = await t.api('PUT', doc(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }

  /** Submits (which names a unit's parent on its document) and approves as an unscoped reviewer. */
  async function submitAndApprove(boardId: string, kind: string) {
    const submitted = await t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    await t.stack.runDueJobs();
    const decided = await t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await t.stack.runDueJobs();
  }

  beforeAll(async () => {
    t = await startTestStack();
    const boards = [
      { boardId: 'bromma', body: { name: 'Bromma stadsdelsnämnd', kind: 'district' } },
      { boardId: 'kista', body: { name: 'Kista stadsdelsnämnd', kind: 'district' } },
      { boardId: 'alvik', body: { name: 'Alviksskolan', kind: 'unit', parentId: 'bromma', attributes: { pupils: 300 } } },
      { boardId: 'abacka', body: { name: 'Äppelviksskolan', kind: 'unit', parentId: 'bromma', attributes: { pupils: 100 } } },
    ];
    for (const { boardId, body } of boards) {
      const put = await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { ...body, contacts: [`k@${boardId}.example`] } });
      expect(put.status, JSON.stringify(put.body)).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals })).status).toBe(200);

    await save('bromma', 'plan', parentPlan);
    await submitAndApprove('bromma', 'plan');
    await save('kista', 'plan', { content: { targets: parentPlan.content.targets, goals: parentPlan.content.goals } });
    await submitAndApprove('kista', 'plan');
    for (const [boardId, report] of [
      ['alvik', unitT1([80, 82], [5, 5.5], [3, 4], 'fulfilled')],
      ['abacka', unitT1([96, 94], [7, 6.5], [1, 2], 'partly')],
    ] as const) {
      await save(boardId, 'plan', unitPlan);
      await submitAndApprove(boardId, 'plan');
      await save(boardId, 't1', report);
      await submitAndApprove(boardId, 't1');
    }
    await save('bromma', 't1', { content: { indicators: [{ indicatorId: 'KF-1', forecast: 88 }] } });
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("rolls the units' approved T1 reports up into the parent's T1, by each indicator's rule", async () => {
    const t1 = await t.api('GET', doc('bromma', 't1'), { as: editorOf('bromma') });
    expect(t1.status).toBe(200);
    expect(t1.body).toMatchObject({ status: 'draft', content: { indicators: [{ indicatorId: 'KF-1', forecast: 88 }] } });
    const { rollup } = t1.body;
    expect(rollup).toMatchObject({ units: 2, reported: 2, goals: [{ goalId: 'N1', fulfilled: 1, partly: 1, not: 0, units: 2 }] });
    expect(rollup.indicators).toEqual([
      {
        indicatorId: 'KF-1',
        rule: 'weighted',
        weightBy: 'pupils',
        units: [
          { boardId: 'abacka', name: 'Äppelviksskolan', outcome: 96, forecast: 94, weight: 100 },
          { boardId: 'alvik', name: 'Alviksskolan', outcome: 80, forecast: 82, weight: 300 },
        ],
        // (96·100 + 80·300) / 400 and (94·100 + 82·300) / 400
        aggregate: { outcome: 84, forecast: 85 },
      },
      {
        indicatorId: 'KF-2',
        rule: 'mean',
        units: [
          { boardId: 'abacka', name: 'Äppelviksskolan', outcome: 7, forecast: 6.5 },
          { boardId: 'alvik', name: 'Alviksskolan', outcome: 5, forecast: 5.5 },
        ],
        aggregate: { outcome: 6, forecast: 6 },
      },
      {
        indicatorId: 'N1-1',
        rule: 'sum',
        units: [
          { boardId: 'abacka', name: 'Äppelviksskolan', outcome: 1, forecast: 2 },
          { boardId: 'alvik', name: 'Alviksskolan', outcome: 3, forecast: 4 },
        ],
        aggregate: { outcome: 4, forecast: 6 },
      },
    ]);
    // No unit has an approved T2 yet: the parent's T2 counts its units, none reported.
    expect((await t.api('GET', doc('bromma', 't2'), { as: reviewer })).body.rollup).toMatchObject({ units: 2, reported: 0, indicators: [{ indicatorId: 'KF-1', units: [], aggregate: null }, {}, {}] });
  });

  it('rolls up nothing for a board without units, nor for a plan or a unit', async () => {
    for (const path of [doc('kista', 't1'), doc('bromma', 'plan'), doc('alvik', 't1')]) {
      const answer = await t.api('GET', path, { as: reviewer });
      expect(answer.status).toBe(200);
      expect(answer.body, path).not.toHaveProperty('rollup');
    }
  });

  it("drills the status matrix down from the top-level boards into a board's units, counting them", async () => {
    const top = await t.api('GET', `/api/cycles/${year}/status`, { as: reviewer });
    expect(top.status).toBe(200);
    expect(top.body.boards.map((board: { boardId: string; parentId: string | null; children: number }) => [board.boardId, board.parentId, board.children])).toEqual([
      ['bromma', null, 2],
      ['kista', null, 0],
    ]);
    const [bromma, kista] = top.body.boards;
    expect(bromma.documents.plan).toEqual({ status: 'approved', due: '2026-01-31', late: false, units: { total: 2, approved: 2, late: 0 } });
    expect(bromma.documents.t1).toEqual({ status: 'draft', due: '2026-05-15', late: false, units: { total: 2, approved: 2, late: 0 } });
    expect(bromma.documents.t2.units).toEqual({ total: 2, approved: 0, late: 0 });
    expect(kista.documents.t1).not.toHaveProperty('units');

    const units = await t.api('GET', `/api/cycles/${year}/status?parent=bromma`, { as: reviewer });
    expect(units.status).toBe(200);
    expect(units.body.boards.map((board: { boardId: string; parentId: string; children: number }) => [board.boardId, board.parentId, board.children])).toEqual([
      ['abacka', 'bromma', 0],
      ['alvik', 'bromma', 0],
    ]);
    // A unit plans unitLeadDays after its parent and reports as many days before.
    expect(units.body.boards[1].documents).toMatchObject({
      plan: { status: 'approved', due: '2026-02-10', late: false },
      t1: { status: 'approved', due: '2026-05-05', late: false },
      t2: { status: 'not_started', due: '2026-09-05' },
    });
    expect(units.body.boards[1].documents.plan).not.toHaveProperty('units');

    const unknown = await t.api('GET', `/api/cycles/${year}/status?parent=atlantis`, { as: reviewer });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body.detail).toMatch(/atlantis/);
  });

  it('keeps the units off the public meters', async () => {
    const meters = await t.api('GET', `/api/public/cycles/${year}/meters`);
    expect(meters.status).toBe(200);
    const kf1 = meters.body.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-1');
    expect(kf1.boards.map((board: { boardId: string }) => board.boardId)).toEqual(['bromma', 'kista']);
  });
});

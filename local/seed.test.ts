import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allIndicators } from '../shared/domain/councilGoals';
import { admin, reviewer, startTestStack, type TestStack } from '../test/support/localStack';
import { demoBoardPlans, demoBoards, demoCouncilGoals, demoPeople, demoUnitDrafts, demoUnits, seedDemo, signInHints } from './seed';

const plan = (boardId: string) => `/api/cycles/2026/boards/${boardId}/documents/plan`;

/** The demo npm start seeds, on the local stack: its units, and the boards' plans filed through the review workflow. */
describe('the demo seed', () => {
  let t: TestStack;
  let seedMs = 0;
  beforeAll(async () => {
    t = await startTestStack();
    const started = Date.now();
    expect(await seedDemo(t.stack.deps, { plans: true })).toEqual({ seeded: true });
    seedMs = Date.now() - started;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('puts the units below Bromma and Utbildningsnämnden, with their sizes and a contact each', async () => {
    const { body } = await t.api('GET', '/api/boards', { as: reviewer });
    expect(body.boards).toHaveLength(demoBoards.length + demoUnits.length);
    const units = body.boards.filter((board: { kind: string }) => board.kind === 'unit');
    expect(Object.fromEntries(units.map((unit: { boardId: string; parentId: string; attributes: object }) => [unit.boardId, [unit.parentId, unit.attributes]]))).toEqual({
      'bromma-alviksskolan': ['bromma', { pupils: 540 }],
      'bromma-abrahamsbergsskolan': ['bromma', { pupils: 380 }],
      'bromma-forskolor-vast': ['bromma', { children: 420 }],
      'bromma-riksby-vobo': ['bromma', { beds: 64 }],
      'utbildning-kungsholmens-gymnasium': ['utbildning', { pupils: 1150 }],
      'utbildning-norra-real': ['utbildning', { pupils: 1050 }],
      'utbildning-sodra-latin': ['utbildning', { pupils: 1100 }],
    });
    for (const unit of units) expect(unit.contacts).toHaveLength(1);
    expect(body.boards.find((board: { boardId: string }) => board.boardId === 'bromma').parentId).toBeNull();
  });

  it('gives every council indicator a roll-up rule, and weighs only by attributes the demo units have or a subsidiary would', () => {
    for (const { indicator } of allIndicators(demoCouncilGoals)) {
      expect(indicator.rollup, indicator.id).toBeDefined();
      expect(indicator.weightBy === undefined, indicator.id).toBe(indicator.rollup !== 'weighted');
    }
  });

  it("approves the boards' plans through the review workflow, with the history and the year's summary of a real round", async () => {
    for (const { boardId } of demoBoardPlans) {
      const document = await t.api('GET', plan(boardId), { as: reviewer });
      expect(document.body.status, boardId).toBe('approved');
      const history = await t.api('GET', `${plan(boardId)}/history`, { as: reviewer });
      expect(history.body.events.map((event: { action: string; to: string }) => [event.action, event.to])).toEqual([
        ['saved', 'draft'],
        ['submitted', 'in_review'],
        ['approved', 'approved'],
      ]);
    }
    const status = await t.api('GET', '/api/cycles/2026/status', { as: reviewer });
    const planStatus = Object.fromEntries(status.body.boards.map((row: { boardId: string; documents: { plan: { status: string } } }) => [row.boardId, row.documents.plan.status]));
    expect(planStatus).toMatchObject({ bromma: 'approved', utbildning: 'approved', farsta: 'not_started' });
    // The workflows went on to tell the boards: each round ends with its approval notice.
    await t.stack.runDueJobs();
    const approvals = (await t.stack.outbox.list()).filter((message) => message.kind === 'approved').map((message) => message.boardId);
    expect(approvals.sort()).toEqual(['bromma', 'utbildning']);
  });

  it("leaves the units' plans in draft or not started, for their editors to file", async () => {
    for (const unit of demoUnits) {
      const draft = demoUnitDrafts.find((candidate) => candidate.boardId === unit.boardId);
      const document = await t.api('GET', plan(unit.boardId), { as: reviewer });
      expect(document.body.status, unit.boardId).toBe(draft ? 'draft' : 'not_started');
      if (draft) expect(document.body.content.targets).toEqual(draft.content.targets);
    }
  });

  it("lets a new user walk Alviksskolan's draft up to Bromma: the unit submits, its own editor may not decide, Bromma's office approves", async () => {
    const lena = demoPeople.unitEditor;
    const erik = demoPeople.brommaEditor;
    const submitted = await t.api('POST', `${plan('bromma-alviksskolan')}/submit`, { as: lena });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    // The sickness-absence target is less ambitious than Bromma's: the office sees it.
    expect(submitted.body.findings).toEqual([expect.objectContaining({ code: 'TARGET_BELOW_PARENT', indicatorId: 'KF-PERS-1', parentTarget: 6.2, unitTarget: 6.4 })]);
    const queue = await t.api('GET', '/api/review-queue?year=2026', { as: erik });
    expect(queue.body.documents.map((entry: { boardId: string }) => entry.boardId)).toEqual(['bromma-alviksskolan']);
    const own = await t.api('POST', `${plan('bromma-alviksskolan')}/decision`, { as: lena, body: { decision: 'approve', comment: 'Godkänd.' } });
    expect(own.status).toBe(403);
    const decided = await t.api('POST', `${plan('bromma-alviksskolan')}/decision`, { as: erik, body: { decision: 'approve', comment: 'Godkänd av Bromma.' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    // Olof's draft for Norra Real fits Utbildningsnämnden's plan as it stands: no finding.
    const norraReal = await t.api('POST', `${plan('utbildning-norra-real')}/submit`, { as: demoPeople.norraRealEditor });
    expect(norraReal.status, JSON.stringify(norraReal.body)).toBe(202);
    expect(norraReal.body.findings).toEqual([]);
  });

  it("shows the units below their boards in the overview: Bromma's four, with its plan's unit counts", async () => {
    const top = await t.api('GET', '/api/cycles/2026/status', { as: reviewer });
    expect(top.body.boards).toHaveLength(demoBoards.length);
    const bromma = top.body.boards.find((row: { boardId: string }) => row.boardId === 'bromma');
    expect(bromma.children).toBe(4);
    expect(bromma.documents.plan.units).toMatchObject({ total: 4, approved: 1 });
    const units = await t.api('GET', '/api/cycles/2026/status?parent=bromma', { as: reviewer });
    expect(units.body.boards.map((row: { boardId: string }) => row.boardId).sort()).toEqual(demoUnits.filter((unit) => unit.parentId === 'bromma').map((unit) => unit.boardId).sort());
  });

  it('is quick enough for npm start, and does nothing a second time', async () => {
    // npm start's test waits 90 s for the whole start; the seed must leave most of that to the stack (shared, loaded machine).
    expect(seedMs).toBeLessThan(30_000);
    expect(await seedDemo(t.stack.deps, { plans: true })).toEqual({ seeded: false });
    const history = await t.api('GET', `${plan('bromma')}/history`, { as: admin });
    expect(history.body.events).toHaveLength(3);
  });

  it('prints how to sign in as a unit editor', () => {
    const hints = signInHints('http://127.0.0.1:3000');
    expect(hints).toContain('"sub":"lena.alvik"');
    expect(hints).toContain('"boards":["bromma-alviksskolan"]');
  });
});

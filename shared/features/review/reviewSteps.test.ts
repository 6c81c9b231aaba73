import { beforeEach, describe, expect, it } from 'vitest';
import { completePlan, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { notifyBoard, recordWorkflowFailure, registerCallback, runChecks } from './reviewSteps';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const lowTargets = { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 80 }, { indicatorId: 'KF-2', target: 5 }] };
let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
});

describe('runChecks', () => {
  it('recomputes the findings of a plan in review and records them; answers the round', async () => {
    await seedDocument(w, storedDocument(plan, { status: 'in_review', submissions: 2, submittedAt: '2027-01-09T00:00:00.000Z', content: lowTargets }));
    expect(await runChecks(plan, w)).toEqual({ round: 2, findings: 1 });
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document.findings).toEqual([
      { code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-1', councilTarget: 90, boardTarget: 80, direction: 'higher' },
    ]);
  });

  it("keeps a unit plan's findings against its parent: the council check is not its check", async () => {
    const unitPlan = { year: YEAR, boardId: 'bromma-skola', kind: 'plan' as const };
    const parentFinding = { code: 'TARGET_BELOW_PARENT' as const, indicatorId: 'KF-1', parentId: 'bromma', parentTarget: 92, unitTarget: 80, direction: 'higher' as const };
    await seedDocument(
      w,
      storedDocument(unitPlan, { status: 'in_review', submissions: 1, submittedAt: '2027-02-09T00:00:00.000Z', content: lowTargets, parentId: 'bromma', findings: [parentFinding] }),
    );
    expect(await runChecks(unitPlan, w)).toEqual({ round: 1, findings: 1 });
    expect((await w.documents.get(YEAR, 'bromma-skola', 'plan'))?.document.findings).toEqual([parentFinding]);
  });

  it('fails for a document that does not exist', async () => {
    await expect(runChecks(plan, w)).rejects.toThrow(/does not exist/);
  });
});

describe('registerCallback', () => {
  const inReview = storedDocument(plan, { status: 'in_review', submissions: 1, submittedAt: '2027-01-09T00:00:00.000Z' });

  it('stores the token while the document waits for it', async () => {
    await seedDocument(w, inReview);
    expect(await registerCallback({ taskToken: 't-1', document: plan, step: 'review', round: 1 }, w)).toEqual({ waiting: true });
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.taskToken).toBe('t-1');
  });

  it.each([
    ['approved before the token arrived', { status: 'approved' as const }, { decision: 'approve', round: 1 }],
    ['returned before the token arrived', { status: 'returned' as const }, { decision: 'return', round: 1 }],
    ['resubmitted since (a later round)', { status: 'in_review' as const, submissions: 2 }, { decision: 'return', round: 1 }],
  ])('completes the review task at once when the document was %s', async (_what, patch, output) => {
    await seedDocument(w, { ...inReview, ...patch });
    const token = w.workflow.waitingTask('t-1');
    expect(await registerCallback({ taskToken: token, document: plan, step: 'review', round: 1 }, w)).toEqual({ waiting: false });
    expect(w.workflow.completed.get(token)).toEqual(output);
  });

  it('completes the resubmission task at once when the board resubmitted first', async () => {
    await seedDocument(w, { ...inReview, submissions: 2 });
    const token = w.workflow.waitingTask('t-2');
    await registerCallback({ taskToken: token, document: plan, step: 'resubmission', round: 1 }, w);
    expect(w.workflow.completed.get(token)).toEqual({ resubmitted: true, round: 2 });
  });

  it('is done when that task was settled already (its token completed twice)', async () => {
    await seedDocument(w, { ...inReview, status: 'approved' });
    expect(await registerCallback({ taskToken: 'settled', document: plan, step: 'review', round: 1 }, w)).toEqual({ waiting: false });
  });

  it('fails when the document is not where the workflow thinks', async () => {
    await seedDocument(w, storedDocument(plan));
    await expect(registerCallback({ taskToken: 't', document: plan, step: 'review', round: 1 }, w)).rejects.toThrow(/draft, not waiting for review in round 1/);
  });
});

describe('notifyBoard', () => {
  it("tells the board's contacts once per round", async () => {
    await seedDocument(w, storedDocument(plan, { status: 'returned', submissions: 1, comments: [{ at: '2027-01-09T00:00:00.000Z', actor: 'r', decision: 'return', comment: 'Höj målet', indicatorComments: [] }] }));
    expect(await notifyBoard({ document: plan, event: 'returned', round: 1 }, w)).toEqual({ sent: true });
    expect(await notifyBoard({ document: plan, event: 'returned', round: 1 }, w)).toEqual({ sent: false });
    expect(w.notifier.sent).toHaveLength(1);
    expect(w.notifier.sent[0]).toMatchObject({ to: ['bromma@example.org'], kind: 'returned', boardId: 'bromma' });
    expect(w.notifier.sent[0]!.body).toContain('Höj målet');
  });
});

describe('notifyBoard, for a unit', () => {
  // bromma → skola (a unit) → klass (a unit of the unit); the test calendar's unitLeadDays is the default 14.
  beforeEach(async () => {
    await w.boards.save(storedBoard('skola', { kind: 'unit', parentId: 'bromma', contacts: ['rektor@skola.example'] }), 0);
    await w.boards.save(storedBoard('klass', { kind: 'unit', parentId: 'skola', contacts: ['larare@klass.example'], locale: 'en' }), 0);
  });

  it.each([
    // board, kind, event, its own due date (the council's: plan 2027-01-31, t1 2027-05-15)
    ['skola', 'plan', 'approved', '2027-02-14'],
    ['skola', 'plan', 'returned', '2027-02-14'],
    ['skola', 't1', 'approved', '2027-05-01'],
    ['klass', 'plan', 'approved', '2027-02-28'],
    ['klass', 't1', 'returned', '2027-04-17'],
    ['bromma', 't1', 'approved', '2027-05-15'],
  ] as const)("%s's %s %s: to the unit's own contacts, naming its own due date %s", async (boardId, kind, event, due) => {
    const document = { year: YEAR, boardId, kind };
    const decision = event === 'approved' ? ('approve' as const) : ('return' as const);
    await seedDocument(w, storedDocument(document, { status: event, submissions: 1, comments: [{ at: '2027-01-09T00:00:00.000Z', actor: 'editor-bromma', decision, comment: 'Se över målen', indicatorComments: [] }] }));
    expect(await notifyBoard({ document, event, round: 1 }, w)).toEqual({ sent: true });
    const contacts = (await w.boards.get(boardId))!.contacts;
    expect(w.notifier.sent).toHaveLength(1);
    expect(w.notifier.sent[0]).toMatchObject({ to: contacts, kind: event, boardId, documentKind: kind });
    expect(w.notifier.sent[0]!.cc).toBeUndefined();
    expect(w.notifier.sent[0]!.template?.data.dueDate).toBe(due);
    if (event === 'approved') expect(w.notifier.sent[0]!.body).toContain(due);
  });
});

describe('recordWorkflowFailure', () => {
  it('records the failure on the document, keeping its execution and restarts', async () => {
    await seedDocument(w, storedDocument(plan, { workflow: { executionName: 'plan-2027-bromma-restart-1', restarts: 1 } }));
    await recordWorkflowFailure({ document: plan, error: { Error: 'States.Timeout' } }, w);
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document.workflow).toEqual({
      executionName: 'plan-2027-bromma-restart-1',
      restarts: 1,
      failedAt: w.clock.now().toISOString(),
      error: 'States.Timeout',
    });
  });
});

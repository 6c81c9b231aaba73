import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../domain/errors';
import { beforeEachCommit, completePlan, reviewer, seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { decideDocument } from './decideDocument';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const inReview = storedDocument(plan, { status: 'in_review', content: completePlan, submissions: 1, submittedAt: '2027-01-09T08:00:00.000Z', version: 2 });
let w: TestWorld;
let token: string;

beforeEach(async () => {
  w = await testWorld();
  token = w.workflow.waitingTask('review-token-1');
  await seedDocument(w, inReview, { token, step: 'review' });
});

describe('decideDocument', () => {
  it('approves: consumes the review token, completes the task, and counts the approved plan', async () => {
    const answer = await decideDocument({ ...plan, body: { decision: 'approve', comment: '' } }, w.as(reviewer));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'approved', version: 3 });
    const record = await w.documents.get(YEAR, 'bromma', 'plan');
    expect(record?.taskToken).toBeUndefined();
    expect(w.workflow.completed.get(token)).toEqual({ decision: 'approve', round: 1 });
    expect((await w.cycles.get(YEAR))?.approvedPlans).toBe(1);
    expect((await w.history.documentHistory(plan)).at(-1)).toMatchObject({ action: 'approved', from: 'in_review', to: 'approved', actor: reviewer.sub });
  });

  it('returns with the comment and the comments per indicator', async () => {
    const body = { decision: 'return' as const, comment: 'Höj målet', indicatorComments: [{ indicatorId: 'KF-1', comment: 'För lågt' }] };
    await decideDocument({ ...plan, body }, w.as(reviewer));
    const document = (await w.documents.get(YEAR, 'bromma', 'plan'))!.document;
    expect(document.status).toBe('returned');
    expect(document.comments).toEqual([{ at: w.clock.now().toISOString(), actor: reviewer.sub, ...body }]);
    expect(w.workflow.completed.get(token)).toEqual({ decision: 'return', round: 1 });
    expect((await w.cycles.get(YEAR))?.approvedPlans).toBe(0);
  });

  it('refuses a comment on an indicator the plan does not have, and changes nothing', async () => {
    const body = { decision: 'return' as const, comment: 'x', indicatorComments: [{ indicatorId: 'KF-3', comment: 'not bromma’s' }] };
    await expect(decideDocument({ ...plan, body }, w.as(reviewer))).rejects.toBeInstanceOf(ValidationFailed);
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document.version).toBe(2);
  });

  it('refuses a second decision on the same round', async () => {
    await decideDocument({ ...plan, body: { decision: 'approve', comment: '' } }, w.as(reviewer));
    await expect(decideDocument({ ...plan, body: { decision: 'return', comment: 'oops' } }, w.as(reviewer))).rejects.toBeInstanceOf(Conflict);
  });

  it('replays the first answer to the same Idempotency-Key, completing the task once', async () => {
    const first = await decideDocument({ ...plan, body: { decision: 'approve', comment: '' }, idempotencyKey: 'd-1' }, w.as(reviewer));
    expect(await decideDocument({ ...plan, body: { decision: 'approve', comment: '' }, idempotencyKey: 'd-1' }, w.as(reviewer))).toEqual(first);
    expect((await w.cycles.get(YEAR))?.approvedPlans).toBe(1);
  });

  it('decides before the token arrives, and completes a token that arrives between its read and its commit', async () => {
    const w2 = await testWorld();
    await seedDocument(w2, inReview);
    const late = w2.workflow.waitingTask('late-token');
    const deps = {
      ...w2.as(reviewer),
      documents: beforeEachCommit(w2.documents, async (attempt) => {
        if (attempt === 1) await w2.tokens.register(plan, { token: late, step: 'review', round: 1, awaitedStatus: 'in_review' });
      }),
    };
    await decideDocument({ ...plan, body: { decision: 'approve', comment: '' } }, deps);
    // The first commit saw no token and was refused; the second read it, consumed it and completed its task.
    expect(w2.workflow.completed.get(late)).toEqual({ decision: 'approve', round: 1 });
    expect((await w2.documents.get(YEAR, 'bromma', 'plan'))?.taskToken).toBeUndefined();
  });

  it('starts a fresh workflow when the review workflow failed for good before the decision', async () => {
    const w2 = await testWorld();
    await seedDocument(w2, { ...inReview, workflow: { executionName: 'plan-2027-bromma', failedAt: '2027-01-09T09:00:00.000Z', error: 'States.Timeout' } });
    await decideDocument({ ...plan, body: { decision: 'approve', comment: '' } }, w2.as(reviewer));
    expect(w2.workflow.executions.get('plan-2027-bromma-restart-1')).toEqual({ workflow: 'review', input: { document: plan } });
    expect((await w2.documents.get(YEAR, 'bromma', 'plan'))?.document.workflow).toEqual({ executionName: 'plan-2027-bromma-restart-1', restarts: 1 });
  });
});

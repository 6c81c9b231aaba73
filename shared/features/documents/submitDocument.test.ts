import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../domain/errors';
import { beforeEachCommit, completePlan, editorOf, seedDocument, storedCycle, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { submitDocument } from './submitDocument';
import { sweepWorkflowActions } from './workflowActions';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const editor = editorOf('bromma');
/** Kista is assigned KF-1 and KF-3. */
const kistaPlan = { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 90 }, { indicatorId: 'KF-3', target: 1.2 }] };
let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
  await seedDocument(w, storedDocument(plan, { content: completePlan }));
});

describe('submitDocument', () => {
  it('moves a complete plan to review with its audit event, and starts its review workflow', async () => {
    const answer = await submitDocument(plan, w.as(editor));
    expect(answer).toEqual({ status: 202, body: { status: 'in_review', findings: [], version: 2 } });
    const record = await w.documents.get(YEAR, 'bromma', 'plan');
    expect(record?.document).toMatchObject({ status: 'in_review', submissions: 1, submittedAt: w.clock.now().toISOString(), submittedContent: completePlan });
    expect((await w.history.documentHistory(plan)).at(-1)).toMatchObject({ action: 'submitted', from: 'draft', to: 'in_review', actor: editor.sub });
    expect([...w.workflow.executions.keys()]).toEqual(['plan-2027-bromma']);
    expect(await w.outbox.pending()).toEqual([]);
  });

  it('refuses an incomplete plan, naming the gaps, and changes nothing', async () => {
    await seedDocument(w, storedDocument({ ...plan, boardId: 'kista' }));
    const error = await submitDocument({ ...plan, boardId: 'kista' }, w.as(editorOf('kista'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors?.length).toBeGreaterThan(0);
    expect((await w.documents.get(YEAR, 'kista', 'plan'))?.document.status).toBe('draft');
  });

  it('gives a retry with the same Idempotency-Key the first answer, and does the work once', async () => {
    const first = await submitDocument({ ...plan, idempotencyKey: 'key-1' }, w.as(editor));
    const again = await submitDocument({ ...plan, idempotencyKey: 'key-1' }, w.as(editor));
    expect(again).toEqual(first);
    expect((await w.history.documentHistory(plan)).filter((event) => event.action === 'submitted')).toHaveLength(1);
  });

  it('refuses a key reused for another request', async () => {
    await submitDocument({ ...plan, idempotencyKey: 'key-1' }, w.as(editor));
    await seedDocument(w, storedDocument({ ...plan, kind: 't1' }));
    await expect(submitDocument({ ...plan, kind: 't1', idempotencyKey: 'key-1' }, w.as(editor))).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('answers a retry that races its first request with the first answer, not a conflict', async () => {
    const first = await submitDocument({ ...plan, idempotencyKey: 'key-1' }, w.as(editor));
    // The retry's replay check ran before the first committed: it finds the document in review already.
    let reads = 0;
    const idempotency = { remember: w.idempotency.remember.bind(w.idempotency), get: async (sub: string, key: string) => (reads++ === 0 ? undefined : w.idempotency.get(sub, key)) };
    const racing = { ...w.as(editor), idempotency };
    expect(await submitDocument({ ...plan, idempotencyKey: 'key-1' }, racing)).toEqual(first);
  });

  it('reads again and retries when the document changed under it, then gives up with a clear conflict', async () => {
    const competingSave = async () => {
      const current = (await w.documents.get(YEAR, 'bromma', 'plan'))!.document;
      await w.documents.commit({
        next: { ...current, version: current.version + 1, updatedAt: w.clock.now().toISOString() },
        expectedVersion: current.version,
        event: { at: `${w.clock.now().toISOString()}#${current.version}`, actor: 'editor-2', role: 'editor', action: 'saved', from: 'draft', to: 'draft' },
      });
    };
    const once = { ...w.as(editor), documents: beforeEachCommit(w.documents, async (attempt) => (attempt === 1 ? competingSave() : undefined)) };
    expect((await submitDocument(plan, once)).body).toMatchObject({ status: 'in_review', version: 3 });

    const w2 = await testWorld();
    await seedDocument(w2, storedDocument(plan, { content: completePlan }));
    w = w2;
    const always = { ...w2.as(editor), documents: beforeEachCommit(w2.documents, competingSave) };
    const error = await submitDocument(plan, always).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).detail).toMatch(/submit once more/);
    expect((await w2.documents.get(YEAR, 'bromma', 'plan'))?.document.status).toBe('draft');
  });

  it('keeps the workflow action in the outbox when the engine is down; the sweep delivers it later', async () => {
    w.workflow.unavailable = true;
    expect((await submitDocument(plan, w.as(editor))).status).toBe(202);
    expect(await w.outbox.pending()).toHaveLength(1);
    w.workflow.unavailable = false;
    expect(await sweepWorkflowActions(w)).toBe(1);
    expect([...w.workflow.executions.keys()]).toEqual(['plan-2027-bromma']);
    expect(await w.outbox.pending()).toEqual([]);
  });

  it('completes the task waiting for the resubmission of a returned document', async () => {
    await w.documents.commit({
      next: storedDocument({ ...plan, boardId: 'kista' }, { status: 'returned', content: kistaPlan, submissions: 1, version: 3 }),
      expectedVersion: 0,
      event: { at: '2027-01-09T00:00:00.000Z', actor: 'r', role: 'reviewer', action: 'returned', from: 'in_review', to: 'returned' },
    });
    const token = w.workflow.waitingTask('resubmission-token');
    await w.tokens.register({ ...plan, boardId: 'kista' }, { token, step: 'resubmission', round: 1, awaitedStatus: 'returned' });
    await submitDocument({ ...plan, boardId: 'kista' }, w.as(editorOf('kista')));
    expect(w.workflow.completed.get(token)).toEqual({ resubmitted: true, round: 2 });
    expect((await w.documents.get(YEAR, 'kista', 'plan'))?.taskToken).toBeUndefined();
    expect(w.workflow.executions.size).toBe(0);
  });

  it('clears the outbox when the waiting task was settled already (a token completed twice)', async () => {
    await w.documents.commit({
      next: storedDocument({ ...plan, boardId: 'kista' }, { status: 'returned', content: kistaPlan, submissions: 1, version: 3 }),
      expectedVersion: 0,
      event: { at: '2027-01-09T00:00:00.000Z', actor: 'r', role: 'reviewer', action: 'returned', from: 'in_review', to: 'returned' },
    });
    // The token was stored, but its task no longer waits (it timed out, or was completed by the sweep).
    await w.tokens.register({ ...plan, boardId: 'kista' }, { token: 'settled', step: 'resubmission', round: 1, awaitedStatus: 'returned' });
    expect((await submitDocument({ ...plan, boardId: 'kista' }, w.as(editorOf('kista')))).status).toBe(202);
    expect(await w.outbox.pending()).toEqual([]);
  });

  it('starts a fresh review workflow when the last one failed for good', async () => {
    await w.documents.recordWorkflow(plan, { workflow: { executionName: 'plan-2027-bromma', failedAt: '2027-01-09T00:00:00.000Z', error: 'States.TaskFailed' } });
    const current = (await w.documents.get(YEAR, 'bromma', 'plan'))!.document;
    await w.documents.commit({
      next: { ...current, status: 'returned', submissions: 1, version: 2 },
      expectedVersion: 1,
      event: { at: '2027-01-09T01:00:00.000Z', actor: 'r', role: 'reviewer', action: 'returned', from: 'in_review', to: 'returned' },
    });
    await submitDocument(plan, w.as(editor));
    expect([...w.workflow.executions.keys()]).toEqual(['plan-2027-bromma-restart-1']);
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document.workflow).toEqual({ executionName: 'plan-2027-bromma-restart-1', restarts: 1 });
  });

  it('refuses while the council goals are missing, and in a signed-off year', async () => {
    const empty = await testWorld({ empty: true });
    await empty.cycles.create(storedCycle(YEAR), { at: '2026-12-01T08:00:00.000Z', actor: 'a', role: 'admin', action: 'opened' });
    await empty.boards.save({ ...(await w.boards.get('bromma'))! }, 0);
    await seedDocument(empty, storedDocument(plan, { content: completePlan }));
    await expect(submitDocument(plan, empty.as(editor))).rejects.toThrow(/council goals of 2027 are not loaded/);

    await w.cycles.update(storedCycle(YEAR, { state: 'signed_off', version: 2 }), 1, { at: '2027-03-01T00:00:00.000Z', actor: 'x', role: 'executive', action: 'signed_off' });
    await expect(submitDocument(plan, w.as(editor))).rejects.toBeInstanceOf(Conflict);
  });
});

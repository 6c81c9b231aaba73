import { describe, expect, it } from 'vitest';
import { outboxId } from '../../adapters/memory/documents';
import { testWorld, YEAR } from '../../adapters/memory/fixtures';
import type { PendingWorkflowAction } from '../../ports/workflowOutbox';
import type { WorkflowAction } from '../../ports/workflowOutbox';
import { deliverWorkflowAction, sweepWorkflowActions } from './workflowActions';

const address = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const start: WorkflowAction = { type: 'start', workflow: 'review', executionName: 'plan-2027-bromma', input: { document: address } };

/** An action a commit left in the outbox. */
const pend = (outbox: Map<string, PendingWorkflowAction>, pending: PendingWorkflowAction) => outbox.set(outboxId(pending), pending);

describe('workflow actions', () => {
  it('delivers a start once even when repeated (a deterministic name), and clears its outbox entry', async () => {
    const w = await testWorld();
    pend(w.table.outbox, { ...address, version: 2, action: start });
    expect(await deliverWorkflowAction({ ...address, version: 2, action: start }, w)).toBe(true);
    expect(await w.outbox.pending()).toEqual([]);
    expect(await deliverWorkflowAction({ ...address, version: 2, action: start }, w)).toBe(true);
    expect(w.workflow.executions.size).toBe(1);
  });

  it('treats a settled task as delivered, and keeps an action the engine did not take', async () => {
    const w = await testWorld();
    const settled = { ...address, version: 3, action: { type: 'complete', token: 'gone', output: {} } as WorkflowAction };
    expect(await deliverWorkflowAction(settled, w)).toBe(true);
    w.workflow.unavailable = true;
    expect(await deliverWorkflowAction({ ...address, version: 4, action: start }, w)).toBe(false);
  });

  it('sweeps every pending action, leaving those that still fail', async () => {
    const w = await testWorld();
    const token = w.workflow.waitingTask('t-1');
    pend(w.table.outbox, { ...address, version: 2, action: start });
    pend(w.table.outbox, { ...address, boardId: 'kista', version: 2, action: { type: 'complete', token, output: { decision: 'approve', round: 1 } } });
    w.workflow.unavailable = true;
    expect(await sweepWorkflowActions(w)).toBe(0);
    expect(await w.outbox.pending()).toHaveLength(2);
    w.workflow.unavailable = false;
    expect(await sweepWorkflowActions(w)).toBe(2);
    expect(w.workflow.completed.get(token)).toEqual({ decision: 'approve', round: 1 });
    expect(await w.outbox.pending()).toEqual([]);
  });
});

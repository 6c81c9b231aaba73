import { TaskAlreadySettled, type WorkflowEngine } from '../../ports/workflow';
import type { PendingWorkflowAction, WorkflowOutbox } from '../../ports/workflowOutbox';
import { logger } from '../../observability/logger';

/**
 * Delivers a workflow action committed with a state change, then clears its marker. A failure leaves the
 * marker for the next sweep: the state change is already safe, and a delivery can be repeated harmlessly
 * (starting by a deterministic name, completing a settled token).
 */
export async function deliverWorkflowAction(
  pending: PendingWorkflowAction,
  deps: { outbox: WorkflowOutbox; workflow: WorkflowEngine },
): Promise<boolean> {
  try {
    if (pending.action.type === 'start') {
      await deps.workflow.start(pending.action.workflow, pending.action.executionName, pending.action.input);
    } else {
      await deps.workflow.completeTask(pending.action.token, pending.action.output);
    }
  } catch (error) {
    if (!(error instanceof TaskAlreadySettled)) {
      logger.warn('workflow action not delivered yet; the sweep will retry', {
        action: pending.action.type,
        year: pending.year,
        boardId: pending.boardId,
        kind: pending.kind,
        error: (error as Error).name,
      });
      return false;
    }
  }
  const { action: _action, ...delivered } = pending;
  await deps.outbox.clear(delivered);
  return true;
}

/** Delivers every pending workflow action (after a crash between a commit and its delivery). */
export async function sweepWorkflowActions(deps: { outbox: WorkflowOutbox; workflow: WorkflowEngine }): Promise<number> {
  let delivered = 0;
  for (const pending of await deps.outbox.pending()) {
    if (await deliverWorkflowAction(pending, deps)) delivered += 1;
  }
  return delivered;
}

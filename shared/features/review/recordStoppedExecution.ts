import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/documentStore';
import type { DocumentKind } from '../../schemas/common';

/** How an execution ended where no Catch of its own could record it (EventBridge's execution status change). */
export type StoppedStatus = 'FAILED' | 'TIMED_OUT' | 'ABORTED';

const errorOf: Record<StoppedStatus, string> = { FAILED: 'ExecutionFailed', TIMED_OUT: 'ExecutionTimedOut', ABORTED: 'ExecutionAborted' };

/**
 * Records on the document that its review execution stopped (aborted, timed out, or failed without reaching
 * RecordFailure), so the document shows it and its next submit or decision starts a fresh execution
 * (`restartAfterFailure`). Ignores an execution the document no longer follows, and a failure already recorded.
 */
export async function recordStoppedExecution(
  input: { executionName: string; status: StoppedStatus; error?: string; document: { year: number; boardId: string; kind: DocumentKind } },
  deps: { documents: DocumentStore; clock: Clock },
): Promise<{ recorded: boolean }> {
  const { year, boardId, kind } = input.document;
  // 1. Which execution does the document follow now?
  const workflow = (await deps.documents.get(year, boardId, kind))?.document.workflow;
  if (!workflow || workflow.executionName !== input.executionName) return { recorded: false };
  if (workflow.error) return { recorded: false };
  // 2. Record how it ended.
  await deps.documents.recordWorkflow({ year, boardId, kind }, {
    workflow: { ...workflow, failedAt: deps.clock.now().toISOString(), error: input.error || errorOf[input.status] },
  });
  return { recorded: true };
}

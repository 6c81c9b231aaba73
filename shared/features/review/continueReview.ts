import type { DocumentStore } from '../../ports/documentStore';
import type { WorkflowEngine } from '../../ports/workflow';
import type { DocumentKind } from '../../schemas/common';
import { reviewExecutionName } from '../documents/context';

interface DocumentAddress {
  year: number;
  boardId: string;
  kind: DocumentKind;
}

/**
 * The execution that carries a document's review from `round` on: `plan-2026-bromma_r2`. Deterministic, so a
 * retried hand-over starts it once; `_` cannot occur in a board id, so no other document's name can equal it.
 */
export function continuationName(address: DocumentAddress, round: number): string {
  return `${reviewExecutionName(address)}_r${round}`;
}

/**
 * Hands a review round to a fresh execution, so that no execution comes near Step Functions' one-year limit
 * (workflows/review.ts): the board resubmitted, the new execution checks and waits for the reviewer.
 */
export async function continueReview(
  input: { document: DocumentAddress; round: number },
  deps: { documents: DocumentStore; workflow: WorkflowEngine },
): Promise<{ executionName: string }> {
  const { year, boardId, kind } = input.document;
  const current = (await deps.documents.get(year, boardId, kind))?.document.workflow;
  const executionName = continuationName(input.document, input.round);
  // 1. The document names the execution now responsible for it: a stop or failure of it is recorded against it.
  await deps.documents.recordWorkflow({ year, boardId, kind }, { workflow: { executionName, ...(current?.restarts ? { restarts: current.restarts } : {}) } });
  // 2. Start it; starting the same name again (a retry) is harmless.
  await deps.workflow.start('review', executionName, { document: { year, boardId, kind } });
  return { executionName };
}

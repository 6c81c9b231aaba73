import type { DocumentAddress } from './documentStore';

/** Start the document's review workflow, or complete the task waiting on the document. */
export type WorkflowAction =
  | { type: 'start'; workflow: string; executionName: string; input: Record<string, unknown> }
  | { type: 'complete'; token: string; output: Record<string, unknown> };

/** A workflow action committed with a state change and not yet confirmed delivered. */
export interface PendingWorkflowAction extends DocumentAddress {
  /** The document version whose commit put the action here. */
  version: number;
  action: WorkflowAction;
}

/** The transactional outbox of workflow actions: written by DocumentStore.commit, emptied as they are delivered. */
export interface WorkflowOutbox {
  pending(): Promise<PendingWorkflowAction[]>;
  clear(pending: Omit<PendingWorkflowAction, 'action'>): Promise<void>;
}

import type { AuditAction } from '../domain/lifecycle';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { DocumentContent, Finding, ReviewComment } from '../schemas/documents';

export interface StoredDocument {
  year: number;
  boardId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  version: number;
  content: DocumentContent;
  findings: Finding[];
  comments: ReviewComment[];
  /** How many times the document has been submitted: the review round. */
  submissions: number;
  submittedAt?: string;
  /** The content as submitted in the latest round, and in the round before: the reviewer's diff. */
  submittedContent?: DocumentContent;
  previousSubmission?: DocumentContent;
  updatedAt: string;
  updatedBy: string;
  /** The review workflow's state as last recorded by its tasks. */
  workflow?: { executionName: string; failedAt?: string; error?: string; restarts?: number };
}

export interface AuditEvent {
  at: string;
  actor: string;
  role: string;
  action: AuditAction;
  from: DocumentStatus;
  to: DocumentStatus;
  comment?: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** A document with the token of the workflow task waiting on it, which never leaves the server. */
export interface DocumentRecord {
  document: StoredDocument;
  taskToken?: string;
  /** What the waiting task waits for, and in which round. */
  waitingFor?: { step: 'review' | 'resubmission'; round: number };
}

export interface DocumentChange {
  next: StoredDocument;
  /** 0 when the document must not exist yet. */
  expectedVersion: number;
  event: AuditEvent;
  /** When set, the change also requires the waiting task's token to be the one read (null: none). */
  seenToken?: string | null;
  /** Removes the waiting task's token: the change completes that task. */
  consumeToken?: boolean;
  /** What the workflow must be told after the commit; kept as a pending marker until it is delivered. */
  workflowAction?: WorkflowAction;
  /** Stores the answer under the caller's Idempotency-Key in the same transaction. */
  idempotency?: { actorSub: string; key: string; fingerprint: string; response: StoredResponse };
  /** Counts an approved plan on the cycle (the council goals are fixed from then on). */
  countsApprovedPlan?: boolean;
}

/** Why a commit was refused. */
export type CommitRefusal = 'document' | 'cycle' | 'idempotency';

export class CommitRefused extends Error {
  constructor(readonly reason: CommitRefusal) {
    super(`commit refused: ${reason}`);
    this.name = 'CommitRefused';
  }
}

/** Start the document's review workflow, or complete the task waiting on the document. */
export type WorkflowAction =
  | { type: 'start'; workflow: string; executionName: string; input: Record<string, unknown> }
  | { type: 'complete'; token: string; output: Record<string, unknown> };

/** A workflow action committed with a state change and not yet confirmed delivered (a transactional outbox). */
export interface PendingWorkflowAction {
  year: number;
  boardId: string;
  kind: DocumentKind;
  version: number;
  action: WorkflowAction;
}

export interface DocumentRepository {
  get(year: number, boardId: string, kind: DocumentKind): Promise<DocumentRecord | undefined>;
  /** Writes the state change, its audit event and its token change in one transaction. */
  commit(change: DocumentChange): Promise<void>;
  listYear(year: number): Promise<StoredDocument[]>;
  /** Documents in review across all years, oldest submission first. */
  reviewQueue(): Promise<StoredDocument[]>;
  history(year: number, boardId: string, kind: DocumentKind): Promise<AuditEvent[]>;
  getIdempotent(actorSub: string, key: string): Promise<{ fingerprint: string; response: StoredResponse } | undefined>;
  /** Stores an answer under a caller's key, unless one is stored already. */
  rememberIdempotent(actorSub: string, key: string, fingerprint: string, response: StoredResponse): Promise<void>;
  /** Stores a waiting task's token if the document is still in the state the task waits for. */
  registerTaskToken(
    year: number,
    boardId: string,
    kind: DocumentKind,
    wait: { token: string; step: 'review' | 'resubmission'; round: number; awaitedStatus: DocumentStatus },
  ): Promise<boolean>;
  /** Records what the review workflow did last (checks done, or its failure), without a state change. */
  recordWorkflow(year: number, boardId: string, kind: DocumentKind, fields: Partial<Pick<StoredDocument, 'workflow' | 'findings'>>): Promise<void>;
  pendingWorkflowActions(): Promise<PendingWorkflowAction[]>;
  clearWorkflowAction(pending: Pick<PendingWorkflowAction, 'year' | 'boardId' | 'kind' | 'version'>): Promise<void>;
}

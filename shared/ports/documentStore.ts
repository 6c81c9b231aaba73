import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { DocumentContent, Finding, ReviewComment } from '../schemas/documents';
import type { ApprovedFigures, DocumentStatusEntry } from '../domain/summary';
import type { UnitFigures } from '../domain/rollup';
import type { AuditEvent } from './auditLog';
import type { IdempotentAnswer } from './idempotencyStore';
import type { WorkflowAction } from './workflowOutbox';

export interface DocumentAddress {
  year: number;
  boardId: string;
  kind: DocumentKind;
}

export interface StoredDocument extends DocumentAddress {
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
  /** A unit's document: the board it sat below when last submitted, whose report rolls it up. */
  parentId?: string;
}

/** A document with the token of the workflow task waiting on it, which never leaves the server. */
export interface DocumentRecord {
  document: StoredDocument;
  taskToken?: string;
  /** What the waiting task waits for, and in which round. */
  waitingFor?: { step: 'review' | 'resubmission'; round: number };
}

/**
 * One state change of a document and everything that must happen with it or not at all: its audit event, its
 * token change, the workflow action still to deliver, the caller's idempotency record and the cycle's count.
 */
export interface DocumentChange {
  next: StoredDocument;
  /**
   * The document as read before the change (absent: it did not exist). The year's summary is rewritten only
   * where its entry changes; without `previous` the store rewrites both entries.
   */
  previous?: StoredDocument;
  /** 0 when the document must not exist yet. */
  expectedVersion: number;
  event: AuditEvent;
  /** When set, the change also requires the waiting task's token to be the one read (null: none). */
  seenToken?: string | null;
  /** Removes the waiting task's token: the change completes that task. */
  consumeToken?: boolean;
  /** What the workflow must be told after the commit; kept in the outbox until it is delivered. */
  workflowAction?: WorkflowAction;
  /** Stores the answer under the caller's Idempotency-Key in the same transaction. */
  idempotency?: IdempotentAnswer;
  /** Counts an approved plan on the cycle (the council goals are fixed from then on). */
  countsApprovedPlan?: boolean;
}

/**
 * Why a commit was refused: the document is not at the version (or token) read; the cycle is not open; the
 * Idempotency-Key has an answer already.
 */
export type CommitRefusal = 'document' | 'cycle' | 'idempotency';

export class CommitRefused extends Error {
  constructor(readonly reason: CommitRefusal) {
    super(`commit refused: ${reason}`);
    this.name = 'CommitRefused';
  }
}

/**
 * Plans and reports, read one at a time, and changed only through `commit`. A year is read only through its
 * summary (domain/summary), which every commit keeps in the same transaction: no read path loads the documents
 * of a whole year.
 */
export interface DocumentStore {
  get(year: number, boardId: string, kind: DocumentKind): Promise<DocumentRecord | undefined>;
  /** The status entry of every stored document of a year, by board and kind (the status matrix, late list, sign-off, reminders). */
  statuses(year: number): Promise<DocumentStatusEntry[]>;
  /** The figures of every approved document of a year, by board and kind (the public meters). May lag a commit by a moment. */
  approvedFigures(year: number): Promise<ApprovedFigures[]>;
  /**
   * The figures of the approved plans and approved reports of `kind` that the units below `parentId` submitted to it
   * (domain/rollup), from the parent's roll-up items, which every commit of a unit's document keeps in the same
   * transaction. Undefined when the parent has no roll-up item at all: none of its units ever had an approved
   * document of these kinds (a board without units has none). May lag a commit by a moment.
   */
  unitFigures(year: number, parentId: string, kind: 't1' | 't2' | 'annual'): Promise<UnitFigures[] | undefined>;
  /** Whether the board has any document in the year: one key read limited to one item, never a query over the year. */
  hasDocuments(year: number, boardId: string): Promise<boolean>;
  /** Writes the change and all that goes with it in one transaction; throws CommitRefused when a condition fails. */
  commit(change: DocumentChange): Promise<void>;
  /** Records what the review workflow did last (checks done, or its failure), without a state change. */
  recordWorkflow(address: DocumentAddress, fields: Partial<Pick<StoredDocument, 'workflow' | 'findings'>>): Promise<void>;
}

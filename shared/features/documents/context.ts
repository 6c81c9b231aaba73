import type { Actor } from '../../domain/actor';
import { nextStatusOnSave } from '../../domain/lifecycle';
import { NotFound } from '../../domain/errors';
import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentAddress, DocumentRecord, DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { IdempotencyStore } from '../../ports/idempotencyStore';
import type { WorkflowEngine } from '../../ports/workflow';
import type { WorkflowAction, WorkflowOutbox } from '../../ports/workflowOutbox';
import { emptyContent, type DocumentContent, type DocumentView } from '../../schemas/documents';
import { requireCycle } from '../cycles/cycles';

export type { DocumentAddress };

export interface DocumentDeps {
  actor: Actor;
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  clock: Clock;
}

/** A submit or a decision also answers retries, and tells the workflow through the outbox. */
export interface TransitionDeps extends DocumentDeps {
  idempotency: IdempotencyStore;
  outbox: WorkflowOutbox;
  workflow: WorkflowEngine;
}

/**
 * The cycle and the document (a fresh `not_started` one at version 0 when none is stored). The board is read only
 * when the document is not stored: a stored document's board exists, and one read fewer goes with every request.
 * A fresh document of a unit carries its parent (`parentId`) from that read, and `board` is the board when it was read.
 */
export async function loadDocument(
  address: DocumentAddress,
  deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'>,
): Promise<{ cycle: StoredCycle; record: DocumentRecord; board?: StoredBoard }> {
  const [cycle, stored] = await Promise.all([requireCycle(address.year, deps.cycles), deps.documents.get(address.year, address.boardId, address.kind)]);
  if (stored) return { cycle, record: stored };
  const board = await deps.boards.get(address.boardId);
  if (!board) throw new NotFound(`There is no board ${address.boardId}. See GET /api/boards for the board ids.`);
  return { cycle, record: { document: notStarted(address, board.parentId) }, board };
}

/** A document nobody has saved yet; a unit's (`parentId`: the board above it) knows its parent from the start. */
export function notStarted(address: DocumentAddress, parentId?: string | null): StoredDocument {
  return {
    ...address,
    status: 'not_started',
    version: 0,
    content: emptyContent(address.kind),
    findings: [],
    comments: [],
    submissions: 0,
    updatedAt: '',
    updatedBy: '',
    ...(parentId ? { parentId } : {}),
  };
}

/** What a reader sees: never the workflow's task token. */
export function documentView(document: StoredDocument): DocumentView & Record<string, unknown> {
  return {
    year: document.year,
    boardId: document.boardId,
    kind: document.kind,
    status: document.status,
    version: document.version,
    content: document.content,
    findings: document.findings,
    comments: document.comments,
    submissions: document.submissions,
    ...(document.parentId ? { parentId: document.parentId } : {}),
    ...(document.updatedAt ? { updatedAt: document.updatedAt, updatedBy: document.updatedBy } : {}),
    ...(document.submittedAt ? { submittedAt: document.submittedAt } : {}),
    ...(document.previousSubmission ? { previousSubmission: document.previousSubmission } : {}),
    ...(document.workflow?.error ? { workflow: { status: 'failed', failedAt: document.workflow.failedAt, error: document.workflow.error } } : {}),
  };
}

/** The review workflow's execution name: one per document, so a second start is a no-op. */
export function reviewExecutionName(address: DocumentAddress, restart = 0): string {
  return `${address.kind}-${address.year}-${address.boardId}${restart ? `-restart-${restart}` : ''}`;
}

/**
 * When the document's review workflow failed for good, the next submit or decision starts a fresh one
 * (under a new deterministic name): it finds the document as it now stands and carries on from there,
 * so nothing the board or the reviewer did is lost and the board is still told.
 */
export function restartAfterFailure(document: StoredDocument): { workflow: NonNullable<StoredDocument['workflow']>; action: WorkflowAction } | undefined {
  if (!document.workflow?.error) return undefined;
  const restart = (document.workflow.restarts ?? 0) + 1;
  const address = { year: document.year, boardId: document.boardId, kind: document.kind };
  const executionName = reviewExecutionName(address, restart);
  return {
    workflow: { executionName, restarts: restart },
    action: { type: 'start', workflow: 'review', executionName, input: { document: address } },
  };
}

/** The document with new content saved over it: the next version, still editable, by `actor` at `at` (a save, or imported outcomes). */
export function withSavedContent(current: StoredDocument, content: DocumentContent, actor: Actor, at: string): StoredDocument {
  return { ...current, content, status: nextStatusOnSave(current.status), version: current.version + 1, updatedAt: at, updatedBy: actor.sub };
}

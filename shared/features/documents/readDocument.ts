import { dueDateFor } from '../../domain/calendar';
import type { AuditEvent, AuditLog } from '../../ports/auditLog';
import type { StoredDocument } from '../../ports/documentStore';
import type { DocumentView } from '../../schemas/documents';
import { ancestorBoardsVia } from '../boards/ancestors';
import { documentView, loadDocument, type DocumentAddress, type DocumentDeps } from './context';
import { parentPlanView, readParentPlan } from './parentPlan';

/** Reads a plan or report; one that was never saved reads as not_started at version 0. */
export async function readDocument(address: DocumentAddress, deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'>): Promise<StoredDocument> {
  const { record } = await loadDocument(address, deps);
  return record.document;
}

/**
 * The document as its form shows it: with its own due date, and for a unit's document its parent's plan (whose
 * targets it plans against). A board at the top costs no read beyond the document: the chain above a board is read
 * only when the document or the board says it has a parent.
 */
export async function readDocumentView(
  address: DocumentAddress,
  deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'>,
): Promise<DocumentView & Record<string, unknown>> {
  const { cycle, record, board } = await loadDocument(address, deps);
  const view = documentView(record.document);
  if (!record.document.parentId && !board?.parentId) return { ...view, due: dueDateFor(cycle.calendar, address.kind) };

  // The board's parents as they are now: a unit moved since its last submit plans against its new parent.
  const { ancestors } = await ancestorBoardsVia(deps.boards)(address.boardId, board);
  const due = dueDateFor(cycle.calendar, address.kind, ancestors.length);
  const parentBoard = ancestors[0];
  if (!parentBoard) return { ...view, due };
  const [goals, parent] = await Promise.all([deps.cycles.getCouncilGoals(address.year), readParentPlan(address.year, parentBoard.boardId, deps, parentBoard)]);
  return { ...view, due, parent: parentPlanView(goals, parent) };
}

/** The document's audit trail, oldest first (404 when the cycle or board does not exist); events are only ever appended. */
export async function documentHistory(
  address: DocumentAddress,
  deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'> & { history: AuditLog },
): Promise<AuditEvent[]> {
  await loadDocument(address, deps);
  return deps.history.documentHistory(address);
}

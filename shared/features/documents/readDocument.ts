import { authorize } from '../../domain/authorization';
import type { AuditEvent, StoredDocument } from '../../ports/documentRepository';
import { loadDocument, type DocumentAddress, type DocumentDeps } from './context';

/** Reads a plan or report; one that was never saved reads as not_started at version 0. */
export async function readDocument(address: DocumentAddress, deps: DocumentDeps): Promise<StoredDocument> {
  authorize(deps.actor, 'documents.read', { boardId: address.boardId });
  const { record } = await loadDocument(address, deps);
  return record.document;
}

/** The document's audit trail, oldest first; events are only ever appended. */
export async function documentHistory(address: DocumentAddress, deps: DocumentDeps): Promise<AuditEvent[]> {
  authorize(deps.actor, 'documents.history', { boardId: address.boardId });
  await loadDocument(address, deps);
  return deps.documents.history(address.year, address.boardId, address.kind);
}

import type { AuditEvent, AuditLog } from '../../ports/auditLog';
import type { StoredDocument } from '../../ports/documentStore';
import { loadDocument, type DocumentAddress, type DocumentDeps } from './context';

/** Reads a plan or report; one that was never saved reads as not_started at version 0. */
export async function readDocument(address: DocumentAddress, deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'>): Promise<StoredDocument> {
  const { record } = await loadDocument(address, deps);
  return record.document;
}

/** The document's audit trail, oldest first (404 when the cycle or board does not exist); events are only ever appended. */
export async function documentHistory(
  address: DocumentAddress,
  deps: Pick<DocumentDeps, 'cycles' | 'boards' | 'documents'> & { history: AuditLog },
): Promise<AuditEvent[]> {
  await loadDocument(address, deps);
  return deps.history.documentHistory(address);
}

import type { AuditAction } from '../domain/lifecycle';
import type { DocumentStatus } from '../schemas/common';
import type { DocumentAddress } from './documentStore';

/** One step in a document's life; written by DocumentStore.commit with the change itself, never alone. */
export interface AuditEvent {
  at: string;
  actor: string;
  /** The person's name when the token carried one. */
  actorName?: string;
  role: string;
  action: AuditAction;
  from: DocumentStatus;
  to: DocumentStatus;
  comment?: string;
}

/** The documents' audit trails: append-only, read oldest first. */
export interface AuditLog {
  documentHistory(address: DocumentAddress): Promise<AuditEvent[]>;
}

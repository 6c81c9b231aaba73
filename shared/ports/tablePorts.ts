import type { AuditLog } from './auditLog';
import type { BoardRepository } from './boardRepository';
import type { CycleRepository } from './cycleRepository';
import type { DocumentStore } from './documentStore';
import type { IdempotencyStore } from './idempotencyStore';
import type { ReviewQueue } from './reviewQueue';
import type { SentMessages } from './sentMessages';
import type { TaskTokens } from './taskTokens';
import type { WorkflowOutbox } from './workflowOutbox';

/** Every port kept in the table, by the name the use cases' deps give it. */
export interface TablePorts {
  boards: BoardRepository;
  cycles: CycleRepository;
  documents: DocumentStore;
  history: AuditLog;
  queue: ReviewQueue;
  idempotency: IdempotencyStore;
  tokens: TaskTokens;
  outbox: WorkflowOutbox;
  sent: SentMessages;
}

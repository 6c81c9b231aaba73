import { systemClock, type Clock } from '../../ports/clock';
import type { TablePorts } from '../../ports/tablePorts';
import { MemoryBoardRepository } from './boardRepository';
import { MemoryCycleRepository } from './cycleRepository';
import { MemoryAuditLog, MemoryDocumentStore, MemoryIdempotencyStore, MemoryReviewQueue, MemoryTaskTokens, MemoryWorkflowOutbox } from './documents';
import { MemorySentMessages } from './sentMessages';
import { MemoryTable } from './table';

export { MemoryTable } from './table';
export { MemoryWorkflowEngine } from './workflowEngine';
export { MemoryScheduler } from './scheduler';
export { MemoryNotifier } from './notifier';

/** Every table port over one in-memory table, the same shape as dynamoPorts(): for fast tests of the use cases. */
export function memoryPorts(clock: Clock = systemClock, table = new MemoryTable()): TablePorts & { table: MemoryTable } {
  return {
    table,
    boards: new MemoryBoardRepository(table),
    cycles: new MemoryCycleRepository(table),
    documents: new MemoryDocumentStore(table, clock),
    history: new MemoryAuditLog(table),
    queue: new MemoryReviewQueue(table),
    idempotency: new MemoryIdempotencyStore(table, clock),
    tokens: new MemoryTaskTokens(table),
    outbox: new MemoryWorkflowOutbox(table),
    sent: new MemorySentMessages(table),
  };
}

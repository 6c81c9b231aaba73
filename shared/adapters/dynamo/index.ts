import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock';
import type { TablePorts } from '../../ports/tablePorts';
import { DynamoAuditLog } from './auditLog';
import { DynamoBoardRepository } from './boardRepository';
import { DynamoCycleRepository } from './cycleRepository';
import { DynamoDocumentStore } from './documentStore';
import { DynamoIdempotencyStore } from './idempotencyStore';
import { DynamoReviewQueue } from './reviewQueue';
import { DynamoSentMessages } from './sentMessages';
import { DynamoTaskTokens } from './taskTokens';
import { DynamoWorkflowOutbox } from './workflowOutbox';

/** Every port kept in the one table, built over one client: what the composition root hands the use cases. */
export function dynamoPorts(db: DynamoDBDocumentClient, tableName: string, clock: Clock): TablePorts {
  return {
    boards: new DynamoBoardRepository(db, tableName),
    cycles: new DynamoCycleRepository(db, tableName),
    documents: new DynamoDocumentStore(db, tableName, clock),
    history: new DynamoAuditLog(db, tableName),
    queue: new DynamoReviewQueue(db, tableName),
    idempotency: new DynamoIdempotencyStore(db, tableName, clock),
    tokens: new DynamoTaskTokens(db, tableName),
    outbox: new DynamoWorkflowOutbox(db, tableName),
    sent: new DynamoSentMessages(db, tableName),
  };
}

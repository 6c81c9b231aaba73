import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PendingWorkflowAction, WorkflowAction, WorkflowOutbox } from '../../ports/workflowOutbox';
import type { DocumentKind } from '../../schemas/common';
import { queryAll } from './queryAll';
import { PENDING_ACTIONS, pendingActionKey } from './keys';

/** The outbox item of an action committed with a document's change. */
export function pendingActionItem(pending: PendingWorkflowAction): Record<string, unknown> {
  return { ...pendingActionKey(pending), type: 'pendingWorkflowAction', ...pending };
}

export class DynamoWorkflowOutbox implements WorkflowOutbox {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async pending(): Promise<PendingWorkflowAction[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': PENDING_ACTIONS },
      ConsistentRead: true,
    });
    return items.map((item) => ({
      year: item.year as number,
      boardId: item.boardId as string,
      kind: item.kind as DocumentKind,
      version: item.version as number,
      action: item.action as WorkflowAction,
    }));
  }

  async clear(pending: Omit<PendingWorkflowAction, 'action'>): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: pendingActionKey(pending) }));
  }
}

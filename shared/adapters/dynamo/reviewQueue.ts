import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { QueueEntry, ReviewQueue } from '../../ports/reviewQueue';
import type { DocumentKind } from '../../schemas/common';
import { queryAll } from './queryAll';

/**
 * GSI2 is sparse: a document has its queue entry only while in review (DynamoDocumentStore.commit sets it), and it
 * projects only what the queue shows, so the queue costs the same however long the documents are.
 */
export class DynamoReviewQueue implements ReviewQueue {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async waiting(): Promise<QueueEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': 'QUEUE#in_review' },
      ScanIndexForward: true,
    });
    return items.map((item) => ({
      year: item.year as number,
      boardId: item.boardId as string,
      kind: item.kind as DocumentKind,
      submittedAt: item.submittedAt as string,
      submissions: item.submissions as number,
      findings: (item.findingsCount as number | undefined) ?? 0,
    }));
  }
}

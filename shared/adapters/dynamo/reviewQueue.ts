import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
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

  async waiting(page: { after?: string; limit?: number } = {}): Promise<QueueEntry[]> {
    // The sort key is the queue position (keys.reviewQueueIndex), so a page continues with `GSI2SK > :after`.
    const query = {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: page.after !== undefined ? 'GSI2PK = :pk AND GSI2SK > :after' : 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': 'QUEUE#in_review', ...(page.after !== undefined ? { ':after': page.after } : {}) },
      ScanIndexForward: true,
    };
    const items = page.limit === undefined ? await queryAll(this.db, query) : ((await this.db.send(new QueryCommand({ ...query, Limit: page.limit }))).Items ?? []);
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

import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoredDocument } from '../../ports/documentStore';
import type { ReviewQueue } from '../../ports/reviewQueue';
import { pickDocument } from './documentStore';
import { queryAll } from './queryAll';

/** GSI2 is sparse: a document has its queue entry only while in review (DynamoDocumentStore.commit sets it). */
export class DynamoReviewQueue implements ReviewQueue {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async waiting(): Promise<StoredDocument[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': 'QUEUE#in_review' },
      ScanIndexForward: true,
    });
    return items.map(pickDocument);
  }
}

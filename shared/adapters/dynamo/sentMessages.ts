import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import { isConditionFailure } from './conditional';

/** Sent-markers of a year share one partition, `SENT#<year>`, so the daily job reads them in one query. */
const sentPk = (year: number) => `SENT#${year}`;

export class DynamoSentMessages implements SentMessages {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(year: number, key: string, message: OutgoingMessage & { superseded?: boolean }, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: sentPk(year),
            SK: key,
            type: 'sentMessage',
            at,
            kind: message.kind,
            to: message.to,
            cc: message.cc,
            subject: message.subject,
            boardId: message.boardId,
            documentKind: message.documentKind,
            ...(message.superseded ? { superseded: true } : {}),
          },
          ConditionExpression: 'attribute_not_exists(SK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async release(year: number, key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: sentPk(year), SK: key } }));
  }

  async claimed(year: number): Promise<Set<string>> {
    const keys = new Set<string>();
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': sentPk(year) },
          ProjectionExpression: 'SK',
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) keys.add(item.SK as string);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return keys;
  }
}

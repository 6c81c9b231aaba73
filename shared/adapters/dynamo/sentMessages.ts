import { DeleteCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './queryAll';
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
            state: message.superseded ? 'sent' : 'sending',
          },
          // A claim left `sending` by a sender that died before confirming may be taken again (markers from before the
          // two states have none, and count as sent).
          ConditionExpression: 'attribute_not_exists(SK) OR #state = :sending',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':sending': 'sending' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async confirm(year: number, key: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: sentPk(year), SK: key },
        UpdateExpression: 'SET #state = :sent',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':sent': 'sent' },
      }),
    );
  }

  async release(year: number, key: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: sentPk(year), SK: key } }));
  }

  async claimed(year: number): Promise<Set<string>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': sentPk(year) },
      ProjectionExpression: 'SK, #state',
      ExpressionAttributeNames: { '#state': 'state' },
      ConsistentRead: true,
    });
    return new Set(items.filter((item) => item.state !== 'sending').map((item) => item.SK as string));
  }
}

import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import { isConditionFailure } from './conditional';
import { boardYearPk } from './keys';

/** Sent-markers live in the board's year partition, beside its documents: `SENT#<marker>`. */
export class DynamoSentMessages implements SentMessages {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(year: number, boardId: string, markerId: string, message: OutgoingMessage, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: boardYearPk(year, boardId),
            SK: `SENT#${markerId}`,
            type: 'sentMessage',
            markerId,
            at,
            kind: message.kind,
            to: message.to,
            cc: message.cc,
            subject: message.subject,
            documentKind: message.documentKind,
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

  async release(year: number, boardId: string, markerId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: { PK: boardYearPk(year, boardId), SK: `SENT#${markerId}` } }));
  }

  async claimed(year: number, boardId: string): Promise<string[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sent)',
        ExpressionAttributeValues: { ':pk': boardYearPk(year, boardId), ':sent': 'SENT#' },
        ProjectionExpression: 'markerId',
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => item.markerId as string);
  }
}

import { PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../shared/adapters/dynamo/queryAll';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../shared/ports/clock';
import type { Notifier, OutgoingMessage } from '../shared/ports/notifier';

export interface OutboxMessage extends OutgoingMessage {
  at: string;
}

/** The local notifier: what would have gone out by e-mail is kept in DynamoDB Local and listed by the dev route. */
export class Outbox implements Notifier {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async send(message: OutgoingMessage, options: { idempotencyKey?: string } = {}): Promise<void> {
    const at = this.clock.now().toISOString();
    const item = { PK: 'LOCAL#OUTBOX', SK: `${at}#${randomUUID()}`, ...message, at };
    if (!options.idempotencyKey) {
      await this.db.send(new PutCommand({ TableName: this.tableName, Item: item }));
      return;
    }
    // The message and a marker of its key in one transaction: a repeated send with the same key adds nothing.
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: this.tableName, Item: item } },
            {
              Put: {
                TableName: this.tableName,
                Item: { PK: 'LOCAL#OUTBOX_KEYS', SK: options.idempotencyKey, messageSk: item.SK },
                ConditionExpression: 'attribute_not_exists(SK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
      if ((error as Error).name === 'TransactionCanceledException' && reasons[1]?.Code === 'ConditionalCheckFailed') return;
      throw error;
    }
  }

  async list(): Promise<OutboxMessage[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'LOCAL#OUTBOX' },
    });
    return items.map(({ PK: _pk, SK: _sk, ...message }) => message as unknown as OutboxMessage);
  }
}

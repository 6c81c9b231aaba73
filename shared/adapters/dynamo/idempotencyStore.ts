import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock';
import type { IdempotencyStore, IdempotentAnswer } from '../../ports/idempotencyStore';
import { isConditionFailure } from './conditional';
import { idempotencyKey } from './keys';

/** Idempotency records are kept a day: long enough for any client retry. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

/** The record of an answer, expiring a day after `now` (DynamoDB's TTL removes it). */
export function idempotencyItem(answer: IdempotentAnswer, now: Date): Record<string, unknown> {
  return {
    ...idempotencyKey(answer.actorSub, answer.key),
    type: 'idempotency',
    fingerprint: answer.fingerprint,
    response: answer.response,
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  };
}

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(actorSub: string, key: string): Promise<Pick<IdempotentAnswer, 'fingerprint' | 'response'> | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(actorSub, key), ConsistentRead: true }));
    return Item ? { fingerprint: Item.fingerprint as string, response: Item.response as IdempotentAnswer['response'] } : undefined;
  }

  async remember(answer: IdempotentAnswer): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.tableName, Item: idempotencyItem(answer, this.clock.now()), ConditionExpression: 'attribute_not_exists(PK)' }),
      );
    } catch (error) {
      // The first answer stays.
      if (!isConditionFailure(error)) throw error;
    }
  }
}

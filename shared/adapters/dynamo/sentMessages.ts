import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReminderRun } from '../../domain/reminders';
import { batchGetAll } from './batchGetAll';
import { queryAll } from './queryAll';
import type { OutgoingMessage } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import { isConditionFailure } from './conditional';

/**
 * Sent-markers of a year share one partition, `SENT#<year>`, sorted by key, `<boardId>#<kind>#<step>`: the markers of
 * one board's document are one query by prefix. The reminder job's last full run of a year is `REMINDERS#<year>` /
 * `RUN`, one small item; boards added are `BOARDS_ADDED` / `<at>#<boardId>`, read from an instant on (and expired
 * after a year by the table's TTL, long after the next run has read them).
 */
const sentPk = (year: number) => `SENT#${year}`;
const runKey = (year: number) => ({ PK: `REMINDERS#${year}`, SK: 'RUN' });
const BOARDS_ADDED = 'BOARDS_ADDED';
const BOARD_NOTE_TTL_SECONDS = 366 * 86_400;

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
    return this.claimedWith(year, '');
  }

  async claimedWith(year: number, prefix: string): Promise<Set<string>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: prefix ? 'PK = :pk AND begins_with(SK, :prefix)' : 'PK = :pk',
      ExpressionAttributeValues: { ':pk': sentPk(year), ...(prefix ? { ':prefix': prefix } : {}) },
      ProjectionExpression: 'SK, #state',
      ExpressionAttributeNames: { '#state': 'state' },
      ConsistentRead: true,
    });
    return new Set(items.filter((item) => item.state !== 'sending').map((item) => item.SK as string));
  }

  async claimedAmong(year: number, keys: readonly string[]): Promise<Set<string>> {
    const items = await batchGetAll(
      this.db,
      this.tableName,
      [...new Set(keys)].map((key) => ({ PK: sentPk(year), SK: key })),
      { ProjectionExpression: 'SK, #state', ExpressionAttributeNames: { '#state': 'state' } },
    );
    return new Set(items.filter((item) => item.state !== 'sending').map((item) => item.SK as string));
  }

  async lastRun(year: number): Promise<ReminderRun | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: runKey(year), ConsistentRead: true }));
    if (!Item) return undefined;
    return { through: Item.through, at: Item.at, cycleVersion: Item.cycleVersion, live: Item.live ?? [], ...(Item.depths ? { depths: Item.depths } : {}) } as ReminderRun;
  }

  async recordRun(year: number, run: ReminderRun): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...runKey(year), type: 'reminderRun', ...run },
          ConditionExpression: 'attribute_not_exists(PK) OR through <= :through',
          ExpressionAttributeValues: { ':through': run.through },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async boardAdded(boardId: string, at: string): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: BOARDS_ADDED, SK: `${at}#${boardId}`, type: 'boardAdded', boardId, at, expiresAt: Math.floor(Date.parse(at) / 1000) + BOARD_NOTE_TTL_SECONDS },
      }),
    );
  }

  async boardsAddedSince(at: string): Promise<Array<{ boardId: string; at: string }>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      // `<at>#` sorts after every key of that instant's own notes: strictly after `at`.
      KeyConditionExpression: 'PK = :pk AND SK > :after',
      ExpressionAttributeValues: { ':pk': BOARDS_ADDED, ':after': `${at}#~` },
      ProjectionExpression: 'boardId, #at',
      ExpressionAttributeNames: { '#at': 'at' },
      ConsistentRead: true,
    });
    return items.map((item) => ({ boardId: item.boardId as string, at: item.at as string }));
  }
}

import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PersonChanged, PersonExists, PersonNotFound, type PeopleDirectory, type Person, type PersonWrite } from '../../ports/people';
import type { UserEvent } from '../../schemas/users';
import { isConditionFailure } from './conditional';
import { PEOPLE, personAuditPk, personKey } from './keys';
import { queryAll } from './queryAll';
import { TransactionRefused, transactWrite } from './transaction';

/** The audit item of a person's change; `seq` orders events of the same instant and makes the key unique. */
function auditItem(tableName: string, userId: string, event: UserEvent, seq: string) {
  return {
    TableName: tableName,
    Item: { PK: personAuditPk(userId), SK: `EVENT#${event.at}#${seq}`, type: 'personEvent', userId, ...event },
    ConditionExpression: 'attribute_not_exists(PK)',
  };
}

/**
 * People's audit trails in the table, for a directory kept elsewhere (Cognito in AWS): appended after the directory
 * accepted the change, read oldest first. The same partitions the local store writes (keys.personAuditPk).
 */
export class DynamoPeopleAudit {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async append(userId: string, event: UserEvent): Promise<void> {
    await this.db.send(new PutCommand(auditItem(this.tableName, userId, event, randomUUID().slice(0, 8))));
  }

  async history(userId: string): Promise<UserEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': personAuditPk(userId) },
      ConsistentRead: true,
    });
    return items.map(({ PK: _pk, SK: _sk, type: _type, userId: _user, ...event }) => event as unknown as UserEvent);
  }
}

/**
 * The local user store: each person an item of the `PEOPLE` partition, written with its audit event in one
 * transaction, conditional on the version read (a new person: on not existing yet).
 */
export class DynamoPeopleDirectory implements PeopleDirectory {
  private readonly audit: DynamoPeopleAudit;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.audit = new DynamoPeopleAudit(db, tableName);
  }

  async list(): Promise<Person[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': PEOPLE, ':prefix': 'PERSON#' },
      ConsistentRead: true,
    });
    return items.map(toPerson);
  }

  async get(userId: string): Promise<Person | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: personKey(userId), ConsistentRead: true }));
    return Item ? toPerson(Item) : undefined;
  }

  /** One partition of a few hundred small items: read whole, matched here (DynamoDB has no case-insensitive filter). */
  async findByEmail(email: string): Promise<Person | undefined> {
    const wanted = email.toLowerCase();
    return (await this.list()).find((person) => person.email.toLowerCase() === wanted);
  }

  async save({ previous, next, event }: PersonWrite): Promise<void> {
    const expected = previous?.version ?? 0;
    const version = expected + 1;
    const { subject: _subject, ...entry } = next;
    try {
      await transactWrite(this.db, [
        {
          name: 'person',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...personKey(next.userId), type: 'person', ...entry, version },
              ConditionExpression: previous ? 'version = :expected' : 'attribute_not_exists(PK)',
              ExpressionAttributeValues: previous ? { ':expected': expected } : undefined,
            },
          },
        },
        { name: 'event', item: { Put: auditItem(this.tableName, next.userId, event, String(version).padStart(6, '0')) } },
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused && error.failed.has('person')) {
        if (!previous) throw new PersonExists(next.userId);
        throw (await this.get(next.userId)) ? new PersonChanged(next.userId) : new PersonNotFound(next.userId);
      }
      if (isConditionFailure(error)) throw new PersonChanged(next.userId);
      throw error;
    }
  }

  history(userId: string): Promise<UserEvent[]> {
    return this.audit.history(userId);
  }
}

function toPerson(item: Record<string, unknown>): Person {
  const { PK: _pk, SK: _sk, type: _type, ...person } = item;
  return person as unknown as Person;
}

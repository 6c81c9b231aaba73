import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { localAwsConfig } from '../../../local/dynamodb';
import { ensureTable } from '../../../local/tables';
import { testClock } from '../memory/fixtures';
import { tablePortsContract } from '../tablePortsContract';
import { dynamoPorts } from './index';
import { idempotencyKey } from './keys';
import { tableDefinition } from './tableDefinition';

const client = new DynamoDBClient({ ...localAwsConfig, endpoint: inject('dynamoEndpoint') });
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
let tables = 0;

/** A table of its own for each test, made from the definition CDK deploys. */
async function freshTable(): Promise<string> {
  const name = `ports-${process.pid}-${++tables}`;
  await ensureTable(client, name, tableDefinition);
  return name;
}

tablePortsContract('DynamoDB', async (clock) => dynamoPorts(db, await freshTable(), clock));

describe('DynamoDB idempotency records', () => {
  it('expire a day after the Clock port says they were written', async () => {
    const tableName = await freshTable();
    const clock = testClock('2031-06-01T12:00:00.000Z');
    const ports = dynamoPorts(db, tableName, clock);
    await ports.idempotency.remember({ actorSub: 'admin-1', key: 'k', fingerprint: 'f', response: { status: 201, body: {} } });
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: idempotencyKey('admin-1', 'k') }));
    expect(Item?.expiresAt).toBe(Date.parse('2031-06-02T12:00:00.000Z') / 1000);
  });
});

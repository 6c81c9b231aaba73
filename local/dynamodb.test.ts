import { readFileSync } from 'node:fs';
import { DynamoDBClient, DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, inject } from 'vitest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { DYNAMODB_LOCAL_HEAP_MB, localAwsConfig, startDynamoDbLocal } from './dynamodb';
import { ensureTable } from './tables';

describe('DynamoDB Local', () => {
  it('creates the table from the shared definition, once', async () => {
    const client = new DynamoDBClient({ ...localAwsConfig, endpoint: inject('dynamoEndpoint') });
    const name = `ensure-${Date.now()}`;
    await ensureTable(client, name, tableDefinition);
    await ensureTable(client, name, tableDefinition);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
  });

  it("caps the JVM heap (Java would take a quarter of the machine), and leaves this process's environment as it was", async () => {
    expect(DYNAMODB_LOCAL_HEAP_MB).toBeLessThanOrEqual(1024);
    const before = process.env.JDK_JAVA_OPTIONS;
    const dynamo = await startDynamoDbLocal({ maxHeapMb: 160 });
    try {
      const environment = readFileSync(`/proc/${dynamo.pid}/environ`, 'utf8').split('\0');
      expect(environment.find((entry) => entry.startsWith('JDK_JAVA_OPTIONS='))).toMatch(/-Xmx160m$/);
      expect(process.env.JDK_JAVA_OPTIONS).toBe(before);
      const client = new DynamoDBClient({ ...localAwsConfig, endpoint: dynamo.endpoint });
      await expect(client.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: expect.any(Array) });
      client.destroy();
    } finally {
      await dynamo.stop();
    }
  });
});

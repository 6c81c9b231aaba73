import { DynamoDBClient, DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it, inject } from 'vitest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { localAwsConfig } from './dynamodb';
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
});

import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { localAwsConfig } from '../local/dynamodb';
import { ensureTable } from '../local/tables';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { productionContext, resourcesOf, synthTemplates } from './testing';

/**
 * The table DynamoDB Local gets (local/tables.ts) and the table CloudFormation gets (infra/dataStack.ts)
 * are both built from tableDefinition, by different code. This compares what each side really ends up with.
 */
const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: T[] = []) =>
  [...items].sort((a, b) => String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)));

describe('table parity: DynamoDB Local vs the synthesized table', () => {
  const client = new DynamoDBClient({ ...localAwsConfig, endpoint: inject('dynamoEndpoint') });
  const tableName = `parity-${Date.now()}`;
  afterAll(() => client.destroy());

  const { data } = synthTemplates({ stage: 'prod', context: productionContext });
  const tables = Object.values(resourcesOf(data, 'AWS::DynamoDB::Table'));
  const deployed = tables[0]?.Properties;

  it('has exactly one table in the data stack', () => {
    expect(tables).toHaveLength(1);
  });

  it('creates the same keys, attributes, indexes and TTL', async () => {
    await ensureTable(client, tableName, tableDefinition);
    const { Table: local } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));

    expect(local?.KeySchema).toEqual(deployed.KeySchema);
    expect(byName(local?.AttributeDefinitions)).toEqual(byName(deployed.AttributeDefinitions));
    expect(local?.BillingModeSummary?.BillingMode).toBe(deployed.BillingMode);

    const localIndexes = byName(local?.GlobalSecondaryIndexes).map((index) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: { ProjectionType: index.Projection?.ProjectionType, NonKeyAttributes: index.Projection?.NonKeyAttributes },
    }));
    const deployedIndexes = byName(deployed.GlobalSecondaryIndexes as Array<{ IndexName: string }>).map((index: any) => ({
      IndexName: index.IndexName,
      KeySchema: index.KeySchema,
      Projection: { ProjectionType: index.Projection.ProjectionType, NonKeyAttributes: index.Projection.NonKeyAttributes },
    }));
    expect(localIndexes).toEqual(deployedIndexes);
    expect(local?.LocalSecondaryIndexes ?? []).toEqual(deployed.LocalSecondaryIndexes ?? []);

    expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    expect(deployed.TimeToLiveSpecification.Enabled).toBe(true);
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(deployed.TimeToLiveSpecification.AttributeName);
  });
});

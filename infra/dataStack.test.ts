import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { roles } from '../shared/domain/actor';
import { productionContext, resourcesOf, synthTemplates } from './testing';

const dev = synthTemplates({ stage: 'dev' });
const prod = synthTemplates({ stage: 'prod', context: { ...productionContext, webOrigin: 'https://arshjul.example.se' } });

function onlyTable(template: typeof dev.data) {
  const tables = Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'));
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe('data stack', () => {
  it('names the stacks by stage', () => {
    expect(dev.dataStack.stackName).toBe('Arshjul-dev-Data');
    expect(dev.apiStack.stackName).toBe('Arshjul-dev-Api');
    expect(prod.dataStack.stackName).toBe('Arshjul-prod-Data');
  });

  it('builds the one table from the shared table definition', () => {
    const table = onlyTable(dev.data).Properties;
    expect(table.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey.name, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(table.GlobalSecondaryIndexes).toEqual(
      tableDefinition.globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
          { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
        ],
        Projection: index.projection.type === 'ALL' ? { ProjectionType: 'ALL' } : { ProjectionType: 'INCLUDE', NonKeyAttributes: index.projection.attributes },
      })),
    );
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true });
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('encrypts the table with its own rotating KMS key', () => {
    const keys = resourcesOf(dev.data, 'AWS::KMS::Key');
    const [keyId] = Object.keys(keys);
    expect(Object.keys(keys)).toHaveLength(1);
    expect(keys[keyId].Properties.EnableKeyRotation).toBe(true);
    expect(onlyTable(dev.data).Properties.SSESpecification).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });

  it('keeps table, key and user pool in prod, with deletion protection', () => {
    const table = onlyTable(prod.data);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    prod.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
    prod.data.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    expect(prod.dataStack.terminationProtection).toBe(true);
  });

  it('throws everything away in dev', () => {
    const table = onlyTable(dev.data);
    expect(table.DeletionPolicy).toBe('Delete');
    expect(table.Properties.DeletionProtectionEnabled).toBe(false);
    dev.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    dev.data.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });

  it('has a user pool for staff only, signing in by e-mail, with a strong password policy', () => {
    dev.data.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: Match.anyValue(),
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'boards', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'locale', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
    const pool = Object.values(resourcesOf(dev.data, 'AWS::Cognito::UserPool'))[0].Properties;
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
  });

  it('has one group per role', () => {
    const groups = Object.values(resourcesOf(dev.data, 'AWS::Cognito::UserPoolGroup')).map((g) => g.Properties.GroupName);
    expect(groups.sort()).toEqual([...roles].sort());
  });

  it('gives the web app a public code-grant client (beside the distribution) that cannot change its own boards', () => {
    dev.data.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    dev.api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
    });
    // Without webOrigin: the distribution's own domain (and, in dev, a web app run on localhost).
    const [distributionId] = Object.keys(resourcesOf(dev.api, 'AWS::CloudFront::Distribution'));
    const devClient = Object.values(resourcesOf(dev.api, 'AWS::Cognito::UserPoolClient'))[0].Properties;
    expect(devClient.CallbackURLs).toEqual([
      { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, '/auth/callback']] },
      'http://localhost:3000/auth/callback',
    ]);
    prod.api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://arshjul.example.se/auth/callback'],
      LogoutURLs: ['https://arshjul.example.se/'],
    });
    expect(devClient.WriteAttributes).toBeDefined();
    expect(devClient.WriteAttributes).not.toContain('custom:boards');
    dev.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'arshjul-dev' });
  });

  it('keeps the schedule group (pending one-time schedules) in the data stack, retained outside dev', () => {
    dev.data.hasResource('AWS::Scheduler::ScheduleGroup', { Properties: { Name: 'arshjul-dev' }, DeletionPolicy: 'Delete' });
    prod.data.hasResource('AWS::Scheduler::ScheduleGroup', { Properties: { Name: 'arshjul-prod' }, DeletionPolicy: 'Retain' });
  });

  it('takes the hosted-UI domain prefix from context', () => {
    const custom = synthTemplates({ stage: 'dev', context: { authDomainPrefix: 'stockholm-arshjul' } });
    custom.data.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'stockholm-arshjul' });
  });

  it('outputs the table name, user pool id, hosted UI and schedule group; the client id comes from the API stack', () => {
    expect(Object.keys(dev.data.findOutputs('*'))).toEqual(expect.arrayContaining(['TableName', 'UserPoolId', 'HostedUiBaseUrl', 'ScheduleGroupName']));
    expect(Object.keys(dev.api.findOutputs('*'))).toEqual(expect.arrayContaining(['UserPoolClientId']));
  });

  it('rejects a stage name that cannot go into resource names', () => {
    expect(() => synthTemplates({ stage: 'Prod_1' })).toThrow(/Invalid stage/);
  });
});

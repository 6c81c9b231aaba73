import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../functions/manifest';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { USER_MANAGEMENT_ACTIONS } from './apiStack';
import { repoRoot } from './functions';
import { AUDIT_IMMUTABLE_ACTIONS, INDEX_ACTIONS, KEY_READ_ACTIONS, KEY_WRITE_ACTIONS, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from './permissions';
import { allowedActions, environmentOf, functionRole, productionContext, resourcesOf, statementsOfRole, synthTemplates, type PolicyStatementJson } from './testing';

const { api } = synthTemplates({ stage: 'dev' });
const [auditPolicyId] = Object.keys(resourcesOf(api, 'AWS::IAM::ManagedPolicy'));
const tableArn = { 'Fn::ImportValue': expect.stringMatching(/^Arshjul-dev-Data:ExportsOutputFnGetAttTable.*Arn/) };
const keyArn = { 'Fn::ImportValue': expect.stringMatching(/^Arshjul-dev-Data:ExportsOutputFnGetAttTableKey.*Arn/) };
const withActions = (statements: PolicyStatementJson[], prefix: string) =>
  statements.filter((s) => s.Effect === 'Allow' && [s.Action].flat().some((a) => a.startsWith(prefix)));
const sorted = (items: readonly string[]) => [...items].sort();

/** Environment variables a deployed function may have; anything else (a local token issuer…) is a leak. */
const ALLOWED_ENV =
  /^(TABLE_NAME|POWERTOOLS_SERVICE_NAME|POWERTOOLS_LOG_LEVEL|POWERTOOLS_METRICS_NAMESPACE|STAGE|MAIL_FROM|MAIL_CONFIGURATION_SET|MAIL_TEMPLATE_PREFIX|PUBLIC_URL|SCHEDULE_GROUP|SCHEDULER_ROLE_ARN|SCHEDULER_DLQ_ARN|USER_POOL_ID|STATE_MACHINE_ARN_[A-Z0-9_]+)$/;

describe('least privilege, from the manifest', () => {
  it('grants the table by access level: item reads (no Scan, no streams), item writes only for `write`, queries on each index by name', () => {
    for (const spec of allFunctions) {
      const { statements } = functionRole(api, spec.id);
      const dynamo = withActions(statements, 'dynamodb:');
      const kms = withActions(statements, 'kms:');
      if (spec.table === 'none') {
        expect(dynamo, spec.id).toEqual([]);
        expect(kms, spec.id).toEqual([]);
        continue;
      }
      const write = spec.table === 'write';
      const tableStatement = dynamo.find((s) => !JSON.stringify(s.Resource).includes('/index/'))!;
      expect(tableStatement.Resource, spec.id).toEqual(tableArn);
      expect(sorted([tableStatement.Action].flat()), spec.id).toEqual(sorted([...TABLE_READ_ACTIONS, ...(write ? TABLE_WRITE_ACTIONS : [])]));
      const indexStatement = dynamo.find((s) => JSON.stringify(s.Resource).includes('/index/'))!;
      expect([indexStatement.Action].flat(), spec.id).toEqual([...INDEX_ACTIONS]);
      expect(indexStatement.Resource).toEqual(
        tableDefinition.globalSecondaryIndexes.map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]] })),
      );
      for (const forbidden of ['dynamodb:Scan', 'dynamodb:DescribeTable', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:BatchWriteItem', 'dynamodb:*']) {
        expect(allowedActions(dynamo), `${spec.id} ${forbidden}`).not.toContain(forbidden);
      }
      expect(kms, spec.id).toHaveLength(1);
      expect(kms[0].Resource).toEqual(keyArn);
      expect(sorted([kms[0].Action].flat()), spec.id).toEqual(sorted([...KEY_READ_ACTIONS, ...(write ? KEY_WRITE_ACTIONS : [])]));
      expect(kms[0].Condition).toEqual({ StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['dynamodb.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] } } });
    }
  });

  it('lets a function write its own log group only: no AWSLambdaBasicExecutionRole, no logs:* on other groups', () => {
    const fns = resourcesOf(api, 'AWS::Lambda::Function');
    for (const spec of allFunctions) {
      const { statements, role } = functionRole(api, spec.id);
      expect(role.Properties.ManagedPolicyArns, spec.id).toEqual([{ Ref: auditPolicyId }]);
      const logs = withActions(statements, 'logs:');
      expect(allowedActions(logs), spec.id).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
      const fn = Object.values(fns).find((f) => f.Metadata?.['arshjul:id'] === spec.id)!;
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      for (const statement of logs) expect(statement.Resource, spec.id).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    }
  });

  it('grants e-mail, scheduler and pass-role permissions only to the functions whose manifest entry asks', () => {
    for (const spec of allFunctions) {
      const actions = allowedActions(functionRole(api, spec.id).statements);
      if (!spec.sendsEmail) expect(actions.filter((a) => a.startsWith('ses:')), spec.id).toEqual([]);
      else expect(actions.filter((a) => a.startsWith('ses:')), spec.id).toEqual(['ses:SendEmail', 'ses:SendTemplatedEmail']);
      const scheduling = actions.filter((a) => a.startsWith('scheduler:') || a === 'iam:PassRole');
      if (!spec.managesSchedules) expect(scheduling, spec.id).toEqual([]);
      else {
        expect(scheduling, spec.id).toEqual(
          ['iam:PassRole', 'scheduler:CreateSchedule', 'scheduler:DeleteSchedule', 'scheduler:GetSchedule', 'scheduler:UpdateSchedule'].sort(),
        );
      }
      if (!spec.startsWorkflows?.length) expect(actions, spec.id).not.toContain('states:StartExecution');
      if (!spec.completesCallbacks?.length) expect(actions.filter((a) => a.startsWith('states:SendTask')), spec.id).toEqual([]);
      for (const action of actions) expect(action, spec.id).not.toMatch(/^[a-z0-9-]+:\*$|^\*$/);
    }
  });
});

describe('the people functions and the user pool', () => {
  it('lets only the functions whose manifest entry manages users act on the pool, that pool only, and tells them its id', () => {
    const managers = allFunctions.filter((spec) => spec.managesUsers).map((spec) => spec.id);
    expect(managers.sort()).toEqual(['DeactivateUser', 'GetUserHistory', 'ListUsers', 'PutUser']);
    for (const spec of allFunctions) {
      const { statements } = functionRole(api, spec.id);
      const cognito = statements.filter((statement) => [statement.Action].flat().some((action) => String(action).startsWith('cognito-idp:')));
      const env = environmentOf(api, spec.id);
      if (!spec.managesUsers) {
        expect(cognito, spec.id).toEqual([]);
        expect(env.USER_POOL_ID, spec.id).toBeUndefined();
        continue;
      }
      expect(cognito, spec.id).toHaveLength(1);
      expect([cognito[0]!.Action].flat().sort(), spec.id).toEqual([...USER_MANAGEMENT_ACTIONS].sort());
      // The data stack's one pool, by its exported ARN and id: no wildcard, no other pool.
      expect(cognito[0]!.Resource, spec.id).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Arshjul-dev-Data:ExportsOutputFnGetAtt.*UserPool.*Arn/) });
      expect(env.USER_POOL_ID, spec.id).toEqual({ 'Fn::ImportValue': expect.stringMatching(/^Arshjul-dev-Data:ExportsOutputRef.*UserPool/) });
    }
  });
});

describe('audit events are append-only', () => {
  it('denies UpdateItem, DeleteItem and BatchWriteItem on AUDIT# partitions of the table, in one customer-managed policy', () => {
    expect(Object.keys(resourcesOf(api, 'AWS::IAM::ManagedPolicy'))).toEqual([auditPolicyId]);
    const statements = resourcesOf(api, 'AWS::IAM::ManagedPolicy')[auditPolicyId].Properties.PolicyDocument.Statement;
    expect(statements).toEqual([
      {
        Sid: 'AuditEventsAreAppendOnly',
        Effect: 'Deny',
        Action: [...AUDIT_IMMUTABLE_ACTIONS],
        Resource: tableArn,
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
      },
    ]);
    expect(AUDIT_IMMUTABLE_ACTIONS).toEqual(['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']);
  });

  it('attaches the deny to every function role and every state machine role', () => {
    for (const spec of allFunctions) {
      const { statements } = functionRole(api, spec.id);
      expect(statements.filter((s) => s.Effect === 'Deny'), spec.id).toHaveLength(1);
    }
    for (const machine of Object.values(resourcesOf(api, 'AWS::StepFunctions::StateMachine'))) {
      const roleId = machine.Properties.RoleArn['Fn::GetAtt'][0] as string;
      expect(resourcesOf(api, 'AWS::IAM::Role')[roleId].Properties.ManagedPolicyArns).toEqual([{ Ref: auditPolicyId }]);
      expect(statementsOfRole(api, roleId).filter((s) => s.Effect === 'Deny')).toHaveLength(1);
    }
  });
});

describe('the local token issuer can never be switched on in the cloud', () => {
  it('gives no function an environment variable outside the allow-list, nor a value that points at anything local', () => {
    for (const spec of allFunctions) {
      for (const [name, value] of Object.entries(environmentOf(api, spec.id))) {
        expect(name, spec.id).toMatch(ALLOWED_ENV);
        expect(`${name}=${JSON.stringify(value)}`).not.toMatch(/dev.?token|token.?issuer|local|signing|jwks|\/api\/dev|127\.0\.0\.1/i);
      }
    }
  });

  it('imports nothing from local/ anywhere in infra/', () => {
    const files = readdirSync(path.join(repoRoot, 'infra'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(path.join(repoRoot, 'infra', file), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"](\.\.\/)+local\//);
      expect(source, file).not.toMatch(/import\(\s*['"](\.\.\/)+local\//);
    }
  });
});

describe('data protection outside dev', () => {
  const prod = synthTemplates({ stage: 'prod', context: { ...productionContext, webOrigin: 'https://arshjul.example.se' } });

  it('keeps the table with point-in-time recovery, its own rotating key and deletion protection', () => {
    const table = Object.values(resourcesOf(prod.data, 'AWS::DynamoDB::Table'))[0];
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.SSESpecification).toMatchObject({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    prod.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: { EnableKeyRotation: true } });
  });

  it('retains every log group, bucket and queue of the API stack', () => {
    for (const type of ['AWS::Logs::LogGroup', 'AWS::S3::Bucket', 'AWS::SQS::Queue']) {
      const resources = Object.entries(resourcesOf(prod.api, type));
      expect(resources.length, type).toBeGreaterThan(0);
      for (const [id, resource] of resources) expect(resource.DeletionPolicy, `${type} ${id}`).toBe('Retain');
    }
  });

  it('throttles the API and writes access logs of the API, CloudFront and the site bucket', () => {
    prod.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 } });
    const stage = Object.values(resourcesOf(prod.api, 'AWS::ApiGatewayV2::Stage'))[0].Properties;
    expect(stage.AccessLogSettings.DestinationArn).toBeDefined();
    const distribution = Object.values(resourcesOf(prod.api, 'AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
    expect(distribution.Logging.Bucket).toBeDefined();
    const buckets = Object.values(resourcesOf(prod.api, 'AWS::S3::Bucket'));
    expect(buckets.filter((bucket) => bucket.Properties.LoggingConfiguration)).toHaveLength(1);
  });
});

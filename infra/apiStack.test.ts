import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { probeWorkflow } from './fixtures/probeWorkflow';
import { ENTRY_METADATA, ID_METADATA } from './functions';
import { resourcesOf, synthTemplates } from './testing';
import { stateMachineArnEnvVar, workflowModules } from './workflows';

const { api } = synthTemplates({ stage: 'dev' });
const lambdas = () => Object.values(resourcesOf(api, 'AWS::Lambda::Function'));

/** Environment variables a deployed function may have; anything else (a local token issuer…) is a leak. */
const ALLOWED_ENV = /^(TABLE_NAME|POWERTOOLS_SERVICE_NAME|POWERTOOLS_LOG_LEVEL|STAGE|MAIL_FROM|STATE_MACHINE_ARN_[A-Z0-9_]+)$/;

/** Every IAM statement attached to the role of the function with this manifest id. */
function statementsOf(template: typeof api, id: string): Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> {
  const [logicalId, fn] = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).find(
    ([, resource]) => resource.Metadata?.[ID_METADATA] === id,
  )!;
  expect(logicalId).toBeDefined();
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter((policy) => policy.Properties.Roles.some((role: { Ref: string }) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}
const actionsOf = (template: typeof api, id: string) => statementsOf(template, id).flatMap((s) => [s.Action].flat());

describe('api stack: functions', () => {
  it('creates one function per manifest entry, tagged with its entry and id', () => {
    const tagged = lambdas().map((fn) => ({ id: fn.Metadata?.[ID_METADATA], entry: fn.Metadata?.[ENTRY_METADATA] }));
    expect(tagged).toHaveLength(allFunctions.length);
    expect(tagged).toEqual(expect.arrayContaining(allFunctions.map((spec) => ({ id: spec.id, entry: spec.entry }))));
  });

  it('runs every function on Node 22, arm64, with the table name and service settings', () => {
    for (const fn of lambdas()) {
      expect(fn.Properties.Runtime).toBe('nodejs22.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.Environment.Variables).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'arshjul',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        STAGE: 'dev',
      });
      expect(fn.Properties.Environment.Variables.TABLE_NAME).toEqual({ 'Fn::ImportValue': expect.stringContaining('Arshjul-dev-Data') });
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
  });

  it('gives each function its own log group with a retention', () => {
    const retained = Object.values(resourcesOf(api, 'AWS::Logs::LogGroup')).filter((g) => g.Properties.RetentionInDays > 0);
    expect(retained.length).toBeGreaterThanOrEqual(allFunctions.length + 1);
  });

  it('never deploys a local-only setting (token issuer, dev routes)', () => {
    for (const fn of lambdas()) {
      for (const [name, value] of Object.entries(fn.Properties.Environment.Variables as Record<string, unknown>)) {
        expect(name).toMatch(ALLOWED_ENV);
        expect(`${name}=${JSON.stringify(value)}`).not.toMatch(/dev.?token|token.?issuer|local|signing|jwks|\/api\/dev/i);
      }
    }
  });

  it('grants table access by the manifest: none, read or read-write', () => {
    const writes = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
    for (const spec of allFunctions) {
      const actions = actionsOf(api, spec.id);
      if (spec.table === 'none') expect(actions.filter((a) => a.startsWith('dynamodb:') || a.startsWith('kms:'))).toEqual([]);
      if (spec.table === 'read') {
        expect(actions).toContain('dynamodb:GetItem');
        expect(actions.filter((a) => writes.includes(a) || a.startsWith('kms:Encrypt') || a.startsWith('kms:GenerateDataKey'))).toEqual([]);
      }
      if (spec.table === 'write') expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'kms:Decrypt', 'kms:GenerateDataKey*']));
      if (!spec.sendsEmail) expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
      if (spec.workflow !== 'start-and-callback') expect(actions.filter((a) => a.startsWith('states:'))).toEqual([]);
    }
  });
});

describe('api stack: HTTP API', () => {
  const routes = () => Object.values(resourcesOf(api, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties);

  it('has exactly one route per manifest route, with the authorizer the manifest asks for', () => {
    const expected = allFunctions.flatMap((spec) => (spec.routes ?? []).map((route) => ({ route, auth: spec.auth })));
    expect(routes().map((r) => r.RouteKey).sort()).toEqual(expected.map((e) => e.route).sort());
    for (const { route, auth } of expected) {
      const deployed = routes().find((r) => r.RouteKey === route)!;
      if (auth === 'public') {
        expect(deployed.AuthorizationType).toBe('NONE');
        expect(deployed.AuthorizerId).toBeUndefined();
      } else {
        expect(deployed.AuthorizationType).toBe('JWT');
        expect(deployed.AuthorizerId).toEqual({ Ref: expect.any(String) });
      }
    }
  });

  it('never routes /api/dev (token, clock, outbox are local only)', () => {
    expect(routes().length).toBeGreaterThan(0);
    for (const route of routes()) expect(route.RouteKey.split(' ')[1]).not.toMatch(/^\/api\/dev(\/|$)/);
  });

  it('checks JWTs against the Cognito user pool and the web client', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ 'Fn::ImportValue': Match.stringLikeRegexp('WebClient') }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
  });

  it('throttles the default stage and writes access logs', () => {
    api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] }, Format: Match.stringLikeRegexp('requestId') },
    });
    expect(Object.keys(api.findOutputs('ApiUrl'))).toEqual(['ApiUrl']);
  });

  it('deploys one state machine per registered workflow', () => {
    api.resourceCountIs('AWS::StepFunctions::StateMachine', workflowModules.length);
  });
});

describe('api stack: the registered workflows', () => {
  const callers = allFunctions.filter((spec) => spec.workflow === 'start-and-callback');

  it('gives every start-and-callback function each state machine ARN and only the states actions it needs', () => {
    for (const spec of callers) {
      const fn = lambdas().find((f) => f.Metadata?.[ID_METADATA] === spec.id)!;
      for (const workflow of workflowModules) {
        expect(JSON.stringify(fn.Properties.Environment.Variables[workflow.envVar])).toContain(`stateMachine:Arshjul-dev-Api-${workflow.id}`);
      }
      const states = actionsOf(api, spec.id).filter((a) => a.startsWith('states:'));
      expect([...new Set(states)].sort()).toEqual(
        workflowModules.length ? ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess', 'states:StartExecution'] : [],
      );
    }
  });

  it('has no dependency cycle, even for a function that is both a task and a caller', () => {
    // Template.fromStack rejects cyclic templates; with the state machine's Ref in the callers'
    // environment (instead of the ARN built from its name) RegisterCallback closes a cycle.
    const { apiStack } = synthTemplates({ stage: 'dev' });
    expect(() => Template.fromStack(apiStack, { skipCyclicalDependenciesCheck: false })).not.toThrow();
  });
});

describe('api stack: workflows', () => {
  // Two made-up functions (entries need not exist: bundling is skipped) besides the manifest's, so the
  // wiring is tested whatever the manifest holds today.
  const functions: FunctionSpec[] = [
    ...allFunctions,
    { id: 'ProbeStarter', entry: 'functions/api/probeStarter.ts', routes: ['POST /api/probe'], auth: 'jwt', table: 'write', workflow: 'start-and-callback' },
    { id: 'ProbeMailer', entry: 'functions/tasks/probeMailer.ts', table: 'read', sendsEmail: true },
  ];
  const wired = synthTemplates({ stage: 'dev', functions, workflows: [probeWorkflow], context: { mailFrom: 'arshjul@stad.example.se' } });

  it('creates a standard state machine with logging (no execution data) and tracing', () => {
    wired.api.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      StateMachineName: 'Arshjul-dev-Api-Probe',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } }],
      },
    });
  });

  it('lets start-and-callback functions start executions and answer task tokens, by ARN env var', () => {
    const fn = Object.values(resourcesOf(wired.api, 'AWS::Lambda::Function')).find((f) => f.Metadata?.[ID_METADATA] === 'ProbeStarter')!;
    const arn = fn.Properties.Environment.Variables[stateMachineArnEnvVar('Probe')];
    expect(JSON.stringify(arn)).toContain('stateMachine:Arshjul-dev-Api-Probe');
    const statements = statementsOf(wired.api, 'ProbeStarter').filter((s) => [s.Action].flat().some((a) => a.startsWith('states:')));
    expect(statements.flatMap((s) => [s.Action].flat()).sort()).toEqual(
      ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess', 'states:StartExecution'].sort(),
    );
    for (const statement of statements) expect(statement.Resource).toEqual(arn);
  });

  it('lets e-mail senders send only from the configured address', () => {
    const statements = statementsOf(wired.api, 'ProbeMailer').filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(statements).toHaveLength(1);
    expect(statements[0].Action).toBe('ses:SendEmail');
    expect(statements[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'arshjul@stad.example.se' } });
    expect(actionsOf(wired.api, 'ProbeMailer').filter((a) => a.startsWith('states:'))).toEqual([]);
  });
});

import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { probeTimerWorkflow } from './fixtures/probeTimerWorkflow';
import { probeWorkflow } from './fixtures/probeWorkflow';
import { ENTRY_METADATA, ID_METADATA } from './functions';
import { allowedActions, environmentOf, functionRole, resourcesOf, synthTemplates } from './testing';
import { stateMachineArnEnvVar, workflowModules } from './workflows';

const { api } = synthTemplates({ stage: 'dev' });
const lambdas = () => Object.values(resourcesOf(api, 'AWS::Lambda::Function')).filter((fn) => fn.Metadata?.[ID_METADATA]);
const STATES_START = ['states:StartExecution'];
const STATES_CALLBACK = ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'];

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
    for (const fn of lambdas()) expect(fn.Properties.LoggingConfig.LogGroup).toEqual({ Ref: expect.any(String) });
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

  it('checks JWTs against the Cognito user pool and the web client of the same stack', () => {
    const [clientId] = Object.keys(resourcesOf(api, 'AWS::Cognito::UserPoolClient'));
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
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
    expect(Object.keys(api.findOutputs('*'))).toEqual(expect.arrayContaining(['ApiUrl', 'WebUrl', 'UserPoolClientId']));
  });

  it('deploys one state machine per registered workflow', () => {
    api.resourceCountIs('AWS::StepFunctions::StateMachine', workflowModules.length);
  });
});

describe('api stack: the registered workflows', () => {
  it('gives each function the states actions and ARNs of exactly the workflows its manifest entry names', () => {
    for (const spec of allFunctions) {
      const { statements } = functionRole(api, spec.id);
      const states = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('states:')));
      const expected = [...(spec.startsWorkflows?.length ? STATES_START : []), ...(spec.completesCallbacks?.length ? STATES_CALLBACK : [])].sort();
      expect(allowedActions(states), spec.id).toEqual(expected);
      for (const statement of states) {
        const ids = [statement.Action].flat().includes('states:StartExecution') ? spec.startsWorkflows! : spec.completesCallbacks!;
        for (const id of ids) expect(JSON.stringify(statement.Resource)).toContain(`stateMachine:Arshjul-dev-Api-${id}"`);
        for (const other of workflowModules.filter((m) => !ids.includes(m.id))) {
          expect(JSON.stringify(statement.Resource)).not.toContain(`stateMachine:Arshjul-dev-Api-${other.id}"`);
        }
      }
      const env = environmentOf(api, spec.id);
      const used = new Set([...(spec.startsWorkflows ?? []), ...(spec.completesCallbacks ?? [])]);
      if (spec.managesSchedules) for (const m of workflowModules.filter((m) => m.startedBySchedules)) used.add(m.id);
      const arnVars = Object.keys(env).filter((name) => name.startsWith('STATE_MACHINE_ARN_'));
      expect(arnVars.sort(), spec.id).toEqual([...used].map(stateMachineArnEnvVar).sort());
    }
  });

  it('has no dependency cycle, even for a function that is both a task and a caller', () => {
    // Template.fromStack rejects cyclic templates; with the state machine's Ref in the callers'
    // environment (instead of the ARN built from its name) RegisterCallback closes a cycle.
    const { apiStack } = synthTemplates({ stage: 'dev' });
    expect(() => Template.fromStack(apiStack, { skipCyclicalDependenciesCheck: false })).not.toThrow();
  });
});

describe('api stack: workflow wiring', () => {
  // Made-up functions (on the bundling probe's entry) besides the manifest's, so the
  // wiring is tested whatever the manifest holds today.
  const functions: FunctionSpec[] = [
    ...allFunctions,
    { id: 'ProbeStarter', entry: 'infra/fixtures/probeHandler.ts', routes: ['POST /api/probe'], auth: 'jwt', table: 'write', startsWorkflows: ['Probe'] },
    { id: 'ProbeCompleter', entry: 'infra/fixtures/probeHandler.ts', routes: ['POST /api/probe/decision'], auth: 'jwt', table: 'write', completesCallbacks: ['Probe'] },
    { id: 'ProbeMailer', entry: 'infra/fixtures/probeHandler.ts', table: 'read', sendsEmail: true },
  ];
  const wired = synthTemplates({
    stage: 'dev',
    functions,
    workflows: [...workflowModules, probeWorkflow, probeTimerWorkflow],
    context: { mailFrom: 'arshjul@stad.example.se' },
  });
  const probeArn = 'stateMachine:Arshjul-dev-Api-Probe';

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

  it('lets a starter start executions only, and a completer answer task tokens only, each by ARN env var', () => {
    const starter = functionRole(wired.api, 'ProbeStarter').statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('states:')));
    expect(allowedActions(starter)).toEqual(STATES_START);
    const completer = functionRole(wired.api, 'ProbeCompleter').statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('states:')));
    expect(allowedActions(completer)).toEqual(STATES_CALLBACK);
    for (const statement of [...starter, ...completer]) expect(JSON.stringify(statement.Resource)).toContain(probeArn);
    for (const id of ['ProbeStarter', 'ProbeCompleter']) {
      const env = environmentOf(wired.api, id);
      expect(JSON.stringify(env[stateMachineArnEnvVar('Probe')])).toContain(probeArn);
      expect(env[stateMachineArnEnvVar('Review')]).toBeUndefined();
      expect(env[stateMachineArnEnvVar('ProbeTimer')]).toBeUndefined();
    }
  });

  it('refuses (error annotation) a manifest entry naming a workflow that is not registered', () => {
    const broken = synthTemplates({
      stage: 'dev',
      functions: [...allFunctions, { id: 'ProbeLost', entry: 'infra/fixtures/probeHandler.ts', table: 'none', startsWorkflows: ['Nowhere'] }],
    });
    const errors = Annotations.fromStack(broken.apiStack).findError('*', Match.stringLikeRegexp('workflow "Nowhere"'));
    expect(errors).toHaveLength(1);
  });

  it('lets e-mail senders send only from the configured address, its domain, the stage configuration set and templates', () => {
    const statements = functionRole(wired.api, 'ProbeMailer').statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('ses:')));
    expect(statements).toHaveLength(1);
    expect([statements[0].Action].flat().sort()).toEqual(['ses:SendEmail', 'ses:SendTemplatedEmail']);
    expect(statements[0].Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'arshjul@stad.example.se' } });
    const resources = JSON.stringify(statements[0].Resource);
    expect(resources).toContain(':identity/arshjul@stad.example.se');
    expect(resources).toContain(':identity/stad.example.se');
    expect(resources).toContain(':configuration-set/');
    expect(resources).toContain(':template/arshjul-dev-approved-sv');
    expect(resources).not.toContain('identity/*');
    expect(allowedActions(functionRole(wired.api, 'ProbeMailer').statements).filter((a) => a.startsWith('states:'))).toEqual([]);
    expect(environmentOf(wired.api, 'ProbeMailer')).toMatchObject({
      MAIL_FROM: 'arshjul@stad.example.se',
      MAIL_TEMPLATE_PREFIX: 'arshjul-dev',
      PUBLIC_URL: expect.anything(),
    });
  });
});

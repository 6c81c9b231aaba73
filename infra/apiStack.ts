import { CfnOutput, CrossStackReferences, NestedStack, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../functions/manifest';
import { USER_POOL_ID_ENV } from '../shared/composition/environment';
import { METRICS_NAMESPACE } from '../shared/observability/metrics';
import { Alarms } from './alarms';
import { addWebClient } from './auth';
import { HealthDashboard } from './dashboard';
import { createFunction } from './functions';
import { Mail } from './mail';
import { acknowledgeApiStack } from './nagAcknowledgements';
import { auditImmutabilityPolicy, tableStatements } from './permissions';
import { Scheduling } from './scheduler';
import { recordStoppedExecutions } from './stoppedExecutions';
import type { Stage } from './stage';
import { Web, type WebDomain } from './web';
import { addWorkflows, grantWorkflowUse, type Workflow, type WorkflowModule } from './workflows';

export interface ApiStackProps extends StackProps {
  stage: Stage;
  table: dynamodb.ITable;
  tableKey: kms.IKey;
  /** The table's global secondary indexes (each is granted by its own ARN). */
  tableIndexNames: readonly string[];
  userPool: cognito.IUserPool;
  /** The user pool's hosted-UI domain prefix (the web app fetches tokens from it: CSP connect-src). */
  authDomainPrefix: string;
  /** The stage's EventBridge Scheduler group (data stack). */
  scheduleGroupName: string;
  functions: FunctionSpec[];
  workflows: WorkflowModule[];
  /** Sender address for e-mail; when set, functions that send e-mail may send from it only. */
  mailFrom?: string;
  /** Where alarms are e-mailed (context `alarmEmail`); without it the alarm topic has no subscriber. */
  alarmEmail?: string;
  /** The city's identity provider in the user pool (data stack), offered by the web app's client. */
  identityProviderName?: string;
  /** Origin the web app is served from, when not the distribution's own domain (context `webOrigin`). */
  webOrigin?: string;
  /** WAFv2 web ACL (CLOUDFRONT scope, us-east-1) for the distribution. */
  webAclArn?: string;
  /** Custom domain and its us-east-1 certificate (contexts `webDomainName`, `webCertificateArn`). */
  webDomain?: WebDomain;
  /** The built web app (tests); defaults to web/dist. */
  webDist?: string;
}

/** `GET /api/health` → method and path. */
export function parseRoute(route: string): { method: apigwv2.HttpMethod; path: string } {
  const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/.exec(route);
  if (!match) throw new Error(`Route "${route}" is not "METHOD /path"`);
  return { method: match[1] as apigwv2.HttpMethod, path: match[2] };
}

/** The web origin a form link or a redirect should use (environment variable of e-mail senders). */
export const PUBLIC_URL_ENV = 'PUBLIC_URL';

/**
 * Stateless: functions, routes, workflows, scheduler wiring, SES templates and the web front door. It can
 * be destroyed and redeployed without losing data (outside `dev`, its buckets and queue are retained).
 *
 * The web front door (bucket, CloudFront) and the web app's Cognito client live here, not in a stack of
 * their own: the distribution needs the HTTP API's domain, the client's callback URLs need the
 * distribution's domain, and the JWT authorizer needs the client; across stacks that is a cycle
 * (Api → Web → Api), inside one template it is an ordinary chain.
 */
export class ApiStack extends Stack {
  readonly functions: Record<string, lambda.Function> = {};
  readonly workflows: Workflow[];
  readonly httpApi: apigwv2.HttpApi;
  readonly auditPolicy: iam.ManagedPolicy;
  readonly mail: Mail;
  readonly scheduling: Scheduling;
  readonly web: Web;
  readonly webClient: cognito.UserPoolClient;
  readonly alarms: Alarms;
  readonly dashboard: HealthDashboard;
  /**
   * The alarms and the dashboard, in a nested stack of their own: two alarms per function would otherwise take the
   * stack past CloudFormation's 500 resources as routes are added (each route's function costs about nine).
   */
  readonly monitoring: NestedStack;
  /** Routes without an authorizer (manifest `auth: 'public'`). */
  readonly publicRoutes: apigwv2.HttpRoute[] = [];
  /** The origin the web app is reached at: context `webOrigin`, the custom domain, or the distribution. */
  readonly webOrigin: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Exports/imports: CloudFormation then refuses to delete the table or pool while this stack uses them.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { stage, table } = props;
    const tableRef = { tableArn: table.tableArn, indexNames: props.tableIndexNames, keyArn: props.tableKey.keyArn };

    this.auditPolicy = auditImmutabilityPolicy(this, 'AuditEventsAppendOnly', table.tableArn);

    for (const spec of props.functions) {
      if (this.functions[spec.id]) throw new Error(`Function id ${spec.id} appears twice in the manifest`);
      const fn = createFunction(this, spec, {
        environment: {
          TABLE_NAME: table.tableName,
          POWERTOOLS_SERVICE_NAME: 'arshjul',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
          STAGE: stage.name,
        },
        removalPolicy: stage.removalPolicy,
      });
      fn.role!.addManagedPolicy(this.auditPolicy);
      for (const statement of tableStatements(this, spec.table, tableRef)) fn.addToRolePolicy(statement);
      this.functions[spec.id] = fn;
    }

    this.workflows = addWorkflows(this, this.functions, table, {
      modules: props.workflows,
      removalPolicy: stage.removalPolicy,
    });
    for (const workflow of this.workflows) workflow.stateMachine.role.addManagedPolicy(this.auditPolicy);

    this.mail = new Mail(this, 'Mail', { stage, mailFrom: props.mailFrom });
    this.scheduling = new Scheduling(this, 'Scheduling', {
      groupName: props.scheduleGroupName,
      specs: props.functions,
      functions: this.functions,
      workflows: this.workflows,
      removalPolicy: stage.removalPolicy,
    });
    const review = this.workflows.find((workflow) => workflow.id === 'Review');
    if (review && this.functions.RecordStoppedExecution) {
      recordStoppedExecutions(this, 'ReviewStopped', { workflow: review, recorder: this.functions.RecordStoppedExecution, deadLetterQueue: this.scheduling.deadLetterQueue });
    }
    for (const spec of props.functions) {
      const fn = this.functions[spec.id];
      grantWorkflowUse(fn, { starts: spec.startsWorkflows, completes: spec.completesCallbacks }, this.workflows);
      if (spec.sendsEmail) this.mail.grantSend(fn);
      if (spec.managesSchedules) this.scheduling.grantManage(fn);
      if (spec.managesUsers) grantUserManagement(fn, props.userPool);
    }

    const accessLogs = new logs.LogGroup(this, 'HttpApiAccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: stage.removalPolicy,
    });
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: `arshjul-${stage.name}`,
      description: 'Årshjul HTTP API v1',
      // The default stage is declared below, with throttling and access logs.
      createDefaultStage: false,
    });
    const defaultStage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        // Only $context variables HTTP APIs know; no headers, bodies or tokens.
        format: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            ip: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    this.web = new Web(this, 'Web', {
      stage,
      httpApi: this.httpApi,
      cognitoOrigin: `https://${props.authDomainPrefix}.auth.${this.region}.amazoncognito.com`,
      webAclArn: props.webAclArn,
      domain: props.webDomain,
      webDist: props.webDist,
      logRetentionDays: stage.production ? 365 : 90,
    });
    this.webOrigin = props.webOrigin ?? this.web.url;
    // In dev, developers may also run the web app on their machine against the dev user pool.
    const origins = [this.webOrigin, ...(stage.disposable ? ['http://localhost:3000'] : [])];
    this.webClient = addWebClient(this, 'WebClient', props.userPool, { stage, origins, identityProviderName: props.identityProviderName });
    this.web.publishAuthConfig({
      domain: `https://${props.authDomainPrefix}.auth.${this.region}.amazoncognito.com`,
      clientId: this.webClient.userPoolClientId,
    });
    for (const spec of props.functions) if (spec.sendsEmail) this.functions[spec.id].addEnvironment(PUBLIC_URL_ENV, this.webOrigin);

    const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [this.webClient],
    });
    const publicAccess = new apigwv2.HttpNoneAuthorizer();
    for (const spec of props.functions) {
      // An API function's routes and auth both come from its route (functions/manifest.ts), so one implies the other.
      if (!spec.routes) continue;
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, this.functions[spec.id]);
      for (const route of spec.routes) {
        const { method, path } = parseRoute(route);
        const added = this.httpApi.addRoutes({
          path,
          methods: [method],
          integration,
          authorizer: spec.auth === 'jwt' ? jwtAuthorizer : publicAccess,
        });
        if (spec.auth === 'public') this.publicRoutes.push(...added);
      }
    }

    this.monitoring = new NestedStack(this, 'Monitoring', { description: `Årshjul ${stage.name}: alarms and the health dashboard` });
    this.alarms = new Alarms(this.monitoring, 'Alarms', {
      stage,
      alarmEmail: props.alarmEmail,
      functions: this.functions,
      workflows: this.workflows,
      httpApi: this.httpApi,
      deadLetterQueue: this.scheduling.deadLetterQueue,
      dailyJob: this.functions.SendReminders,
      mail: this.mail,
      removalPolicy: stage.removalPolicy,
    });
    this.dashboard = new HealthDashboard(this.monitoring, 'Health', {
      stage,
      functionNamePrefix: this.stackName,
      serviceName: 'arshjul',
      alarms: this.alarms.alarms,
      workflows: this.workflows,
      httpApi: this.httpApi,
      deadLetterQueue: this.scheduling.deadLetterQueue,
      mail: this.mail,
    });

    acknowledgeApiStack(this, props);

    new CfnOutput(this, 'ApiUrl', { value: defaultStage.url });
    new CfnOutput(this, 'WebUrl', { value: this.webOrigin });
    new CfnOutput(this, 'DistributionId', { value: this.web.distribution.distributionId });
    new CfnOutput(this, 'SiteBucketName', { value: this.web.siteBucket.bucketName });
    new CfnOutput(this, 'UserPoolClientId', { value: this.webClient.userPoolClientId });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'HealthDashboardName', { value: this.dashboard.dashboard.dashboardName });
    new CfnOutput(this, 'SchedulerDeadLetterQueueUrl', { value: this.scheduling.deadLetterQueue.queueUrl });
  }
}

/** What the people functions (manifest `managesUsers`) may do in Cognito: these actions, on the stage's user pool only. */
export const USER_MANAGEMENT_ACTIONS = [
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminUpdateUserAttributes',
  'cognito-idp:ListUsers',
  'cognito-idp:ListUsersInGroup',
] as const;

function grantUserManagement(fn: lambda.Function, userPool: cognito.IUserPool): void {
  fn.addEnvironment(USER_POOL_ID_ENV, userPool.userPoolId);
  fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'ManageUserPoolPeople', actions: [...USER_MANAGEMENT_ACTIONS], resources: [userPool.userPoolArn] }));
}

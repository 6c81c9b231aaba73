import { CfnOutput, CrossStackReferences, ReferenceStrength, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { FunctionSpec } from '../functions/manifest';
import { createFunction } from './functions';
import type { Stage } from './stage';
import { addWorkflows, grantStartAndCallback, type Workflow, type WorkflowModule } from './workflows';

export interface ApiStackProps extends StackProps {
  stage: Stage;
  table: dynamodb.ITable;
  userPool: cognito.IUserPool;
  webClient: cognito.IUserPoolClient;
  functions: FunctionSpec[];
  workflows: WorkflowModule[];
  bundlingSkipped: boolean;
  /** Sender address for e-mail; when set, functions that send e-mail may send from it only. */
  mailFrom?: string;
}

/** `GET /api/health` → method and path. */
export function parseRoute(route: string): { method: apigwv2.HttpMethod; path: string } {
  const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/.exec(route);
  if (!match) throw new Error(`Route "${route}" is not "METHOD /path"`);
  return { method: match[1] as apigwv2.HttpMethod, path: match[2] };
}

/** Stateless: functions, routes and workflows. It can be destroyed and redeployed without losing data. */
export class ApiStack extends Stack {
  readonly functions: Record<string, lambda.Function> = {};
  readonly workflows: Workflow[];
  readonly httpApi: apigwv2.HttpApi;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    // Exports/imports: CloudFormation then refuses to delete the table or pool while this stack uses them.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { stage, table } = props;

    for (const spec of props.functions) {
      if (this.functions[spec.id]) throw new Error(`Function id ${spec.id} appears twice in the manifest`);
      const fn = createFunction(this, spec, {
        environment: {
          TABLE_NAME: table.tableName,
          POWERTOOLS_SERVICE_NAME: 'arshjul',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          STAGE: stage.name,
        },
        removalPolicy: stage.removalPolicy,
        bundlingSkipped: props.bundlingSkipped,
      });
      if (spec.table === 'read') table.grantReadData(fn);
      if (spec.table === 'write') table.grantReadWriteData(fn);
      if (spec.sendsEmail) {
        if (props.mailFrom) fn.addEnvironment('MAIL_FROM', props.mailFrom);
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [
              this.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
              this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: '*' }),
            ],
            conditions: props.mailFrom ? { StringEquals: { 'ses:FromAddress': props.mailFrom } } : undefined,
          }),
        );
      }
      this.functions[spec.id] = fn;
    }

    this.workflows = addWorkflows(this, this.functions, table, {
      modules: props.workflows,
      removalPolicy: stage.removalPolicy,
    });
    for (const spec of props.functions) {
      if (spec.startsWorkflows?.length || spec.completesCallbacks?.length) grantStartAndCallback(this.functions[spec.id], this.workflows);
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

    const jwtAuthorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', props.userPool, {
      userPoolClients: [props.webClient],
    });
    const publicAccess = new apigwv2.HttpNoneAuthorizer();
    for (const spec of props.functions) {
      if (!spec.routes?.length) continue;
      if (!spec.auth) throw new Error(`Function ${spec.id} serves routes but says nothing about auth`);
      const integration = new HttpLambdaIntegration(`${spec.id}Integration`, this.functions[spec.id]);
      for (const route of spec.routes) {
        const { method, path } = parseRoute(route);
        this.httpApi.addRoutes({
          path,
          methods: [method],
          integration,
          authorizer: spec.auth === 'jwt' ? jwtAuthorizer : publicAccess,
        });
      }
    }

    new CfnOutput(this, 'ApiUrl', { value: defaultStage.url });
  }
}

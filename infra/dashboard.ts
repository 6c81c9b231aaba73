import { Duration } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { businessMetrics, METRICS_NAMESPACE } from '../shared/observability/metrics';
import type { Mail } from './mail';
import type { Stage } from './stage';
import type { Workflow } from './workflows';

export interface HealthDashboardProps {
  stage: Stage;
  /** The service name the functions publish their metrics under (POWERTOOLS_SERVICE_NAME). */
  serviceName: string;
  /** What the stack's function names start with (the API stack's name): the dashboard searches their metrics by it. */
  functionNamePrefix: string;
  alarms: cloudwatch.IAlarm[];
  workflows: Workflow[];
  httpApi: apigwv2.IHttpApi;
  deadLetterQueue: sqs.IQueue;
  mail: Mail;
}

/**
 * `arshjul-<stage>-health`: the governance year at a glance, a year wide and a day per point. The alarms
 * first, then what the city did (documents submitted, approved and returned; reminders sent), then how the
 * machinery held up (workflows, API, functions, dead letters, mail).
 */
export class HealthDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: HealthDashboardProps) {
    super(scope, id);
    const day = Duration.days(1);
    const business = (name: string) =>
      new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { service: props.serviceName }, statistic: 'Sum', period: day });
    const stackName = props.functionNamePrefix;

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `arshjul-${props.stage.name}-health`,
      defaultInterval: Duration.days(365),
    });
    this.dashboard.addWidgets(
      new cloudwatch.TextWidget({ markdown: `# Årshjul ${props.stage.name}: the year's health\nOne point per day; alarms go to the SNS topic arshjul-${props.stage.name}-alarms.`, width: 24, height: 2 }),
    );
    this.dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: props.alarms, width: 24, height: 6 }));
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Documents: submitted, approved, returned (per day)',
        left: businessMetrics.filter((name) => name.startsWith('Documents')).map(business),
        width: 12,
      }),
      new cloudwatch.GraphWidget({ title: 'Reminders sent (per day)', left: [business('RemindersSent')], width: 12 }),
    );
    this.dashboard.addWidgets(
      ...props.workflows.map(
        (workflow) =>
          new cloudwatch.GraphWidget({
            title: `${workflow.id} executions (per day)`,
            left: [
              workflow.stateMachine.metricStarted({ period: day, statistic: 'Sum' }),
              workflow.stateMachine.metricSucceeded({ period: day, statistic: 'Sum' }),
              workflow.stateMachine.metricFailed({ period: day, statistic: 'Sum' }),
              workflow.stateMachine.metricTimedOut({ period: day, statistic: 'Sum' }),
              workflow.stateMachine.metricAborted({ period: day, statistic: 'Sum' }),
            ],
            width: 24 / Math.max(props.workflows.length, 1),
          }),
      ),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'API requests and errors (per day)',
        left: [
          props.httpApi.metricCount({ period: day, statistic: 'Sum' }),
          props.httpApi.metricClientError({ period: day, statistic: 'Sum' }),
          props.httpApi.metricServerError({ period: day, statistic: 'Sum' }),
        ],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'API latency p90 (ms)',
        left: [props.httpApi.metricLatency({ period: day, statistic: 'p90' })],
        width: 12,
      }),
    );
    this.dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function errors and throttles (per day, all functions of the stack)',
        left: [
          new cloudwatch.MathExpression({ expression: `SUM(SEARCH('{AWS/Lambda,FunctionName} MetricName="Errors" "${stackName}"', 'Sum', 86400))`, label: 'Errors', period: day }),
          new cloudwatch.MathExpression({ expression: `SUM(SEARCH('{AWS/Lambda,FunctionName} MetricName="Throttles" "${stackName}"', 'Sum', 86400))`, label: 'Throttles', period: day }),
        ],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Dead letters',
        left: [props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: day, statistic: 'Maximum' })],
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Mail: delivered, bounced, complaints (per day)',
        left: [props.mail.metric('Delivery', day), props.mail.metric('Bounce', day), props.mail.metric('Complaint', day)],
        width: 8,
      }),
    );
  }
}

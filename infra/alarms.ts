import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Mail } from './mail';
import type { Stage } from './stage';
import type { Workflow } from './workflows';

/** The API's 5xx share (percent of requests, per 5 minutes) that alarms on two of three periods. */
export const API_5XX_PERCENT = 5;
/** Hours without a run of the daily job after which it alarms: it runs once a day, so a day and a margin. */
export const DAILY_JOB_SILENCE_HOURS = 26;

export interface AlarmsProps {
  stage: Stage;
  /** Subscribed to the topic by e-mail (context `alarmEmail`); the address must confirm the subscription. */
  alarmEmail?: string;
  functions: Record<string, lambda.Function>;
  workflows: Workflow[];
  httpApi: apigwv2.IHttpApi;
  /** The dead-letter queue of the schedules and of the stopped-execution rule. */
  deadLetterQueue: sqs.IQueue;
  /** The daily job whose silence alarms (SendReminders). */
  dailyJob?: lambda.IFunction;
  mail: Mail;
  removalPolicy: RemovalPolicy;
}

/**
 * What tells the city's operators that something is wrong, on one SNS topic they subscribe to:
 * - each state machine: failed, timed-out or aborted executions;
 * - each function: errors, and throttles;
 * - the HTTP API: the share of 5xx answers;
 * - the dead-letter queue: any message (a schedule or a stopped-execution event that could not be delivered);
 * - the daily reminder job: no run for DAILY_JOB_SILENCE_HOURS;
 * - SES: any bounce or complaint of the stage's mail.
 * Every alarm also tells the topic when it is back to OK.
 */
export class Alarms extends Construct {
  readonly topic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    const { stage } = props;

    // CloudWatch may only publish to an encrypted topic if the key lets it: the AWS-managed SNS key cannot.
    const key = new kms.Key(this, 'TopicKey', {
      description: `Årshjul ${stage.name}: encrypts the alarm topic`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'Topic', {
      topicName: `arshjul-${stage.name}-alarms`,
      displayName: `Årshjul ${stage.name} alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));

    const fiveMinutes = Duration.minutes(5);
    for (const workflow of props.workflows) {
      const machine = workflow.stateMachine;
      this.add(`${workflow.id}ExecutionsStopped`, {
        description: `Årshjul ${stage.name}: ${workflow.id} executions failed, timed out or were aborted`,
        metric: new cloudwatch.MathExpression({
          expression: 'failed + timedOut + aborted',
          usingMetrics: {
            failed: machine.metricFailed({ period: fiveMinutes, statistic: 'Sum' }),
            timedOut: machine.metricTimedOut({ period: fiveMinutes, statistic: 'Sum' }),
            aborted: machine.metricAborted({ period: fiveMinutes, statistic: 'Sum' }),
          },
          label: `${workflow.id} executions stopped`,
          period: fiveMinutes,
        }),
        threshold: 1,
      });
    }

    // One alarm per function on its errors and throttles together: a stack holds at most 500 resources, and two
    // alarms for each of some sixty functions took a fifth of them. The description names both causes.
    for (const [fnId, fn] of Object.entries(props.functions)) {
      this.add(`${fnId}Failures`, {
        description: `Årshjul ${stage.name}: ${fnId} failed (an exception or a timeout; refused requests are answers, not errors) or was throttled (account or function concurrency exhausted)`,
        metric: new cloudwatch.MathExpression({
          expression: 'errors + throttles',
          usingMetrics: { errors: fn.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), throttles: fn.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }) },
          label: `${fnId} errors and throttles`,
          period: fiveMinutes,
        }),
        threshold: 1,
      });
    }

    this.add('Api5xxRate', {
      description: `Årshjul ${stage.name}: more than ${API_5XX_PERCENT}% of API requests answered 5xx`,
      metric: new cloudwatch.MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: {
          errors: props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' }),
          requests: props.httpApi.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
        },
        label: 'API 5xx (%)',
        period: fiveMinutes,
      }),
      threshold: API_5XX_PERCENT,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });

    this.add('DeadLetters', {
      description: `Årshjul ${stage.name}: a schedule or a stopped-execution event could not be delivered (see the dead-letter queue)`,
      metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' }),
      threshold: 1,
    });

    if (props.dailyJob) {
      this.add('DailyJobSilent', {
        description: `Årshjul ${stage.name}: the daily reminder job has not run for ${DAILY_JOB_SILENCE_HOURS} hours`,
        metric: props.dailyJob.metricInvocations({ period: Duration.hours(1), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
        evaluationPeriods: DAILY_JOB_SILENCE_HOURS,
        datapointsToAlarm: DAILY_JOB_SILENCE_HOURS,
        // No invocation means no data point: silence is the very thing to alarm on.
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      });
    }

    for (const event of ['Bounce', 'Complaint'] as const) {
      this.add(`Mail${event}s`, {
        description: `Årshjul ${stage.name}: a notice ${event === 'Bounce' ? 'bounced (a board contact address is wrong)' : 'drew a complaint'}`,
        metric: props.mail.metric(event, Duration.hours(1)),
        threshold: 1,
      });
    }
  }

  private add(
    id: string,
    options: Pick<cloudwatch.CreateAlarmOptions, 'threshold' | 'comparisonOperator' | 'datapointsToAlarm' | 'treatMissingData'> & {
      description: string;
      metric: cloudwatch.IMetric;
      evaluationPeriods?: number;
    },
  ): void {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: options.description,
      metric: options.metric,
      threshold: options.threshold,
      comparisonOperator: options.comparisonOperator ?? cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm,
      treatMissingData: options.treatMissingData ?? cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}

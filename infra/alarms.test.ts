import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../functions/manifest';
import { businessMetrics } from '../shared/observability/metrics';
import { ID_METADATA } from './functions';
import { logicalIdWithMetadata, productionContext, resourcesOf, synthTemplates } from './testing';
import { WORKFLOW_ID_METADATA, workflowModules } from './workflows';

const { api, monitoring } = synthTemplates({ stage: 'prod', context: { ...productionContext, webOrigin: 'https://arshjul.example.se' } });
const dev = synthTemplates({ stage: 'dev' }).monitoring;
const alarms = () => Object.values(resourcesOf(monitoring, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
const topicId = () => Object.keys(resourcesOf(monitoring, 'AWS::SNS::Topic'))[0]!;
const metricsOf = (alarm: Record<string, any>): Array<Record<string, any>> =>
  alarm.Metrics ? alarm.Metrics.filter((m: any) => m.MetricStat).map((m: any) => ({ ...m.MetricStat.Metric, Stat: m.MetricStat.Stat })) : [alarm];
const alarmsOn = (namespace: string, metricName: string) =>
  alarms().filter((alarm) => metricsOf(alarm).some((metric) => metric.Namespace === namespace && metric.MetricName === metricName));

describe('alarms', () => {
  it('e-mails the alarm topic to -c alarmEmail, over an encrypted topic CloudWatch may publish to', () => {
    expect(Object.keys(resourcesOf(monitoring, 'AWS::SNS::Topic'))).toHaveLength(1);
    monitoring.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'arshjul-prod-alarms', KmsMasterKeyId: Match.anyValue() });
    monitoring.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: productionContext.alarmEmail, TopicArn: { Ref: topicId() } });
    monitoring.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] })]) },
    });
    expect(Object.keys(resourcesOf(dev, 'AWS::SNS::Subscription'))).toHaveLength(0);
  });

  it('sends every alarm, and its recovery, to the topic', () => {
    expect(alarms().length).toBeGreaterThan(allFunctions.length);
    for (const alarm of alarms()) {
      expect(alarm.AlarmActions).toEqual([{ Ref: topicId() }]);
      expect(alarm.OKActions).toEqual([{ Ref: topicId() }]);
    }
  });

  it('alarms on failed, timed-out or aborted executions of each state machine', () => {
    for (const module of workflowModules) {
      const machine = logicalIdWithMetadata(api, 'AWS::StepFunctions::StateMachine', WORKFLOW_ID_METADATA, module.id);
      const [alarm] = alarms().filter((candidate) => candidate.Metrics?.some((m: any) => m.Expression === 'failed + timedOut + aborted') && JSON.stringify(candidate).includes(machine));
      expect(alarm, module.id).toBeDefined();
      expect(metricsOf(alarm!).map((metric) => metric.MetricName).sort()).toEqual(['ExecutionsAborted', 'ExecutionsFailed', 'ExecutionsTimedOut']);
      expect(alarm!.Threshold).toBe(1);
    }
  });

  it('alarms on the errors and the throttles of every function, in one alarm each', () => {
    for (const spec of allFunctions) {
      const fn = logicalIdWithMetadata(api, 'AWS::Lambda::Function', ID_METADATA, spec.id);
      const onFunction = (alarm: Record<string, any>, metricName: string) =>
        metricsOf(alarm).some((metric) => metric.Namespace === 'AWS/Lambda' && metric.MetricName === metricName && JSON.stringify(metric.Dimensions).includes(fn));
      const found = alarms().filter((alarm) => onFunction(alarm, 'Errors'));
      expect(found, `${spec.id} Errors`).toHaveLength(1);
      expect(onFunction(found[0]!, 'Throttles'), `${spec.id} Throttles`).toBe(true);
      expect(found[0]!.Metrics.some((m: any) => m.Expression === 'errors + throttles')).toBe(true);
      expect(found[0]).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
  });

  it("alarms on the API's 5xx share", () => {
    const [alarm] = alarms().filter((candidate) => candidate.Metrics?.some((m: any) => String(m.Expression).includes('100 * errors / requests')));
    expect(metricsOf(alarm!).map((metric) => `${metric.Namespace} ${metric.MetricName}`).sort()).toEqual(['AWS/ApiGateway 5xx', 'AWS/ApiGateway Count']);
    expect(alarm).toMatchObject({ Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2 });
  });

  it('alarms on any message in the dead-letter queue', () => {
    const [alarm] = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible');
    expect(alarm).toMatchObject({ Threshold: 1, Statistic: 'Maximum' });
    const queue = Object.keys(resourcesOf(api, 'AWS::SQS::Queue')).find((id) => id.includes('DeadLetter'))!;
    expect(JSON.stringify(alarm!.Dimensions)).toContain(queue);
  });

  it('alarms when the daily reminder job has not run for 26 hours, counting silence as breaching', () => {
    const job = logicalIdWithMetadata(api, 'AWS::Lambda::Function', ID_METADATA, 'SendReminders');
    const [alarm] = alarmsOn('AWS/Lambda', 'Invocations').filter((candidate) => JSON.stringify(candidate.Dimensions).includes(job));
    expect(alarm).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
      Period: 3600,
      EvaluationPeriods: 26,
      DatapointsToAlarm: 26,
      TreatMissingData: 'breaching',
    });
  });

  it("alarms on bounces and complaints of the stage's mail, which SES counts through the configuration set", () => {
    api.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: Match.anyValue(),
      EventDestination: Match.objectLike({
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        CloudWatchDestination: { DimensionConfigurations: [{ DimensionName: 'ConfigurationSet', DimensionValueSource: 'messageTag', DefaultDimensionValue: 'arshjul-prod' }] },
      }),
    });
    for (const event of ['Bounce', 'Complaint']) {
      const [alarm] = alarmsOn('AWS/SES', event);
      expect(alarm, event).toMatchObject({ Threshold: 1, Dimensions: [{ Name: 'ConfigurationSet', Value: 'arshjul-prod' }] });
    }
  });
});

describe('the health dashboard, tracing and metrics', () => {
  const body = () => {
    const [dashboard] = Object.values(resourcesOf(monitoring, 'AWS::CloudWatch::Dashboard'));
    expect(dashboard!.Properties.DashboardName).toBe('arshjul-prod-health');
    return JSON.stringify(dashboard!.Properties.DashboardBody);
  };

  it("shows a year: the alarms, the city's business metrics, workflows, API, functions, dead letters and mail", () => {
    const text = body();
    expect(text).toContain('-P365D');
    expect(text).toContain('\\"type\\":\\"alarm\\"');
    expect(text).toContain('AlarmsDailyJobSilent');
    for (const name of businessMetrics) expect(text).toContain(name);
    for (const name of ['ExecutionsStarted', 'ExecutionsFailed', '5xx', 'Latency', 'SEARCH(', 'ApproximateNumberOfMessagesVisible', 'Bounce', 'Complaint']) {
      expect(text, name).toContain(name);
    }
  });

  it('traces every function with X-Ray and names the metrics namespace', () => {
    for (const fn of Object.values(resourcesOf(api, 'AWS::Lambda::Function')).filter((f) => f.Metadata?.[ID_METADATA])) {
      expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.POWERTOOLS_METRICS_NAMESPACE).toBe('Arshjul');
    }
  });
});

import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/** The CloudWatch namespace of Årshjul's own metrics (the dashboard and infra read it from here). */
export const METRICS_NAMESPACE = 'Arshjul';

/**
 * What the city counts, and where each is emitted (the workflow steps, so that an HTTP retry or an
 * idempotent replay is not counted twice):
 * - `DocumentsSubmitted`: RunChecks, once per review execution (a submission, a resubmission, or a restart after a failure);
 * - `DocumentsApproved` / `DocumentsReturned`: NotifyBoard, when the board's notice is sent (once per round);
 * - `RemindersSent`: SendReminders, the reminders, overdue notices and escalations the daily run sent.
 */
export const businessMetrics = ['DocumentsSubmitted', 'DocumentsApproved', 'DocumentsReturned', 'RemindersSent'] as const;
export type BusinessMetric = (typeof businessMetrics)[number];

/** Counts business events as CloudWatch embedded metrics (EMF) on stdout, one flush per count. */
export class BusinessMetrics {
  constructor(private readonly metrics: Metrics | undefined) {}

  count(name: BusinessMetric, value = 1): void {
    if (!this.metrics || value <= 0) return;
    this.metrics.addMetric(name, MetricUnit.Count, value);
    this.metrics.publishStoredMetrics();
  }

  /** `useCase().then(counted('DocumentsSubmitted'))`: counts once the step succeeded, passes its result on. */
  counted<R>(name: BusinessMetric, value: (result: R) => number = () => 1): (result: R) => R {
    return (result) => {
      this.count(name, value(result));
      return result;
    };
  }
}

/**
 * Only the Lambda runtime turns EMF lines into metrics: in tests and in the local stack (no Lambda function
 * name, or under vitest) nothing is written, so their output stays quiet.
 */
const inLambda = Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME) && !process.env.VITEST;

export const businessMetricsRecorder = new BusinessMetrics(
  inLambda
    ? new Metrics({ namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'arshjul' })
    : undefined,
);

export const counted = businessMetricsRecorder.counted.bind(businessMetricsRecorder);

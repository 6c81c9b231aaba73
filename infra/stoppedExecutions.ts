import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { Workflow } from './workflows';

/** The execution statuses no Catch of the state machine sees: it is stopped from outside, or by the engine. */
export const STOPPED_STATUSES = ['FAILED', 'TIMED_OUT', 'ABORTED'];

export interface StoppedExecutionsProps {
  workflow: Workflow;
  /** RecordStoppedExecution: records the stop on the document, so the document shows it and can restart. */
  recorder: lambda.IFunction;
  /** Where an event goes that could not be delivered after the retries (alarmed on, infra/alarms.ts). */
  deadLetterQueue: sqs.IQueue;
}

/**
 * An EventBridge rule on the workflow's execution status changes: a failed, timed-out or aborted execution
 * is handed to the recorder, which makes it visible on its document and recoverable by the next submit or
 * decision. Step Functions sends these events to the default bus without any setting.
 */
export function recordStoppedExecutions(scope: Construct, id: string, props: StoppedExecutionsProps): events.Rule {
  return new events.Rule(scope, id, {
    description: `Årshjul: records a stopped ${props.workflow.id} execution on its document`,
    eventPattern: {
      source: ['aws.states'],
      detailType: ['Step Functions Execution Status Change'],
      detail: { status: STOPPED_STATUSES, stateMachineArn: [props.workflow.arn] },
    },
    targets: [
      new targets.LambdaFunction(props.recorder, {
        retryAttempts: 8,
        maxEventAge: Duration.hours(24),
        deadLetterQueue: props.deadLetterQueue,
      }),
    ],
  });
}

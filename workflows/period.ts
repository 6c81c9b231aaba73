import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { LAMBDA_SERVICE_ERRORS, NOT_WORTH_RETRYING } from './review';

export const periodTaskIds = ['OpenPeriod', 'ClosePeriod'] as const;

/**
 * One reporting period of a cycle (`period-<year>-<kind>`, started by a one-time EventBridge schedule):
 * open it, wait on the clock until its deadline has passed, close it and record who was late. If the
 * deadline moved later meanwhile, ClosePeriod answers the new closing time and the execution waits again.
 * A period lasts weeks to months and takes a dozen history events, far from Step Functions' one-year and
 * 25,000-event limits.
 */
export function periodDefinition(parent: Construct, fns: Record<string, lambda.IFunction>): sfn.IChainable {
  const scope = new Construct(parent, 'PeriodStates');
  const fn = (id: (typeof periodTaskIds)[number]) => {
    const found = fns[id];
    if (!found) throw new Error(`The period workflow needs the function ${id}`);
    return found;
  };
  const step = (id: (typeof periodTaskIds)[number]) => {
    const task = new tasks.LambdaInvoke(scope, id, {
      lambdaFunction: fn(id),
      payload: sfn.TaskInput.fromObject({ period: sfn.JsonPath.objectAt('$.period') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      resultPath: '$.window',
    });
    // First match wins: a bad input is not retried; the rest of States.TaskFailed is.
    task.addRetry({ errors: NOT_WORTH_RETRYING, maxAttempts: 0 });
    task.addRetry({
      errors: [...LAMBDA_SERVICE_ERRORS, 'States.TaskFailed'],
      interval: Duration.seconds(5),
      maxAttempts: 5,
      backoffRate: 2,
      jitterStrategy: sfn.JitterType.FULL,
    });
    return task;
  };
  const failed = new sfn.Fail(scope, 'PeriodFailed', { error: 'PeriodWorkflowFailed', cause: 'A period step failed after its retries.' });
  const open = step('OpenPeriod');
  const close = step('ClosePeriod');
  open.addCatch(failed, { resultPath: '$.error' });
  close.addCatch(failed, { resultPath: '$.error' });
  const waitForDeadline = new sfn.Wait(scope, 'WaitForDeadline', { time: sfn.WaitTime.timestampPath('$.window.closesAt') });
  const closed = new sfn.Choice(scope, 'Closed?')
    .when(sfn.Condition.booleanEquals('$.window.closed', true), new sfn.Succeed(scope, 'PeriodClosed'))
    .otherwise(waitForDeadline);
  return open.next(waitForDeadline).next(close).next(closed);
}

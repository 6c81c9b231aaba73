import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** The functions the review workflow calls, by manifest id. */
export const reviewTaskIds = ['RunChecks', 'RegisterCallback', 'NotifyBoard', 'RecordWorkflowFailure'] as const;

/** How long a reviewer, and then a board asked to resubmit, may take before the workflow gives up on them. */
export const REVIEW_TIMEOUT = Duration.days(120);
export const RESUBMISSION_TIMEOUT = Duration.days(120);

/**
 * The central review of one plan or report (one Standard execution per document, named
 * `<kind>-<year>-<boardId>`): run the automatic checks, wait for the reviewer's decision, then either
 * tell the board it is approved, or tell it the document was returned, wait for the resubmission and
 * go round again. The document item in DynamoDB is the source of truth; API handlers change it and
 * complete the callbacks, whose tokens the RegisterCallback task stores on the item.
 *
 * JSONPath only: the local engine has no JSONata.
 */
export function reviewDefinition(parent: Construct, fns: Record<string, lambda.IFunction>): sfn.IChainable {
  // States get their own scope: their names (RunChecks, ...) may equal the functions' construct ids.
  const scope = new Construct(parent, 'ReviewStates');
  const fn = (id: (typeof reviewTaskIds)[number]) => {
    const found = fns[id];
    if (!found) throw new Error(`The review workflow needs the function ${id}`);
    return found;
  };
  const document = sfn.JsonPath.objectAt('$.document');

  const recordFailure = new tasks.LambdaInvoke(scope, 'RecordFailure', {
    lambdaFunction: fn('RecordWorkflowFailure'),
    payload: sfn.TaskInput.fromObject({ document, error: sfn.JsonPath.objectAt('$.error') }),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: sfn.JsonPath.DISCARD,
  });
  withRetry(recordFailure);
  const failed = recordFailure.next(new sfn.Fail(scope, 'ReviewFailed', { error: 'ReviewWorkflowFailed', cause: 'The failure is recorded on the document.' }));

  const runChecks = new tasks.LambdaInvoke(scope, 'RunChecks', {
    lambdaFunction: fn('RunChecks'),
    payload: sfn.TaskInput.fromObject({ document }),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: '$.checks',
  });

  const awaitReview = new tasks.LambdaInvoke(scope, 'AwaitReview', {
    lambdaFunction: fn('RegisterCallback'),
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: sfn.TaskInput.fromObject({
      taskToken: sfn.JsonPath.taskToken,
      document,
      step: 'review',
      round: sfn.JsonPath.numberAt('$.checks.round'),
    }),
    resultPath: '$.review',
    taskTimeout: sfn.Timeout.duration(REVIEW_TIMEOUT),
  });

  const notify = (id: string, event: 'approved' | 'returned') =>
    new tasks.LambdaInvoke(scope, id, {
      lambdaFunction: fn('NotifyBoard'),
      payload: sfn.TaskInput.fromObject({ document, event, round: sfn.JsonPath.numberAt('$.review.round') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      resultPath: sfn.JsonPath.DISCARD,
    });
  const notifyApproved = notify('NotifyApproved', 'approved');
  const notifyReturned = notify('NotifyReturned', 'returned');

  const awaitResubmission = new tasks.LambdaInvoke(scope, 'AwaitResubmission', {
    lambdaFunction: fn('RegisterCallback'),
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    payload: sfn.TaskInput.fromObject({
      taskToken: sfn.JsonPath.taskToken,
      document,
      step: 'resubmission',
      round: sfn.JsonPath.numberAt('$.review.round'),
    }),
    resultPath: '$.resubmission',
    taskTimeout: sfn.Timeout.duration(RESUBMISSION_TIMEOUT),
  });

  for (const task of [runChecks, notifyApproved, notifyReturned]) withRetry(task);
  for (const task of [runChecks, awaitReview, notifyApproved, notifyReturned, awaitResubmission]) {
    task.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  }

  const approved = new sfn.Succeed(scope, 'Approved');
  const decision = new sfn.Choice(scope, 'Decision')
    .when(sfn.Condition.stringEquals('$.review.decision', 'approve'), notifyApproved.next(approved))
    .otherwise(notifyReturned.next(awaitResubmission.next(runChecks)));

  return runChecks.next(awaitReview).next(decision);
}

/** Transient Lambda failures are retried with exponential backoff and jitter. */
function withRetry(task: tasks.LambdaInvoke): void {
  task.addRetry({
    errors: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException', 'States.TaskFailed'],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
}

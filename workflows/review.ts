import { Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** The functions the review workflow calls, by manifest id. */
export const reviewTaskIds = ['RunChecks', 'RegisterCallback', 'NotifyBoard', 'RecordWorkflowFailure', 'ContinueReview'] as const;

/** How long a reviewer, and then a board asked to resubmit, may take before the workflow gives up on them. */
export const REVIEW_TIMEOUT = Duration.days(120);
export const RESUBMISSION_TIMEOUT = Duration.days(120);

/**
 * Step Functions stops a Standard execution after one year, where no Catch runs. One execution therefore
 * holds one round at most (a review wait and a resubmission wait, 240 days): when the board resubmits, the
 * round is handed to a fresh execution (ContinueReview), and this one ends.
 */
export const ONE_EXECUTION_AT_MOST = REVIEW_TIMEOUT.plus(RESUBMISSION_TIMEOUT);

/** Errors of the Lambda service itself (throttling included): worth retrying for every task, callbacks too. */
export const LAMBDA_SERVICE_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
  'Lambda.TooManyRequestsException',
];

/** Errors a task handler raises when retrying cannot help (shared/tasks/taskHandler.ts). */
export const NOT_WORTH_RETRYING = ['InvalidTaskInput'];

/**
 * The central review of one plan or report (one Standard execution per document, named
 * `<kind>-<year>-<boardId>`): run the automatic checks, wait for the reviewer's decision, then either
 * tell the board it is approved, or tell it the document was returned, wait for the resubmission and
 * go round again, in a fresh execution (see ONE_EXECUTION_AT_MOST). The document item in DynamoDB is the source of truth; API handlers change it and
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
    retryOnServiceExceptions: false,
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
    retryOnServiceExceptions: false,
  });

  const continueReview = new tasks.LambdaInvoke(scope, 'ContinueReview', {
    lambdaFunction: fn('ContinueReview'),
    payload: sfn.TaskInput.fromObject({ document, round: sfn.JsonPath.numberAt('$.resubmission.round') }),
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    resultPath: sfn.JsonPath.DISCARD,
  });

  for (const task of [runChecks, notifyApproved, notifyReturned, continueReview]) withRetry(task);
  // A callback's Lambda only stores the token: retry what the Lambda service throws (throttling included), not
  // the handler's own refusals, which say the document is not waiting for this step.
  for (const task of [awaitReview, awaitResubmission]) {
    task.addRetry({ errors: LAMBDA_SERVICE_ERRORS, interval: Duration.seconds(2), maxAttempts: 6, backoffRate: 2, jitterStrategy: sfn.JitterType.FULL });
  }
  for (const task of [runChecks, awaitReview, notifyApproved, notifyReturned, awaitResubmission, continueReview]) {
    task.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
  }

  const approved = new sfn.Succeed(scope, 'Approved');
  const decision = new sfn.Choice(scope, 'Decision')
    .when(sfn.Condition.stringEquals('$.review.decision', 'approve'), notifyApproved.next(approved))
    .otherwise(notifyReturned.next(awaitResubmission).next(continueReview).next(new sfn.Succeed(scope, 'ContinuedInFreshExecution')));

  return runChecks.next(awaitReview).next(decision);
}

/**
 * Transient failures are retried with exponential backoff and jitter; `States.TaskFailed` covers the
 * handler's own errors too, except those it calls not worth retrying, which the first retrier (no attempts)
 * takes before the second can (Step Functions uses the first retrier that matches).
 */
function withRetry(task: tasks.LambdaInvoke): void {
  task.addRetry({ errors: NOT_WORTH_RETRYING, maxAttempts: 0 });
  task.addRetry({
    errors: [...LAMBDA_SERVICE_ERRORS, 'States.TaskFailed'],
    interval: Duration.seconds(2),
    maxAttempts: 4,
    backoffRate: 2,
    jitterStrategy: sfn.JitterType.FULL,
  });
}

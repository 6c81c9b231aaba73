import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { LocalSfn } from './service';
import {
  ACCOUNT,
  describeExecution,
  dynamoClient,
  FakeClock,
  FakeLambdas,
  functionArn,
  machine,
  namedError,
  newTableName,
  REGION,
  sfnClient,
  startService,
} from './testSupport';

/** The ASL CDK synthesizes for `build`, with the few intrinsics it leaves resolved as the local stack does. */
function synthesize(build: (scope: Construct, fn: (name: string) => lambda.IFunction) => sfn.IChainable): Record<string, unknown> {
  const stack = new Stack(new App(), 'Test', { env: { account: ACCOUNT, region: REGION } });
  const functions = new Map<string, lambda.IFunction>();
  const fn = (name: string) => {
    if (!functions.has(name)) functions.set(name, lambda.Function.fromFunctionArn(stack, `Fn${name}`, functionArn(name)));
    return functions.get(name)!;
  };
  const chain = build(stack, fn);
  const graph = new sfn.StateGraph(chain.startState, 'Test');
  return resolveIntrinsics(stack.resolve(graph.toGraphJson())) as Record<string, unknown>;
}

function resolveIntrinsics(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolveIntrinsics);
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('Fn::Join' in object) {
    const [separator, parts] = object['Fn::Join'] as [string, unknown[]];
    return parts.map(resolveIntrinsics).join(separator);
  }
  if ('Ref' in object) return { 'AWS::Partition': 'aws', 'AWS::Region': REGION, 'AWS::AccountId': ACCOUNT }[object.Ref as string];
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, resolveIntrinsics(item)]));
}

/** A review loop like the project's: checks, a callback for the decision, a resubmission callback, round again. */
const review = machine(
  'Review',
  synthesize((scope, fn) => {
    const document = sfn.JsonPath.objectAt('$.document');
    const failed = new tasks.LambdaInvoke(scope, 'RecordFailure', {
      lambdaFunction: fn('recordFailure'),
      payload: sfn.TaskInput.fromObject({ document, error: sfn.JsonPath.objectAt('$.error') }),
      payloadResponseOnly: true,
      resultPath: sfn.JsonPath.DISCARD,
    }).next(new sfn.Fail(scope, 'ReviewFailed', { error: 'ReviewWorkflowFailed', cause: 'Recorded on the document.' }));
    const runChecks = new tasks.LambdaInvoke(scope, 'RunChecks', {
      lambdaFunction: fn('runChecks'),
      payload: sfn.TaskInput.fromObject({ document }),
      payloadResponseOnly: true,
      resultPath: '$.checks',
    });
    runChecks.addRetry({ errors: ['States.TaskFailed'], interval: Duration.seconds(2), maxAttempts: 4, backoffRate: 2, jitterStrategy: sfn.JitterType.FULL });
    const callback = (id: string, step: string, resultPath: string) =>
      new tasks.LambdaInvoke(scope, id, {
        lambdaFunction: fn('registerCallback'),
        integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: sfn.TaskInput.fromObject({ taskToken: sfn.JsonPath.taskToken, document, step, round: sfn.JsonPath.numberAt('$.checks.round') }),
        resultPath,
        taskTimeout: sfn.Timeout.duration(Duration.days(120)),
      });
    const awaitReview = callback('AwaitReview', 'review', '$.review');
    const awaitResubmission = callback('AwaitResubmission', 'resubmission', '$.resubmission');
    const notify = (id: string, event: string) =>
      new tasks.LambdaInvoke(scope, id, {
        lambdaFunction: fn('notifyBoard'),
        payload: sfn.TaskInput.fromObject({ document, event }),
        payloadResponseOnly: true,
        resultPath: sfn.JsonPath.DISCARD,
      });
    for (const task of [runChecks, awaitReview, awaitResubmission]) task.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
    const grace = new sfn.Wait(scope, 'Grace', { time: sfn.WaitTime.duration(Duration.days(14)) });
    const decision = new sfn.Choice(scope, 'Decision')
      .when(sfn.Condition.stringEquals('$.review.decision', 'approve'), notify('NotifyApproved', 'approved').next(new sfn.Succeed(scope, 'Approved')))
      .otherwise(notify('NotifyReturned', 'returned').next(grace).next(awaitResubmission).next(runChecks));
    return runChecks.next(awaitReview).next(decision);
  }),
);

describe('local Step Functions on CDK-synthesized ASL', () => {
  const dynamo = dynamoClient(inject('dynamoEndpoint'));
  const tableName = newTableName('local-sfn-cdk');
  const clock = new FakeClock();
  const running: LocalSfn[] = [];
  const handlers = {
    runChecks: (_payload: unknown, call: number) => {
      if (call === 1) throw namedError('Checks.Busy', 'try again');
      return { round: call - 1 };
    },
  };

  const boot = async (lambdas: FakeLambdas) => {
    const service = await startService({ dynamo, tableName, clock, lambdas, stateMachines: [review] });
    running.push(service);
    return { service, client: sfnClient(service) };
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((service) => service.stop()));
  });

  it('goes round the loop with a fresh token per visit, across a restart', async () => {
    const before = new FakeLambdas(handlers);
    const first = await boot(before);
    const document = { id: 'plan-2031-board-7' };
    const { executionArn } = await first.client.send(
      new StartExecutionCommand({ stateMachineArn: review.arn, name: 'plan-2031-board-7', input: JSON.stringify({ document }) }),
    );
    await first.service.runDue();
    const [askReview] = before.callsTo('registerCallback');
    expect(askReview?.payload).toMatchObject({ document, step: 'review', round: 1 });
    await first.client.send(new SendTaskSuccessCommand({ taskToken: askReview!.payload.taskToken as string, output: JSON.stringify({ decision: 'return' }) }));
    await first.service.runDue();
    expect(before.callsTo('notifyBoard').map((call) => call.payload.event)).toEqual(['returned']);
    clock.advanceSeconds(14 * 86_400);
    await first.service.runDue();
    const [, askResubmission] = before.callsTo('registerCallback');
    expect(askResubmission?.payload).toMatchObject({ step: 'resubmission', round: 1 });
    await first.service.stop();

    const after = new FakeLambdas({ runChecks: () => ({ round: 2 }) });
    const second = await boot(after);
    await second.client.send(new SendTaskSuccessCommand({ taskToken: askResubmission!.payload.taskToken as string, output: '{}' }));
    await second.service.runDue();
    const [askAgain] = after.callsTo('registerCallback');
    expect(askAgain?.payload).toMatchObject({ step: 'review', round: 2 });
    expect(askAgain?.payload.taskToken).not.toBe(askReview?.payload.taskToken);
    await second.client.send(new SendTaskSuccessCommand({ taskToken: askAgain!.payload.taskToken as string, output: JSON.stringify({ decision: 'approve' }) }));
    await second.service.runDue();

    const done = await describeExecution(second.client, executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ document, checks: { round: 2 }, review: { decision: 'approve' } });
    expect(after.callsTo('notifyBoard').map((call) => call.payload.event)).toEqual(['approved']);
    expect(after.callsTo('registerCallback')).toHaveLength(1);
  });

  it('routes a failing callback registration to the failure branch', async () => {
    const lambdas = new FakeLambdas({
      ...handlers,
      registerCallback: () => {
        throw namedError('Lambda.ServiceException', 'throttled');
      },
    });
    const { service, client } = await boot(lambdas);
    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: review.arn, input: JSON.stringify({ document: { id: 'report-2031' } }) }),
    );
    await service.runDue();
    const done = await describeExecution(client, executionArn!);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('ReviewWorkflowFailed');
    expect(done.cause).toBe('Recorded on the document.');
    expect(lambdas.callsTo('recordFailure')[0]?.payload).toMatchObject({ error: { Error: 'Lambda.ServiceException' } });
  });
});

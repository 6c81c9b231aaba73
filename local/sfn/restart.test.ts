import { GetExecutionHistoryCommand, SendTaskSuccessCommand, StartExecutionCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { LocalSfn } from './service';
import { describeExecution, dynamoClient, FakeClock, FakeLambdas, functionArn, machine, newTableName, sfnClient, startService } from './testSupport';

/** Prepare, ask for sign-off by callback, wait a week, publish. */
const signOff = machine('SignOff', {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Task', Resource: functionArn('prepare'), ResultPath: '$.prepared', Next: 'AskSignOff' },
    AskSignOff: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: functionArn('notify'), Payload: { 'taskToken.$': '$$.Task.Token', 'planId.$': '$.planId' } },
      ResultPath: '$.signOff',
      TimeoutSeconds: 30 * 86_400,
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Expired' }],
      Next: 'Cooling',
    },
    Cooling: { Type: 'Wait', Seconds: 7 * 86_400, Next: 'Publish' },
    Publish: { Type: 'Task', Resource: functionArn('publish'), ResultPath: '$.published', End: true },
    Expired: { Type: 'Pass', Result: 'expired', End: true },
  },
});

describe('local Step Functions across a restart', () => {
  const dynamo = dynamoClient(inject('dynamoEndpoint'));
  const tableName = newTableName('local-sfn-restart');
  const clock = new FakeClock();
  const running: LocalSfn[] = [];

  const boot = async (lambdas: FakeLambdas) => {
    const service = await startService({ dynamo, tableName, clock, lambdas, stateMachines: [signOff] });
    running.push(service);
    return { service, client: sfnClient(service) };
  };

  afterEach(async () => {
    await Promise.all(running.splice(0).map((service) => service.stop()));
  });

  it('resumes a callback with its persisted token, without invoking the Lambda again', async () => {
    const before = new FakeLambdas({ prepare: () => ({ pages: 12 }) });
    const first = await boot(before);
    const { executionArn } = await first.client.send(
      new StartExecutionCommand({ stateMachineArn: signOff.arn, name: 'plan-1', input: JSON.stringify({ planId: 'p1' }) }),
    );
    await first.service.idle();
    const token = before.callsTo('notify')[0]?.payload.taskToken as string;
    expect(token).toBeDefined();
    await first.service.stop();

    const after = new FakeLambdas({ publish: (payload) => ({ url: `/plans/${payload.planId}` }) });
    const second = await boot(after);
    await second.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'board' }) }));
    await second.service.runDue();
    expect((await describeExecution(second.client, executionArn!)).status).toBe('RUNNING');

    clock.advanceSeconds(7 * 86_400);
    await second.service.runDue();
    const done = await describeExecution(second.client, executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ planId: 'p1', prepared: { pages: 12 }, signOff: { by: 'board' }, published: { url: '/plans/p1' } });
    expect(after.callsTo('prepare')).toHaveLength(0);
    expect(after.callsTo('notify')).toHaveLength(0);

    // One history across both processes: ids run on, nothing recorded twice.
    const { events } = await second.client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    expect(events!.map((event) => event.id)).toEqual(events!.map((_, index) => index + 1));
    expect(events!.filter((event) => event.type === 'TaskStateEntered')).toHaveLength(3);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it('resumes a Wait at its original instant', async () => {
    const lambdas = new FakeLambdas();
    const first = await boot(lambdas);
    const { executionArn } = await first.client.send(
      new StartExecutionCommand({ stateMachineArn: signOff.arn, name: 'plan-2', input: JSON.stringify({ planId: 'p2' }) }),
    );
    await first.service.idle();
    const token = lambdas.callsTo('notify')[0]?.payload.taskToken as string;
    await first.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }));
    await first.service.runDue();
    clock.advanceSeconds(3 * 86_400);
    await first.service.runDue();
    await first.service.stop();

    const second = await boot(new FakeLambdas());
    await second.service.runDue();
    expect((await describeExecution(second.client, executionArn!)).status).toBe('RUNNING');
    clock.advanceSeconds(4 * 86_400 - 1);
    await second.service.runDue();
    expect((await describeExecution(second.client, executionArn!)).status).toBe('RUNNING');
    clock.advanceSeconds(1);
    await second.service.runDue();
    expect((await describeExecution(second.client, executionArn!)).status).toBe('SUCCEEDED');
  });

  it('keeps a callback deadline across a restart', async () => {
    const lambdas = new FakeLambdas();
    const first = await boot(lambdas);
    const { executionArn } = await first.client.send(
      new StartExecutionCommand({ stateMachineArn: signOff.arn, name: 'plan-3', input: JSON.stringify({ planId: 'p3' }) }),
    );
    await first.service.idle();
    const token = lambdas.callsTo('notify')[0]?.payload.taskToken as string;
    await first.service.stop();

    clock.advanceSeconds(30 * 86_400);
    const second = await boot(new FakeLambdas());
    const late = await second.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })).catch((error) => error);
    expect(late).toBeInstanceOf(TaskTimedOut);
    await second.service.runDue();
    const done = await describeExecution(second.client, executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toBe('expired');
  });
});

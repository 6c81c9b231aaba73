import {
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidToken,
  ListExecutionsCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  StopExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalSfn } from './service';
import {
  describeExecution,
  dynamoClient,
  FakeClock,
  FakeLambdas,
  functionArn,
  machine,
  namedError,
  newTableName,
  sfnClient,
  startService,
  stateMachineArn,
} from './testSupport';

/** Ask for approval with a callback, cool down for a day, then report. */
const approval = machine('Approval', {
  StartAt: 'AskApproval',
  States: {
    AskApproval: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: functionArn('notify'),
        Payload: { 'taskToken.$': '$$.Task.Token', 'docId.$': '$.docId', 'execution.$': '$$.Execution.Id' },
      },
      ResultPath: '$.approval',
      TimeoutSeconds: 3600,
      HeartbeatSeconds: 600,
      Catch: [
        { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimedOut' },
      ],
      Next: 'Cooldown',
    },
    Cooldown: { Type: 'Wait', Seconds: 86_400, Next: 'Done' },
    Done: {
      Type: 'Pass',
      Parameters: {
        'docId.$': '$.docId',
        'approvedBy.$': '$.approval.by',
        'executionName.$': '$$.Execution.Name',
        'startedWith.$': '$$.Execution.Input.docId',
      },
      End: true,
    },
    Rejected: { Type: 'Pass', Parameters: { 'outcome': 'rejected', 'error.$': '$.error' }, End: true },
    TimedOut: { Type: 'Pass', Parameters: { 'outcome': 'timed out', 'error.$': '$.error.Error' }, End: true },
  },
});

/** A Lambda that fails twice before it succeeds, retried with backoff; plus the lambda:invoke form. */
const flaky = machine('Flaky', {
  StartAt: 'CallFlaky',
  States: {
    CallFlaky: {
      Type: 'Task',
      Resource: functionArn('flaky'),
      Retry: [{ ErrorEquals: ['Flaky.Busy'], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3 }],
      ResultPath: '$.direct',
      Next: 'Invoke',
    },
    Invoke: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: `${functionArn('echo')}:$LATEST`, 'Payload.$': '$.direct' },
      ResultSelector: { 'echoed.$': '$.Payload', 'status.$': '$.StatusCode' },
      ResultPath: '$.invoked',
      End: true,
    },
  },
});

const giveUp = machine('GiveUp', {
  StartAt: 'Fails',
  States: {
    Fails: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: functionArn('broken'), Payload: {} },
      Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 1 }],
      End: true,
    },
  },
});

const waits = machine('Waits', {
  StartAt: 'UntilPath',
  TimeoutSeconds: 7200,
  States: {
    UntilPath: { Type: 'Wait', TimestampPath: '$.until', Next: 'ForSeconds' },
    ForSeconds: { Type: 'Wait', SecondsPath: '$.seconds', Next: 'Fanout' },
    Fanout: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        StartAt: 'Double',
        States: {
          Double: { Type: 'Task', Resource: functionArn('double'), End: true },
        },
      },
      ResultPath: '$.doubled',
      End: true,
    },
  },
});

/** Callback Lambdas that answer their own token before returning, or fail outright. */
const selfAnswer = machine('SelfAnswer', {
  StartAt: 'Ask',
  States: {
    Ask: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { 'FunctionName.$': '$.fn', Payload: { 'token.$': '$$.Task.Token' } },
      Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Refused' }],
      End: true,
    },
    Refused: { Type: 'Pass', End: true },
  },
});

/** `$$.State` in Parameters. */
const recorder = machine('Recorder', {
  StartAt: 'Record',
  States: { Record: { Type: 'Pass', Parameters: { 'at.$': '$$.State.EnteredTime', 'state.$': '$$.State.Name' }, ResultPath: '$.read', End: true } },
});

/** A DynamoDB task: no workflow uses a direct service integration, so the engine refuses it. */
const directDynamo = machine('DirectDynamo', {
  StartAt: 'Store',
  States: { Store: { Type: 'Task', Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 'items', Item: { pk: { S: 'x' } } }, End: true } },
});

/** Waits inside Map iterations and a callback inside a Parallel branch: steps that are not top-level. */
const nested = machine('Nested', {
  StartAt: 'Fan',
  States: {
    Fan: {
      Type: 'Map',
      ItemsPath: '$.items',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'Nap',
        States: {
          Nap: { Type: 'Wait', SecondsPath: '$.s', Next: 'Name' },
          Name: { Type: 'Pass', Parameters: { 'n.$': '$$.State.Name', 'i.$': '$.i' }, End: true },
        },
      },
      ResultPath: '$.naps',
      Next: 'Both',
    },
    Both: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'A',
          States: {
            A: {
              Type: 'Task',
              Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
              Parameters: { FunctionName: functionArn('notify'), Payload: { 'taskToken.$': '$$.Task.Token', 'docId': 'branch-a' } },
              End: true,
            },
          },
        },
        { StartAt: 'B', States: { B: { Type: 'Pass', Result: 'b', End: true } } },
      ],
      ResultPath: '$.both',
      End: true,
    },
  },
});

describe('local Step Functions', () => {
  const clock = new FakeClock();
  const lambdas = new FakeLambdas({
    flaky: (_payload, call) => {
      if (call <= 2) throw namedError('Flaky.Busy', `busy (call ${call})`);
      return { attempts: call };
    },
    echo: (payload) => payload,
    broken: () => {
      throw namedError('Lambda.Unknown', 'it broke');
    },
    double: (payload) => Number(payload) * 2,
    answers: async (payload) => {
      await client.send(new SendTaskSuccessCommand({ taskToken: String(payload.token), output: JSON.stringify({ answered: true }) }));
      return { sent: true };
    },
    refuses: () => {
      throw namedError('Refused', 'no callbacks today');
    },
  });
  const logs: Record<string, unknown>[] = [];
  let service: LocalSfn;
  let client: SFNClient;

  beforeAll(async () => {
    const dynamo = dynamoClient(inject('dynamoEndpoint'));
    service = await startService({
      dynamo,
      tableName: newTableName('local-sfn'),
      clock,
      lambdas,
      stateMachines: [approval, flaky, giveUp, waits, selfAnswer, recorder, directDynamo, nested],
      logs,
    });
    client = sfnClient(service);
  });

  afterAll(async () => {
    await service?.stop();
  });

  const start = async (name: string, input: unknown, arn = approval.arn) => {
    const started = await client.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }));
    await service.idle();
    return started.executionArn!;
  };
  const tokenFor = (docId: string) => {
    const call = lambdas.callsTo('notify').find((invocation) => invocation.payload.docId === docId);
    return call?.payload.taskToken as string;
  };

  it('invokes the callback Lambda with a token, resumes on SendTaskSuccess and waits on the local clock', async () => {
    const executionArn = await start('approve-1', { docId: 'doc-1' });
    expect(executionArn).toBe(`arn:aws:states:eu-north-1:000000000000:execution:Approval:approve-1`);
    const token = tokenFor('doc-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{64,}$/);
    expect(lambdas.callsTo('notify').find((call) => call.payload.docId === 'doc-1')?.payload.execution).toBe(executionArn);
    expect((await describeExecution(client, executionArn)).status).toBe('RUNNING');

    await client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ by: 'ann' }) }));
    await service.runDue();
    expect((await describeExecution(client, executionArn)).status).toBe('RUNNING');

    clock.advanceSeconds(86_399);
    await service.runDue();
    expect((await describeExecution(client, executionArn)).status).toBe('RUNNING');

    clock.advanceSeconds(1);
    await service.runDue();
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ docId: 'doc-1', approvedBy: 'ann', executionName: 'approve-1', startedWith: 'doc-1' });
    expect(done.stopDate?.getTime()).toBe(clock.now().getTime());

    const history = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    const types = history.events!.map((event) => event.type);
    expect(types[0]).toBe('ExecutionStarted');
    expect(types).toContain('TaskSubmitted');
    expect(types).toContain('WaitStateEntered');
    expect(types.at(-1)).toBe('ExecutionSucceeded');
    expect(history.events!.map((event) => event.id)).toEqual(types.map((_, index) => index + 1));

    // The token appears nowhere but in the Lambda's payload.
    const exposed = JSON.stringify({ done, history: history.events, logs });
    expect(exposed).not.toContain(token);

    const again = await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })).catch((error) => error);
    expect(again).toBeInstanceOf(TaskDoesNotExist);
  });

  it('runs the Catch of a SendTaskFailure', async () => {
    const executionArn = await start('reject-1', { docId: 'doc-2' });
    await client.send(new SendTaskFailureCommand({ taskToken: tokenFor('doc-2'), error: 'Rejected', cause: 'not this year' }));
    await service.runDue();
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ outcome: 'rejected', error: { Error: 'Rejected', Cause: 'not this year' } });
  });

  it('answers unknown and malformed tokens with the SDK exceptions', async () => {
    const unknown = await client
      .send(new SendTaskSuccessCommand({ taskToken: `LSFN1${'A'.repeat(86)}`, output: '{}' }))
      .catch((error) => error);
    expect(unknown).toBeInstanceOf(TaskDoesNotExist);
    const malformed = await client.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' })).catch((error) => error);
    expect(malformed).toBeInstanceOf(InvalidToken);
  });

  it('times a callback out on the local clock: TaskTimedOut to the caller, States.Timeout to the Catch', async () => {
    const late = await start('late-1', { docId: 'doc-3' });
    const idle = await start('idle-1', { docId: 'doc-4' });
    clock.advanceSeconds(500);
    await client.send(new SendTaskHeartbeatCommand({ taskToken: tokenFor('doc-4') }));
    clock.advanceSeconds(500); // doc-3 has had no heartbeat for 1000 s > 600 s
    const error = await client.send(new SendTaskSuccessCommand({ taskToken: tokenFor('doc-3'), output: '{}' })).catch((e) => e);
    expect(error).toBeInstanceOf(TaskTimedOut);
    await service.runDue();
    expect(JSON.parse((await describeExecution(client, late)).output!)).toEqual({ outcome: 'timed out', error: 'States.Timeout' });
    expect((await describeExecution(client, idle)).status).toBe('RUNNING');

    await client.send(new SendTaskHeartbeatCommand({ taskToken: tokenFor('doc-4') }));
    clock.advanceSeconds(2600); // past TimeoutSeconds (3600) though heartbeats keep coming
    await client.send(new SendTaskHeartbeatCommand({ taskToken: tokenFor('doc-4') })).catch(() => undefined);
    await service.runDue();
    const timedOut = await describeExecution(client, idle);
    expect(JSON.parse(timedOut.output!)).toEqual({ outcome: 'timed out', error: 'States.Timeout' });
  });

  it('treats StartExecution with the same name and input as the same execution', async () => {
    const input = JSON.stringify({ docId: 'doc-5' });
    const first = await client.send(new StartExecutionCommand({ stateMachineArn: approval.arn, name: 'same-1', input }));
    const second = await client.send(new StartExecutionCommand({ stateMachineArn: approval.arn, name: 'same-1', input: '{ "docId": "doc-5" }' }));
    expect(second.executionArn).toBe(first.executionArn);
    expect(second.startDate).toEqual(first.startDate);
    const conflict = await client
      .send(new StartExecutionCommand({ stateMachineArn: approval.arn, name: 'same-1', input: JSON.stringify({ docId: 'other' }) }))
      .catch((error) => error);
    expect(conflict).toBeInstanceOf(ExecutionAlreadyExists);
    await service.idle();
    expect(lambdas.callsTo('notify').filter((call) => call.payload.docId === 'doc-5')).toHaveLength(1);

    await client.send(new StopExecutionCommand({ executionArn: first.executionArn, error: 'Cancelled' }));
    const stopped = await describeExecution(client, first.executionArn!);
    expect(stopped.status).toBe('ABORTED');
    const afterStop = await client.send(new SendTaskSuccessCommand({ taskToken: tokenFor('doc-5'), output: '{}' })).catch((e) => e);
    expect(afterStop).toBeInstanceOf(TaskDoesNotExist);
    const sameAfterStop = await client.send(new StartExecutionCommand({ stateMachineArn: approval.arn, name: 'same-1', input }));
    expect(sameAfterStop.executionArn).toBe(first.executionArn);
  });

  it('retries a failing Lambda with backoff, and maps lambda:invoke results', async () => {
    const executionArn = await start('flaky-1', { id: 7 }, flaky.arn);
    await service.runDue();
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ id: 7, direct: { attempts: 3 }, invoked: { echoed: { attempts: 3 }, status: 200 } });
    expect(lambdas.callsTo('flaky')).toHaveLength(3);
    expect(lambdas.callsTo('echo')[0]?.functionArn).toBe(functionArn('echo'));

    const history = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    expect(history.events!.filter((event) => event.type === 'LambdaFunctionFailed')).toHaveLength(2);
  });

  it('fails the execution with the Lambda error once retries are exhausted', async () => {
    const executionArn = await start('give-up-1', {}, giveUp.arn);
    await service.runDue();
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('Lambda.Unknown');
    expect(JSON.parse(done.cause!)).toEqual({ errorType: 'Lambda.Unknown', errorMessage: 'it broke' });
    expect(lambdas.callsTo('broken')).toHaveLength(2);
  });

  it('follows TimestampPath and SecondsPath, runs Map, and times the execution out on the local clock', async () => {
    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    const quick = await start('waits-1', { until, seconds: 30, items: [1, 2, 3] }, waits.arn);
    const slow = await start('waits-2', { until, seconds: 7200, items: [] }, waits.arn);
    clock.advanceSeconds(59);
    await service.runDue();
    expect((await describeExecution(client, quick)).status).toBe('RUNNING');
    clock.advanceSeconds(1);
    await service.runDue();
    expect((await describeExecution(client, quick)).status).toBe('RUNNING');
    clock.advanceSeconds(30);
    await service.runDue();
    const done = await describeExecution(client, quick);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).doubled).toEqual([2, 4, 6]);

    clock.advanceSeconds(7200);
    await service.runDue();
    const timedOut = await describeExecution(client, slow);
    expect(timedOut.status).toBe('TIMED_OUT');
    const history = await client.send(new GetExecutionHistoryCommand({ executionArn: slow, reverseOrder: true }));
    expect(history.events![0]?.type).toBe('ExecutionTimedOut');
  });

  it('accepts a callback sent while the Lambda still runs, and fails the task when the Lambda fails', async () => {
    const answered = await start('self-1', { fn: functionArn('answers') }, selfAnswer.arn);
    await service.runDue();
    const done = await describeExecution(client, answered);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ answered: true });

    const refused = await start('self-2', { fn: functionArn('refuses') }, selfAnswer.arn);
    await service.runDue();
    const failed = await describeExecution(client, refused);
    expect(JSON.parse(failed.output!)).toEqual({
      Error: 'Refused',
      Cause: JSON.stringify({ errorType: 'Refused', errorMessage: 'no callbacks today' }),
    });
    const token = lambdas.callsTo('refuses')[0]?.payload.token as string;
    const late = await client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })).catch((error) => error);
    expect(late).toBeInstanceOf(TaskDoesNotExist);
  });

  it('resolves $$.State, and refuses a DynamoDB task as not emulated', async () => {
    const first = await start('record-1', { id: 'item-1' }, recorder.arn);
    await service.runDue();
    expect(JSON.parse((await describeExecution(client, first)).output!)).toEqual({ id: 'item-1', read: { at: clock.now().toISOString(), state: 'Record' } });

    const refused = await start('direct-1', {}, directDynamo.arn);
    await service.runDue();
    expect(await describeExecution(client, refused)).toMatchObject({ status: 'FAILED', error: 'States.Runtime', cause: expect.stringContaining('not emulated') });
  });

  it('waits inside Map iterations and calls back inside a Parallel branch', async () => {
    const executionArn = await start('nested-1', { items: [{ s: 10, i: 1 }, { s: 20, i: 2 }] }, nested.arn);
    clock.advanceSeconds(10);
    await service.runDue();
    expect(tokenFor('branch-a')).toBeUndefined();
    clock.advanceSeconds(10);
    await service.runDue();
    await client.send(new SendTaskSuccessCommand({ taskToken: tokenFor('branch-a'), output: JSON.stringify({ a: true }) }));
    await service.runDue();
    const done = await describeExecution(client, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({
      naps: [
        { n: 'Name', i: 1 },
        { n: 'Name', i: 2 },
      ],
      both: [{ a: true }, 'b'],
    });
  });

  it('lists executions and reports unknown resources with the SDK exceptions', async () => {
    const succeeded = await client.send(new ListExecutionsCommand({ stateMachineArn: approval.arn, statusFilter: 'SUCCEEDED' }));
    expect(succeeded.executions!.map((execution) => execution.name).sort()).toEqual(['approve-1', 'idle-1', 'late-1', 'reject-1']);
    const all = await client.send(new ListExecutionsCommand({ stateMachineArn: approval.arn, maxResults: 2 }));
    expect(all.executions).toHaveLength(2);
    expect(all.nextToken).toBeDefined();

    const missingMachine = await client
      .send(new StartExecutionCommand({ stateMachineArn: stateMachineArn('Nope') }))
      .catch((error) => error);
    expect(missingMachine).toBeInstanceOf(StateMachineDoesNotExist);
    const missingExecution = await describeExecution(client, `arn:aws:states:eu-north-1:000000000000:execution:Approval:nope`).catch((e) => e);
    expect(missingExecution).toBeInstanceOf(ExecutionDoesNotExist);
    const badArn = await describeExecution(client, 'arn:nope').catch((error) => error);
    expect(badArn).toBeInstanceOf(InvalidArn);
  });
});

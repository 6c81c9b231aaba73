import { DescribeExecutionCommand, GetExecutionHistoryCommand, SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalSfn } from '../local/sfn/service';
import { dynamoClient, FakeClock, FakeLambdas, namedError, newTableName, sfnClient, startService } from '../local/sfn/testSupport';
import { synthesizeForLocal, type LocalStateMachine } from '../local/synth';
import { ONE_EXECUTION_AT_MOST } from './review';

/** The synthesized Review state machine on the local engine, with stand-in tasks: which path does it take? */
describe('the review workflow', () => {
  let review: LocalStateMachine;
  let service: LocalSfn | undefined;
  const document = { year: 2026, boardId: 'bromma', kind: 'plan' };

  beforeAll(async () => {
    const synthesized = await synthesizeForLocal();
    review = synthesized.stateMachines.find((machine) => machine.id === 'Review')!;
    expect(review).toBeDefined();
  });

  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  async function run(lambdas: FakeLambdas, clock = new FakeClock()) {
    service = await startService({
      dynamo: dynamoClient(inject('dynamoEndpoint')),
      tableName: newTableName('review'),
      clock,
      lambdas,
      stateMachines: [{ arn: review.arn, name: review.name, definition: review.definition }],
    });
    const sfn = sfnClient(service);
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: review.arn, name: 'plan-2026-bromma', input: JSON.stringify({ document }) }));
    await service.runDue();
    const describe = async () => (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status;
    const lastToken = () => {
      const calls = lambdas.callsTo('RegisterCallback');
      return calls.at(-1)!.payload.taskToken as string;
    };
    const complete = async (output: object) => {
      await sfn.send(new SendTaskSuccessCommand({ taskToken: lastToken(), output: JSON.stringify(output) }));
      await service!.runDue();
    };
    return { sfn, executionArn, describe, complete };
  }

  const rounds = () => {
    let round = 0;
    return () => ({ round: ++round, findings: 0 });
  };

  it('tells the board of a return, waits for the resubmission, then hands the next round to a fresh execution', async () => {
    const lambdas = new FakeLambdas({ RunChecks: rounds() });
    const { describe, complete, sfn, executionArn } = await run(lambdas);
    expect(lambdas.callsTo('RegisterCallback').at(-1)!.payload).toMatchObject({ step: 'review', round: 1, document });
    await complete({ decision: 'return', round: 1 });
    expect(lambdas.callsTo('NotifyBoard').map((call) => call.payload.event)).toEqual(['returned']);
    expect(lambdas.callsTo('RegisterCallback').at(-1)!.payload).toMatchObject({ step: 'resubmission', round: 1 });
    await complete({ resubmitted: true, round: 2 });
    expect(lambdas.callsTo('ContinueReview').map((call) => call.payload)).toEqual([{ document, round: 2 }]);
    // This execution held one round only: it never loops back, so it cannot reach the one-year limit.
    expect(lambdas.callsTo('RunChecks')).toHaveLength(1);
    expect(await describe()).toBe('SUCCEEDED');
    expect(lambdas.callsTo('RecordWorkflowFailure')).toHaveLength(0);
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    expect(JSON.stringify(history)).not.toContain(lambdas.callsTo('RegisterCallback')[0]!.payload.taskToken as string);
  });

  it('approves in the round the execution was started for, telling the board', async () => {
    const lambdas = new FakeLambdas({ RunChecks: () => ({ round: 2, findings: 0 }) });
    const { describe, complete } = await run(lambdas);
    await complete({ decision: 'approve', round: 2 });
    expect(lambdas.callsTo('NotifyBoard').map((call) => call.payload)).toEqual([{ document, event: 'approved', round: 2 }]);
    expect(lambdas.callsTo('ContinueReview')).toHaveLength(0);
    expect(await describe()).toBe('SUCCEEDED');
  });

  it('has no path back into the checks: one execution waits for one review and one resubmission at most', () => {
    const states = review.definition.States as Record<string, { Next?: string; Type: string }>;
    expect(review.definition.StartAt).toBe('RunChecks');
    expect(Object.entries(states).filter(([, state]) => state.Next === 'RunChecks')).toEqual([]);
    expect(ONE_EXECUTION_AT_MOST.toDays()).toBeLessThan(300);
  });

  it('retries a callback task whose Lambda was throttled, instead of failing the review', async () => {
    const lambdas = new FakeLambdas({
      RunChecks: rounds(),
      RegisterCallback: (_payload, call) => {
        if (call === 1) throw namedError('Lambda.TooManyRequestsException', 'Rate exceeded');
        return { waiting: true };
      },
    });
    const { describe } = await run(lambdas);
    expect(lambdas.callsTo('RegisterCallback')).toHaveLength(2);
    expect(lambdas.callsTo('RecordWorkflowFailure')).toHaveLength(0);
    expect(await describe()).toBe('RUNNING');
  });

  it('does not retry a task input the handler calls not worth retrying, and records the failure', async () => {
    const lambdas = new FakeLambdas({
      RunChecks: () => {
        throw namedError('InvalidTaskInput', 'document.year: expected number');
      },
    });
    const { describe } = await run(lambdas);
    expect(lambdas.callsTo('RunChecks')).toHaveLength(1);
    expect(lambdas.callsTo('RecordWorkflowFailure')[0]!.payload).toMatchObject({ document, error: { Error: 'InvalidTaskInput' } });
    expect(await describe()).toBe('FAILED');
  });

  it('retries a task that fails transiently', async () => {
    const lambdas = new FakeLambdas({
      RunChecks: (_payload, call) => {
        if (call <= 2) throw namedError('Lambda.ServiceException', 'try again');
        return { round: 1, findings: 0 };
      },
    });
    const { describe } = await run(lambdas);
    expect(lambdas.callsTo('RunChecks')).toHaveLength(3);
    expect(lambdas.callsTo('RegisterCallback')).toHaveLength(1);
    expect(await describe()).toBe('RUNNING');
  });

  it('records a failure for good on the document, then fails visibly', async () => {
    const lambdas = new FakeLambdas({
      RunChecks: rounds(),
      NotifyBoard: () => {
        throw namedError('Error', 'mail is broken');
      },
    });
    const { describe, complete } = await run(lambdas);
    await complete({ decision: 'approve', round: 1 });
    expect(lambdas.callsTo('NotifyBoard').length).toBeGreaterThan(1);
    expect(lambdas.callsTo('RecordWorkflowFailure')).toHaveLength(1);
    expect(lambdas.callsTo('RecordWorkflowFailure')[0]!.payload).toMatchObject({ document, error: { Error: 'Error' } });
    expect(await describe()).toBe('FAILED');
  });

  it('gives up on a reviewer after the review timeout, on the clock, and records it', async () => {
    const clock = new FakeClock();
    const lambdas = new FakeLambdas({ RunChecks: rounds() });
    const { describe } = await run(lambdas, clock);
    clock.advanceSeconds(119 * 24 * 3600);
    await service!.runDue();
    expect(await describe()).toBe('RUNNING');
    clock.advanceSeconds(2 * 24 * 3600);
    await service!.runDue();
    expect(lambdas.callsTo('RecordWorkflowFailure')[0]!.payload).toMatchObject({ error: { Error: 'States.Timeout' } });
    expect(await describe()).toBe('FAILED');
  });
});

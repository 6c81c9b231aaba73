import { DescribeExecutionCommand, SFNClient, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler as makeRecordStoppedExecution } from '../functions/tasks/recordStoppedExecution';
import { localAwsConfig } from '../local/dynamodb';
import { lambdaContext } from '../local/lambdaContext';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from '../test/support/localStack';

/**
 * The review workflow's bound and its recovery, through the local stack (the synthesized state machine on the
 * local engine, the real handlers, DynamoDB Local): each round after a return runs in a fresh execution, and an
 * execution stopped from outside is recorded on its document (EventBridge's part is played by the test, with
 * the event Step Functions sends) and restarted by the reviewer's next decision.
 */
const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};
const plan = (target: number) => ({ content: { targets: [{ indicatorId: 'KF-1', target }] } });
const documentPath = (boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;

describe('review executions: bounded, and recovered when stopped', () => {
  let t: TestStack;
  let sfn: SFNClient;
  const reviewArn = () => t.stack.stateMachines.find((machine) => machine.id.toLowerCase() === 'review')!.arn;
  const executionArn = (name: string) => `${reviewArn().replace(':stateMachine:', ':execution:')}:${name}`;
  const recordStoppedExecution = (event: unknown, context: unknown) => makeRecordStoppedExecution(t.stack.deps)(event as never, context as never);
  const statusOf = async (name: string) => (await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }))).status;

  beforeAll(async () => {
    t = await startTestStack();
    sfn = new SFNClient({ ...localAwsConfig, endpoint: t.stack.sfn.endpoint });
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    for (const boardId of ['bromma', 'farsta']) {
      await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: boardId, kind: 'district', contacts: [`kansli@${boardId}.example`] } });
    }
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
    for (const boardId of ['bromma', 'farsta']) {
      expect((await t.api('PUT', documentPath(boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: plan(82) })).status).toBe(200);
      expect((await t.api('POST', `${documentPath(boardId)}/submit`, { as: editorOf(boardId) })).status).toBe(202);
    }
    await t.stack.runDueJobs();
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('runs the round after a resubmission in a fresh execution, which the approval completes', async () => {
    expect((await t.api('POST', `${documentPath('bromma')}/decision`, { as: reviewer, body: { decision: 'return', comment: 'Mer.' } })).status).toBe(200);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${documentPath('bromma')}/submit`, { as: editorOf('bromma') })).status).toBe(202);
    await t.stack.runDueJobs();
    expect(await statusOf(`plan-${year}-bromma`)).toBe('SUCCEEDED');
    expect(await statusOf(`plan-${year}-bromma_r2`)).toBe('RUNNING');

    expect((await t.api('POST', `${documentPath('bromma')}/decision`, { as: reviewer, body: { decision: 'approve' } })).status).toBe(200);
    await t.stack.runDueJobs();
    expect(await statusOf(`plan-${year}-bromma_r2`)).toBe('SUCCEEDED');
    const mail = (await t.api('GET', '/api/dev/outbox')).body.messages.filter((message: { boardId?: string }) => message.boardId === 'bromma');
    expect(mail.map((message: { kind: string }) => message.kind)).toEqual(['returned', 'approved']);
  });

  it('records an aborted execution on its document, and the next decision restarts the review and tells the board', async () => {
    const name = `plan-${year}-farsta`;
    await sfn.send(new StopExecutionCommand({ executionArn: executionArn(name), error: 'Operator', cause: 'stopped by hand' }));
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name) }));
    expect(stopped.status).toBe('ABORTED');

    // What EventBridge delivers for `Step Functions Execution Status Change`.
    const event = {
      'detail-type': 'Step Functions Execution Status Change',
      source: 'aws.states',
      detail: { executionArn: stopped.executionArn, stateMachineArn: stopped.stateMachineArn, name, status: stopped.status, input: stopped.input, error: null, cause: null },
    };
    const recorded = await recordStoppedExecution(event, lambdaContext('RecordStoppedExecution'));
    expect(recorded).toEqual({ recorded: true });
    const seen = await t.api('GET', documentPath('farsta'), { as: reviewer });
    expect(seen.body.status).toBe('in_review');
    expect(seen.body.workflow).toMatchObject({ status: 'failed', error: 'ExecutionAborted' });
    // A second delivery of the same event changes nothing.
    expect(await recordStoppedExecution(event, lambdaContext('RecordStoppedExecution'))).toEqual({ recorded: false });

    const approved = await t.api('POST', `${documentPath('farsta')}/decision`, { as: reviewer, body: { decision: 'approve' } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await t.stack.runDueJobs();
    expect(await statusOf(`${name}-restart-1`)).toBe('SUCCEEDED');
    const after = await t.api('GET', documentPath('farsta'), { as: reviewer });
    expect(after.body.status).toBe('approved');
    expect(after.body.workflow).toBeUndefined();
    const mail = (await t.api('GET', '/api/dev/outbox')).body.messages.filter((message: { boardId?: string }) => message.boardId === 'farsta');
    expect(mail.map((message: { kind: string }) => message.kind)).toEqual(['approved']);
  });

  it('ignores a stop of an execution the document no longer follows', async () => {
    const event = {
      detail: { name: `plan-${year}-bromma`, status: 'TIMED_OUT', input: JSON.stringify({ document: { year, boardId: 'bromma', kind: 'plan' } }) },
    };
    expect(await recordStoppedExecution(event, lambdaContext('RecordStoppedExecution'))).toEqual({ recorded: false });
  });
});

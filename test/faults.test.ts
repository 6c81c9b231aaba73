import { DynamoDBClient, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler as makeSubmitHandler } from '../functions/api/submitDocument';
import { localAwsConfig } from '../local/dynamodb';
import { localStateMachineArn } from '../local/synth';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';
import { apiEvent, testContext } from './support/apiEvent';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};

describe('faults under the handlers', () => {
  let t: TestStack;
  /** While true, the mail relay refuses every message: the notifier the stack's handlers were built with fails. */
  let mailDown = false;

  beforeAll(async () => {
    t = await startTestStack({
      adapt: (deps) => ({
        ...deps,
        notifier: {
          send: (message) =>
            mailDown ? Promise.reject(Object.assign(new Error('mail relay refuses'), { name: 'MessageRejected' })) : deps.notifier.send(message),
        },
      }),
    });
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } });
    for (const boardId of ['bromma', 'farsta']) {
      await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: boardId, kind: 'district', contacts: [`k@${boardId}.example`] } });
    }
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
    for (const boardId of ['bromma', 'farsta']) {
      const saved = await t.api('PUT', `/api/cycles/${year}/boards/${boardId}/documents/plan`, {
        as: editorOf(boardId),
        headers: { 'if-match': '"0"' },
        body: { content: { targets: [{ indicatorId: 'KF-1', target: 82 }] } },
      });
      expect(saved.status).toBe(200);
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  const submitEvent = (boardId: string) =>
    apiEvent({
      method: 'POST',
      path: `/api/cycles/${year}/boards/${boardId}/documents/plan/submit`,
      routePath: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/submit',
      pathParameters: { year: String(year), boardId, kind: 'plan' },
      caller: editorOf(boardId),
    });

  it.each([
    ['a throttled transaction', new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} })],
    [
      'a transaction cancelled by throttling',
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] }),
    ],
  ])('answers %s with 503 and Retry-After, and writes nothing', async (_case, failure) => {
    // The stack's own table client fails its transactions; reads pass through to DynamoDB Local.
    const real = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint: t.stack.dynamoEndpoint }));
    const mock = mockClient(t.stack.db);
    mock.on(GetCommand).callsFake((input) => real.send(new GetCommand(input)));
    mock.on(QueryCommand).callsFake((input) => real.send(new QueryCommand(input)));
    mock.on(TransactWriteCommand).rejects(failure);
    try {
      const answer = await makeSubmitHandler(t.stack.deps)(submitEvent('bromma'), testContext());
      expect(answer.statusCode).toBe(503);
      expect(answer.headers?.['retry-after']).toBe('1');
      expect(answer.headers?.['content-type']).toBe('application/problem+json');
      expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(1);
    } finally {
      mock.restore();
    }
    const document = await t.api('GET', `/api/cycles/${year}/boards/bromma/documents/plan`, { as: admin });
    expect(document.body.status).toBe('draft');
    const history = await t.api('GET', `/api/cycles/${year}/boards/bromma/documents/plan/history`, { as: admin });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved']);
  });

  it('shows a review workflow that failed for good on the document, and carries on with a fresh one', async () => {
    await t.api('PUT', '/api/boards/skarpnack', { as: admin, body: { name: 'Skarpnäck', kind: 'district', contacts: ['k@skarpnack.example'] } });
    const path = `/api/cycles/${year}/boards/skarpnack/documents/plan`;
    await t.api('PUT', path, { as: editorOf('skarpnack'), headers: { 'if-match': '"0"' }, body: { content: { targets: [{ indicatorId: 'KF-1', target: 75 }] } } });
    expect((await t.api('POST', `${path}/submit`, { as: editorOf('skarpnack') })).status).toBe(202);
    await t.stack.runDueJobs();

    // E-mail is down for good: telling the board about the return fails on every retry.
    mailDown = true;
    try {
      expect((await t.api('POST', `${path}/decision`, { as: reviewer, body: { decision: 'return', comment: 'Målet är för lågt.' } })).status).toBe(200);
      await t.stack.runDueJobs();
    } finally {
      mailDown = false;
    }

    const failed = await t.api('GET', path, { as: editorOf('skarpnack') });
    expect(failed.body).toMatchObject({ status: 'returned', workflow: { status: 'failed', error: expect.any(String) } });

    // The board fixes and resubmits; a fresh workflow takes over, and the approval reaches the board.
    const fixed = await t.api('PUT', path, { as: editorOf('skarpnack'), headers: { 'if-match': failed.headers.get('etag')! }, body: { content: { targets: [{ indicatorId: 'KF-1', target: 85 }] } } });
    expect(fixed.status).toBe(200);
    expect((await t.api('POST', `${path}/submit`, { as: editorOf('skarpnack') })).status).toBe(202);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${path}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Bra.' } })).status).toBe(200);
    await t.stack.runDueJobs();
    const approved = await t.api('GET', path, { as: editorOf('skarpnack') });
    expect(approved.body.status).toBe('approved');
    expect(approved.body.workflow).toBeUndefined();
    const outbox = await t.api('GET', '/api/dev/outbox');
    expect(outbox.body.messages.filter((m: { boardId?: string }) => m.boardId === 'skarpnack').map((m: { kind: string }) => m.kind)).toEqual(['approved']);
    const history = await t.api('GET', `${path}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'returned', 'saved', 'resubmitted', 'approved']);
  });

  it('keeps the submission when the workflow cannot be started, and the sweep starts it later', async () => {
    const sfnMock = mockClient(SFNClient);
    sfnMock.on(StartExecutionCommand).rejects(Object.assign(new Error('Step Functions is down'), { name: 'ServiceUnavailable' }));
    let answer;
    try {
      answer = await t.api('POST', `/api/cycles/${year}/boards/farsta/documents/plan/submit`, { as: editorOf('farsta') });
    } finally {
      sfnMock.restore();
    }
    expect(answer.status).toBe(202);
    expect((await t.api('GET', `/api/cycles/${year}/boards/farsta/documents/plan`, { as: admin })).body.status).toBe('in_review');

    await t.stack.runDueJobs();
    const sfn = new SFNClient({ ...localAwsConfig, endpoint: t.stack.sfn.endpoint });
    const execution = await sfn.send(
      new DescribeExecutionCommand({ executionArn: `${localStateMachineArn('Review').replace(':stateMachine:', ':execution:')}:plan-${year}-farsta` }),
    );
    expect(execution.status).toBe('RUNNING');
  });
});

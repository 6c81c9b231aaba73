import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAwsConfig } from '../../local/dynamodb';
import { makeHandler as makeNotifyBoardHandler } from '../../functions/tasks/notifyBoard';
import { lambdaContext } from '../../local/lambdaContext';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from '../support/localStack';

/**
 * A board notice (approved / returned) goes through a sent-marker: claim, send, confirm. A process killed between the
 * claim and the send used to leave the marker claimed and the notice unsent for ever (the SIGKILL test found a returned
 * plan whose board was never told). Now an unconfirmed claim is taken again by the step's next run, and the local
 * outbox drops a repeat of the same key, so after any crash the board is told exactly once.
 */
const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};
const doc = (boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;

describe('board notices survive a crash between claiming and sending', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } });
    for (const boardId of ['bromma', 'farsta']) {
      await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: boardId, kind: 'district', contacts: [`k@${boardId}.example`] } });
    }
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
  });

  afterAll(async () => {
    await t?.stop();
  });

  const notices = async (boardId: string) =>
    ((await t.api('GET', '/api/dev/outbox')).body.messages as Array<{ kind: string; boardId?: string }>).filter((message) => message.boardId === boardId);
  const runStep = (boardId: string) =>
    (makeNotifyBoardHandler(t.stack.deps) as unknown as (event: unknown, context: unknown) => Promise<{ sent: boolean }>)(
      { document: { year, boardId, kind: 'plan' }, event: 'returned', round: 1 },
      lambdaContext('NotifyBoard'),
    );

  async function returnedPlan(boardId: string) {
    expect((await t.api('PUT', doc(boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: { content: { targets: [{ indicatorId: 'KF-1', target: 82 }] } } })).status).toBe(200);
    expect((await t.api('POST', `${doc(boardId)}/submit`, { as: editorOf(boardId) })).status).toBe(202);
    await t.stack.runDueJobs();
  }

  it('sends the notice when the step runs again after dying between the claim and the send', async () => {
    await returnedPlan('bromma');
    // The first run died right after its claim: the marker is there, unconfirmed, and nothing was sent.
    expect(await t.stack.deps.sent.claim(year, 'bromma#plan#returned#1', { to: ['k@bromma.example'], subject: 's', body: 'b', kind: 'returned' }, '2025-12-01T08:00:00Z')).toBe(true);
    expect(await runStep('bromma')).toEqual({ sent: true });
    expect((await notices('bromma')).map((message) => message.kind)).toEqual(['returned']);
    // Confirmed now: a further run sends nothing, and the daily reminder job sees it as sent.
    expect(await runStep('bromma')).toEqual({ sent: false });
    expect((await notices('bromma')).map((message) => message.kind)).toEqual(['returned']);
    expect(await t.stack.deps.sent.claimed(year)).toContain('bromma#plan#returned#1');
  });

  it('sends it once when the step dies between the send and the confirmation', async () => {
    await returnedPlan('farsta');
    expect(await runStep('farsta')).toEqual({ sent: true });
    // As if the confirmation had not been written: the step runs again, and the outbox drops the repeat.
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint: t.stack.dynamoEndpoint }));
    await db.send(
      new UpdateCommand({ TableName: t.tableName, Key: { PK: `SENT#${year}`, SK: 'farsta#plan#returned#1' }, UpdateExpression: 'SET #state = :sending', ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':sending': 'sending' } }),
    );
    db.destroy();
    expect(await t.stack.deps.sent.claimed(year)).not.toContain('farsta#plan#returned#1');
    expect(await runStep('farsta')).toEqual({ sent: true });
    expect((await notices('farsta')).map((message) => message.kind)).toEqual(['returned']);

    // The workflow's own notice, when the reviewer really returns the plan, is that same notice: still one.
    const returned = await t.api('POST', `${doc('farsta')}/decision`, { as: reviewer, body: { decision: 'return', comment: 'Komplettera.' } });
    expect(returned.status).toBe(200);
    await t.stack.runDueJobs();
    expect((await notices('farsta')).map((message) => message.kind)).toEqual(['returned']);
  });
});

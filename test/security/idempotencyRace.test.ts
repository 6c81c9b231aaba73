import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHandler as makeDecideHandler } from '../../functions/api/decideDocument';
import { makeHandler as makeSubmitHandler } from '../../functions/api/submitDocument';
import { tablePorts } from '../../local/composition';
import { localAwsConfig } from '../../local/dynamodb';
import { apiEvent, testContext } from '../support/apiEvent';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from '../support/localStack';

/**
 * A client that retries while its first request is still running sends the same Idempotency-Key twice at once. The
 * first may commit between the retry's replay check and its read of the document; the retry then finds the document
 * already decided (or submitted) and must answer with the first answer, not 409. Found by the SIGKILL test's racing
 * retries; here the interleaving is forced, and then provoked with bursts.
 */
const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const goals = {
  directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }],
};
const boards = ['bromma', 'farsta', 'kultur', 'sisab'];
const doc = (boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;

describe('a retry racing its first request with the same Idempotency-Key', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } });
    for (const boardId of boards) await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: boardId, kind: 'district', contacts: [`k@${boardId}.example`] } });
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
    for (const boardId of boards) {
      const saved = await t.api('PUT', doc(boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: { content: { targets: [{ indicatorId: 'KF-1', target: 82 }] } } });
      expect(saved.status).toBe(200);
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  /** Runs `call` with table ports whose replay check of the idempotency record sees nothing, as if the first request had not committed yet. */
  async function withStaleReplayCheck<T>(call: (ports: ReturnType<typeof tablePorts>) => Promise<T>): Promise<T> {
    const real = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint: t.stack.dynamoEndpoint }));
    const racing = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint: t.stack.dynamoEndpoint }));
    const mock = mockClient(racing);
    let staleReads = 0;
    mock.on(GetCommand).callsFake((input) => {
      if (String(input.Key?.PK).startsWith('IDEMPOTENCY#') && staleReads === 0) {
        staleReads += 1;
        return {};
      }
      return real.send(new GetCommand(input));
    });
    mock.on(QueryCommand).callsFake((input) => real.send(new QueryCommand(input)));
    mock.on(TransactWriteCommand).callsFake((input) => real.send(new TransactWriteCommand(input)));
    try {
      const result = await call(tablePorts(racing, t.tableName, t.stack.clock));
      expect(staleReads).toBe(1);
      return result;
    } finally {
      mock.restore();
    }
  }

  it('gets the first answer to a decision, not 409, when the first committed after its replay check', async () => {
    const key = { 'idempotency-key': 'race-decision-bromma' };
    expect((await t.api('POST', `${doc('bromma')}/submit`, { as: editorOf('bromma') })).status).toBe(202);
    await t.stack.runDueJobs();
    const body = { decision: 'approve', comment: 'Godkänd.' };
    const first = await t.api('POST', `${doc('bromma')}/decision`, { as: reviewer, headers: key, body });
    expect(first.status).toBe(200);

    const retry = await withStaleReplayCheck((ports) =>
      makeDecideHandler({ ...t.stack.deps, ...ports })(
        apiEvent({
          method: 'POST',
          path: `${doc('bromma')}/decision`,
          routePath: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/decision',
          pathParameters: { year: String(year), boardId: 'bromma', kind: 'plan' },
          headers: key,
          body,
          caller: reviewer,
        }),
        testContext(),
      ),
    );
    expect(retry.statusCode, retry.body).toBe(200);
    expect(JSON.parse(retry.body!)).toEqual(first.body);
    const history = await t.api('GET', `${doc('bromma')}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'approved']);

    // A different request under the same key is still refused, and a different decision without a key still conflicts.
    const other = await t.api('POST', `${doc('bromma')}/decision`, { as: reviewer, headers: key, body: { decision: 'return', comment: 'Nej.' } });
    expect(other.status).toBe(422);
    expect((await t.api('POST', `${doc('bromma')}/decision`, { as: reviewer, body })).status).toBe(409);
  });

  it('gets the first answer to a submit, not 409, when the first committed after its replay check', async () => {
    const key = { 'idempotency-key': 'race-submit-farsta' };
    const first = await t.api('POST', `${doc('farsta')}/submit`, { as: editorOf('farsta'), headers: key });
    expect(first.status).toBe(202);
    const retry = await withStaleReplayCheck((ports) =>
      makeSubmitHandler({ ...t.stack.deps, ...ports })(
        apiEvent({
          method: 'POST',
          path: `${doc('farsta')}/submit`,
          routePath: '/api/cycles/{year}/boards/{boardId}/documents/{kind}/submit',
          pathParameters: { year: String(year), boardId: 'farsta', kind: 'plan' },
          headers: key,
          caller: editorOf('farsta'),
        }),
        testContext(),
      ),
    );
    expect(retry.statusCode, retry.body).toBe(202);
    expect(JSON.parse(retry.body!)).toEqual(first.body);
    await t.stack.runDueJobs();
    const history = await t.api('GET', `${doc('farsta')}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted']);
  });

  it('answers a burst of the same submit and then the same decision identically, recording each once', async () => {
    const submits = await Promise.all(Array.from({ length: 6 }, () => t.api('POST', `${doc('kultur')}/submit`, { as: editorOf('kultur'), headers: { 'idempotency-key': 'burst-submit' } })));
    expect(submits.map((answer) => answer.status)).toEqual(Array(6).fill(202));
    for (const answer of submits) expect(answer.body).toEqual(submits[0]!.body);
    await t.stack.runDueJobs();
    const body = { decision: 'return', comment: 'Komplettera.' };
    const decisions = await Promise.all(Array.from({ length: 6 }, () => t.api('POST', `${doc('kultur')}/decision`, { as: reviewer, headers: { 'idempotency-key': 'burst-decision' }, body })));
    expect(decisions.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    for (const answer of decisions) expect(answer.body).toEqual(decisions[0]!.body);
    await t.stack.runDueJobs();
    const history = await t.api('GET', `${doc('kultur')}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'returned']);
    const outbox = await t.api('GET', '/api/dev/outbox');
    expect(outbox.body.messages.filter((message: { boardId?: string; kind: string }) => message.boardId === 'kultur' && message.kind === 'returned')).toHaveLength(1);
  });
});

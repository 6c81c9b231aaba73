import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeExecutionCommand, GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { localAwsConfig } from '../../local/dynamodb';
import { dynamoDbLocalPids, startChildStack, until, type ChildStack } from '../support/childStack';

/**
 * Durability: the local stack killed with SIGKILL (and its DynamoDB Local with it, as in a machine crash) in the
 * middle of a burst of review decisions loses no decision that was answered and makes none twice after the restart.
 * Each round puts plans of three boards in review, fires a decision for each (with an Idempotency-Key, and a racing
 * client retry with the same key for each), and kills everything after a given number of answers, with the rest in
 * flight. After the restart every decision is retried with its key, the clock is moved a minute, and the workflows
 * and the board notices are checked.
 */
// Boards of the test's own: `npm start` files every demo board's 2026 plan (the lived demo).
const districtBoards = Array.from({ length: 12 }, (_, i) => `sigkill-${String(i + 1).padStart(2, '0')}`);
/** Kill after this many answers, per round: 0 (right after sending), 1, 3 and 5 of its 6 requests. */
const rounds = [0, 1, 3, 5].map((killAfter, index) => ({ killAfter, boards: districtBoards.slice(index * 3, index * 3 + 3) }));
const plan = {
  content: {
    targets: [
      { indicatorId: 'KF-ELEV-1', target: 88 },
      { indicatorId: 'KF-ALD-1', target: 86 },
      { indicatorId: 'KF-PERS-1', target: 6.2 },
      { indicatorId: 'KF-EKON-1', target: 0.5 },
    ],
  },
};
const doc = (boardId: string) => `/api/cycles/2026/boards/${boardId}/documents/plan`;
const decisionActions = new Set(['approved', 'returned']);

interface Decision {
  boardId: string;
  key: string;
  body: { decision: 'approve' | 'return'; comment: string };
  /** Answers received before the kill (the request and its racing retry). */
  answers: Array<{ status: number; body: unknown }>;
  inFlightAtKill: number;
}

describe('SIGKILL in the middle of review decisions', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjul-sigkill-'));
  let stack: ChildStack | undefined;
  const report = { rounds: 0, decisions: 0, requests: 0, answered: 0, unanswered: 0, landedUnanswered: 0, lostUnanswered: 0, passed: false };

  afterAll(async () => {
    await stack?.crash();
    console.log(
      `sigkill: ${report.rounds} kills, ${report.decisions} decisions sent as ${report.requests} requests (each with a racing retry): ${report.answered} answered, ` +
        `${report.unanswered} cut off by the kill; of the decisions with no answer at all, ${report.landedUnanswered} had landed and ${report.lostUnanswered} had not` +
        (report.passed ? '; after the restarts none lost, none doubled, one notice each' : '; FAILED'),
    );
  });

  async function tokens(s: ChildStack) {
    return {
      reviewer: await s.token({ sub: 'rut.reviewer', role: 'reviewer' }),
      editor: (boardId: string) => s.token({ sub: `editor.${boardId}`, role: 'editor', boards: [boardId] }),
    };
  }

  function documents(s: ChildStack) {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint: s.dynamoEndpoint }));
    return {
      get: async (boardId: string) =>
        (await db.send(new GetCommand({ TableName: 'arshjul-local', Key: { PK: `CYCLE#2026#BOARD#${boardId}`, SK: 'DOC#plan' }, ConsistentRead: true }))).Item,
      destroy: () => db.destroy(),
    };
  }

  it('loses no answered decision and makes none twice, over four kills at different moments', { timeout: 600_000 }, async () => {
    stack = await startChildStack({ dataDir });
    const admin = await stack.token({ sub: 'anna.admin', role: 'admin' });
    for (const boardId of districtBoards) {
      const body = { name: `Stadsdelsnämnd ${boardId}`, kind: 'district', contacts: [`kansli@${boardId}.example`] };
      expect((await stack.call('PUT', `/api/boards/${boardId}`, { token: admin, body })).status).toBe(201);
    }

    for (const [index, round] of rounds.entries()) {
      const s = stack!;
      const who = await tokens(s);

      // Plans of this round's boards in review, each workflow waiting on its review token.
      for (const boardId of round.boards) {
        const editor = await who.editor(boardId);
        expect((await s.call('PUT', doc(boardId), { token: editor, body: plan, headers: { 'if-match': '"0"' } })).status).toBe(200);
        expect((await s.call('POST', `${doc(boardId)}/submit`, { token: editor })).status).toBe(202);
      }
      const store = documents(s);
      await until('every review workflow to wait for its decision', async () => {
        const items = await Promise.all(round.boards.map((boardId) => store.get(boardId)));
        return items.every((item) => item?.taskToken && (item.waitingFor as { step?: string })?.step === 'review') || undefined;
      });
      store.destroy();

      // The burst: a decision per board and a client retry racing it with the same key; kill after `killAfter` answers.
      const decisions: Decision[] = round.boards.map((boardId, i) => ({
        boardId,
        key: `crash-${index}-${boardId}`,
        body: i % 2 === 0 ? { decision: 'approve', comment: 'Godkänd.' } : { decision: 'return', comment: 'Komplettera riskerna.' },
        answers: [],
        inFlightAtKill: 0,
      }));
      let answered = 0;
      let kill!: () => void;
      const killNow = new Promise<void>((resolve) => (kill = resolve));
      const crashed = killNow.then(() => s.crash());
      const requests = decisions.flatMap((decision) =>
        [0, 1].map(async () => {
          report.requests += 1;
          try {
            const answer = await s.call('POST', `${doc(decision.boardId)}/decision`, { token: who.reviewer, body: decision.body, headers: { 'idempotency-key': decision.key } });
            // Every answer that arrived counts, even one that raced the kill: the client has it, so it must hold.
            decision.answers.push({ status: answer.status, body: answer.body });
            answered += 1;
            if (answered === round.killAfter) kill();
          } catch {
            decision.inFlightAtKill += 1; // no answer: the connection died with the process (or never got to it)
          }
        }),
      );
      if (round.killAfter === 0) setImmediate(kill);
      await Promise.all([...requests, crashed]);
      report.rounds += 1;
      expect(dynamoDbLocalPids(dataDir)).toEqual([]);

      // Every answer received before the kill is a success, and both requests of a decision got the same answer.
      for (const decision of decisions) {
        report.decisions += 1;
        report.answered += decision.answers.length;
        report.unanswered += decision.inFlightAtKill;
        for (const answer of decision.answers) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        if (decision.answers.length === 2) expect(decision.answers[1]!.body).toEqual(decision.answers[0]!.body);
      }

      // Restart, as after a crash: same DATA_DIR, a new process.
      stack = await startChildStack({ dataDir });
      const t = stack;
      const reviewer = (await tokens(t)).reviewer;
      const decisionEvents = async (boardId: string) => {
        const history = await t.call('GET', `${doc(boardId)}/history`, { token: reviewer });
        expect(history.status).toBe(200);
        return (history.body.events as Array<{ action: string; comment?: string }>).filter((event) => decisionActions.has(event.action));
      };

      for (const decision of decisions) {
        const expected = decision.body.decision === 'approve' ? 'approved' : 'returned';
        const before = await decisionEvents(decision.boardId);
        const document = await t.call('GET', doc(decision.boardId), { token: reviewer });
        // Never twice; either decided exactly once or still in review, never anything else.
        expect(before.length, `${decision.boardId}: decision events after the restart`).toBeLessThanOrEqual(1);
        if (before.length === 0) expect(document.body.status, decision.boardId).toBe('in_review');
        else {
          expect(before[0]!.action).toBe(expected);
          expect(document.body.status).toBe(expected);
        }
        // An answered decision was not lost.
        if (decision.answers.length > 0) expect(before, `${decision.boardId}: answered before the kill, but not in the history`).toHaveLength(1);
        else if (before.length === 1) report.landedUnanswered += 1;
        else report.lostUnanswered += 1;

        // The client retries with the same key: the first answer (or, if it never landed, the decision now); no second event.
        const retry = await t.call('POST', `${doc(decision.boardId)}/decision`, { token: reviewer, body: decision.body, headers: { 'idempotency-key': decision.key } });
        expect(retry.status, retry.text).toBe(200);
        if (decision.answers.length > 0) expect(retry.body).toEqual(decision.answers[0]!.body);
        expect(retry.body.status).toBe(expected);
        const again = await t.call('POST', `${doc(decision.boardId)}/decision`, { token: reviewer, body: decision.body, headers: { 'idempotency-key': decision.key } });
        expect(again.body).toEqual(retry.body);
        const after = await decisionEvents(decision.boardId);
        expect(after, decision.boardId).toHaveLength(1);
        expect(after[0]!.action).toBe(expected);
      }

      // A minute later the workflows have caught up: approved ones ended, returned ones wait for the resubmission,
      // and each board was told once.
      const clock = await t.call('GET', '/api/dev/clock');
      expect((await t.call('POST', '/api/dev/clock', { body: { now: new Date(Date.parse(clock.body.now) + 60_000).toISOString() } })).status).toBe(200);
      const notices = async () => {
        const outbox = await t.call('GET', '/api/dev/outbox');
        return (outbox.body.messages as Array<{ kind: string; boardId?: string; documentKind?: string }>).filter(
          (message) => decisionActions.has(message.kind) && message.documentKind === 'plan' && round.boards.includes(message.boardId!),
        );
      };
      const sfn = new SFNClient({ ...localAwsConfig, endpoint: t.sfnEndpoint });
      const diagnose = async () => {
        const store = documents(t);
        const lines: string[] = [];
        for (const decision of decisions) {
          const item = await store.get(decision.boardId);
          const arn = `arn:aws:states:eu-north-1:000000000000:execution:Review:plan-2026-${decision.boardId}`;
          const described = await sfn.send(new DescribeExecutionCommand({ executionArn: arn })).catch((error: Error) => ({ status: error.name }));
          const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: 8 })).catch(() => ({ events: [] }));
          lines.push(
            `${decision.boardId} (${decision.body.decision}, ${decision.answers.length} answers, ${decision.inFlightAtKill} unanswered): document ${item?.status} v${item?.version} waiting ${JSON.stringify(item?.waitingFor)} token ${Boolean(item?.taskToken)}; ` +
              `execution ${described.status}; last events ${JSON.stringify((history.events ?? []).map((event) => event.type))}`,
          );
        }
        store.destroy();
        const outbox = await t.call('GET', '/api/dev/outbox');
        lines.push(`outbox: ${JSON.stringify((outbox.body.messages as Array<{ kind: string; boardId?: string }>).map((m) => `${m.kind}:${m.boardId}`))}`);
        lines.push(`log of the restarted stack:\n${t.output().split('\n').filter((line) => !line.includes('curl')).join('\n')}`);
        return lines.join('\n');
      };
      try {
        await until('a notice per decision', async () => ((await notices()).length >= decisions.length ? true : undefined));
      } catch (error) {
        throw new Error(`${(error as Error).message}\n${await diagnose()}`);
      }
      for (const decision of decisions) {
        const expected = decision.body.decision === 'approve' ? 'approved' : 'returned';
        const execution = await until(`the workflow of ${decision.boardId} to settle`, async () => {
          const described = await sfn.send(new DescribeExecutionCommand({ executionArn: `arn:aws:states:eu-north-1:000000000000:execution:Review:plan-2026-${decision.boardId}` }));
          if (expected === 'approved') return described.status === 'SUCCEEDED' ? described : undefined;
          const item = await (async () => {
            const store = documents(t);
            try {
              return await store.get(decision.boardId);
            } finally {
              store.destroy();
            }
          })();
          return described.status === 'RUNNING' && (item?.waitingFor as { step?: string })?.step === 'resubmission' ? described : undefined;
        });
        expect(execution.status).toBe(expected === 'approved' ? 'SUCCEEDED' : 'RUNNING');
      }
      sfn.destroy();
      // Once more a minute later: nothing is sent twice.
      const later = await t.call('GET', '/api/dev/clock');
      await t.call('POST', '/api/dev/clock', { body: { now: new Date(Date.parse(later.body.now) + 60_000).toISOString() } });
      const told = await notices();
      for (const decision of decisions) {
        const expected = decision.body.decision === 'approve' ? 'approved' : 'returned';
        expect(told.filter((message) => message.boardId === decision.boardId).map((message) => message.kind), decision.boardId).toEqual([expected]);
      }
    }

    // The kills hit decisions in flight (the point of the exercise), and a clean stop still leaves nothing behind.
    expect(report.unanswered).toBeGreaterThan(0);
    await stack!.stop();
    expect(dynamoDbLocalPids(dataDir)).toEqual([]);
    report.passed = true;
  });
});

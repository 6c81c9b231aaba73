import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildStack, until, type ChildAnswer, type ChildStack } from '../support/childStack';
import { TableSnapshots } from '../support/tableSnapshot';

/**
 * A workflow task token lets whoever holds it decide for the workflow; a JWT lets whoever holds it act as its user.
 * Neither may leave the system in a response or a log line. The stack runs as `npm start` does, in a child process,
 * logging everything it can (Powertools at DEBUG, the local services too, VITEST unset so nothing is silenced);
 * a plan goes through submit → return → resubmit → approve over HTTP; every task token that existed is read
 * from DynamoDB Local while its task waits, and searched for in every response, header and log line.
 */
const TOKEN_PATTERN = /LSFN1[A-Za-z0-9_-]{86}/g;
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const looksLikeToken = (text: string) => new RegExp(TOKEN_PATTERN.source).test(text);
const looksLikeJwt = (text: string) => new RegExp(JWT_PATTERN.source).test(text);
const plan = (kf1: number) => ({
  content: {
    targets: [
      { indicatorId: 'KF-ELEV-1', target: kf1 },
      { indicatorId: 'KF-ALD-1', target: 86 },
      { indicatorId: 'KF-PERS-1', target: 6.2 },
      { indicatorId: 'KF-EKON-1', target: 0.5 },
    ],
  },
});
// Not Bromma: `npm start` seeds its plan approved, for the units below it to plan against.
const doc = '/api/cycles/2026/boards/secrets-board/documents/plan';

describe('secrets never leave the system', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjul-secrets-'));
  let stack: ChildStack | undefined;
  let tables: TableSnapshots | undefined;

  afterAll(async () => {
    tables?.destroy();
    await stack?.crash();
  });

  it('keeps every task token and every JWT out of responses, headers and logs through submit, return, resubmit and approve', async () => {
    stack = await startChildStack({ dataDir, env: { POWERTOOLS_LOG_LEVEL: 'DEBUG' } });
    const s = stack;
    tables = new TableSnapshots(s.dynamoEndpoint, []);
    const appTable = 'arshjul-local';
    const sfnTable = 'arshjul-local-sfn';

    const answers: Array<{ what: string; answer: ChildAnswer }> = [];
    const call = async (what: string, method: string, path: string, options?: Parameters<ChildStack['call']>[2]) => {
      const answer = await s.call(method, path, options);
      answers.push({ what, answer });
      return answer;
    };

    const editor = await s.token({ sub: 'sara.secrets-board', role: 'editor', boards: ['secrets-board'], email: 'sara@secrets-board.example' });
    const reviewer = await s.token({ sub: 'rut.reviewer', role: 'reviewer', email: 'rut@stockholm.example' });
    const admin = await s.token({ sub: 'anna.admin', role: 'admin' });
    const jwts = [editor, reviewer, admin];
    // A board of the test's own: `npm start` files every demo board's 2026 plan (the lived demo).
    const board = { name: 'Hemlighetsnämnden', kind: 'district', contacts: ['kansli@secrets-board.example'] };
    expect((await s.call('PUT', '/api/boards/secrets-board', { token: admin, body: board })).status).toBe(201);

    // Every task token that ever existed: on the document while its task waits, and in pending workflow actions.
    const tokens = new Set<string>();
    const harvest = async () => {
      for (const item of await tables!.items(appTable)) {
        for (const token of JSON.stringify(item).match(TOKEN_PATTERN) ?? []) tokens.add(token);
      }
    };
    const waitingFor = (step: 'review' | 'resubmission') =>
      until(`the workflow to wait for ${step}`, async () => {
        const items = await tables!.items(appTable);
        for (const token of JSON.stringify(items).match(TOKEN_PATTERN) ?? []) tokens.add(token);
        const item = items.find((candidate) => candidate.PK === 'CYCLE#2026#BOARD#secrets-board' && candidate.SK === 'DOC#plan');
        const waiting = item?.waitingFor as { step?: string } | undefined;
        return item?.taskToken && waiting?.step === step ? (item.taskToken as string) : undefined;
      });

    expect((await call('save', 'PUT', doc, { token: editor, body: plan(84), headers: { 'if-match': '"0"' } })).status).toBe(200);
    expect((await call('submit', 'POST', `${doc}/submit`, { token: editor, headers: { 'idempotency-key': 'secrets-submit-1' } })).status).toBe(202);
    const reviewToken = await waitingFor('review');

    await call('read while in review', 'GET', doc, { token: reviewer });
    await call('queue', 'GET', '/api/review-queue', { token: reviewer });
    await call('history', 'GET', `${doc}/history`, { token: editor });
    await call('editor tries to decide', 'POST', `${doc}/decision`, { token: editor, body: { decision: 'approve' } });
    await call('return without comment', 'POST', `${doc}/decision`, { token: reviewer, body: { decision: 'return', comment: '' } });
    expect((await call('return', 'POST', `${doc}/decision`, { token: reviewer, body: { decision: 'return', comment: 'Höj målet för KF-ELEV-1.' }, headers: { 'idempotency-key': 'secrets-return-1' } })).status).toBe(200);
    await harvest();
    await call('return again (replay)', 'POST', `${doc}/decision`, { token: reviewer, body: { decision: 'return', comment: 'Höj målet för KF-ELEV-1.' }, headers: { 'idempotency-key': 'secrets-return-1' } });
    await call('decide when not in review', 'POST', `${doc}/decision`, { token: reviewer, body: { decision: 'approve' } });
    const resubmissionToken = await waitingFor('resubmission');

    const returned = await call('read returned', 'GET', doc, { token: editor });
    expect((await call('fix', 'PUT', doc, { token: editor, body: plan(88), headers: { 'if-match': returned.headers.etag! } })).status).toBe(200);
    await call('stale save', 'PUT', doc, { token: editor, body: plan(88), headers: { 'if-match': returned.headers.etag! } });
    expect((await call('resubmit', 'POST', `${doc}/submit`, { token: editor })).status).toBe(202);
    await harvest();
    const secondReviewToken = await waitingFor('review');

    expect((await call('approve', 'POST', `${doc}/decision`, { token: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } })).status).toBe(200);
    await harvest();
    const clock = await call('clock', 'GET', '/api/dev/clock');
    await call('move clock', 'POST', '/api/dev/clock', { body: { now: new Date(Date.parse(clock.body.now) + 60_000).toISOString() } });
    await until('the approval to be told', async () => {
      const outbox = await call('outbox', 'GET', '/api/dev/outbox');
      return outbox.body.messages.some((message: { kind: string; boardId?: string }) => message.kind === 'approved' && message.boardId === 'secrets-board') || undefined;
    });
    await harvest();
    for (const [what, path, token] of [
      ['document', doc, reviewer],
      ['history', `${doc}/history`, admin],
      ['status', '/api/cycles/2026/status', admin],
      ['export', '/api/cycles/2026/boards/secrets-board/export', admin],
      ['export csv', '/api/cycles/2026/boards/secrets-board/export.csv', admin],
      ['meters', '/api/public/cycles/2026/meters', undefined],
      ['openapi', '/api/openapi.json', undefined],
    ] as const) {
      await call(what, 'GET', path, { token });
    }

    // Three waits (review, resubmission, review again), each with its own token; all settled now.
    expect(new Set([reviewToken, resubmissionToken, secondReviewToken]).size).toBe(3);
    for (const token of [reviewToken, resubmissionToken, secondReviewToken]) expect(tokens).toContain(token);
    const finalDocument = (await tables.items(appTable)).find((item) => item.PK === 'CYCLE#2026#BOARD#secrets-board' && item.SK === 'DOC#plan')!;
    expect(finalDocument.status).toBe('approved');
    expect(finalDocument.taskToken).toBeUndefined();

    // The local Step Functions keeps hashes only, never a raw token.
    const sfnText = JSON.stringify(await tables.items(sfnTable));
    expect(sfnText.match(TOKEN_PATTERN) ?? []).toEqual([]);
    for (const token of tokens) expect(sfnText.includes(token)).toBe(false);

    await s.stop();
    const log = s.output();
    if (process.env.SECRETS_LOG) (await import('node:fs')).writeFileSync(process.env.SECRETS_LOG, log);
    const lines = log.split('\n');
    // The run did log: at DEBUG, with the local services, and the refusals above.
    expect(lines.length).toBeGreaterThan(30);
    expect(log).toContain('request refused');
    expect(log).toContain('task.submitted');

    for (const { what, answer } of answers) {
      const seen = [answer.text, ...Object.entries(answer.headers).map(([key, value]) => `${key}: ${value}`)].join('\n');
      expect(seen.match(TOKEN_PATTERN) ?? [], `${what}: a task token in the response`).toEqual([]);
      for (const token of tokens) expect(seen.includes(token), `${what}: a task token in the response`).toBe(false);
      expect(seen.match(JWT_PATTERN) ?? [], `${what}: a JWT in the response`).toEqual([]);
    }
    const tokenLines = lines.filter((line) => looksLikeToken(line) || [...tokens].some((token) => line.includes(token)));
    expect(tokenLines, 'log lines with a task token').toEqual([]);
    const jwtLines = lines.filter((line) => looksLikeJwt(line) || jwts.some((jwt) => line.includes(jwt) || line.includes(jwt.split('.')[2]!)));
    expect(jwtLines, 'log lines with a JWT or its signature').toEqual([]);
    console.log(`secrets: ${tokens.size} task tokens and ${jwts.length} JWTs searched for in ${answers.length} responses and ${lines.length} log lines`);
  });
});

import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localAwsConfig } from '../local/dynamodb';
import { localStateMachineArn } from '../local/synth';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const councilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En modern storstad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når målen',
          indicators: [
            { id: 'KF-1', name: 'Behöriga till gymnasiet', unit: '%', direction: 'higher', target: 90 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
          ],
        },
      ],
    },
  ],
};
const boards = ['bromma', 'farsta', 'kultur'];
const plan = (targetKf1: number, targetKf2 = 5.5) => ({
  content: {
    targets: [
      { indicatorId: 'KF-1', target: targetKf1 },
      { indicatorId: 'KF-2', target: targetKf2 },
    ],
    goals: [{ id: 'N1', title: 'Fler elever klarar skolan', areaGoalId: 'D1.1', activities: ['Läxhjälp'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Deltagare i läxhjälp', unit: 'st', direction: 'higher', target: 200 }],
    risks: [{ id: 'R1', title: 'Brist på lärare', probability: 3, consequence: 4 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekrytering', frequency: 'quarterly' }],
  },
});
const documentPath = (boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;

describe('plans through the local stack', () => {
  let t: TestStack;

  beforeAll(async () => {
    t = await startTestStack();
    for (const boardId of boards) {
      const answer = await t.api('PUT', `/api/boards/${boardId}`, {
        as: admin,
        body: { name: `Nämnd ${boardId}`, kind: boardId === 'kultur' ? 'specialist' : 'district', contacts: [`kansli@${boardId}.example`] },
      });
      expect(answer.status).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals })).status).toBe(200);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('goes from draft through return and resubmission to approval, and the history tells it in order', async () => {
    // Three boards save and submit; bromma's target for KF-1 is below the council's 90.
    for (const boardId of boards) {
      const saved = await t.api('PUT', documentPath(boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: plan(boardId === 'bromma' ? 85 : 92) });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.headers.get('etag')).toBe('"1"');
      const submitted = await t.api('POST', `${documentPath(boardId)}/submit`, { as: editorOf(boardId) });
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
      expect(submitted.body.status).toBe('in_review');
      if (boardId === 'bromma') {
        expect(submitted.body.findings).toEqual([
          expect.objectContaining({ code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-1', councilTarget: 90, boardTarget: 85 }),
        ]);
      } else {
        expect(submitted.body.findings).toEqual([]);
      }
    }
    await t.stack.runDueJobs();

    // The reviewer returns bromma's plan with a comment on the indicator.
    const returned = await t.api('POST', `${documentPath('bromma')}/decision`, {
      as: reviewer,
      body: { decision: 'return', comment: 'Målet är lägre än fullmäktiges.', indicatorComments: [{ indicatorId: 'KF-1', comment: 'Höj till minst 90.' }] },
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    expect(returned.body.status).toBe('returned');
    await t.stack.runDueJobs();

    // The board sees the comment, fixes the target and resubmits.
    const seen = await t.api('GET', documentPath('bromma'), { as: editorOf('bromma') });
    expect(seen.body.status).toBe('returned');
    expect(seen.body.comments.at(-1)).toMatchObject({ decision: 'return', comment: 'Målet är lägre än fullmäktiges.', indicatorComments: [{ indicatorId: 'KF-1' }] });
    expect(JSON.stringify(seen.body)).not.toMatch(/taskToken|token/i);
    const fixed = await t.api('PUT', documentPath('bromma'), { as: editorOf('bromma'), headers: { 'if-match': seen.headers.get('etag')! }, body: plan(91) });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    const resubmitted = await t.api('POST', `${documentPath('bromma')}/submit`, { as: editorOf('bromma') });
    expect(resubmitted.status).toBe(202);
    expect(resubmitted.body.findings).toEqual([]);
    await t.stack.runDueJobs();

    // A restart between the resubmission and the approval loses nothing.
    await t.restart();
    const afterRestart = await t.api('GET', documentPath('bromma'), { as: reviewer });
    expect(afterRestart.body.status).toBe('in_review');

    const approved = await t.api('POST', `${documentPath('bromma')}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Bra.' } });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    await t.stack.runDueJobs();

    const history = await t.api('GET', `${documentPath('bromma')}/history`, { as: editorOf('bromma') });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'returned', 'saved', 'resubmitted', 'approved']);
    expect(history.body.events.map((event: { from: string; to: string }) => `${event.from}>${event.to}`)).toEqual([
      'not_started>draft',
      'draft>in_review',
      'in_review>returned',
      'returned>returned',
      'returned>in_review',
      'in_review>approved',
    ]);
    expect(history.body.events[2]).toMatchObject({ actor: 'rut.reviewer', comment: 'Målet är lägre än fullmäktiges.' });

    // The workflow ran to its end, and the board was told twice: returned, then approved.
    const sfn = new SFNClient({ ...localAwsConfig, endpoint: t.stack.sfn.endpoint });
    const execution = await sfn.send(
      new DescribeExecutionCommand({ executionArn: `${localStateMachineArn('Review').replace(':stateMachine:', ':execution:')}:plan-${year}-bromma` }),
    );
    expect(execution.status).toBe('SUCCEEDED');
    const outbox = await t.api('GET', '/api/dev/outbox');
    const brommaMail = outbox.body.messages.filter((message: { boardId?: string }) => message.boardId === 'bromma');
    expect(brommaMail.map((message: { kind: string }) => message.kind)).toEqual(['returned', 'approved']);
    expect(brommaMail[0].to).toEqual(['kansli@bromma.example']);

    // Once a plan is approved, the council goals are fixed.
    const replace = await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals });
    expect(replace.status).toBe(409);
    expect(replace.body.detail).toContain('bromma');
  });

  it('lets exactly one of five concurrent saves with the same ETag win', async () => {
    const read = await t.api('GET', documentPath('farsta'), { as: editorOf('farsta') });
    expect(read.body.status).toBe('in_review');
    // farsta is in review; use kultur's fresh t1 report instead, which is editable.
    const path = `/api/cycles/${year}/boards/kultur/documents/t1`;
    const first = await t.api('GET', path, { as: editorOf('kultur') });
    expect(first.headers.get('etag')).toBe('"0"');
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        t.api('PUT', path, { as: editorOf('kultur'), headers: { 'if-match': '"0"' }, body: { content: { indicators: [], goals: [], analysis: `utkast ${n}` } } }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 412, 412, 412, 412]);
    for (const lost of answers.filter((answer) => answer.status === 412)) {
      expect(lost.headers.get('content-type')).toContain('application/problem+json');
    }
    const history = await t.api('GET', `${path}/history`, { as: editorOf('kultur') });
    expect(history.body.events).toHaveLength(1);
  });

  it('answers a retried submit or decision with the first answer and records nothing twice', async () => {
    const path = documentPath('farsta');
    const key = { 'idempotency-key': 'decision-farsta-1' };
    const first = await t.api('POST', `${path}/decision`, { as: reviewer, headers: key, body: { decision: 'return', comment: 'Komplettera riskanalysen.' } });
    const again = await t.api('POST', `${path}/decision`, { as: reviewer, headers: key, body: { decision: 'return', comment: 'Komplettera riskanalysen.' } });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    await t.stack.runDueJobs();

    const submitKey = { 'idempotency-key': 'submit-farsta-2' };
    const resubmit = await t.api('POST', `${path}/submit`, { as: editorOf('farsta'), headers: submitKey });
    const retry = await t.api('POST', `${path}/submit`, { as: editorOf('farsta'), headers: submitKey });
    expect(resubmit.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(resubmit.body);
    const history = await t.api('GET', `${path}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'returned', 'resubmitted']);

    // The same caller reusing a key for a different request is told so, and nothing is decided.
    const reused = await t.api('POST', `${path}/decision`, { as: reviewer, headers: key, body: { decision: 'approve' } });
    expect(reused.status).toBe(422);
    expect((await t.api('GET', path, { as: reviewer })).body.status).toBe('in_review');
  });

  it('refuses what the contract refuses, with problem+json, and changes nothing', async () => {
    const path = `/api/cycles/${year}/boards/bromma/documents/t2`;
    const noIfMatch = await t.api('PUT', path, { as: editorOf('bromma'), body: { content: { indicators: [] } } });
    expect(noIfMatch.status).toBe(428);
    const stale = await t.api('PUT', path, { as: editorOf('bromma'), headers: { 'if-match': '"7"' }, body: { content: { indicators: [] } } });
    expect(stale.status).toBe(412);
    const broken = await t.api('PUT', path, { as: editorOf('bromma'), headers: { 'if-match': '"0"' }, rawBody: '{"content": ' });
    expect(broken.status).toBe(400);
    const otherBoard = await t.api('PUT', path, { as: editorOf('farsta'), headers: { 'if-match': '"0"' }, body: { content: { indicators: [] } } });
    expect(otherBoard.status).toBe(403);
    const reviewerSaves = await t.api('PUT', path, { as: reviewer, headers: { 'if-match': '"0"' }, body: { content: { indicators: [] } } });
    expect(reviewerSaves.status).toBe(403);
    const anonymous = await t.api('GET', path);
    expect(anonymous.status).toBe(401);
    for (const answer of [noIfMatch, stale, broken, otherBoard, reviewerSaves, anonymous]) {
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.detail).toEqual(expect.any(String));
    }
    expect((await t.api('GET', path, { as: reviewer })).body.version).toBe(0);

    // An incomplete plan names every missing item.
    await t.api('PUT', '/api/boards/skarpnack', { as: admin, body: { name: 'Skarpnäck', kind: 'district', contacts: ['k@skarpnack.example'] } });
    const incomplete = documentPath('skarpnack');
    await t.api('PUT', incomplete, {
      as: editorOf('skarpnack'),
      headers: { 'if-match': '"0"' },
      body: { content: { targets: [], risks: [{ id: 'R1', title: 'Risk', probability: 5, consequence: 2 }], controls: [{ id: 'C1', riskId: 'R9', description: 'x', frequency: 'yearly' }] } },
    });
    const refused = await t.api('POST', `${incomplete}/submit`, { as: editorOf('skarpnack') });
    expect(refused.status).toBe(422);
    const paths = refused.body.errors.map((error: { path: string }) => error.path).join(' ');
    expect(refused.body.errors.length).toBeGreaterThanOrEqual(4);
    expect(paths).toMatch(/targets/);
    expect(paths).toMatch(/risks\.0\.probability/);
    expect(paths).toMatch(/controls\.0\.riskId/);
    expect((await t.api('GET', incomplete, { as: reviewer })).body.status).toBe('draft');

    // Decisions only on documents in review; a return needs a comment.
    const notInReview = await t.api('POST', `${incomplete}/decision`, { as: reviewer, body: { decision: 'approve' } });
    expect(notInReview.status).toBe(409);
    const noComment = await t.api('POST', `${documentPath('kultur')}/decision`, { as: reviewer, body: { decision: 'return', comment: '' } });
    expect(noComment.status).toBe(422);
    const editorDecides = await t.api('POST', `${documentPath('kultur')}/decision`, { as: editorOf('kultur'), body: { decision: 'approve' } });
    expect(editorDecides.status).toBe(403);
  });
});

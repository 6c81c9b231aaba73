import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, executive, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const boards = [
  { boardId: 'bromma', kind: 'district' },
  { boardId: 'farsta', kind: 'district' },
  { boardId: 'kultur', kind: 'specialist' },
  { boardId: 'sisab', kind: 'company' },
] as const;
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En hållbar stad',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'God ekonomi',
          indicators: [
            { id: 'KF-1', name: 'Nöjda brukare', unit: '%', direction: 'higher', target: 80 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
          ],
        },
      ],
    },
  ],
};
const plan = { content: { targets: [{ indicatorId: 'KF-1', target: 82 }, { indicatorId: 'KF-2', target: 5.8 }], goals: [{ id: 'N1', title: 'Nöjdare brukare', areaGoalId: 'D1.1' }] } };
const tertial = (forecast: number) => ({
  content: { indicators: [{ indicatorId: 'KF-1', outcome: forecast - 1, forecast }, { indicatorId: 'KF-2', forecast: 5.9 }], goals: [{ goalId: 'N1', assessment: 'partly' }] },
});
const annual = (outcome: number, internalControl: object | null = { assessment: 'sufficient' }) => ({
  content: {
    indicators: [{ indicatorId: 'KF-1', outcome }, { indicatorId: 'KF-2', outcome: 5.7 }],
    goals: [{ goalId: 'N1', assessment: 'fulfilled' }],
    ...(internalControl ? { internalControl } : {}),
    analysis: 'Året gick bra.',
  },
});
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;

describe('the year after the plans: reports, sign-off and the public meters', () => {
  let t: TestStack;

  async function save(boardId: string, kind: string, body: object) {
    const current = await t.api('GET', doc(boardId, kind), { as: editorOf(boardId) });
    const answer = await t.api('PUT', doc(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  }
  async function submit(boardId: string, kind: string) {
    return t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) });
  }
  async function approve(boardId: string, kind: string) {
    const answer = await t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    await t.stack.runDueJobs();
  }
  async function meters() {
    const answer = await t.api('GET', `/api/public/cycles/${year}/meters`);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  beforeAll(async () => {
    t = await startTestStack();
    for (const board of boards) {
      await t.api('PUT', `/api/boards/${board.boardId}`, { as: admin, body: { name: `Styrelse ${board.boardId}`, kind: board.kind, contacts: [`k@${board.boardId}.example`] } });
    }
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } });
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals })).status).toBe(200);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('refuses a report while the plan is not approved, saying why', async () => {
    await save('bromma', 't1', tertial(84));
    const early = await submit('bromma', 't1');
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/plan/);
    expect((await t.api('GET', doc('bromma', 't1'), { as: reviewer })).body.status).toBe('draft');
  });

  it('carries four boards from approved plans through T1, T2 and the annual report to the sign-off', async () => {
    for (const { boardId } of boards) {
      await save(boardId, 'plan', plan);
      expect((await submit(boardId, 'plan')).status).toBe(202);
      await t.stack.runDueJobs();
      await approve(boardId, 'plan');
    }

    // A tertial report without forecasts is refused with every missing forecast named.
    await save('farsta', 't1', { content: { indicators: [{ indicatorId: 'KF-1', outcome: 70 }] } });
    const noForecast = await submit('farsta', 't1');
    expect(noForecast.status).toBe(422);
    expect(noForecast.body.errors.map((error: { message: string }) => error.message).join(' ')).toMatch(/KF-1[\s\S]*KF-2|KF-2[\s\S]*KF-1/);

    for (const { boardId } of boards) {
      await save(boardId, 't1', tertial(83));
      expect((await submit(boardId, 't1')).status).toBe(202);
      await t.stack.runDueJobs();
      await approve(boardId, 't1');
    }

    // A draft value never reaches the public; approved ones do.
    await save('bromma', 't2', tertial(99));
    const afterT1 = await meters();
    const kf1 = afterT1.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-1');
    expect(kf1).toMatchObject({ name: 'Nöjda brukare', unit: '%', direction: 'higher', councilTarget: 80 });
    expect(kf1.boards.find((board: { boardId: string }) => board.boardId === 'bromma')).toMatchObject({ target: 82, forecast: 83, period: 't1' });
    expect(JSON.stringify(afterT1)).not.toContain('99');

    for (const { boardId } of boards) {
      await save(boardId, 't2', tertial(85));
      expect((await submit(boardId, 't2')).status).toBe(202);
      await t.stack.runDueJobs();
      await approve(boardId, 't2');
    }

    // The annual report needs an internal-control assessment, with a comment unless sufficient.
    await save('kultur', 'annual', annual(81, null));
    const noControl = await submit('kultur', 'annual');
    expect(noControl.status).toBe(422);
    expect(JSON.stringify(noControl.body.errors)).toMatch(/internalControl/);
    await save('kultur', 'annual', annual(81, { assessment: 'partly_sufficient' }));
    const noComment = await submit('kultur', 'annual');
    expect(noComment.status).toBe(422);
    expect(JSON.stringify(noComment.body.errors)).toMatch(/internalControl/);

    for (const { boardId } of boards) {
      await save(boardId, 'annual', annual(boardId === 'kultur' ? 78 : 86, boardId === 'kultur' ? { assessment: 'partly_sufficient', comment: 'Två kontroller sköts upp.' } : undefined));
      expect((await submit(boardId, 'annual')).status).toBe(202);
      await t.stack.runDueJobs();
      if (boardId !== 'sisab') await approve(boardId, 'annual');
    }

    // Sign-off is refused while a board's annual report is not approved, naming it.
    const verdicts = { comment: 'Året är avslutat.', companies: [{ boardId: 'sisab', withinPurpose: true }] };
    const early = await t.api('POST', `/api/cycles/${year}/signoff`, { as: executive, body: verdicts });
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain('sisab');
    expect((await t.api('POST', `/api/cycles/${year}/signoff`, { as: reviewer, body: verdicts })).status).toBe(403);

    await approve('sisab', 'annual');
    const missingVerdict = await t.api('POST', `/api/cycles/${year}/signoff`, { as: executive, body: { comment: 'x', companies: [] } });
    expect(missingVerdict.status).toBe(422);
    const notWithin = await t.api('POST', `/api/cycles/${year}/signoff`, { as: executive, body: { comment: 'x', companies: [{ boardId: 'sisab', withinPurpose: false }] } });
    expect(notWithin.status).toBe(422);

    const signed = await t.api('POST', `/api/cycles/${year}/signoff`, { as: executive, body: verdicts });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.state).toBe('signed_off');
    expect((await t.api('GET', `/api/cycles/${year}`, { as: editorOf('bromma') })).body).toMatchObject({
      state: 'signed_off',
      signoff: { companies: [{ boardId: 'sisab', withinPurpose: true }] },
    });

    // After the sign-off nothing can be edited.
    const late = await t.api('PUT', doc('farsta', 't2'), { as: editorOf('farsta'), headers: { 'if-match': '"99"' }, body: tertial(1) });
    expect([409, 412]).toContain(late.status);
    const current = await t.api('GET', doc('bromma', 't2'), { as: editorOf('bromma') });
    const edit = await t.api('PUT', doc('bromma', 't2'), { as: editorOf('bromma'), headers: { 'if-match': current.headers.get('etag')! }, body: tertial(1) });
    expect(edit.status).toBe(409);
    expect((await t.api('POST', `/api/cycles/${year}/signoff`, { as: executive, body: verdicts })).status).toBe(409);

    // The approved annual outcome is public, with its status against the target.
    const final = await meters();
    const bromma = final.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-1').boards.find((board: { boardId: string }) => board.boardId === 'bromma');
    expect(bromma).toMatchObject({ target: 82, outcome: 86, period: 'annual', status: 'met' });
    const csv = await t.api('GET', `/api/public/cycles/${year}/meters.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(String(csv.body).split('\r\n')[0]).toContain('indicatorId');
    expect(String(csv.body)).toContain('bromma');
    const series = await t.api('GET', '/api/public/indicators/KF-1');
    expect(series.status).toBe(200);
    expect(series.body.series).toEqual([expect.objectContaining({ year, councilTarget: 80 })]);
  });

  it('exports a board year as JSON and CSV, for the board and the office, not for other boards', async () => {
    const json = await t.api('GET', `/api/cycles/${year}/boards/bromma/export`, { as: editorOf('bromma') });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ year, board: { boardId: 'bromma' }, plan: { status: 'approved' }, reports: { annual: { status: 'approved' } } });
    const csv = await t.api('GET', `/api/cycles/${year}/boards/bromma/export.csv`, { as: reviewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect((await t.api('GET', `/api/cycles/${year}/boards/bromma/export`, { as: editorOf('farsta') })).status).toBe(403);
  });
});

describe('importing outcomes from Kolada', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
    await t.api('PUT', '/api/boards/bromma', { as: admin, body: { name: 'Bromma', kind: 'district', contacts: ['k@bromma.example'] } });
    await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } });
    await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('writes draft outcomes with their source and fetch date, and approves nothing', async () => {
    const body = {
      kind: 't1',
      source: 'Kolada (RKA)',
      fetchedAt: '2026-05-02T06:00:00Z',
      mapping: { indicators: [{ kpi: 'N00945', indicatorId: 'KF-1' }], boards: [{ ou: 'V15E018000101', boardId: 'bromma' }] },
      data: {
        values: [
          { kpi: 'N00945', ou: 'V15E018000101', period: 2026, values: [{ gender: 'T', value: 77.5 }, { gender: 'K', value: 80 }, { gender: 'M', value: 75 }] },
          { kpi: 'N99999', ou: 'V15E018000101', period: 2026, values: [{ gender: 'T', value: 1 }] },
        ],
      },
    };
    expect((await t.api('POST', `/api/cycles/${year}/imports/kolada`, { as: editorOf('bromma'), body })).status).toBe(403);
    const answer = await t.api('POST', `/api/cycles/${year}/imports/kolada`, { as: admin, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.applied).toEqual([expect.objectContaining({ boardId: 'bromma', indicators: ['KF-1'] })]);
    expect(answer.body.skipped).toEqual([expect.objectContaining({ reason: 'kpi_not_mapped', kpi: 'N99999' })]);
    const report = await t.api('GET', `/api/cycles/${year}/boards/bromma/documents/t1`, { as: editorOf('bromma') });
    expect(report.body.status).toBe('draft');
    expect(report.body.content.indicators).toEqual([
      expect.objectContaining({ indicatorId: 'KF-1', outcome: 77.5, source: expect.objectContaining({ name: 'Kolada (RKA)', fetchedAt: '2026-05-02T06:00:00Z' }) }),
    ]);
    const history = await t.api('GET', `/api/cycles/${year}/boards/bromma/documents/t1/history`, { as: editorOf('bromma') });
    expect(history.body.events).toEqual([expect.objectContaining({ action: 'outcomes_imported', actor: 'anna.admin', to: 'draft' })]);
  });
});

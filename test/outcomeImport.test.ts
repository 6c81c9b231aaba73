/**
 * Imports of outcomes on the local stack: a preview row by row, an apply that writes drafts through the save path
 * (version, history, status matrix), a report already approved that the apply leaves alone, bad input refused with a
 * problem that changes nothing, and the Kolada fetch refused locally (no internet) with a 503 saying what to do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2027;
const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' };
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'Skolan',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Behöriga lärare',
          indicators: [
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, koladaKpi: 'N15428' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
          ],
        },
      ],
    },
  ],
};
const plan = { targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }] };
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
const sheet = (...rows: string[]) => ['Nämnd;Indikator;Utfall', ...rows].join('\r\n');

let t: TestStack;

async function ok(answer: Promise<{ status: number; body: any; headers: Headers }>, ...expected: number[]) {
  const a = await answer;
  expect(expected, `${a.status}: ${JSON.stringify(a.body)}`).toContain(a.status);
  return a;
}

async function save(boardId: string, kind: string, content: object) {
  const current = await t.api('GET', doc(boardId, kind), { as: editorOf(boardId) });
  await ok(t.api('PUT', doc(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content } }), 200);
}

async function approve(boardId: string, kind: string, content: object) {
  await save(boardId, kind, content);
  await ok(t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) }), 202);
  await t.stack.runDueJobs();
  await ok(t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
  await t.stack.runDueJobs();
}

beforeAll(async () => {
  t = await startTestStack();
  for (const [boardId, name] of [['bromma', 'Bromma stadsdelsnämnd'], ['kista', 'Kista stadsdelsnämnd']]) {
    await ok(t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name, kind: 'district', contacts: [`kansli@${boardId}.example`] } }), 201);
  }
  await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
  await ok(t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals }), 200);
  await approve('bromma', 'plan', plan);
  await approve('kista', 'plan', plan);
  await save('bromma', 't1', { indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 88 }] });
  await approve('kista', 't1', { indicators: [{ indicatorId: 'KF-1', outcome: 70, forecast: 90 }, { indicatorId: 'KF-2', outcome: 6, forecast: 5 }] });
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe('importing outcomes over HTTP', () => {
  const body = { kind: 't1', format: 'csv', content: sheet('bromma;KF-1;87,5', 'Bromma stadsdelsnämnd;Sjukfrånvaro;5,2', 'Kista stadsdelsnämnd;KF-1;91', 'Skärholmen;KF-1;70') };

  it('previews row by row, then applies the drafts it showed; the approved report is refused and left as it was', async () => {
    const before = await t.api('GET', doc('bromma', 't1'), { as: admin });
    const preview = await ok(t.api('POST', `/api/cycles/${year}/imports/preview`, { as: admin, body }), 200);
    expect(preview.body.mapped.map((m: any) => [m.row, m.boardId, m.indicatorId, m.from, m.value, m.change])).toEqual([
      [2, 'bromma', 'KF-1', 80, 87.5, 'replaces'],
      [3, 'bromma', 'KF-2', null, 5.2, 'new'],
    ]);
    expect(preview.body.skipped.map((s: any) => [s.row, s.reason, s.status ?? null])).toEqual([
      [4, 'document_locked', 'approved'],
      [5, 'unknown_board', null],
    ]);
    expect(preview.body.documents).toEqual([{ boardId: 'bromma', boardName: 'Bromma stadsdelsnämnd', kind: 't1', status: 'draft', version: before.body.version, changes: 2 }]);
    // The preview changed nothing.
    expect((await t.api('GET', doc('bromma', 't1'), { as: admin })).body.version).toBe(before.body.version);

    // The apply names kista's approved report too: it is still refused, row by row, and left as it was.
    const documents = [...preview.body.documents.map((d: any) => ({ boardId: d.boardId, version: d.version })), { boardId: 'kista', version: 99 }];
    const applied = await ok(t.api('POST', `/api/cycles/${year}/imports/apply`, { as: admin, body: { ...body, documents }, headers: { 'idempotency-key': 'import-1' } }), 200);
    expect(applied.body.applied).toEqual([
      { boardId: 'bromma', version: before.body.version + 1, outcomes: [{ indicatorId: 'KF-1', from: 80, to: 87.5 }, { indicatorId: 'KF-2', from: null, to: 5.2 }] },
    ]);
    expect(applied.body.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ row: 4, reason: 'document_locked', status: 'approved' })]));

    const bromma = await t.api('GET', doc('bromma', 't1'), { as: editorOf('bromma') });
    expect(bromma.body.status).toBe('draft');
    expect(bromma.headers.get('etag')).toBe(`"${before.body.version + 1}"`);
    expect(bromma.body.content.indicators).toEqual([
      { indicatorId: 'KF-1', outcome: 87.5, forecast: 88, source: { name: 'CSV', fetchedAt: expect.any(String) } },
      { indicatorId: 'KF-2', outcome: 5.2, source: { name: 'CSV', fetchedAt: expect.any(String) } },
    ]);
    const history = await t.api('GET', `${doc('bromma', 't1')}/history`, { as: admin });
    expect(history.body.events.at(-1)).toMatchObject({ action: 'outcomes_imported', actor: 'anna.admin', comment: expect.stringContaining('KF-1 80 → 87.5') });
    const kista = await t.api('GET', doc('kista', 't1'), { as: admin });
    expect(kista.body.status).toBe('approved');
    expect(kista.body.content.indicators[0].outcome).toBe(70);

    // A retry with the same key answers the same and writes nothing more; a second apply of the old preview is refused.
    const retry = await ok(t.api('POST', `/api/cycles/${year}/imports/apply`, { as: admin, body: { ...body, documents }, headers: { 'idempotency-key': 'import-1' } }), 200);
    expect(retry.body).toEqual(applied.body);
    const stale = await ok(t.api('POST', `/api/cycles/${year}/imports/apply`, { as: admin, body: { ...body, content: sheet('bromma;KF-1;99'), documents } }), 200);
    expect(stale.body.notApplied).toEqual([{ boardId: 'bromma', reason: 'changed_since_preview', detail: expect.stringMatching(/preview again/) }]);
    expect((await t.api('GET', doc('bromma', 't1'), { as: admin })).body.content.indicators[0].outcome).toBe(87.5);
  });

  it('maps pasted Kolada v3 pages through the indicator’s koladaKpi and the unit the person chose', async () => {
    const pages = [
      { count: 1, values: [{ kpi: 'N15428', municipality: '0180', period: 2027, values: [{ gender: 'T', count: 1, status: '', value: 89 }] }], next_url: 'https://api.kolada.se/v3/data/kpi/N15428/municipality/0180/year/2027?page=2', previous_url: null },
      { count: 1, values: [{ kpi: 'N15428', ou: 'V15E018000101', period: 2027, values: [{ gender: 'T', count: 1, status: '', value: 95 }] }], next_url: null, previous_url: 'https://api.kolada.se/v3/data/kpi/N15428/municipality/0180/year/2027?page=1' },
    ];
    const answer = await ok(
      t.api('POST', `/api/cycles/${year}/imports/preview`, { as: admin, body: { kind: 't1', format: 'kolada', content: pages.map((p) => JSON.stringify(p)).join('\n'), units: [{ municipality: '0180', boardId: 'bromma' }] } }),
      200,
    );
    expect(answer.body.kolada).toEqual({ version: 'v3', pages: 2, missingNext: null, units: [{ municipality: '0180', boardId: 'bromma' }, { ou: 'V15E018000101', boardId: null }] });
    expect(answer.body.mapped.map((m: any) => [m.boardId, m.indicatorId, m.from, m.value, m.kpi])).toEqual([['bromma', 'KF-1', 87.5, 89, 'N15428']]);
    expect(answer.body.skipped).toEqual([expect.objectContaining({ row: 2, reason: 'unknown_board', board: 'V15E018000101' })]);
  });

  it.each([
    ['a body that is not JSON', { rawBody: '{ "kind": ' }, 400],
    ['a body that is not JSON at all (text/plain)', { rawBody: 'Nämnd;Indikator;Utfall', headers: { 'content-type': 'text/plain' } }, 415],
    ['a body over 256 KB', { body: { kind: 't1', format: 'csv', content: 'x'.repeat(300 * 1024) } }, 413],
    ['text that is not a sheet', { body: { kind: 't1', format: 'csv', content: 'hej hopp' } }, 422],
    ['a sheet sent as Kolada JSON', { body: { kind: 't1', format: 'kolada', content: sheet('bromma;KF-1;1') } }, 422],
    ['a file that is not an Excel workbook', { body: { kind: 't1', format: 'xlsx', content: Buffer.from('hej').toString('base64') } }, 422],
    ['a plan as the report', { body: { kind: 'plan', format: 'csv', content: sheet('bromma;KF-1;1') } }, 422],
  ] as Array<[string, { body?: Record<string, unknown>; rawBody?: string; headers?: Record<string, string> }, number]>)('refuses %s with a problem and changes nothing', async (_, request, status) => {
    const version = (await t.api('GET', doc('bromma', 't1'), { as: admin })).body.version;
    const answer = await t.api('POST', `/api/cycles/${year}/imports/apply`, { as: admin, ...request, ...(request.body ? { body: { ...request.body, documents: [{ boardId: 'bromma', version }] } } : {}) });
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.detail).toEqual(expect.any(String));
    expect((await t.api('GET', doc('bromma', 't1'), { as: admin })).body.version).toBe(version);
  });

  it('refuses an unknown year', async () => {
    const answer = await t.api('POST', '/api/cycles/2035/imports/preview', { as: admin, body });
    expect(answer.status).toBe(404);
  });

  it('is for the city office: an editor and a reviewer are refused', async () => {
    expect((await t.api('POST', `/api/cycles/${year}/imports/preview`, { as: editorOf('bromma'), body })).status).toBe(403);
    expect((await t.api('POST', `/api/cycles/${year}/imports/apply`, { as: reviewer, body: { ...body, documents: [] } })).status).toBe(403);
  });

  it('refuses a Kolada fetch locally, with a 503 saying to paste or upload instead', async () => {
    const answer = await t.api('POST', `/api/cycles/${year}/imports/kolada/fetch`, { as: admin, body: { municipalities: ['0180'] } });
    expect(answer.status).toBe(503);
    expect(answer.body.detail).toMatch(/Paste Kolada’s JSON or upload a file instead/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../support/csv';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from '../support/localStack';
import { closeRawAgent, rawRequest } from '../support/rawHttp';

/**
 * Text people type ends up in spreadsheets: the public meters CSV and a board's year export. A cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a CR is run as a formula by Excel and LibreOffice, so every such TEXT cell must be
 * neutralised with a leading `'`; numbers (negative ones included) stay numbers. The JSON API returns the text
 * exactly as typed: escaping is the renderer's job.
 */
const year = 2026;
const boardId = 'evil';
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };

const hostile = {
  boardName: '=HYPERLINK("http://evil.example","click")',
  councilIndicatorName: '@Budgetavvikelse',
  goalTitle: '+SUM(A1:A9)',
  activities: ['@cmd', '-2+3', '=1+1', "=cmd|' /C calc'!A0"],
  ownIndicatorName: '-2+3',
  ownIndicatorUnit: '=st',
  riskTitle: "=cmd|' /C calc'!A0",
  controlDescription: '@SUM(1+1)*cmd',
  controlFrequency: '+monthly',
  indicatorComment: '=1+1',
  goalComment: '-cmd',
  analysis: '\t=2+2\r\n@next line',
  internalControlComment: '\r=3+3',
};

const councilGoals = {
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
            { id: 'KF-2', name: hostile.councilIndicatorName, unit: '%', direction: 'lower', target: -2 },
          ],
        },
      ],
    },
  ],
};

const plan = {
  content: {
    targets: [
      { indicatorId: 'KF-1', target: 85 },
      { indicatorId: 'KF-2', target: -2.5 },
    ],
    goals: [{ id: 'N1', title: hostile.goalTitle, areaGoalId: 'D1.1', activities: hostile.activities }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: hostile.ownIndicatorName, unit: hostile.ownIndicatorUnit, direction: 'higher', target: -2 }],
    risks: [{ id: 'R1', title: hostile.riskTitle, probability: 2, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: hostile.controlDescription, frequency: hostile.controlFrequency }],
  },
};

const tertial = {
  content: {
    indicators: [
      { indicatorId: 'KF-1', outcome: 81, forecast: 83, comment: hostile.indicatorComment },
      { indicatorId: 'KF-2', outcome: -3.5, forecast: -2.75 },
      { indicatorId: 'N1-1', outcome: -1, forecast: 5 },
    ],
    goals: [{ goalId: 'N1', assessment: 'partly', comment: hostile.goalComment }],
    internalControl: { assessment: 'sufficient', comment: hostile.internalControlComment },
    analysis: hostile.analysis,
  },
};

const doc = (kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
const formulaStart = /^[=+\-@\t\r]/;
/** A number as the CSV writes it: `.` decimals in the meters CSV, `,` in the Swedish export. */
const numeric = (decimal: '.' | ',') => (decimal === '.' ? /^-?\d+(\.\d+)?(e[+-]?\d+)?$/ : /^-?\d+(,\d+)?(e[+-]?\d+)?$/);

/** Every cell that a spreadsheet would run as a formula: a formula start that is not a plain number. */
function dangerousCells(rows: string[][], decimal: '.' | ','): string[] {
  return rows.flat().filter((cell) => formulaStart.test(cell) && !numeric(decimal).test(cell));
}

describe('formula injection through the CSV downloads', () => {
  let t: TestStack;
  let metersCsv: { bom: boolean; rows: string[][] };
  let exportCsv: { bom: boolean; rows: string[][] };

  async function ok(answer: { status: number; body: unknown }, expected: number) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
  }
  async function saveSubmitApprove(kind: string, body: object) {
    const current = await t.api('GET', doc(kind), { as: editorOf(boardId) });
    await ok(await t.api('PUT', doc(kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body }), 200);
    await ok(await t.api('POST', `${doc(kind)}/submit`, { as: editorOf(boardId) }), 202);
    await t.stack.runDueJobs();
    await ok(await t.api('POST', `${doc(kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: '=GODKÄND()' } }), 200);
    await t.stack.runDueJobs();
  }

  beforeAll(async () => {
    t = await startTestStack();
    await ok(await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: hostile.boardName, kind: 'district', contacts: ['kansli@evil.example'] } }), 201);
    await ok(await t.api('PUT', '/api/boards/bromma', { as: admin, body: { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example'] } }), 201);
    await ok(await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
    await ok(await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: councilGoals }), 200);
    await saveSubmitApprove('plan', plan);
    await saveSubmitApprove('t1', tertial);

    const meters = await t.api('GET', `/api/public/cycles/${year}/meters.csv`);
    expect(meters.status).toBe(200);
    expect(meters.headers.get('content-type')).toContain('text/csv');
    metersCsv = parseCsv(meters.body as string, ',');
    // Read as bytes (fetch's text() would drop the BOM this checks for).
    const exported = await rawRequest(t.stack.url, {
      method: 'GET',
      path: `/api/cycles/${year}/boards/${boardId}/export.csv`,
      headers: { authorization: `Bearer ${await t.stack.issuer.issue(editorOf(boardId))}` },
    });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    exportCsv = parseCsv(exported.text, ';');
  });

  afterAll(async () => {
    closeRawAgent();
    await t?.stop();
  });

  it('neutralises the board name and the council indicator name in the public meters CSV, and keeps negative numbers numeric', () => {
    const [header, ...rows] = metersCsv.rows;
    const column = (name: string) => header!.indexOf(name);
    const evil = rows.filter((row) => row[column('boardId')] === boardId);
    expect(evil).toHaveLength(2);
    for (const row of evil) expect(row[column('boardName')]).toBe(`'${hostile.boardName}`);
    const kf2 = evil.find((row) => row[column('indicatorId')] === 'KF-2')!;
    expect(kf2[column('name')]).toBe(`'${hostile.councilIndicatorName}`);
    // Real negative numbers: the council's target, the board's target, its outcome and forecast.
    expect(kf2[column('councilTarget')]).toBe('-2');
    expect(kf2[column('target')]).toBe('-2.5');
    expect(kf2[column('outcome')]).toBe('-3.5');
    expect(kf2[column('forecast')]).toBe('-2.75');
    expect(dangerousCells(metersCsv.rows, '.')).toEqual([]);
  });

  it("neutralises every text the board typed in its year export (Swedish Excel: BOM, ';', decimal comma), and keeps negative numbers numeric", () => {
    expect(exportCsv.bom).toBe(true);
    const rows = exportCsv.rows.slice(1);
    const cell = (section: string, id: string | undefined, field: string, column: 'name' | 'value') => {
      const matches = rows.filter((row) => row[0] === section && (id === undefined || row[1] === id) && row[3] === field);
      expect(matches.length, `${section} ${id} ${field}`).toBeGreaterThan(0);
      return matches.map((row) => row[column === 'name' ? 2 : 4]);
    };
    expect(cell('board', boardId, 'year', 'name')).toEqual([`'${hostile.boardName}`]);
    expect(cell('plan.goals', 'N1', 'areaGoalId', 'name')).toEqual([`'${hostile.goalTitle}`]);
    expect(cell('plan.goals', 'N1', 'activity', 'value')).toEqual(hostile.activities.map((activity) => `'${activity}`));
    expect(cell('plan.ownIndicators', 'N1-1', 'unit', 'name')).toEqual([`'${hostile.ownIndicatorName}`]);
    expect(cell('plan.ownIndicators', 'N1-1', 'unit', 'value')).toEqual([`'${hostile.ownIndicatorUnit}`]);
    expect(cell('plan.risks', 'R1', 'probability', 'name')).toEqual([`'${hostile.riskTitle}`]);
    expect(cell('plan.controls', 'C1', 'frequency', 'name')).toEqual([`'${hostile.controlDescription}`]);
    expect(cell('plan.controls', 'C1', 'frequency', 'value')).toEqual([`'${hostile.controlFrequency}`]);
    expect(cell('t1.indicators', 'KF-1', 'comment', 'value')).toEqual([`'${hostile.indicatorComment}`]);
    expect(cell('t1.indicators', 'KF-2', 'outcome', 'name')).toEqual([`'${hostile.councilIndicatorName}`]);
    expect(cell('t1.goals', 'N1', 'comment', 'value')).toEqual([`'${hostile.goalComment}`]);
    expect(cell('t1.goals', 'N1', 'assessment', 'name')).toEqual([`'${hostile.goalTitle}`]);
    expect(cell('t1.analysis', undefined, 'analysis', 'value')).toEqual([`'${hostile.analysis}`]);
    expect(cell('t1.internalControl', undefined, 'comment', 'value')).toEqual([`'${hostile.internalControlComment}`]);

    // Real negative numbers, with decimal commas.
    expect(cell('plan.targets', 'KF-2', 'target', 'value')).toEqual(['-2,5']);
    expect(cell('plan.targets', 'KF-2', 'councilTarget', 'value')).toEqual(['-2']);
    expect(cell('plan.ownIndicators', 'N1-1', 'target', 'value')).toEqual(['-2']);
    expect(cell('t1.indicators', 'KF-2', 'outcome', 'value')).toEqual(['-3,5']);
    expect(cell('t1.indicators', 'KF-2', 'forecast', 'value')).toEqual(['-2,75']);
    expect(cell('t1.indicators', 'N1-1', 'outcome', 'value')).toEqual(['-1']);
    expect(dangerousCells(exportCsv.rows, ',')).toEqual([]);
  });

  it('returns the text unchanged in JSON: the board, the document, the export and the meters', async () => {
    const board = (await t.api('GET', '/api/boards', { as: admin })).body.boards.find((b: { boardId: string }) => b.boardId === boardId);
    expect(board.name).toBe(hostile.boardName);

    const document = (await t.api('GET', doc('plan'), { as: editorOf(boardId) })).body;
    expect(document.content).toMatchObject(plan.content);
    const report = (await t.api('GET', doc('t1'), { as: reviewer })).body;
    expect(report.content).toMatchObject(tertial.content);
    expect(report.comments.at(-1).comment).toBe('=GODKÄND()');

    const exported = (await t.api('GET', `/api/cycles/${year}/boards/${boardId}/export`, { as: admin })).body;
    expect(exported.board.name).toBe(hostile.boardName);
    expect(exported.plan.content).toMatchObject(plan.content);
    expect(exported.reports.t1.content.analysis).toBe(hostile.analysis);

    const meters = (await t.api('GET', `/api/public/cycles/${year}/meters`)).body;
    const kf2 = meters.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-2');
    expect(kf2.name).toBe(hostile.councilIndicatorName);
    expect(kf2.boards.find((b: { boardId: string }) => b.boardId === boardId)).toMatchObject({ name: hostile.boardName, target: -2.5, outcome: -3.5, forecast: -2.75 });
  });
});

import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExcelWorkbookReader } from '../../adapters/exceljs/excelWorkbookReader';
import { HttpKoladaSource, OfflineKoladaSource } from '../../adapters/kolada/httpKoladaSource';
import { admin, beforeEachCommit, completePlan, seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { testGoals } from '../../../test/support/testGoals';
import type { ReportContent } from '../../schemas/documents';
import type { OutcomeImportBody } from '../../schemas/imports';
import { applyOutcomeImport, fetchKoladaPages, previewOutcomeImport } from './outcomeImport';

let w: TestWorld;
const deps = () => ({ ...w.as(admin), workbooks: new ExcelWorkbookReader() });
const csv = (rows: string[]) => ({ kind: 't1' as const, format: 'csv' as const, content: ['board;indicator;value', ...rows].join('\r\n'), units: [] });

beforeEach(async () => {
  w = await testWorld({ clock: '2027-05-02T08:00:00.000Z' });
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved', content: completePlan }));
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'approved', content: { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 90 }] } }));
});

const report = async (boardId: string) => (await w.documents.get(YEAR, boardId, 't1'))?.document;

describe('previewOutcomeImport', () => {
  it('answers row by row what maps and what is skipped, and changes nothing', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 't1' }, { content: { indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 88 }], goals: [] } }));
    const plan = await previewOutcomeImport({ year: YEAR, body: csv(['bromma;KF-1;87,5', 'Kista nämnd;Andel behöriga lärare;91', 'kista;KF-2;5', 'okänd;KF-1;1', 'bromma;KF-2;ca 5']) }, deps());
    expect(plan.mapped.map((m) => [m.row, m.boardId, m.indicatorId, m.from, m.value, m.change])).toEqual([
      [2, 'bromma', 'KF-1', 80, 87.5, 'replaces'],
      [3, 'kista', 'KF-1', null, 91, 'new'],
    ]);
    expect(plan.skipped.map((s) => [s.row, s.reason])).toEqual([
      [4, 'no_target'],
      [5, 'unknown_board'],
      [6, 'not_a_number'],
    ]);
    expect(plan.documents).toEqual([
      { boardId: 'bromma', boardName: 'Bromma nämnd', kind: 't1', status: 'draft', version: 1, changes: 1 },
      { boardId: 'kista', boardName: 'Kista nämnd', kind: 't1', status: 'not_started', version: 0, changes: 1 },
    ]);
    expect(plan.counts).toEqual({ read: 5, mapped: 2, replaces: 1, unchanged: 0, skipped: 3 });
    expect((await report('bromma'))!.version).toBe(1);
    expect(await report('kista')).toBeUndefined();
  });

  it('reads an Excel workbook on the server', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Utfall');
    sheet.addRows([['Nämnd', 'Indikator', 'Utfall', 'År'], ['bromma', 'KF-2', 5.5, 2027], ['kista', 'KF-1', { formula: '90+1', result: 91 }, 2027]]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const plan = await previewOutcomeImport({ year: YEAR, body: { kind: 't1', format: 'xlsx', content, fileName: 'utfall.xlsx', units: [] } }, deps());
    expect(plan.mapped.map((m) => [m.boardId, m.indicatorId, m.value])).toEqual([
      ['bromma', 'KF-2', 5.5],
      ['kista', 'KF-1', 91],
    ]);
    expect(plan.source).toBe('Excel: utfall.xlsx');
  });

  it('maps Kolada pages through koladaKpi and the units the person chose, and lists every unit in the data', async () => {
    const goals = { ...testGoals, directionGoals: testGoals.directionGoals.map((d) => ({ ...d, areaGoals: d.areaGoals.map((a) => ({ ...a, indicators: a.indicators.map((i) => (i.id === 'KF-1' ? { ...i, koladaKpi: 'N15428' } : i)) })) })) };
    await w.cycles.replaceCouncilGoals(YEAR, { ...goals, version: 2, updatedAt: '2027-01-01T00:00:00.000Z', updatedBy: 'admin-1' }, 1, { at: '2027-01-01T00:00:00.000Z', actor: 'admin-1', role: 'admin', action: 'council_goals_replaced' });
    const pages = [1, 2, 3].map((n) => readFileSync(new URL(`../../adapters/kolada/recorded/data-page-${n}.json`, import.meta.url), 'utf8')).join('\n');
    const plan = await previewOutcomeImport({ year: YEAR, body: { kind: 't1', format: 'kolada', content: pages, units: [{ municipality: '0180', boardId: 'kista' }] } }, deps());
    expect(plan.kolada).toEqual({ version: 'v3', pages: 3, missingNext: null, units: [{ municipality: '0180', boardId: 'kista' }] });
    expect(plan.mapped.map((m) => [m.row, m.boardId, m.indicatorId, m.value, m.kpi])).toEqual([[1, 'kista', 'KF-1', 87.5, 'N15428']]);
    expect(plan.skipped.map((s) => [s.row, s.reason])).toEqual([
      [2, 'unknown_indicator'],
      [3, 'other_period'],
      [4, 'unknown_indicator'],
      [5, 'other_period'],
    ]);
  });

  it.each([
    ['a sheet without a value column', csv([]).content.replace('value', 'amount'), 'csv', /must name the columns board, indicator and value/],
    ['JSON sent as a sheet', '{"values":[]}', 'csv', /looks like JSON/],
    ['text sent as Kolada JSON', 'board;indicator;value', 'kolada', /not JSON/],
    ['a file that is not a workbook', Buffer.from('not a zip').toString('base64'), 'xlsx', /not a sheet that can be read/],
  ])('refuses %s with a 422 saying what to fix', async (_, content, format, detail) => {
    const error = await previewOutcomeImport({ year: YEAR, body: { kind: 't1', format: format as OutcomeImportBody['format'], content, units: [] } }, deps()).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, message: expect.stringMatching(detail) });
  });

  it('refuses an unknown year', async () => {
    await expect(previewOutcomeImport({ year: 2031, body: csv(['bromma;KF-1;1']) }, deps())).rejects.toMatchObject({ status: 404 });
  });
});

describe('applyOutcomeImport', () => {
  it('writes what the preview showed as drafts through the save path, and says what it did', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 't1' }, { content: { indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 88 }], goals: [] } }));
    const body = csv(['bromma;KF-1;87,5', 'bromma;KF-2;5', 'kista;KF-1;91']);
    const plan = await previewOutcomeImport({ year: YEAR, body }, deps());
    const result = await applyOutcomeImport({ year: YEAR, body: { ...body, documents: plan.documents } }, deps());
    expect(result.applied).toEqual([
      { boardId: 'bromma', version: 2, outcomes: [{ indicatorId: 'KF-1', from: 80, to: 87.5 }, { indicatorId: 'KF-2', from: null, to: 5 }] },
      { boardId: 'kista', version: 1, outcomes: [{ indicatorId: 'KF-1', from: null, to: 91 }] },
    ]);
    expect(result.counts.written).toBe(3);
    const bromma = (await report('bromma'))!;
    expect(bromma.status).toBe('draft');
    expect((bromma.content as ReportContent).indicators).toEqual([
      { indicatorId: 'KF-1', outcome: 87.5, forecast: 88, source: { name: 'CSV', fetchedAt: '2027-05-02T08:00:00.000Z' } },
      { indicatorId: 'KF-2', outcome: 5, source: { name: 'CSV', fetchedAt: '2027-05-02T08:00:00.000Z' } },
    ]);
    expect((await w.history.documentHistory({ year: YEAR, boardId: 'bromma', kind: 't1' })).at(-1)).toMatchObject({
      action: 'outcomes_imported',
      actor: 'admin-1',
      comment: '2 outcome(s) from CSV, 1 replaced: KF-1 80 → 87.5',
    });
    expect((await w.documents.statuses(YEAR)).find((s) => s.boardId === 'kista' && s.kind === 't1')).toMatchObject({ status: 'draft' });
  });

  it('never writes into a report in review or approved, nor one saved since the preview', async () => {
    const body = csv(['bromma;KF-1;87,5', 'kista;KF-1;91']);
    const plan = await previewOutcomeImport({ year: YEAR, body }, deps());
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 't1' }, { status: 'approved' }));
    const racing = { ...deps(), documents: beforeEachCommit(w.documents, async () => undefined) };
    const result = await applyOutcomeImport({ year: YEAR, body: { ...body, documents: plan.documents } }, racing);
    expect(result.applied.map((a) => a.boardId)).toEqual(['bromma']);
    expect(result.skipped).toEqual([expect.objectContaining({ row: 3, reason: 'document_locked', status: 'approved' })]);
    expect((await report('kista'))!.content).toEqual({ indicators: [], goals: [] });

    // bromma saved again after a preview: the apply leaves it alone and says so.
    const again = await previewOutcomeImport({ year: YEAR, body: csv(['bromma;KF-1;90']) }, deps());
    await w.documents.commit({ next: { ...(await report('bromma'))!, version: 2 }, previous: await report('bromma'), expectedVersion: 1, event: { at: '2027-05-02T09:00:00.000Z', actor: 'editor-bromma', role: 'editor', action: 'saved', from: 'draft', to: 'draft' } });
    const stale = await applyOutcomeImport({ year: YEAR, body: { ...csv(['bromma;KF-1;90']), documents: again.documents } }, deps());
    expect(stale.applied).toEqual([]);
    expect(stale.notApplied).toEqual([{ boardId: 'bromma', reason: 'changed_since_preview', detail: expect.stringContaining('preview again') }]);
    expect(((await report('bromma'))!.content as ReportContent).indicators[0]!.outcome).toBe(87.5);
  });

  it('writes nothing into a report the preview did not list', async () => {
    const result = await applyOutcomeImport({ year: YEAR, body: { ...csv(['bromma;KF-1;87,5']), documents: [] } }, deps());
    expect(result.notApplied).toEqual([{ boardId: 'bromma', reason: 'not_previewed', detail: expect.any(String) }]);
    expect(await report('bromma')).toBeUndefined();
  });
});

describe('fetchKoladaPages', () => {
  const recorded = [1, 2, 3].map((n) => readFileSync(new URL(`../../adapters/kolada/recorded/data-page-${n}.json`, import.meta.url), 'utf8'));

  it('refuses locally with a 503 saying to paste or upload instead', async () => {
    const error = await fetchKoladaPages({ year: YEAR, body: { kpis: ['N15428'], municipalities: ['0180'], ous: [] } }, { ...w.as(admin), kolada: new OfflineKoladaSource() }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, message: expect.stringMatching(/Paste Kolada’s JSON or upload a file instead/) });
  });

  it('answers every page as the content of a preview', async () => {
    const urls = ['https://api.kolada.se/v3/data/kpi/N15428/municipality/0180/year/2027?per_page=5000'];
    const next = JSON.parse(recorded[0]!) as Record<string, unknown>;
    const pages: Record<string, string> = { [urls[0]!]: JSON.stringify({ ...next, next_url: `${urls[0]}&page=2` }), [`${urls[0]}&page=2`]: JSON.stringify({ ...JSON.parse(recorded[2]!), previous_url: urls[0] }) };
    const fetch = (async (url: string) => new Response(pages[String(url)] ?? '{}', { status: pages[String(url)] ? 200 : 404 })) as unknown as typeof globalThis.fetch;
    const answer = await fetchKoladaPages({ year: YEAR, body: { kpis: ['N15428'], municipalities: ['0180'], ous: [] } }, { ...w.as(admin), kolada: new HttpKoladaSource({ fetch }) });
    expect(answer.pages).toBe(2);
    expect(answer.content.split('\n').map((line) => (JSON.parse(line) as { values: unknown[] }).values.length)).toEqual([2, 1]);
  });

  it('needs KPIs: the council indicators’ own, or named ones', async () => {
    await expect(fetchKoladaPages({ year: YEAR, body: { municipalities: ['0180'], ous: [] } }, { ...w.as(admin), kolada: new OfflineKoladaSource() })).rejects.toMatchObject({ status: 422 });
  });
});

import { describe, expect, it } from 'vitest';
import { testGoals } from '../../test/support/testGoals';
import type { CouncilGoals } from '../schemas/councilGoals';
import { planContentSchema, type ReportContent } from '../schemas/documents';
import { ValidationFailed } from './errors';
import {
  koladaCandidates,
  parseCsv,
  parseKoladaPages,
  parseOutcomeValue,
  parseReportKind,
  planOutcomeImport,
  resolveBoard,
  sheetCandidates,
  withImportedOutcomes,
  type BoardImportState,
  type ImportCandidate,
} from './outcomeImport';

const goals: CouncilGoals = {
  directionGoals: testGoals.directionGoals.map((d) => ({
    ...d,
    areaGoals: d.areaGoals.map((a) => ({ ...a, indicators: a.indicators.map((i) => (i.id === 'KF-1' ? { ...i, koladaKpi: 'N15428' } : i.id === 'KF-2' ? { ...i, koladaKpi: 'N00090' } : i)) })),
  })),
};
const boards = [
  { boardId: 'bromma', name: 'Bromma stadsdelsnämnd' },
  { boardId: 'kista', name: 'Kista stadsdelsnämnd' },
  { boardId: 'farsta', name: 'Farsta', archived: true },
  { boardId: 'tvilling-a', name: 'Tvilling' },
  { boardId: 'tvilling-b', name: 'Tvilling' },
];

describe('parseOutcomeValue', () => {
  it.each([
    [87.5, 87.5],
    ['87,5', 87.5],
    ['87.5', 87.5],
    ['1 234,5', 1234.5],
    ['1\u00a0234', 1234],
    [' -3 ', -3],
    ['\u22123', -3],
    ['87,5 %', 87.5],
    ['', 'missing'],
    [null, 'missing'],
    ['  ', 'missing'],
    ['n/a', 'not_a_number'],
    ['1.234,5', 'not_a_number'],
    ['12a', 'not_a_number'],
    [true, 'not_a_number'],
    [Number.NaN, 'not_a_number'],
  ] as const)('%j → %j', (cell, expected) => expect(parseOutcomeValue(cell)).toBe(expected));
});

describe('parseReportKind', () => {
  it.each([
    ['t1', 't1'],
    ['T1', 't1'],
    ['Tertial 2', 't2'],
    ['tertialrapport  1', 't1'],
    ['annual', 'annual'],
    ['Helår', 'annual'],
    ['verksamhetsberättelse', 'annual'],
    ['plan', undefined],
    [3, undefined],
  ] as const)('%j → %j', (cell, expected) => expect(parseReportKind(cell)).toBe(expected));
});

describe('resolveBoard: sheet board names or ids → boards', () => {
  it.each([
    ['bromma', { boardId: 'bromma' }],
    ['BROMMA', { boardId: 'bromma' }],
    ['Bromma stadsdelsnämnd', { boardId: 'bromma' }],
    ['  kista   STADSDELSNÄMND ', { boardId: 'kista' }],
    ['Tvilling', { problem: 'ambiguous' }],
    ['tvilling-b', { boardId: 'tvilling-b' }],
    ['farsta', { problem: 'archived' }],
    ['Skärholmen', { problem: 'unknown' }],
  ])('%j → %j', (text, expected) => expect(resolveBoard(text, boards)).toEqual(expected));
});

describe('parseCsv', () => {
  it.each([
    ['semicolons (Swedish Excel)', '\uFEFFboard;indicator;value\r\nbromma;KF-1;87,5\r\n', [['board', 'indicator', 'value'], ['bromma', 'KF-1', '87,5']]],
    ['commas, quoted fields', 'board,indicator,value\n"Bromma, nämnd","Andel ""behöriga""",87.5', [['board', 'indicator', 'value'], ['Bromma, nämnd', 'Andel "behöriga"', '87.5']]],
    ['tabs', 'board\tindicator\tvalue\nbromma\tKF-1\t1', [['board', 'indicator', 'value'], ['bromma', 'KF-1', '1']]],
    ['a line break inside quotes', 'a;b\n"x\ny";z\n', [['a', 'b'], ['x\ny', 'z']]],
  ])('%s', (_, text, rows) => expect(parseCsv(text)).toEqual(rows));

  it('refuses a quote that is never closed', () => expect(() => parseCsv('a;b\n"x;y')).toThrow(ValidationFailed));
});

describe('sheetCandidates', () => {
  it('reads the columns by their Swedish or English names, in any order, skipping empty rows', () => {
    expect(
      sheetCandidates([
        [],
        ['Utfall', 'Nämnd', 'Indikator', 'År', 'Rapport'],
        [87.5, 'bromma', 'KF-1', 2027, 'T1'],
        [null, null, null, null, null],
        ['6,1', 'Kista stadsdelsnämnd', 'Sjukfrånvaro'],
      ]),
    ).toEqual([
      { row: 3, board: 'bromma', indicator: 'KF-1', value: 87.5, period: 2027, kind: 'T1' },
      { row: 5, board: 'Kista stadsdelsnämnd', indicator: 'Sjukfrånvaro', value: '6,1', period: null, kind: null },
    ]);
  });

  it.each([
    ['no value column', [['board', 'indicator', 'amount']], ['the sheet has no column value']],
    ['no columns at all', [['a', 'b']], ['the sheet has no column board', 'the sheet has no column indicator', 'the sheet has no column value']],
    ['a column named twice', [['board', 'nämnd', 'indicator', 'value']], ['the column board is named twice']],
    ['an empty sheet', [[], [null]], ['the sheet has no rows']],
  ])('refuses %s, naming it', (_, cells, messages) => {
    try {
      sheetCandidates(cells);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).errors!.map((e) => e.message.replace(/ \(.*$/, '').replace(/ \(columns.*$/, ''))).toEqual(messages.map((m) => expect.stringContaining(m)));
    }
  });
});

const page1 = {
  count: 3,
  values: [
    { kpi: 'N15428', municipality: '0180', period: 2027, values: [{ gender: 'T', count: 1, status: '', value: 87.5 }, { gender: 'K', count: 1, status: '', value: 90 }, { gender: 'M', count: 1, status: '', value: 85 }] },
    { kpi: 'N15428', ou: 'V15E018000101', period: 2027, values: [{ gender: 'T', count: 1, status: '', value: 91.2 }] },
    { kpi: 'N99999', municipality: '0180', period: 2027, values: [{ gender: 'T', value: 1 }] },
  ],
  next_url: 'https://api.kolada.se/v3/data/kpi/N15428/municipality/0180/year/2027?page=2&per_page=3',
  previous_url: null,
};
const page2 = {
  count: 2,
  values: [
    { kpi: 'N00090', municipality: '0180', period: 2027, values: [{ gender: 'T', count: 0, status: 'Missing', value: null }] },
    { kpi: 'N00090', ou: 'V15E018000101', period: 2026, values: [{ gender: 'T', value: 5 }] },
  ],
  next_url: null,
  previous_url: 'https://api.kolada.se/v3/data/kpi/N15428/municipality/0180/year/2027?page=1&per_page=3',
};
const v2page = { count: 1, values: [{ kpi: 'N15428', municipality: '0180', period: '2027', values: [{ gender: 'T', value: 80 }] }], next_page: 'http://api.kolada.se/v2/data/…?page=2' };

describe('parseKoladaPages: v2 and v3, one page or several', () => {
  it.each([
    ['one v3 page', JSON.stringify(page1), 1, 'v3', page1.next_url],
    ['v3 pages as a JSON array', JSON.stringify([page1, page2]), 2, 'v3', null],
    ['v3 pages one below the other', `${JSON.stringify(page1, null, 2)}\n\n${JSON.stringify(page2)}`, 2, 'v3', null],
    ['v3 pages separated by a comma', `${JSON.stringify(page1)},\n${JSON.stringify(page2)}`, 2, 'v3', null],
    ['a v2 page, period as text', JSON.stringify(v2page), 1, 'v2', v2page.next_page],
    ['a page without links', JSON.stringify({ values: page2.values }), 1, null, null],
  ])('%s', (_, text, pages, version, missingNext) => {
    expect(parseKoladaPages(text)).toMatchObject({ pages: expect.any(Array), version, missingNext });
    expect(parseKoladaPages(text).pages).toHaveLength(pages);
  });

  it.each([
    ['not JSON', 'board;indicator;value', 'not JSON'],
    ['half a page', JSON.stringify(page1).slice(0, 40), 'not JSON'],
    ['JSON that is not Kolada data', JSON.stringify({ values: [{ id: 'N15428', title: 'Behöriga lärare' }] }), 'values.0.kpi'],
    ['a list of something else', JSON.stringify([1, 2]), 'content.page 1'],
  ])('refuses %s', (_, text, where) => {
    try {
      parseKoladaPages(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(JSON.stringify((error as ValidationFailed).errors)).toContain(where);
    }
  });
});

describe('koladaCandidates: municipality/unit and KPI → board and the indicator whose koladaKpi matches', () => {
  const { pages } = parseKoladaPages(JSON.stringify([page1, page2]));
  const result = koladaCandidates(pages, { year: 2027, goals, units: [{ municipality: '0180', boardId: 'kista' }, { ou: 'V15E018000101', boardId: 'bromma' }] });

  it('maps the KPIs with a council indicator and the units with a board, keeping the split by gender', () => {
    expect(result.candidates.map((c) => [c.row, c.boardId, c.indicatorId, c.value, c.period])).toEqual([
      [1, 'kista', 'KF-1', 87.5, 2027],
      [2, 'bromma', 'KF-1', 91.2, 2027],
      [5, 'bromma', 'KF-2', 5, 2026],
    ]);
    expect(result.candidates[0]!.source).toEqual({ kpi: 'N15428', unit: '0180', byGender: { T: 87.5, K: 90, M: 85 } });
  });

  it.each([
    [3, 'unknown_indicator', /no council indicator has the Kolada KPI N99999/],
    [4, 'not_a_number', /no total/],
  ])('skips entry %i as %s', (row, reason, detail) => {
    expect(result.skipped.find((s) => s.row === row)).toMatchObject({ reason, detail: expect.stringMatching(detail) });
  });

  it('lists every unit in the data, for the person to map', () => expect(result.units).toEqual([{ municipality: '0180' }, { ou: 'V15E018000101' }]));

  it.each([
    ['a unit nobody mapped', { units: [] }, 'unknown_board', /choose the board/],
    [
      'a KPI two indicators share',
      { units: [{ municipality: '0180', boardId: 'kista' }], goals: { directionGoals: [{ ...goals.directionGoals[0]!, areaGoals: [{ ...goals.directionGoals[0]!.areaGoals[0]!, indicators: goals.directionGoals[0]!.areaGoals[0]!.indicators.map((i) => ({ ...i, koladaKpi: 'N15428' })) }] }] } },
      'unknown_indicator',
      /share the Kolada KPI/,
    ],
  ])('skips %s', (_, patch, reason, detail) => {
    const r = koladaCandidates(pages, { year: 2027, goals, ...patch } as Parameters<typeof koladaCandidates>[1]);
    expect(r.skipped[0]).toMatchObject({ row: 1, reason, detail: expect.stringMatching(detail) });
  });
});

const report = (indicators: ReportContent['indicators'] = [], status: BoardImportState['report']['status'] = 'draft', version = 3): BoardImportState['report'] => ({
  status,
  version,
  content: { indicators, goals: [] },
});
const plan = planContentSchema.parse({
  targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }],
  ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10 }],
});
const states = new Map<string, BoardImportState>([
  ['bromma', { report: report([{ indicatorId: 'KF-1', outcome: 80, forecast: 85 }]), plan }],
  ['kista', { report: report([], 'in_review'), plan }],
  ['tvilling-a', { report: report([], 'not_started', 0), plan: planContentSchema.parse({ targets: [{ indicatorId: 'KF-2', target: 5 }] }) }],
]);
const context = { year: 2027, kind: 't1' as const, goals, boards, states };
const row = (patch: Partial<ImportCandidate>, n = 2): ImportCandidate => ({ row: n, board: 'bromma', indicator: 'KF-1', value: '87,5', ...patch });

describe('planOutcomeImport: one row at a time', () => {
  it.each([
    ['a board by id, an indicator by id, replacing a value', row({}), { mapped: { boardId: 'bromma', indicatorId: 'KF-1', value: 87.5, from: 80, change: 'replaces' } }],
    ['a board by name, an indicator by name, a new value', row({ board: 'bromma stadsdelsnämnd', indicator: 'sjukfrånvaro', value: 6 }), { mapped: { indicatorId: 'KF-2', from: null, change: 'new' } }],
    ['the same value again', row({ value: 80 }), { mapped: { change: 'same', from: 80 } }],
    ["the board's own indicator", row({ indicator: 'Nyanställda lärare', value: '12' }), { mapped: { indicatorId: 'N1-1', value: 12 } }],
    ['the year and kind of the import', row({ period: '2027', kind: 'T1' }), { mapped: { value: 87.5 } }],
    ['an unknown board', row({ board: 'Skärholmen' }), { skipped: 'unknown_board' }],
    ['a board whose name is not unique', row({ board: 'Tvilling' }), { skipped: 'unknown_board' }],
    ['no board', row({ board: '' }), { skipped: 'unknown_board' }],
    ['an unknown indicator', row({ indicator: 'KF-99' }), { skipped: 'unknown_indicator' }],
    ['a value that is not a number', row({ value: 'ca 80' }), { skipped: 'not_a_number' }],
    ['no value', row({ value: null }), { skipped: 'not_a_number' }],
    ['another year', row({ period: 2026 }), { skipped: 'other_period' }],
    ['another report', row({ kind: 't2' }), { skipped: 'other_kind' }],
    ['not a report kind', row({ kind: 'plan' }), { skipped: 'other_kind' }],
    ['a report in review', row({ board: 'kista' }), { skipped: 'document_locked', status: 'in_review' }],
    ['an indicator without a target in the plan', row({ board: 'tvilling-a' }), { skipped: 'no_target' }],
  ])('%s', (_, candidate, expected) => {
    const result = planOutcomeImport([candidate], context);
    if ('mapped' in expected) {
      expect(result.skipped).toEqual([]);
      expect(result.mapped).toEqual([expect.objectContaining(expected.mapped)]);
    } else {
      expect(result.mapped).toEqual([]);
      const status = 'status' in expected ? { status: expected.status } : {};
      expect(result.skipped).toEqual([expect.objectContaining({ row: 2, reason: expected.skipped, ...status })]);
    }
  });

  it('keeps the first of two rows for the same board and indicator, and names it in the duplicate', () => {
    const result = planOutcomeImport([row({}, 2), row({ board: 'Bromma stadsdelsnämnd', value: 99 }, 3)], context);
    expect(result.mapped.map((m) => m.row)).toEqual([2]);
    expect(result.skipped).toEqual([expect.objectContaining({ row: 3, reason: 'duplicate', detail: expect.stringContaining('row 2') })]);
  });

  it('lists each report written into, at the version read, with its count of changes', () => {
    const result = planOutcomeImport([row({}, 2), row({ indicator: 'KF-2', value: 5 }, 3), row({ indicator: 'N1-1', value: 1 }, 4)], context);
    expect(result.documents).toEqual([{ boardId: 'bromma', boardName: 'Bromma stadsdelsnämnd', kind: 't1', status: 'draft', version: 3, changes: 3 }]);
  });
});

describe('withImportedOutcomes', () => {
  it('writes the values with their source and keeps forecasts and comments', () => {
    const { mapped } = planOutcomeImport([row({}), row({ indicator: 'KF-2', value: 5 }, 3), row({ board: 'tvilling-a', indicator: 'KF-2' }, 4)], context);
    const content = withImportedOutcomes({ indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 85, comment: 'Bra' }], goals: [] }, 'bromma', mapped, {
      name: 'Excel: utfall.xlsx',
      fetchedAt: '2027-05-02T08:00:00.000Z',
    });
    expect(content.indicators).toEqual([
      { indicatorId: 'KF-1', outcome: 87.5, forecast: 85, comment: 'Bra', source: { name: 'Excel: utfall.xlsx', fetchedAt: '2027-05-02T08:00:00.000Z' } },
      { indicatorId: 'KF-2', outcome: 5, source: { name: 'Excel: utfall.xlsx', fetchedAt: '2027-05-02T08:00:00.000Z' } },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { budgetSheetCells, parseBudgetNumber, previewBudgetSheet, resolveBudgetBoard, UnreadableBudgetSheet, type BudgetSheetBoard } from './budgetSheet';

const boards: BudgetSheetBoard[] = [
  { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
  { boardId: 'kultur', name: 'Kulturnämnden', kind: 'specialist' },
  { boardId: 'bostad', name: 'Stockholmshem AB', kind: 'company' },
  { boardId: 'bromma-fritid', name: 'Fritid Bromma', kind: 'unit' },
  { boardId: 'gammal', name: 'Gamla nämnden', kind: 'specialist', archived: true },
  { boardId: 'twin-a', name: 'Tvilling', kind: 'specialist' },
  { boardId: 'twin-b', name: 'tvilling ', kind: 'specialist' },
];

describe('parseBudgetNumber', () => {
  it.each([
    [1250000, 1250000],
    ['1250000', 1250000],
    ['1 250 000', 1250000],
    ['1\u00a0250\u00a0000', 1250000],
    ['1\u202f250\u202f000', 1250000],
    ['1 250 000,5', 1250000.5],
    ['1250000.5', 1250000.5],
    ['4,5 %', 4.5],
    ['4,5%', 4.5],
    ['−3,5', -3.5],
    ['-3', -3],
    ['12 500 tkr', 12500],
    ['0', 0],
    ['', 'missing'],
    ['   ', 'missing'],
    [null, 'missing'],
    [undefined, 'missing'],
    ['1.250,5', 'not_a_number'],
    ['1,250,000', 'not_a_number'],
    ['tolv', 'not_a_number'],
    ['12a', 'not_a_number'],
    [true, 'not_a_number'],
    [Number.NaN, 'not_a_number'],
  ] as const)('%j → %j', (cell, expected) => {
    expect(parseBudgetNumber(cell)).toBe(expected);
  });
});

describe('budgetSheetCells', () => {
  it.each([
    ['tabs (a paste from Excel)', 'bromma\t1 250 000\nkultur\t300 000', [['bromma', '1 250 000'], ['kultur', '300 000']]],
    ['semicolons with decimal commas', 'bromma;1250000,5\r\nkultur;300000', [['bromma', '1250000,5'], ['kultur', '300000']]],
    ['commas with decimal points', 'bromma,1250000.5\nkultur,3', [['bromma', '1250000.5'], ['kultur', '3']]],
    ['a byte order mark and quotes', '\uFEFF"Bromma; stadsdel";"1 250 000"\n', [['Bromma; stadsdel', '1 250 000']]],
    ['doubled quotes inside quotes', '"Nämnd ""A""";5', [['Nämnd "A"', '5']]],
    ['tabs win over semicolons in a cell', 'A;B\t12', [['A;B', '12']]],
  ])('%s', (_what, text, expected) => {
    expect(budgetSheetCells(text)).toEqual(expected);
  });

  it('refuses a quote never closed', () => {
    expect(() => budgetSheetCells('"bromma;12')).toThrow(UnreadableBudgetSheet);
  });
});

describe('resolveBudgetBoard', () => {
  it.each([
    ['bromma', { boardId: 'bromma' }],
    ['BROMMA', { boardId: 'bromma' }],
    ['  Bromma   stadsdelsnämnd ', { boardId: 'bromma' }],
    ['kulturnämnden', { boardId: 'kultur' }],
    ['Okänd nämnd', { problem: 'unknown_board' }],
    ['Tvilling', { problem: 'ambiguous_board' }],
    ['Gamla nämnden', { problem: 'archived_board' }],
  ])('%s → %j', (text, expected) => {
    expect(resolveBudgetBoard(text, boards)).toEqual(expected);
  });
});

describe('previewBudgetSheet', () => {
  const preview = (text: string, stored = [] as Array<{ boardId: string; netCost: number; returnRequirement?: number }>) => previewBudgetSheet(budgetSheetCells(text), { boards, stored });

  it('reads board, net cost and return requirement without a header, each against the stored budget', () => {
    const result = preview('bromma\t1 250 000\nKulturnämnden\t300 000,5\nStockholmshem AB\t0\t4,5', [
      { boardId: 'bromma', netCost: 1_250_000 },
      { boardId: 'bostad', netCost: 0, returnRequirement: 4 },
    ]);
    expect(result.header).toBe(false);
    expect(result.problems).toEqual([]);
    expect(result.lines).toEqual([
      { row: 1, board: 'bromma', boardId: 'bromma', netCost: 1_250_000, change: 'same', before: { netCost: 1_250_000 } },
      { row: 2, board: 'Kulturnämnden', boardId: 'kultur', netCost: 300_000.5, change: 'new' },
      { row: 3, board: 'Stockholmshem AB', boardId: 'bostad', netCost: 0, returnRequirement: 4.5, change: 'changed', before: { netCost: 0, returnRequirement: 4 } },
    ]);
    expect(result.counts).toEqual({ lines: 3, new: 1, changed: 1, same: 1, problems: 0 });
  });

  it('finds the columns by a header row in Swedish or English, the id column before the name', () => {
    const sv = preview('Avkastningskrav;Namn;Nettokostnad (tkr);Id\n;Bromma stadsdelsnämnd;10;bromma\n3;Stockholmshem AB;20;bostad');
    expect(sv.header).toBe(true);
    expect(sv.lines.map((l) => [l.row, l.boardId, l.netCost, l.returnRequirement])).toEqual([
      [2, 'bromma', 10, undefined],
      [3, 'bostad', 20, 3],
    ]);
    const en = preview('Board,Net cost\nbromma,10');
    expect(en.header).toBe(true);
    expect(en.lines.map((l) => l.boardId)).toEqual(['bromma']);
  });

  it.each([
    ['an unknown board', 'Okänd nämnd;10', { reason: 'unknown_board', column: 'board' }],
    ['a name two boards share', 'Tvilling;10', { reason: 'ambiguous_board', column: 'board' }],
    ['an archived board', 'gammal;10', { reason: 'archived_board', column: 'board' }],
    ['no board', ';10', { reason: 'unknown_board', column: 'board' }],
    ['no net cost', 'bromma;', { reason: 'missing_net_cost', column: 'netCost' }],
    ['a net cost that is not a number', 'bromma;tolv', { reason: 'not_a_number', column: 'netCost', value: 'tolv' }],
    ['an ambiguous separator', 'bromma\t1.250,5', { reason: 'not_a_number', column: 'netCost', value: '1.250,5' }],
    ['a negative net cost', 'bromma;-5', { reason: 'negative', column: 'netCost', value: '-5' }],
    ['a return that is not a number', 'bostad;5;hög', { reason: 'not_a_number', column: 'returnRequirement', value: 'hög' }],
    ['a return out of range', 'bostad;5;2000', { reason: 'return_out_of_range', column: 'returnRequirement', value: '2000' }],
    ['a return for a specialist board', 'kultur;5;3', { reason: 'return_not_company', column: 'returnRequirement', value: '3' }],
    ['a return for a district board', 'bromma;5;3', { reason: 'return_not_company', column: 'returnRequirement', value: '3' }],
  ])('gives no line for %s, and says why', (_what, text, problem) => {
    const result = preview(text);
    expect(result.lines).toEqual([]);
    expect(result.problems).toEqual([{ row: 1, board: text.split(';')[0]!.split('\t')[0], ...problem }]);
  });

  it('keeps the first row of a board given twice, and names it in the later one', () => {
    const result = preview('bromma;10\n\nBromma stadsdelsnämnd;20');
    expect(result.lines.map((l) => [l.row, l.netCost])).toEqual([[1, 10]]);
    expect(result.problems).toEqual([{ row: 3, board: 'Bromma stadsdelsnämnd', reason: 'duplicate', column: 'board', value: '1' }]);
    expect(result.read).toBe(2);
  });

  it("keeps a company's stored return requirement when the sheet has no return column, and clears it when the column is blank", () => {
    const stored = [{ boardId: 'bostad', netCost: 5, returnRequirement: 4 }];
    expect(preview('bostad;5', stored).lines[0]).toMatchObject({ returnRequirement: 4, change: 'same' });
    const blank = preview('bostad;5;\nbromma;1;', stored);
    expect(blank.lines[0]).toMatchObject({ change: 'same', returnRequirement: 4 });
    const cleared = preview('Nämnd;Nettokostnad;Avkastningskrav\nbostad;5;', stored);
    expect(cleared.lines[0]).toMatchObject({ change: 'changed' });
    expect(cleared.lines[0]!.returnRequirement).toBeUndefined();
  });

  it('takes a return requirement for a unit (a subsidiary below a company)', () => {
    expect(preview('bromma-fritid;5;2,5').lines[0]).toMatchObject({ boardId: 'bromma-fritid', returnRequirement: 2.5 });
  });

  it('reads numbers as Excel gives them', () => {
    const result = previewBudgetSheet(
      [
        ['Nämnd', 'Budget', 'Avkastningskrav'],
        ['bromma', 1250000.25, null],
        ['bostad', 0, 4.5],
      ],
      { boards },
    );
    expect(result.lines.map((l) => [l.boardId, l.netCost, l.returnRequirement])).toEqual([
      ['bromma', 1250000.25, undefined],
      ['bostad', 0, 4.5],
    ]);
  });

  it('refuses a sheet with no rows', () => {
    expect(() => previewBudgetSheet([[''], [null, '  ']], { boards })).toThrow(UnreadableBudgetSheet);
  });
});

import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { ExcelWorkbookReader } from '../../adapters/exceljs/excelWorkbookReader';
import { admin, storedBoard, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { previewBudget } from './budgetPreview';

let w: TestWorld;
const deps = () => ({ ...w.as(admin), workbooks: new ExcelWorkbookReader() });

beforeEach(async () => {
  w = await testWorld({ clock: '2027-01-10T08:00:00.000Z' });
  await w.boards.save(storedBoard('bolaget', { name: 'Bolaget AB', kind: 'company', version: 0 }), 0);
  await w.cycles.replaceSetting(YEAR, 'budget', { unit: 'tkr', boards: [{ boardId: 'bromma', netCost: 1000 }], version: 1, updatedAt: '2027-01-02T00:00:00.000Z', updatedBy: 'admin-1' }, 0, {
    at: '2027-01-02T00:00:00.000Z',
    actor: 'admin-1',
    role: 'admin',
    action: 'budget_replaced',
    details: { budget: { version: 1, boards: 1, netCost: 1000 } },
  });
});

describe('previewBudget', () => {
  it('reads a CSV sheet against the stored budget, and saves nothing', async () => {
    const content = 'Nämnd;Nettokostnad;Avkastningskrav\r\nBromma nämnd;1 100,5;\r\nkista;2000;\r\nBolaget AB;0;4,5\r\nOkänd;5;\r\nkista;7;\r\n';
    const preview = await previewBudget({ year: YEAR, body: { format: 'csv', content, fileName: 'budget.csv' } }, deps());
    expect(preview).toMatchObject({ year: YEAR, version: 1, source: 'CSV: budget.csv', header: true, read: 5 });
    expect(preview.lines.map((l) => [l.row, l.boardId, l.netCost, l.returnRequirement, l.change])).toEqual([
      [2, 'bromma', 1100.5, undefined, 'changed'],
      [3, 'kista', 2000, undefined, 'new'],
      [4, 'bolaget', 0, 4.5, 'new'],
    ]);
    expect(preview.lines[0]!.before).toEqual({ netCost: 1000 });
    expect(preview.problems).toEqual([
      { row: 5, board: 'Okänd', reason: 'unknown_board', column: 'board' },
      { row: 6, board: 'kista', reason: 'duplicate', column: 'board', value: '3' },
    ]);
    expect((await w.cycles.getSetting(YEAR, 'budget'))!.boards).toEqual([{ boardId: 'bromma', netCost: 1000 }]);
  });

  it('reads an Excel workbook on the server, formulas by their result', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Budget').addRows([
      ['Id', 'Budget (tkr)'],
      ['bromma', 1000],
      ['kista', { formula: '1000*2', result: 2000 }],
    ]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const preview = await previewBudget({ year: YEAR, body: { format: 'xlsx', content, fileName: 'budget.xlsx' } }, deps());
    expect(preview.source).toBe('Excel: budget.xlsx');
    expect(preview.lines.map((l) => [l.boardId, l.netCost, l.change])).toEqual([
      ['bromma', 1000, 'same'],
      ['kista', 2000, 'new'],
    ]);
  });

  it.each([
    ['a file that is not a workbook', 'xlsx' as const, Buffer.from('not a zip').toString('base64'), /not a sheet that can be read/, 'not an Excel workbook'],
    ['an empty sheet', 'csv' as const, ';\r\n;\r\n', /The sheet is empty/, 'the sheet has no rows'],
    ['a quote never closed', 'csv' as const, '"bromma;5', /never closed/, 'an unclosed quote'],
  ])('refuses %s with a 422 that says what to do', async (_what, format, content, detail, message) => {
    const refused = previewBudget({ year: YEAR, body: { format, content } }, deps());
    await expect(refused).rejects.toMatchObject({ status: 422, message: expect.stringMatching(detail), errors: [{ path: 'content', message }] });
  });

  it('says when the year does not exist', async () => {
    await expect(previewBudget({ year: 2031, body: { format: 'csv', content: 'bromma;5' } }, deps())).rejects.toMatchObject({ status: 404 });
  });
});

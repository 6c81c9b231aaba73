import type ExcelJS from 'exceljs';
import type { SheetCell } from '../../domain/outcomeImport';
import { UnreadableWorkbook, type WorkbookReader } from '../../ports/workbookReader';

/** A cell's value as the sheet shows it: formulas by their result, rich text as its text, dates as ISO dates. */
function cellValue(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('');
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * Excel workbooks through exceljs, on the server only (the web app sends the file as it is). exceljs (about 1.5 MB)
 * is imported when a workbook is first read: a function built from the same composition root that never reads one
 * (every other handler) bundles none of it.
 */
export class ExcelWorkbookReader implements WorkbookReader {
  async firstSheet(bytes: Uint8Array): Promise<SheetCell[][]> {
    const { default: Excel } = await import('exceljs');
    const workbook = new Excel.Workbook();
    try {
      await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    } catch (error) {
      throw new UnreadableWorkbook(`the file is not an Excel workbook (.xlsx) that can be opened: ${(error as Error).message}`);
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new UnreadableWorkbook('the workbook has no worksheet');
    const rows: SheetCell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: SheetCell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellValue(row.getCell(c).value));
      rows[number - 1] = cells;
    });
    return Array.from(rows, (row) => row ?? []);
  }
}

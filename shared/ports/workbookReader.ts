import type { SheetCell } from '../domain/outcomeImport';

/** The file is not a workbook this reader can open (not .xlsx, damaged, or protected). */
export class UnreadableWorkbook extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UnreadableWorkbook';
  }
}

/** Reads an uploaded Excel workbook (.xlsx): the cells of its first worksheet, row by row (values, not formulas). */
export interface WorkbookReader {
  firstSheet(bytes: Uint8Array): Promise<SheetCell[][]>;
}

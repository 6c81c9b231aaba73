/**
 * CSV for spreadsheets (RFC 4180): fields separated by the delimiter, records ended by CRLF (the last one too), a
 * field quoted with `"` when it holds the delimiter, a quote, CR or LF, and quotes inside doubled.
 *
 * Formula injection: a spreadsheet runs a text cell that starts with `=`, `+`, `-` or `@` (and, in some, with a tab
 * or CR before one of those) as a formula. Board names, comments and analyses are typed by people and published, so
 * every TEXT cell starting with one of those characters gets a leading `'`, which Excel and LibreOffice show as text.
 * Numbers are written as numbers: a negative number (`-2`) is data, not a formula, and stays numeric.
 *
 * Swedish Excel opens a file by double-click correctly when it starts with a UTF-8 BOM, uses `;` between fields and a
 * decimal comma: `excelSwedish` is that profile.
 */
export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Between fields; default `,`. */
  delimiter?: ',' | ';';
  /** Start with a UTF-8 byte order mark (U+FEFF), so Excel reads å, ä, ö right; default false. */
  bom?: boolean;
  /** Decimal separator for numbers; default `.`. Use `,` with `;` for Swedish Excel. */
  decimal?: '.' | ',';
}

/** The profile Swedish Excel opens without an import dialog: BOM, `;` and decimal comma. */
export const excelSwedish: Readonly<Required<CsvOptions>> = { delimiter: ';', bom: true, decimal: ',' };

const BOM = '\uFEFF';
const formulaStart = /^[=+\-@\t\r]/;

/** A text cell that a spreadsheet would run as a formula, made inert with a leading `'`. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** One cell as CSV text: neutralised (text only), formatted (numbers), quoted when needed. */
export function csvField(cell: CsvCell, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  let text: string;
  if (cell === null || cell === undefined) text = '';
  else if (typeof cell === 'number') text = Number.isFinite(cell) ? formatNumber(cell, options.decimal ?? '.') : '';
  else if (typeof cell === 'boolean') text = cell ? 'true' : 'false';
  else text = neutraliseFormula(cell);
  const needsQuotes = text.includes(delimiter) || text.includes('"') || text.includes('\r') || text.includes('\n');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function formatNumber(n: number, decimal: '.' | ','): string {
  const text = String(n);
  return decimal === ',' ? text.replace('.', ',') : text;
}

/**
 * A whole CSV file: the header row, then one record per row. Every row must have the header's number of cells
 * (RFC 4180); a row that does not is a bug in the caller and throws a RangeError.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const line = (cells: readonly CsvCell[]) => cells.map((c) => csvField(c, options)).join(delimiter) + '\r\n';
  let out = options.bom ? BOM : '';
  out += line(header);
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new RangeError(`CSV row ${i} has ${row.length} cells but the header has ${header.length}`);
    }
    out += line(row);
  });
  return out;
}

/**
 * Delimited text (RFC 4180 quoting) as rows of cells, the reading side of toCsv. A quote opens a quoted field at its
 * start (`quoteAfterSpace`: also after spaces, as pasted cells may have); `unclosedQuote` says the text ended inside one.
 */
export function splitDelimited(source: string, delimiter: string, options: { quoteAfterSpace?: boolean } = {}): { rows: string[][]; unclosedQuote: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && (options.quoteAfterSpace ? field.trim() === '' : field === '')) {
      quoted = true;
      field = '';
    } else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return { rows, unclosedQuote: quoted };
}

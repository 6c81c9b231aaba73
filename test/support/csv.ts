/**
 * A strict RFC 4180 reader for tests: records end with CRLF, a field is quoted with `"` when it holds the
 * delimiter, a quote, CR or LF, and quotes inside are doubled. Throws on anything else, so a malformed CSV fails
 * the test that reads it. A leading UTF-8 BOM is reported, not kept in the first cell.
 */
export function parseCsv(text: string, delimiter: ',' | ';' = ','): { bom: boolean; rows: string[][] } {
  const bom = text.startsWith('\uFEFF');
  const input = bom ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < input.length) {
    let cell = '';
    if (input[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= input.length) throw new Error('CSV: unterminated quoted field');
        if (input[i] === '"') {
          if (input[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += input[i];
        i += 1;
      }
    } else {
      while (i < input.length && input[i] !== delimiter && input[i] !== '\r' && input[i] !== '\n') {
        if (input[i] === '"') throw new Error(`CSV: quote inside an unquoted field at ${i}`);
        cell += input[i];
        i += 1;
      }
    }
    row.push(cell);
    if (input[i] === delimiter) {
      i += 1;
      continue;
    }
    if (input.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
      continue;
    }
    throw new Error(`CSV: expected a delimiter or CRLF at ${i}, found ${JSON.stringify(input.slice(i, i + 10))}`);
  }
  if (row.length) throw new Error('CSV: the last record does not end with CRLF');
  return { bom, rows };
}

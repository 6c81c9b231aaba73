import { describe, expect, it } from 'vitest';
import { csvField, excelSwedish, neutraliseFormula, toCsv, type CsvCell, type CsvOptions } from './csv';

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klicka")', `"'=HYPERLINK(""http://evil.example"",""klicka"")"`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=1+2', "'=1+2"],
    ['-', "'-"],
    ['a=1', 'a=1'],
    ['Bromma - väst', 'Bromma - väst'],
    [' =1', ' =1'],
  ])('text %j is written as %j', (cell, expected) => expect(csvField(cell)).toBe(expected));

  it.each([
    [-2, '-2'],
    [-0.5, '-0.5'],
    [0, '0'],
    [-0, '0'],
    [87.5, '87.5'],
    [1e21, '1e+21'],
  ])('the number %d stays a number: %j', (cell, expected) => expect(csvField(cell)).toBe(expected));

  it('neutralises only strings', () => {
    expect(neutraliseFormula('=A1')).toBe("'=A1");
    expect(neutraliseFormula('A1')).toBe('A1');
  });
});

describe('fields', () => {
  it.each<[CsvCell, CsvOptions, string]>([
    ['plain', {}, 'plain'],
    ['a,b', {}, '"a,b"'],
    ['a,b', { delimiter: ';' }, 'a,b'],
    ['a;b', { delimiter: ';' }, '"a;b"'],
    ['a;b', {}, 'a;b'],
    ['säger "hej"', {}, '"säger ""hej"""'],
    ['rad 1\nrad 2', {}, '"rad 1\nrad 2"'],
    ['rad 1\r\nrad 2', {}, '"rad 1\r\nrad 2"'],
    ['Årsta, Älvsjö & Östermalm', {}, '"Årsta, Älvsjö & Östermalm"'],
    ['Årsta', {}, 'Årsta'],
    [null, {}, ''],
    [undefined, {}, ''],
    ['', {}, ''],
    [true, {}, 'true'],
    [false, {}, 'false'],
    [Number.NaN, {}, ''],
    [Number.POSITIVE_INFINITY, {}, ''],
    [87.5, { decimal: ',', delimiter: ';' }, '87,5'],
    [87.5, { decimal: ',' }, '"87,5"'],
    [-1.25, excelSwedish, '-1,25'],
    ['87.5', excelSwedish, '87.5'],
  ])('%j with %j is %j', (cell, options, expected) => expect(csvField(cell, options)).toBe(expected));
});

describe('toCsv', () => {
  it('writes a header and records, each ended by CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [null, 'y, z']])).toBe('a,b\r\n1,x\r\n,"y, z"\r\n');
  });

  it('writes only the header when there are no rows', () => expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n'));

  it('starts with a BOM when asked, for Excel', () => {
    const csv = toCsv(['nämnd'], [['Östermalm']], { bom: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('nämnd\r\nÖstermalm\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes the Swedish Excel profile', () => {
    expect(toCsv(['namn', 'utfall'], [['Skärholmen', 87.5], ['=evil()', -2]], excelSwedish)).toBe(
      "\uFEFFnamn;utfall\r\nSkärholmen;87,5\r\n'=evil();-2\r\n",
    );
  });

  it('neutralises header cells too', () => expect(toCsv(['=x'], [])).toBe("'=x\r\n"));

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(RangeError);
  });

  it('round-trips through a minimal RFC 4180 reader', () => {
    const rows: CsvCell[][] = [['a "quoted", text', 'line\nbreak'], ['å ä ö', 3]];
    expect(parse(toCsv(['x', 'y'], rows))).toEqual([['x', 'y'], ['a "quoted", text', 'line\nbreak'], ['å ä ö', '3']]);
  });
});

/** A small RFC 4180 reader for the round trip: quoted fields, doubled quotes, CRLF records. */
function parse(csv: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\r' && csv[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += c;
  }
  return records;
}

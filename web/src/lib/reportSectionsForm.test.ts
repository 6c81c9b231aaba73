import { describe, expect, it } from 'vitest';
import type { ReportSection } from '../../../shared/schemas/economy';
import { checkRows, fieldIdForServerPath, fieldOf, rowsOf, sectionOf, type Row } from './reportSectionsForm';

const stored: ReportSection[] = [
  { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['t2', 'annual'], required: true, boardKinds: ['district', 'specialist'] },
  { id: 'agenda2030', title: 'Agenda 2030', help: 'Hur nämnden bidrar.', kinds: ['annual'], required: false },
];

describe('the sections form', () => {
  it('gives the stored sections back as they were, in order', () => {
    expect(rowsOf(stored).map(sectionOf)).toEqual(stored);
  });

  it('leaves out an empty help text and an empty list of board kinds (every kind), and keeps the city’s order of kinds', () => {
    const [row] = rowsOf([{ id: 'x', title: 'X', kinds: ['annual'], required: false }]);
    expect(sectionOf({ ...row!, help: '  ', kinds: ['annual', 't1'], boardKinds: ['unit', 'district'] })).toEqual({ id: 'x', title: 'X', kinds: ['t1', 'annual'], required: false, boardKinds: ['district', 'unit'] });
  });

  it.each([
    ['no id', { id: ' ' }, 'id', 'reportSections.error.idMissing'],
    ['a malformed id', { id: 'agenda 2030' }, 'id', 'reportSections.error.idPattern'],
    ['an id used above', { id: 'jamstalldhet' }, 'id', 'reportSections.error.idTwice'],
    ['no title', { title: '' }, 'title', 'reportSections.error.titleMissing'],
    ['a title too long', { title: 'x'.repeat(201) }, 'title', 'reportSections.error.tooLong'],
    ['a help text too long', { help: 'x'.repeat(2001) }, 'help', 'reportSections.error.tooLong'],
    ['no report', { kinds: [] }, 'kinds', 'reportSections.error.kinds'],
  ])('names %s at the field of its section', (_what, change, field, key) => {
    const rows = rowsOf(stored);
    const edited: Row[] = [rows[0]!, { ...rows[1]!, ...change } as Row];
    expect(checkRows(edited)).toEqual([expect.objectContaining({ fieldId: fieldOf(rows[1]!.key, field), atField: expect.objectContaining({ key }) })]);
  });

  it("maps the server's paths to the fields of the sections sent", () => {
    const rows = rowsOf(stored);
    expect(fieldIdForServerPath('sections.1.title', rows)).toBe(fieldOf(rows[1]!.key, 'title'));
    expect(fieldIdForServerPath('sections.0.boardKinds.1', rows)).toBe(fieldOf(rows[0]!.key, 'boardKinds'));
    expect(fieldIdForServerPath('sections.0', rows)).toBe(fieldOf(rows[0]!.key, 'id'));
    expect(fieldIdForServerPath('sections.5.id', rows)).toBe('rs-list');
  });
});

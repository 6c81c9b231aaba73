import { describe, expect, it } from 'vitest';
import type { Budget } from '../../../shared/schemas/economy';
import { checkValues, fieldIdForServerPath, rowsOf, valuesOf } from './budgetForm';
import { directoryFrom } from './levels';
import type { Board } from './types';

const board = (boardId: string, name: string, kind: Board['kind'], more: Partial<Board> = {}): Board => ({ boardId, name, kind, contacts: [`${boardId}@example.org`], parentId: null, ...more });
const directory = directoryFrom([
  board('stockholmshem', 'AB Stockholmshem', 'company'),
  board('kultur', 'Kulturnämnden', 'specialist'),
  board('bromma', 'Bromma stadsdelsnämnd', 'district'),
  board('bromma-skola', 'Alviksskolan', 'unit', { parentId: 'bromma' }),
  board('hem-dotter', 'Dotterbolaget AB', 'unit', { parentId: 'stockholmshem' }),
  board('gammal', 'Gamla nämnden', 'specialist', { archived: true }),
  board('arkiv', 'Arkivnämnden', 'specialist', { archived: true }),
]);
const budget = (boards: Budget['boards']): Budget => ({ year: 2027, unit: 'tkr', version: 1, boards });

describe('rowsOf', () => {
  it('lists district boards, specialist boards and companies, each with its units below it, archived ones only with a budget', () => {
    const rows = rowsOf(directory, budget([{ boardId: 'arkiv', netCost: 5 }]));
    expect(rows.map((r) => [r.board.boardId, r.depth, r.takesReturn])).toEqual([
      ['bromma', 0, false],
      ['bromma-skola', 1, false],
      ['arkiv', 0, false],
      ['kultur', 0, false],
      ['stockholmshem', 0, true],
      ['hem-dotter', 1, true],
    ]);
  });
});

describe('checkValues', () => {
  const rows = rowsOf(directory, budget([]));
  const check = (values: Record<string, { netCost: string; returnRequirement?: string }>) =>
    checkValues(Object.fromEntries(Object.entries(values).map(([id, v]) => [id, { returnRequirement: '', ...v }])), rows);

  it('reads Swedish and English numbers into the body; an empty net cost is no line', () => {
    const { body, problems } = check({ bromma: { netCost: '1 250 000,5' }, kultur: { netCost: '300000.25' }, stockholmshem: { netCost: '0', returnRequirement: '4,5 %' }, 'bromma-skola': { netCost: '  ' } });
    expect(problems).toEqual([]);
    expect(body).toEqual({
      unit: 'tkr',
      boards: [
        { boardId: 'bromma', netCost: 1_250_000.5 },
        { boardId: 'kultur', netCost: 300_000.25 },
        { boardId: 'stockholmshem', netCost: 0, returnRequirement: 4.5 },
      ],
    });
  });

  it.each([
    ['a net cost that is not a number', { bromma: { netCost: 'tolv' } }, 'budget-bromma-netCost', 'budget.error.number'],
    ['a negative net cost', { bromma: { netCost: '−5' } }, 'budget-bromma-netCost', 'budget.error.negative'],
    ['a return requirement out of range', { stockholmshem: { netCost: '1', returnRequirement: '2000' } }, 'budget-stockholmshem-returnRequirement', 'budget.error.returnRange'],
    ['a return requirement without a net cost', { stockholmshem: { netCost: '', returnRequirement: '3' } }, 'budget-stockholmshem-netCost', 'budget.error.returnWithoutNetCost'],
  ])('names %s at its field, and leaves the line out', (_what, values, fieldId, key) => {
    const { body, problems } = check(values);
    expect(body.boards).toEqual([]);
    expect(problems).toEqual([expect.objectContaining({ fieldId, atField: expect.objectContaining({ key }) })]);
  });

  it('ignores a return requirement typed for a board that cannot have one', () => {
    expect(check({ kultur: { netCost: '5', returnRequirement: '3' } }).body.boards).toEqual([{ boardId: 'kultur', netCost: 5 }]);
  });

  it('gives the stored figures back as they were', () => {
    const lines = [{ boardId: 'bromma', netCost: 1_250_000.5 }, { boardId: 'stockholmshem', netCost: 0, returnRequirement: 4.5 }];
    expect(checkValues(valuesOf(lines), rows).body.boards).toEqual(lines);
  });
});

describe('fieldIdForServerPath', () => {
  const sent = { unit: 'tkr' as const, boards: [{ boardId: 'bromma', netCost: 1 }, { boardId: 'stockholmshem', netCost: 0, returnRequirement: 4 }] };
  it.each([
    ['boards.1.returnRequirement', 'budget-stockholmshem-returnRequirement'],
    ['boards.0.boardId', 'budget-bromma-netCost'],
    ['boards.0', 'budget-bromma-netCost'],
    ['boards.7.netCost', 'budget-table'],
    ['unit', 'budget-table'],
  ])('%s → %s', (path, fieldId) => {
    expect(fieldIdForServerPath(path, sent)).toBe(fieldId);
  });
});

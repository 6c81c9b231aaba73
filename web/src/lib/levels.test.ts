import { describe, expect, it } from 'vitest';
import { completion, directoryFrom } from './levels';
import type { Board, StatusMatrix } from './types';

type Row = StatusMatrix['boards'][number];
const cell = (status: Row['documents']['plan']['status'], late = false, units?: { total: number; approved: number; late: number }) => ({ status, due: '2026-01-31', late, ...(units ? { units } : {}) });
const row = (boardId: string, plan: ReturnType<typeof cell>, rest = cell('not_started')): Row => ({ boardId, name: boardId, documents: { plan, t1: rest, t2: rest, annual: rest } });

describe('the completion bar over every level', () => {
  it.each([
    ['boards without units count their own documents', [row('a', cell('approved'))], { done: 1, total: 4, late: 0 }],
    ['a board with units adds their documents', [row('a', cell('approved', false, { total: 15, approved: 12, late: 2 }))], { done: 13, total: 19, late: 2 }],
    ['late boards and late units add up', [row('a', cell('draft', true, { total: 3, approved: 0, late: 3 })), row('b', cell('in_review'))], { done: 0, total: 11, late: 4 }],
    ['no rows, nothing to count', [], { done: 0, total: 0, late: 0 }],
  ])('%s', (_, rows, expected) => {
    expect(completion(rows)).toEqual(expected);
  });
});

describe('the board directory', () => {
  const board = (boardId: string, parentId: string | null): Board => ({ boardId, parentId, name: `Board ${boardId}`, kind: parentId ? 'unit' : 'district', contacts: ['x@example.org'] });
  const directory = directoryFrom([board('bromma', null), board('bromma-alvik', 'bromma'), board('bromma-alvik-f', 'bromma-alvik')]);

  it.each([
    ['bromma', []],
    ['bromma-alvik', ['bromma']],
    ['bromma-alvik-f', ['bromma-alvik', 'bromma']],
    ['unknown', []],
  ])('finds the boards above %s, nearest first', (boardId, ancestors) => {
    expect(directory.ancestors(boardId)).toEqual(ancestors);
  });

  it('names a board it knows, and gives the id of one it does not', () => {
    expect([directory.name('bromma-alvik'), directory.name('nowhere')]).toEqual(['Board bromma-alvik', 'nowhere']);
  });
});

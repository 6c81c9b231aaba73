import { describe, expect, it } from 'vitest';
import { dueDateFor } from './calendar';
import { ancestorsOf, childrenIndex, depthOf, descendantsOf, directoryOf, MAX_LEVELS, parentProblems, type LevelEntry } from './levels';

// bromma → bromma-skola → bromma-skola-fritids; stadshus → stockholmshem → stockholmshem-fastighet
const tree: LevelEntry[] = [
  { boardId: 'bromma' },
  { boardId: 'bromma-skola', parentId: 'bromma' },
  { boardId: 'bromma-forskola', parentId: 'bromma' },
  { boardId: 'bromma-skola-fritids', parentId: 'bromma-skola' },
  { boardId: 'stadshus', parentId: null },
  { boardId: 'stockholmshem', parentId: 'stadshus' },
  { boardId: 'stockholmshem-fastighet', parentId: 'stockholmshem' },
  { boardId: 'gammal', archived: true },
];
const directory = directoryOf(tree);

describe('the level rules', () => {
  it.each([
    ['bromma', [], 0],
    ['bromma-skola', ['bromma'], 1],
    ['bromma-skola-fritids', ['bromma-skola', 'bromma'], 2],
    ['stockholmshem-fastighet', ['stockholmshem', 'stadshus'], 2],
    ['okand', [], 0],
  ])('%s sits below %j, at depth %i', (boardId, ancestors, depth) => {
    expect(ancestorsOf(boardId, directory)).toEqual(ancestors);
    expect(depthOf(boardId, directory)).toBe(depth);
  });

  it('lists every level below a board, parents first', () => {
    const children = childrenIndex(directory);
    expect(children.get('bromma')).toEqual(['bromma-forskola', 'bromma-skola']);
    expect(descendantsOf('bromma', children)).toEqual(['bromma-forskola', 'bromma-skola', 'bromma-skola-fritids']);
    expect(descendantsOf('bromma-forskola', children)).toEqual([]);
  });

  it.each([
    ['a new unit below a board', 'ny-enhet', 'bromma', null],
    ['a board at the top', 'bromma', null, null],
    ['an unknown parent', 'ny-enhet', 'okand', 'there is no board okand'],
    ['itself', 'bromma', 'bromma', 'cannot sit below itself'],
    ['one of its own units (a loop)', 'bromma', 'bromma-skola-fritids', 'would make a loop'],
    ['an archived parent', 'ny-enhet', 'gammal', 'is archived'],
  ])('placing %s: %s below %s', (_case, boardId, parentId, problem) => {
    const problems = parentProblems(boardId as string, parentId as string | null, directory);
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems).toEqual([{ path: 'parentId', message: expect.stringContaining(problem) }]);
  });

  it(`allows ${MAX_LEVELS} levels below the council and no more, counting the units a moved board brings`, () => {
    const chain: LevelEntry[] = Array.from({ length: MAX_LEVELS }, (_, i) => ({ boardId: `l${i}`, parentId: i === 0 ? null : `l${i - 1}` }));
    const deep = directoryOf([...chain, { boardId: 'x' }, { boardId: 'x-unit', parentId: 'x' }]);
    expect(parentProblems('x', `l${MAX_LEVELS - 3}`, deep)).toEqual([]);
    expect(parentProblems('x', `l${MAX_LEVELS - 2}`, deep)[0].message).toContain(`${MAX_LEVELS + 1} levels`);
    expect(parentProblems('new', `l${MAX_LEVELS - 2}`, deep)).toEqual([]);
    expect(parentProblems('new', `l${MAX_LEVELS - 1}`, deep)[0].message).toContain(`${MAX_LEVELS + 1} levels`);
  });
});

describe('the calendar at each level', () => {
  const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15', unitLeadDays: 14 };
  it.each([
    ['plan', 0, '2027-01-31'],
    ['plan', 1, '2027-02-14'],
    ['plan', 2, '2027-02-28'],
    ['t1', 1, '2027-05-01'],
    ['t2', 2, '2027-08-18'],
    ['annual', 1, '2028-02-01'],
    ['signoff', 3, '2028-04-15'],
  ] as const)('%s at depth %i is due %s', (kind, depth, due) => {
    expect(dueDateFor(calendar, kind, depth)).toBe(due);
  });
  it('reads a calendar stored without unitLeadDays as 14 days a level', () => {
    const { unitLeadDays: _lead, ...old } = calendar;
    expect(dueDateFor(old, 'plan', 1)).toBe('2027-02-14');
  });
});

import { describe, expect, it } from 'vitest';
import type { BoardKind } from '../schemas/boards';
import { Conflict } from './errors';
import { assertSignoffPossible, signoffProblems } from './signoff';

const open = { year: 2027, state: 'open' as const };
const boards: Array<{ boardId: string; kind: BoardKind; parentId?: string | null }> = [
  { boardId: 'bromma', kind: 'district' },
  { boardId: 'stadshus', kind: 'company' },
  { boardId: 'bostader', kind: 'company', parentId: null },
  // A subsidiary below a company: no verdict needed, none taken.
  { boardId: 'bostader-fastigheter', kind: 'company', parentId: 'bostader' },
];

describe('assertSignoffPossible', () => {
  it('passes when every annual report is approved', () => {
    expect(() => assertSignoffPossible(open, [{ boardId: 'bromma', status: 'approved' }])).not.toThrow();
  });
  it('names every board whose annual report is not approved', () => {
    const reports = [
      { boardId: 'bromma', status: 'approved' as const },
      { boardId: 'kista', status: 'in_review' as const },
      { boardId: 'stadshus', status: 'not_started' as const },
    ];
    expect(() => assertSignoffPossible(open, reports)).toThrow(Conflict);
    expect(() => assertSignoffPossible(open, reports)).toThrow(/kista \(in_review\), stadshus \(not_started\)/);
  });
  it('refuses a second sign-off', () => {
    expect(() => assertSignoffPossible({ year: 2027, state: 'signed_off' }, [])).toThrow(/signed off/);
  });
});

describe('signoffProblems', () => {
  const verdicts = [{ boardId: 'stadshus', withinPurpose: true }, { boardId: 'bostader', withinPurpose: false, comment: 'Utanför ändamålet' }];
  it('finds none with a verdict on every company', () => expect(signoffProblems(boards, { companies: verdicts })).toEqual([]));

  it.each([
    ['a company without a verdict', [verdicts[0]], ['companies']],
    ['a verdict on a district board', [...verdicts, { boardId: 'bromma', withinPurpose: true }], ['companies.2.boardId']],
    ['a verdict on an unknown board', [...verdicts, { boardId: 'nowhere', withinPurpose: true }], ['companies.2.boardId']],
    ['a verdict on a subsidiary below a company', [...verdicts, { boardId: 'bostader-fastigheter', withinPurpose: true }], ['companies.2.boardId']],
    ['two verdicts on one company', [...verdicts, verdicts[0]], ['companies.2.boardId']],
    ['outside the purpose without a reason', [verdicts[0], { boardId: 'bostader', withinPurpose: false }], ['companies.1.comment']],
  ])('names %s', (_what, companies, paths) => {
    expect(signoffProblems(boards, { companies }).map((p) => p.path)).toEqual(paths);
  });
});

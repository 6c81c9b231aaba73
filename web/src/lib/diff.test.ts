import { describe, expect, it } from 'vitest';
import { analyseMerge, diff, merge } from './diff';

const plan = (targets: Array<[string, string]>, risks: Array<{ id: string; title: string; probability: string }> = []) => ({
  targets: targets.map(([indicatorId, target]) => ({ indicatorId, target })),
  risks,
});

describe('diff', () => {
  it.each([
    ['a changed target', plan([['KF-1', '80']]), plan([['KF-1', '87']]), [['targets/[KF-1]/target', '80', '87', 'changed']]],
    ['"86,0" and 86 are the same number', plan([['KF-1', '86,0']]), plan([['KF-1', '86']]), []],
    ['a row added is one change', plan([]), plan([['KF-2', '5']]), [['targets/[KF-2]', '', '•', 'added']]],
    ['a row removed is one change', plan([['KF-2', '5']]), plan([]), [['targets/[KF-2]', '•', '', 'removed']]],
    ['reordered rows are no change', plan([['A', '1'], ['B', '2']]), plan([['B', '2'], ['A', '1']]), []],
  ])('%s', (_, before, after, expected) => {
    expect(diff(before, after).map((c) => [c.key, c.before, c.after, c.kind])).toEqual(expected);
  });

  it('lists activities (a list of plain texts) as one value', () => {
    const before = { goals: [{ id: 'N1', activities: ['a'] }] };
    const after = { goals: [{ id: 'N1', activities: ['a', 'b'] }] };
    expect(diff(before, after).map((c) => c.key)).toEqual(['goals/[N1]/activities']);
  });
});

describe('analyseMerge and merge', () => {
  const base = plan([['KF-1', '80']], [{ id: 'R1', title: 'Risk', probability: '2' }]);

  it.each([
    // [case, mine, theirs, conflicts, taken]
    ['both changed a field differently: a conflict', plan([['KF-1', '85']], base.risks), plan([['KF-1', '90']], base.risks), ['targets/[KF-1]/target'], []],
    ['both changed a field the same way: nothing', plan([['KF-1', '90']], base.risks), plan([['KF-1', '90']], base.risks), [], []],
    ['only they changed a field: taken', base, plan([['KF-1', '90']], base.risks), [], ['targets/[KF-1]/target']],
    ['both added the same row with different values: the field conflicts', plan([['KF-1', '80'], ['KF-2', '1']], base.risks), plan([['KF-1', '80'], ['KF-2', '2']], base.risks), ['targets/[KF-2]/target'], []],
    ['they added a row I do not have: taken whole', base, plan([['KF-1', '80'], ['KF-3', '7']], base.risks), [], ['targets/[KF-3]']],
    ['they removed a row I edited: a conflict on the row', plan([['KF-1', '80']], [{ id: 'R1', title: 'Ny risk', probability: '2' }]), plan([['KF-1', '80']]), ['risks/[R1]'], []],
    ['they removed a row I left alone: taken', base, plan([['KF-1', '80']]), [], ['risks/[R1]']],
  ])('%s', (_, mine, theirs, conflicts, taken) => {
    const analysis = analyseMerge(base, mine, theirs);
    expect(analysis.conflicts.map((c) => c.key)).toEqual(conflicts);
    expect(analysis.theirsOnly.map((c) => c.key)).toEqual(taken);
  });

  it('keeps mine where I chose mine, takes theirs where I chose theirs or did not touch it', () => {
    const mine = plan([['KF-1', '85'], ['KF-2', '3']], base.risks);
    const theirs = plan([['KF-1', '90'], ['KF-4', '4']], [{ id: 'R1', title: 'Risk', probability: '4' }]);
    const analysis = analyseMerge(base, mine, theirs);
    expect(merge(mine, theirs, analysis, new Set())).toEqual(plan([['KF-1', '85'], ['KF-2', '3'], ['KF-4', '4']], [{ id: 'R1', title: 'Risk', probability: '4' }]));
    expect(merge(mine, theirs, analysis, new Set(['targets/[KF-1]/target'])).targets[0]).toEqual({ indicatorId: 'KF-1', target: '90' });
  });
});

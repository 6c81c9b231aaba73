import { describe, expect, it } from 'vitest';
import { decisionProblems } from './review';

describe('decisionProblems', () => {
  const ids = new Set(['KF-1', 'N1-1']);
  it.each([
    [undefined, []],
    [[{ indicatorId: 'KF-1', comment: 'Höj målet' }], []],
    [[{ indicatorId: 'KF-1', comment: 'x' }, { indicatorId: 'KF-9', comment: 'x' }], ['indicatorComments.1.indicatorId']],
  ])('comments %j have problems at %j', (indicatorComments, paths) => {
    expect(decisionProblems(ids, { indicatorComments }).map((p) => p.path)).toEqual(paths);
  });
});

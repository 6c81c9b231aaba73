import { describe, expect, it } from 'vitest';
import { approvedFiguresOf } from './summary';

const report = {
  boardId: 'bromma',
  kind: 't1' as const,
  status: 'approved' as const,
  content: { indicators: [{ indicatorId: 'KF-1', outcome: 87 }, { indicatorId: 'KF-2' }], goals: [] },
  comments: [],
};

describe('the approved figures the meters read', () => {
  it.each([
    ['an approved board report', report, { boardId: 'bromma', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 87 }] }],
    ['a report in review', { ...report, status: 'in_review' as const }, undefined],
    ["a unit's approved report (its figures are its parent's roll-up)", { ...report, boardId: 'bromma-skola', parentId: 'bromma' }, undefined],
  ])('%s', (_case, doc, figures) => {
    expect(approvedFiguresOf(doc)).toEqual(figures);
  });

  it('dates the figures by the last approval (the meter page\'s "last updated"), not by a return before it', () => {
    const comments = [
      { at: '2026-05-20T10:00:00.000Z', decision: 'return' },
      { at: '2026-05-28T09:00:00.000Z', decision: 'approve' },
    ];
    expect(approvedFiguresOf({ ...report, comments })).toMatchObject({ approvedAt: '2026-05-28T09:00:00.000Z' });
    expect(approvedFiguresOf({ ...report, kind: 'plan', content: { targets: [{ indicatorId: 'KF-1', target: 90 }] }, comments })).toEqual({
      boardId: 'bromma',
      kind: 'plan',
      targets: [{ indicatorId: 'KF-1', target: 90 }],
      approvedAt: '2026-05-28T09:00:00.000Z',
    });
  });
});

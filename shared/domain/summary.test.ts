import { describe, expect, it } from 'vitest';
import { approvedFiguresOf, economyFiguresOf, SUMMARY_COMMENT_CHARS } from './summary';

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

describe("the approved figures of a report's money", () => {
  const withMoney = (economy: Record<string, unknown>) => ({ ...report, content: { ...report.content, economy } });

  it.each([
    ['its numbers and comment', { outcomeToDate: 410, forecast: 1012.5, comment: ' Fler placeringar. ' }, { outcomeToDate: 410, forecast: 1012.5, comment: 'Fler placeringar.' }],
    ["a company's return", { outcome: 0, returnOutcome: 3.5 }, { outcome: 0, returnOutcome: 3.5 }],
    ['no figures for an economy left empty', { comment: '   ' }, undefined],
  ])('keeps %s', (_case, economy, expected) => {
    const figures = approvedFiguresOf(withMoney(economy));
    expect(figures && 'economy' in figures ? figures.economy : undefined).toEqual(expected);
  });

  it('keeps the start of a long comment, cut between characters', () => {
    const comment = `${'å'.repeat(SUMMARY_COMMENT_CHARS - 3)}😀😀😀😀 rest`;
    const figures = approvedFiguresOf(withMoney({ forecast: 1, comment })) as { economy: { comment: string } };
    expect(Array.from(figures.economy.comment)).toHaveLength(SUMMARY_COMMENT_CHARS);
    expect(figures.economy.comment.endsWith('…')).toBe(true);
    expect(comment.startsWith(figures.economy.comment.slice(0, -1))).toBe(true);
  });

  it('gives the roll-up numbers only', () => {
    expect(economyFiguresOf({ economy: { forecast: 5, comment: 'Varför.' } }, { withComment: false })).toEqual({ forecast: 5 });
  });
});

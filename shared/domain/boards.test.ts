import { describe, expect, it } from 'vitest';
import { boardChangeOf, deletionRefusal, type DeletionBlockers } from './boards';

describe("a board's change, as its audit trail names it", () => {
  it.each([
    ['a new board', undefined, {}, 'created'],
    ['a new board created archived', undefined, { archived: true }, 'created'],
    ['a rename', {}, {}, 'changed'],
    ['archiving', { archived: false }, { archived: true }, 'archived'],
    ['archiving a board saved without the flag', {}, { archived: true }, 'archived'],
    ['taking it out of the archive', { archived: true }, { archived: false }, 'restored'],
    ['leaving the flag out takes it out too', { archived: true }, {}, 'restored'],
    ['a change to an archived board', { archived: true }, { archived: true }, 'changed'],
  ] as const)('%s → %s', (_name, previous, next, action) => {
    expect(boardChangeOf(previous, next)).toBe(action);
  });
});

describe('when a board may be deleted', () => {
  it.each<[string, DeletionBlockers, ReturnType<typeof deletionRefusal>]>([
    ['no documents and no units', { yearsWithDocuments: [], units: [] }, undefined],
    ['documents in two years', { yearsWithDocuments: [2027, 2026], units: [] }, { reason: 'hasDocuments', years: [2026, 2027] }],
    ['units', { yearsWithDocuments: [], units: ['skola-b', 'skola-a'] }, { reason: 'hasUnits', units: ['skola-a', 'skola-b'] }],
    ['both: archive it, the documents come first', { yearsWithDocuments: [2026], units: ['skola'] }, { reason: 'hasDocuments', years: [2026] }],
  ])('%s', (_name, blockers, refusal) => {
    expect(deletionRefusal(blockers)).toEqual(refusal);
  });
});

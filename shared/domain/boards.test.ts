import { describe, expect, it } from 'vitest';
import { boardChangeOf, deletionRefusal, goalsName, type DeletionBlockers } from './boards';

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
    ['no documents, no goals naming it, no units', { yearsWithDocuments: [], namedInGoals: [], units: [] }, undefined],
    ['documents in two years', { yearsWithDocuments: [2027, 2026], namedInGoals: [], units: [] }, { reason: 'hasDocuments', years: [2026, 2027] }],
    ['named in the goals of two years', { yearsWithDocuments: [], namedInGoals: [2028, 2027], units: [] }, { reason: 'namedInGoals', years: [2027, 2028] }],
    ['units', { yearsWithDocuments: [], namedInGoals: [], units: ['skola-b', 'skola-a'] }, { reason: 'hasUnits', units: ['skola-a', 'skola-b'] }],
    ['all three: archive it, the documents come first', { yearsWithDocuments: [2026], namedInGoals: [2026], units: ['skola'] }, { reason: 'hasDocuments', years: [2026] }],
    ['goals and units: the goals first', { yearsWithDocuments: [], namedInGoals: [2026], units: ['skola'] }, { reason: 'namedInGoals', years: [2026] }],
  ])('%s', (_name, blockers, refusal) => {
    expect(deletionRefusal(blockers)).toEqual(refusal);
  });
});

describe('whether council goals name a board', () => {
  const goals = (boards?: string[]) => ({ directionGoals: [{ areaGoals: [{ indicators: [{}, { ...(boards ? { boards } : {}) }] }] }] });
  it.each([
    ['an indicator lists it', goals(['kista', 'bromma']), true],
    ['the indicators list others', goals(['kista']), false],
    ['no indicator lists boards (every board must)', goals(), false],
  ] as const)('%s → %s', (_name, g, named) => {
    expect(goalsName(g, 'bromma')).toBe(named);
  });
});

import { describe, expect, it } from 'vitest';
import type { CouncilGoals } from '../schemas/councilGoals';
import { Conflict, ValidationFailed } from './errors';
import { assertCouncilGoalsReplaceable, councilGoalsIssues, councilGoalsProblems, findAreaGoal, findIndicator, indicatorsFor, validateCouncilGoals } from './councilGoals';
import { testGoals } from '../../test/support/testGoals';

const boards = new Set(['bromma', 'kista', 'utbildning']);
const ind = (id: string, extra: object = {}) => ({ id, name: id, unit: '%', direction: 'higher' as const, target: 1, ...extra });
const oneArea = (...indicators: ReturnType<typeof ind>[]): CouncilGoals => ({ directionGoals: [{ id: 'D1', title: 'D', areaGoals: [{ id: 'A1', title: 'A', indicators }] }] });
const I = 'directionGoals.0.areaGoals.0.indicators';

describe('councilGoalsProblems', () => {
  it('finds none in a consistent set', () => expect(councilGoalsProblems(testGoals, boards)).toEqual([]));

  it.each([
    ['an indicator id used twice', oneArea(ind('K1'), ind('K1')), [`${I}.1.id`]],
    ['an indicator with the id of its area goal', oneArea(ind('A1')), [`${I}.0.id`]],
    ['an indicator with the id of a direction goal', oneArea(ind('D1')), [`${I}.0.id`]],
    ['an unknown board', oneArea(ind('K1', { boards: ['bromma', 'nowhere'] })), [`${I}.0.boards.1`]],
    ['a board listed twice', oneArea(ind('K1', { boards: ['kista', 'kista'] })), [`${I}.0.boards.1`]],
    ['each duplicate after the first', oneArea(ind('K1'), ind('K1'), ind('K1')), [`${I}.1.id`, `${I}.2.id`]],
    ['a weighted roll-up without weightBy', oneArea(ind('K1', { rollup: 'weighted' })), [`${I}.0.weightBy`]],
    ['several problems at once', oneArea(ind('K1', { boards: ['x'] }), ind('K1', { boards: ['y'] })), [`${I}.0.boards.0`, `${I}.1.id`, `${I}.1.boards.0`]],
  ])('names %s', (_what, goals, paths) => {
    expect(councilGoalsProblems(goals, boards).map((p) => p.path)).toEqual(paths);
  });

  it('finds duplicates across direction goals', () => {
    const goals: CouncilGoals = {
      directionGoals: [
        { id: 'D1', title: 'x', areaGoals: [{ id: 'A1', title: 'x', indicators: [] }] },
        { id: 'D2', title: 'x', areaGoals: [{ id: 'A1', title: 'x', indicators: [] }] },
        { id: 'D1', title: 'x', areaGoals: [] },
      ],
    };
    expect(councilGoalsProblems(goals, boards)).toEqual([
      { path: 'directionGoals.1.areaGoals.0.id', message: expect.stringContaining('already used at directionGoals.0.areaGoals.0.id') },
      { path: 'directionGoals.2.id', message: expect.stringContaining('already used at directionGoals.0.id') },
    ]);
  });

  it.each([
    ['a weighted roll-up with weightBy', ind('K1', { rollup: 'weighted', weightBy: 'pupils' })],
    ['a sum', ind('K1', { rollup: 'sum' })],
    ['definition, source and Kolada KPI', ind('K1', { definition: 'Andel', source: 'Kolada', koladaKpi: 'N15419' })],
  ])('finds nothing wrong with %s', (_what, indicator) => expect(councilGoalsProblems(oneArea(indicator), boards)).toEqual([]));

  it('gives each issue as data, for the web app to word in the person\'s language', () => {
    const goals = oneArea(ind('A1', { boards: ['kista', 'kista', 'nowhere'], rollup: 'weighted' }));
    expect(councilGoalsIssues(goals, boards)).toEqual([
      { code: 'duplicate_id', path: `${I}.0.id`, id: 'A1', firstPath: 'directionGoals.0.areaGoals.0.id' },
      { code: 'board_listed_twice', path: `${I}.0.boards.1`, boardId: 'kista', indicatorId: 'A1' },
      { code: 'unknown_board', path: `${I}.0.boards.2`, boardId: 'nowhere', indicatorId: 'A1' },
      { code: 'weight_by_missing', path: `${I}.0.weightBy`, indicatorId: 'A1' },
    ]);
    expect(councilGoalsProblems(goals, boards).map((p) => p.path)).toEqual(councilGoalsIssues(goals, boards).map((i) => i.path));
  });

  it('validateCouncilGoals throws ValidationFailed with every problem', () => {
    const goals = oneArea(ind('K1', { boards: ['nowhere'] }), ind('K1'));
    expect(() => validateCouncilGoals(goals, boards)).toThrow(ValidationFailed);
    try {
      validateCouncilGoals(goals, boards);
    } catch (error) {
      expect((error as ValidationFailed).errors).toHaveLength(2);
      expect((error as ValidationFailed).errors?.[0].message).toMatch(/PUT \/api\/boards\/nowhere/);
    }
    expect(() => validateCouncilGoals(testGoals, boards)).not.toThrow();
  });
});

describe('look-ups', () => {
  it.each([
    ['bromma', ['KF-1', 'KF-2']],
    ['kista', ['KF-1', 'KF-3']],
    ['utbildning', ['KF-1', 'KF-3']],
    ['skarpnack', ['KF-1']],
  ])('%s must set targets for %j', (boardId, ids) => {
    expect(indicatorsFor(testGoals, boardId).map((i) => i.id)).toEqual(ids);
  });

  it('finds an indicator with its area goal and direction goal', () => {
    const found = findIndicator(testGoals, 'KF-3');
    expect([found?.indicator.name, found?.areaGoal.id, found?.directionGoal.id, found?.path]).toEqual([
      'Utsläpp per invånare',
      'D2.1',
      'D2',
      'directionGoals.1.areaGoals.0.indicators.0',
    ]);
    expect(findIndicator(testGoals, 'KF-9')).toBeUndefined();
  });

  it('finds an area goal', () => {
    expect(findAreaGoal(testGoals, 'D2.1')?.directionGoal.id).toBe('D2');
    expect(findAreaGoal(testGoals, 'D2')).toBeUndefined();
  });
});

describe('assertCouncilGoalsReplaceable', () => {
  it.each([
    [[], 'ok'],
    [[{ boardId: 'bromma', status: 'in_review' }, { boardId: 'kista', status: 'returned' }], 'ok'],
    [[{ boardId: 'bromma', status: 'approved' }, { boardId: 'kista', status: 'draft' }], 409],
  ] as const)('with plans %j: %s', (plans, expected) => {
    const run = () => assertCouncilGoalsReplaceable([...plans]);
    if (expected === 'ok') expect(run).not.toThrow();
    else expect(run).toThrow(Conflict);
  });
  it('names the boards with approved plans', () => {
    expect(() => assertCouncilGoalsReplaceable([{ boardId: 'bromma', status: 'approved' }])).toThrow(/bromma/);
  });
});

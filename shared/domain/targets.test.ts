import { describe, expect, it } from 'vitest';
import { isLessAmbitious, targetFindings } from './targets';
import { testGoals } from '../../test/support/testGoals';

describe('isLessAmbitious', () => {
  it.each([
    ['higher', 90, 88, true],
    ['higher', 90, 90, false],
    ['higher', 90, 95, false],
    ['higher', 0, -0.1, true],
    ['lower', 6, 7, true],
    ['lower', 6, 6, false],
    ['lower', 6, 5.5, false],
    ['lower', -2, -1, true],
  ] as const)('%s is better, council %d, board %d: less ambitious %s', (direction, council, board, expected) => {
    expect(isLessAmbitious(direction, council, board)).toBe(expected);
  });
});

describe('targetFindings', () => {
  it('reports each council indicator whose target is less ambitious, direction-aware', () => {
    const plan = {
      targets: [
        { indicatorId: 'KF-1', target: 88 }, // higher is better, below 90
        { indicatorId: 'KF-2', target: 5 }, // lower is better, below 6: fine
        { indicatorId: 'KF-3', target: 2 }, // not assigned to bromma, taken on anyway, less ambitious than 1.5
        { indicatorId: 'OWN-1', target: 1 }, // unknown: left to planProblems
      ],
    };
    expect(targetFindings(testGoals, 'bromma', plan)).toEqual([
      { code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-1', councilTarget: 90, boardTarget: 88, direction: 'higher' },
      { code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-3', councilTarget: 1.5, boardTarget: 2, direction: 'lower' },
    ]);
  });

  it('finds nothing when every target matches or beats the council', () => {
    expect(targetFindings(testGoals, 'bromma', { targets: [{ indicatorId: 'KF-1', target: 90 }, { indicatorId: 'KF-2', target: 6 }] })).toEqual([]);
  });

  it('reports a duplicated target once', () => {
    const plan = { targets: [{ indicatorId: 'KF-1', target: 80 }, { indicatorId: 'KF-1', target: 70 }] };
    expect(targetFindings(testGoals, 'bromma', plan)).toHaveLength(1);
  });
});

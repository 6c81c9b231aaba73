import { describe, expect, it } from 'vitest';
import { councilGoalsSchema } from './councilGoals';

const indicator = { id: 'KF-1', name: 'Andel nöjda', unit: '%', direction: 'higher', target: 90 };
const goals = (ind: object) => ({ directionGoals: [{ id: 'D1', title: 'En stad', areaGoals: [{ id: 'D1.1', title: 'Skola', indicators: [ind] }] }] });
const at = 'directionGoals.0.areaGoals.0.indicators.0';

describe('council goals schema', () => {
  it.each([
    [indicator, []],
    [{ ...indicator, boards: ['bromma'] }, []],
    [{ ...indicator, boards: [] }, [`${at}.boards`]],
    [{ ...indicator, boards: ['Bromma'] }, [`${at}.boards.0`]],
    [{ ...indicator, direction: 'up' }, [`${at}.direction`]],
    [{ ...indicator, target: Infinity }, [`${at}.target`]],
    [{ ...indicator, target: '90' }, [`${at}.target`]],
    [{ ...indicator, id: 'KF 1' }, [`${at}.id`]],
    [{ ...indicator, definition: 'Andel av de svarande som är nöjda', source: 'Brukarundersökningen', koladaKpi: 'N15419' }, []],
    [{ ...indicator, koladaKpi: 'U00405' }, []],
    [{ ...indicator, koladaKpi: ' N15419 ' }, []],
    [{ ...indicator, koladaKpi: 'n15419' }, [`${at}.koladaKpi`]],
    [{ ...indicator, koladaKpi: 'N1541' }, [`${at}.koladaKpi`]],
    [{ ...indicator, koladaKpi: 'N154190' }, [`${at}.koladaKpi`]],
    [{ ...indicator, koladaKpi: '15419' }, [`${at}.koladaKpi`]],
    [{ ...indicator, koladaKpi: 15419 }, [`${at}.koladaKpi`]],
    [{ ...indicator, definition: 'x'.repeat(2001) }, [`${at}.definition`]],
    [{ ...indicator, source: 'x'.repeat(301) }, [`${at}.source`]],
  ])('%j gives problems at %j', (ind, paths) => {
    const result = councilGoalsSchema.safeParse(goals(ind));
    expect(result.error?.issues.map((i) => i.path.join('.')) ?? []).toEqual(paths);
  });

  it('keeps goals stored before definition, source and koladaKpi existed valid, and trims what is sent', () => {
    expect(councilGoalsSchema.parse(goals(indicator)).directionGoals[0]!.areaGoals[0]!.indicators[0]).toEqual(indicator);
    const parsed = councilGoalsSchema.parse(goals({ ...indicator, koladaKpi: ' N15419 ', source: ' Kolada ' }));
    expect(parsed.directionGoals[0]!.areaGoals[0]!.indicators[0]).toMatchObject({ koladaKpi: 'N15419', source: 'Kolada' });
  });

  it('refuses a set with more than 500 indicators in all', () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ ...indicator, id: `KF-${i}` }));
    const areaGoals = Array.from({ length: 11 }, (_, a) => ({ id: `A${a}`, title: 'x', indicators: many }));
    const result = councilGoalsSchema.safeParse({ directionGoals: [{ id: 'D1', title: 'x', areaGoals }] });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['directionGoals']);
  });

  it.each([[null], [{}], [{ directionGoals: 'x' }], [{ directionGoals: [{ id: 'D1' }] }]])('rejects %j without throwing', (input) => {
    expect(councilGoalsSchema.safeParse(input).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { leastSquaresSlope, seriesTrend, targetStatus, trendMethod, type TrendVerdict } from './trend';

const years = (from: number, values: Array<number | null>) => values.map((value, i) => ({ year: from + i, value }));

describe('leastSquaresSlope', () => {
  it.each([
    ['a straight line', years(2016, [1, 2, 3, 4]), 1],
    ['a falling line', years(2020, [10, 8, 6]), -2],
    ['a noisy line: the least-squares fit, not first-to-last', years(2016, [1, 3, 2, 4]), 0.8],
    ['a flat line', years(2016, [5, 5, 5]), 0],
  ])('%s', (_name, points, slope) => {
    expect(leastSquaresSlope(points as Array<{ year: number; value: number }>)).toBeCloseTo(slope, 10);
  });

  it('refuses a single year: no line goes through one point only', () => {
    expect(() => leastSquaresSlope([{ year: 2020, value: 1 }])).toThrow(RangeError);
  });
});

describe('seriesTrend', () => {
  const cases: Array<[string, 'higher' | 'lower', Array<{ year: number; value: number | null }>, TrendVerdict, number | null]> = [
    ['higher is better and it rises', 'higher', years(2016, [80, 82, 85, 86]), 'improving', 2016],
    ['higher is better and it falls', 'higher', years(2016, [86, 85, 82, 80]), 'worsening', 2016],
    ['lower is better and it falls', 'lower', years(2020, [12, 11, 9]), 'improving', 2020],
    ['lower is better and it rises', 'lower', years(2020, [9, 11, 12]), 'worsening', 2020],
    // 90 → 91 over three years: the fitted change (1) is 1.1 % of the mean, within the 2 % tolerance.
    ['a change within the tolerance is no clear change', 'higher', years(2020, [90, 90.5, 90.5, 91]), 'no_clear_change', 2020],
    // 90 → 92: 2.2 % of the mean, just past it.
    ['a change just past the tolerance counts', 'higher', years(2020, [90, 91, 92]), 'improving', 2020],
    ['a flat line', 'lower', years(2020, [5, 5, 5]), 'no_clear_change', 2020],
    ['a level of zero: any slope counts', 'higher', years(2020, [-1, 0, 1]), 'improving', 2020],
    ['a level of zero, flat', 'higher', years(2020, [0, 0, 0]), 'no_clear_change', 2020],
    ['two years are too few', 'higher', years(2025, [80, 90]), 'too_few_years', 2025],
    ['no values at all', 'higher', years(2025, [null, null]), 'too_few_years', null],
    ['years without a value are skipped: it starts at the first with one', 'higher', years(2015, [null, 80, 84, 88]), 'improving', 2016],
    ['a gap in the middle still fits a line', 'higher', years(2016, [80, null, 84, 86]), 'improving', 2016],
  ];
  it.each(cases)('%s', (_name, direction, series, verdict, since) => {
    const trend = seriesTrend(direction, series);
    expect(trend.verdict).toBe(verdict);
    expect(trend.since).toBe(since);
  });

  it('states the line: its slope, the years it spans and the change relative to the level', () => {
    expect(seriesTrend('higher', years(2016, [78, 80, 82]))).toEqual({ verdict: 'improving', since: 2016, until: 2018, years: 3, slopePerYear: 2, relativeChange: 0.05 });
  });

  it('fits from the start year it is given, leaving the years before out', () => {
    // Falling until 2018, rising since: from 2019 it is going the right way.
    const series = years(2016, [90, 85, 80, 81, 83, 85]);
    expect(seriesTrend('higher', series).verdict).toBe('worsening');
    expect(seriesTrend('higher', series, { startYear: 2019 })).toMatchObject({ verdict: 'improving', since: 2019, years: 3 });
  });

  it('takes the years in any order', () => {
    expect(seriesTrend('higher', [...years(2016, [80, 82, 85])].reverse()).verdict).toBe('improving');
  });

  it('documents its method: least squares over at least three years, two per cent tolerance', () => {
    expect(trendMethod).toEqual({ kind: 'least_squares', minimumYears: 3, tolerance: 0.02 });
  });
});

describe('targetStatus', () => {
  it.each([
    ['the newest year met the target', [{ year: 2025, value: 80, valueBasis: 'outcome', status: 'not_met' }, { year: 2026, value: 92, valueBasis: 'outcome', status: 'met' }], 'reached', 2026, 'outcome'],
    ['the newest year is on track on a forecast', [{ year: 2026, value: 92, valueBasis: 'forecast', status: 'on_track' }], 'on_the_way', 2026, 'forecast'],
    ['the newest year missed it', [{ year: 2025, value: 95, valueBasis: 'outcome', status: 'met' }, { year: 2026, value: 80, valueBasis: 'outcome', status: 'not_met' }], 'not_reached', 2026, 'outcome'],
    ['a forecast that misses: not reached, by forecast', [{ year: 2026, value: 80, valueBasis: 'forecast', status: 'not_met' }], 'not_reached', 2026, 'forecast'],
    ['a newer year without a value: the newest with one counts', [{ year: 2025, value: 95, valueBasis: 'outcome', status: 'met' }, { year: 2026, value: null, valueBasis: null, status: null }], 'reached', 2025, 'outcome'],
    ['no year with a value', [{ year: 2026, value: null, valueBasis: null, status: null }], 'no_data', null, null],
    ['no years at all', [], 'no_data', null, null],
  ] as const)('%s', (_name, series, status, year, basis) => {
    expect(targetStatus(series)).toEqual({ status, year, basis });
  });
});

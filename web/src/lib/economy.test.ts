import { describe, expect, it } from 'vitest';
import { sortEconomyRows, type EconomyOverview } from './economy';

type Row = EconomyOverview['boards'][number];
const figures = (forecast: number, budget: number) => ({
  outcomeToDate: null,
  forecast,
  deviation: forecast - budget,
  deviationPercent: ((forecast - budget) / budget) * 100,
});
const row = (name: string, budget: number, forecast?: number): Row => ({
  boardId: name.toLowerCase(),
  name,
  budget,
  latest: forecast === undefined ? null : 't1',
  reports: { t1: forecast === undefined ? null : figures(forecast, budget), t2: null, annual: null },
});
const rows = [row('Bromma', 1000, 1010), row('Kista', 100, 110), row('Farsta', 500), row('Älvsjö', 2000, 1900)];
const names = (sorted: Row[]) => sorted.map((r) => r.name);

describe("the overview's order", () => {
  it.each([
    ['the deviation in percent, largest overspending first', { key: 'deviationPercent', descending: true }, ['Kista', 'Bromma', 'Älvsjö', 'Farsta']],
    ['the deviation in tkr, smallest first (a tie by name)', { key: 'deviation', descending: false }, ['Älvsjö', 'Bromma', 'Kista', 'Farsta']],
    ['the budget, largest first', { key: 'budget', descending: true }, ['Älvsjö', 'Bromma', 'Farsta', 'Kista']],
    ['the name, in Swedish order', { key: 'name', descending: false }, ['Bromma', 'Farsta', 'Kista', 'Älvsjö']],
  ] as const)('by %s; a board without figures last', (_, sort, expected) => {
    expect(names(sortEconomyRows(rows, sort))).toEqual(expected);
  });
});

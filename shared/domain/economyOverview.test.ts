import { describe, expect, it } from 'vitest';
import { economyOverviewOf, type EconomyOverviewInput } from './economyOverview';

const directory: EconomyOverviewInput['directory'] = [
  { boardId: 'bostader', name: 'Bostäder AB', kind: 'company' },
  { boardId: 'bromma', name: 'Bromma', kind: 'district' },
  { boardId: 'bromma-skola', name: 'Brommaskolan', kind: 'unit', parentId: 'bromma' },
  { boardId: 'gammal', name: 'Nedlagd', kind: 'specialist', archived: true },
  { boardId: 'kista', name: 'Kista', kind: 'district' },
  { boardId: 'kultur', name: 'Kultur', kind: 'specialist' },
];
const budget = [
  { boardId: 'bromma', netCost: 1000 },
  { boardId: 'kista', netCost: 2000 },
  { boardId: 'bostader', netCost: 0, returnRequirement: 5 },
  { boardId: 'bromma-skola', netCost: 100 },
];
const figures: EconomyOverviewInput['figures'] = [
  { boardId: 'bromma', kind: 'plan', targets: [] },
  { boardId: 'bromma', kind: 't1', indicators: [], economy: { outcomeToDate: 330, forecast: 1005 } },
  { boardId: 'bromma', kind: 't2', indicators: [], economy: { outcomeToDate: 700, forecast: 1030, comment: 'Fler placeringar.' } },
  { boardId: 'kista', kind: 't1', indicators: [], economy: { outcomeToDate: 600, forecast: 1980 } },
  { boardId: 'bostader', kind: 't1', indicators: [], economy: { outcomeToDate: 0, forecast: 0, returnForecast: 4.2 } },
  { boardId: 'kultur', kind: 't1', indicators: [] },
];
const overview = economyOverviewOf({ year: 2027, budget, directory, figures });

describe('economyOverviewOf', () => {
  it('lists the top-level boards, an archived one only with a budget or a report this year', () => {
    expect(overview.boards.map((board) => board.boardId)).toEqual(['bostader', 'bromma', 'kista', 'kultur']);
    expect(overview).toMatchObject({ year: 2027, unit: 'tkr', threshold: 1 });
  });

  it("gives each approved report's money beside the budget, and takes the latest approved report", () => {
    const bromma = overview.boards.find((board) => board.boardId === 'bromma')!;
    expect(bromma).toMatchObject({ budget: 1000, latest: 't2', kind: 'district' });
    expect(bromma).not.toHaveProperty('returnRequirement');
    expect(bromma.reports.t1).toEqual({ outcomeToDate: 330, forecast: 1005, deviation: 5, deviationPercent: 0.5, needsComment: false });
    expect(bromma.reports.t2).toMatchObject({ forecast: 1030, deviation: 30, needsComment: true, comment: 'Fler placeringar.' });
    expect(bromma.reports.t2!.deviationPercent).toBeCloseTo(3, 9);
    expect(bromma.reports.annual).toBeNull();
  });

  it("gives a company's return beside its requirement, a zero budget a null share", () => {
    const bostader = overview.boards.find((board) => board.boardId === 'bostader')!;
    expect(bostader).toMatchObject({ budget: 0, returnRequirement: 5, latest: 't1' });
    expect(bostader.reports.t1).toEqual({ outcomeToDate: 0, forecast: 0, deviation: 0, deviationPercent: null, needsComment: false, returnForecast: 4.2 });
  });

  it('shows a board without a budget, and an approved report without money, with nulls', () => {
    const kultur = overview.boards.find((board) => board.boardId === 'kultur')!;
    expect(kultur).toMatchObject({ budget: null, latest: 't1', reports: { t1: { outcomeToDate: null, forecast: null, deviation: null, deviationPercent: null }, t2: null, annual: null } });
  });

  it("totals the budgets of the boards listed, and the reported boards' deviations against their own budgets", () => {
    // Reported: bromma (t2: 1030 against 1000), kista (t1: 1980 against 2000), bostader (0 against 0). The unit's 100 is its parent's.
    expect(overview.total).toEqual({ budget: 3000, forecast: 3010, deviation: 10, deviationPercent: (10 / 3000) * 100, reported: 3, budgeted: 3 });
  });

  it('judges the annual report by its outcome, and has no total before any board reports', () => {
    const annual = economyOverviewOf({ year: 2027, budget, directory, figures: [{ boardId: 'kista', kind: 'annual', indicators: [], economy: { outcome: 2100.4, comment: 'Snöröjning.' } }] });
    const kista = annual.boards.find((board) => board.boardId === 'kista')!;
    expect(kista.reports.annual).toMatchObject({ outcomeToDate: null, forecast: 2100.4, deviation: 100.4, needsComment: true, comment: 'Snöröjning.' });
    expect(annual.total).toMatchObject({ forecast: 2100.4, deviation: 100.4, reported: 1, budgeted: 3 });
    expect(economyOverviewOf({ year: 2027, budget, directory, figures: [] }).total).toEqual({ budget: 3000, forecast: null, deviation: null, deviationPercent: null, reported: 0, budgeted: 3 });
  });
});

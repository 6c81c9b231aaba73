import { beforeEach, describe, expect, it } from 'vitest';
import { completePlan, seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { exportBoardYearCsv, exportBoardYearJson } from './exportBoardYear';

let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved', content: completePlan }));
});

describe('exportBoardYear', () => {
  it("exports a board's year as it stands: the plan, and null for reports never saved", async () => {
    const exported = await exportBoardYearJson(YEAR, 'bromma', w);
    expect(exported).toMatchObject({ year: YEAR, board: { boardId: 'bromma' }, plan: { status: 'approved', version: 1 }, reports: { t1: null, t2: null, annual: null } });
  });

  it('writes the same as CSV for Swedish Excel', async () => {
    const csv = await exportBoardYearCsv(YEAR, 'bromma', w);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(';');
    expect(csv).toContain('KF-1');
  });

  it('answers 404 for an unknown board or year', async () => {
    await expect(exportBoardYearJson(YEAR, 'atlantis', w)).rejects.toThrow(/no board atlantis/);
    await expect(exportBoardYearCsv(2019, 'bromma', w)).rejects.toThrow(/no 2019 cycle/);
  });
});

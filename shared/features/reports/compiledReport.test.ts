import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureBoards, fixtureBudget, fixturePlans, fixtureReports, fixtureSections } from '../../../test/support/compiledReportYear';
import { seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { DocumentStore } from '../../ports/documentStore';
import { compiledReport } from './compiledReport';

/** The use case on in-memory ports: what it reads, and how often. */
describe('compiledReport (the use case)', () => {
  let w: TestWorld;
  let reads: { get: string[]; statuses: number; approvedFigures: number };
  let documents: DocumentStore;

  beforeEach(async () => {
    w = await testWorld({ clock: '2028-02-20T09:00:00.000Z' });
    for (const board of fixtureBoards) await w.boards.save(storedBoard(board.boardId, { name: board.name, kind: board.kind }), board.boardId === 'bromma' || board.boardId === 'kista' ? 1 : 0);
    // A unit below bromma with an approved report: the city's report leaves it out and never reads it.
    await w.boards.save(storedBoard('bromma-skola', { name: 'Alviksskolan', kind: 'unit', parentId: 'bromma' }), 0);
    for (const plan of fixturePlans) {
      await seedDocument(w, storedDocument({ year: YEAR, boardId: plan.boardId, kind: 'plan' }, { status: plan.status, content: { ...plan.content, ownIndicators: [], risks: [], controls: [] }, comments: plan.comments.map((c) => ({ ...c, actor: 'reviewer-1', comment: 'x' })), ...(plan.previousSubmission ? { previousSubmission: { ...plan.previousSubmission, goals: [], ownIndicators: [], risks: [], controls: [] } } : {}), ...(plan.submittedContent ? { submittedContent: { ...plan.submittedContent, goals: [], ownIndicators: [], risks: [], controls: [] } } : {}) }));
    }
    for (const report of fixtureReports('annual')) await seedDocument(w, storedDocument({ year: YEAR, boardId: report.boardId, kind: 'annual' }, { status: 'approved', content: report.content }));
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma-skola', kind: 'annual' }, { status: 'approved', parentId: 'bromma', content: { indicators: [], goals: [], internalControl: { assessment: 'insufficient', comment: 'enheten' } } }));
    const stamp = { version: 1, updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'admin-1' };
    await w.cycles.replaceSetting(YEAR, 'budget', { ...stamp, unit: 'tkr', boards: fixtureBudget }, 0, { at: stamp.updatedAt, actor: 'admin-1', role: 'admin', action: 'budget_replaced' });
    await w.cycles.replaceSetting(YEAR, 'reportSections', { ...stamp, sections: fixtureSections }, 0, { at: stamp.updatedAt, actor: 'admin-1', role: 'admin', action: 'report_sections_replaced' });

    reads = { get: [], statuses: 0, approvedFigures: 0 };
    documents = {
      ...w.documents,
      get: (year, boardId, kind) => (reads.get.push(`${boardId}#${kind}`), w.documents.get(year, boardId, kind)),
      statuses: (year) => (reads.statuses++, w.documents.statuses(year)),
      approvedFigures: (year) => (reads.approvedFigures++, w.documents.approvedFigures(year)),
    };
  });

  it("reads the summary once and each top-level board's plan and approved report once, never a unit's", async () => {
    const { report } = await compiledReport(YEAR, 'annual', { ...w, documents });
    expect([reads.statuses, reads.approvedFigures]).toEqual([1, 1]);
    expect(reads.get.sort()).toEqual(
      [...fixturePlans.map((p) => `${p.boardId}#plan`), ...fixtureReports('annual').map((r) => `${r.boardId}#annual`)].sort(),
    );
    expect(report.internalControl.assessed).toBe(5);
    expect(report.boards).toEqual({ total: 6, approved: 5 });
  });

  it('compiles the fixture year from the stored documents as the pure model does', async () => {
    const { report, today } = await compiledReport(YEAR, 'annual', { ...w, documents });
    expect(today).toBe('2028-02-20');
    expect(report.returnedPlans.map((plan) => [plan.boardId, plan.ended, plan.indicators.map((i) => [i.indicatorId, i.returnedTarget, i.finalTarget])])).toEqual([
      ['kista', 'approved', [['KF-1', 85, 90]]],
      ['utbildning', 'open', [['KF-1', 80, null]]],
    ]);
    expect(report.economy.total).toMatchObject({ budget: 4_300_000, value: 2_302_000, reported: 3, budgeted: 4 });
    expect(report.sections.map((s) => [s.id, s.texts.length])).toEqual([
      ['jamstalldhet', 5],
      ['innovation', 1],
    ]);
    // Past the due date (2028-02-15) without a submitted report.
    expect(report.late.map((entry) => entry.boardId)).toEqual(['utbildning']);
  });

  it('reads no report of a kind nobody has had approved', async () => {
    const { report } = await compiledReport(YEAR, 't1', { ...w, documents });
    expect(reads.get.filter((read) => read.endsWith('#t1'))).toEqual([]);
    expect(report.boards.approved).toBe(0);
  });

  it('answers 404 for a year never opened', async () => {
    await expect(compiledReport(2019, 'annual', { ...w, documents })).rejects.toThrow(/no 2019 cycle/);
  });
});

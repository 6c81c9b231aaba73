import { boardYearCsv, boardYearExport, type BoardYearInput } from '../../domain/exports';
import { NotFound } from '../../domain/errors';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { BoardYearExport, ExportedPlan, ExportedReport } from '../../schemas/exports';
import { excelSwedish } from '../../domain/csv';
import { requireCycle } from '../cycles/cycles';

interface ExportDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  clock: Clock;
}

/** A board's whole year, plan and reports as they stand. */
async function gather(year: number, boardId: string, deps: ExportDeps): Promise<BoardYearInput> {
  await requireCycle(year, deps.cycles);
  const [board, goals, documents] = await Promise.all([
    deps.boards.get(boardId),
    deps.cycles.getCouncilGoals(year),
    Promise.all((['plan', 't1', 't2', 'annual'] as const).map((kind) => deps.documents.get(year, boardId, kind))),
  ]);
  if (!board) throw new NotFound(`There is no board ${boardId}.`);
  const [plan, t1, t2, annual] = documents.map((record) => (record ? exported(record.document) : null));
  return {
    year,
    goals: goals ?? { directionGoals: [] },
    board: { boardId: board.boardId, name: board.name, kind: board.kind },
    plan: plan as ExportedPlan | null,
    reports: { t1: t1 as ExportedReport | null, t2: t2 as ExportedReport | null, annual: annual as ExportedReport | null },
  };
}

export async function exportBoardYearJson(year: number, boardId: string, deps: ExportDeps): Promise<BoardYearExport> {
  return boardYearExport(await gather(year, boardId, deps), deps.clock.now().toISOString());
}

/** The same as a spreadsheet-friendly CSV (BOM, semicolons and decimal commas for Swedish Excel). */
export async function exportBoardYearCsv(year: number, boardId: string, deps: ExportDeps): Promise<string> {
  return boardYearCsv(await gather(year, boardId, deps), excelSwedish);
}

function exported(document: StoredDocument) {
  return { status: document.status, version: document.version, content: document.content, ...(document.updatedAt ? { updatedAt: document.updatedAt } : {}) };
}

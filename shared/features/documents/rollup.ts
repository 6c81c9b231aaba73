import { rollupOf, type ReportKind } from '../../domain/rollup';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentAddress, DocumentStore } from '../../ports/documentStore';
import type { PlanContent, Rollup } from '../../schemas/documents';

interface RollupDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
}

/**
 * A parent's report rolls up its units' approved reports of the same kind (domain/rollup): undefined for a plan,
 * and for a board that has no roll-up item (none of its units ever had an approved plan or report of this kind:
 * the usual case is a board without units). That one small read is all such a board costs; a parent then reads
 * the directory (its units, their attributes), its approved plan (the indicators and goals) and the council's goals
 * (the indicators' rules).
 */
export async function rollupFor(address: DocumentAddress, deps: RollupDeps): Promise<Rollup | undefined> {
  if (address.kind === 'plan') return undefined;
  const kind: ReportKind = address.kind;
  const figures = await deps.documents.unitFigures(address.year, address.boardId, kind);
  if (!figures) return undefined;
  const [directory, plan, goals] = await Promise.all([
    deps.boards.directory(),
    deps.documents.get(address.year, address.boardId, 'plan'),
    deps.cycles.getCouncilGoals(address.year),
  ]);
  const withFigures = new Set(figures.map((entry) => entry.boardId));
  // An archived unit counts while it has figures this year; one archived before it had any is gone.
  const units = directory.filter((entry) => entry.parentId === address.boardId && (!entry.archived || withFigures.has(entry.boardId)));
  if (units.length === 0) return undefined;
  const parentPlan = plan?.document.status === 'approved' ? (plan.document.content as PlanContent) : undefined;
  return rollupOf({ kind, parentPlan, goals, units, figures });
}

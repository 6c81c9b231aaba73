import { buildMeters, indicatorSeries } from '../../domain/meters';
import { NotFound } from '../../domain/errors';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentRepository, StoredDocument } from '../../ports/documentRepository';
import type { PlanContent, ReportContent } from '../../schemas/documents';
import type { IndicatorSeries, MetersResponse } from '../../schemas/meters';
import { requireCycle } from '../cycles/cycles';

interface PublicDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentRepository;
}

/**
 * The public strategy meters of a year, built from approved documents only: a draft or a document in
 * review never reaches the public, whatever it says.
 */
export async function publicMeters(year: number, deps: PublicDeps, options: { withTrend?: boolean } = {}): Promise<MetersResponse> {
  await requireCycle(year, deps.cycles);
  const goals = await deps.cycles.getCouncilGoals(year);
  if (!goals) throw new NotFound(`The council goals of ${year} are not published yet.`);
  const [boards, documents] = await Promise.all([deps.boards.list(), deps.documents.listYear(year)]);
  const approved = documents.filter((doc) => doc.status === 'approved');
  const previousYear =
    options.withTrend === false || !(await deps.cycles.get(year - 1))
      ? undefined
      : await publicMeters(year - 1, deps, { withTrend: false }).catch((error: unknown) => {
          if (error instanceof NotFound) return undefined;
          throw error;
        });
  return buildMeters({
    year,
    goals,
    boards: boards.map((board) => ({ boardId: board.boardId, name: board.name, kind: board.kind })),
    approvedPlans: approved.filter((doc) => doc.kind === 'plan').map((doc) => ({ boardId: doc.boardId, status: doc.status, content: doc.content as PlanContent })),
    approvedReports: approved.filter(isReport).map((doc) => ({ boardId: doc.boardId, kind: doc.kind, status: doc.status, content: doc.content as ReportContent })),
    previousYear: previousYear ? { year: year - 1, meters: previousYear.meters } : undefined,
  });
}

/** One indicator across every year that had it: the series for mid-term and end-of-term reviews. */
export async function publicIndicatorSeries(indicatorId: string, deps: PublicDeps): Promise<IndicatorSeries> {
  const years: Array<{ year: number; meters: MetersResponse['meters'] }> = [];
  for (const cycle of await deps.cycles.list()) {
    const goals = await deps.cycles.getCouncilGoals(cycle.year);
    if (!goals) continue;
    const meters = await publicMeters(cycle.year, deps, { withTrend: false });
    years.push({ year: cycle.year, meters: meters.meters });
  }
  return indicatorSeries(indicatorId, years);
}

function isReport(doc: StoredDocument): doc is StoredDocument & { kind: 't1' | 't2' | 'annual' } {
  return doc.kind !== 'plan';
}

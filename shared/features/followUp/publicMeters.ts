import { buildMeters, indicatorSeries } from '../../domain/meters';
import { NotFound } from '../../domain/errors';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { PlanContent, ReportContent } from '../../schemas/documents';
import type { IndicatorSeries, MetersResponse } from '../../schemas/meters';
import { requireCycle } from '../cycles/cycles';

interface PublicDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
}

/**
 * The public strategy meters of a year, built from approved documents only: a draft or a document in
 * review never reaches the public, whatever it says.
 */
export async function publicMeters(year: number, deps: PublicDeps, options: { withTrend?: boolean } = {}): Promise<MetersResponse> {
  // The reads are independent: one round of them, not one after the other.
  const [, goals, boards, documents, previousYear] = await Promise.all([
    requireCycle(year, deps.cycles),
    deps.cycles.getCouncilGoals(year),
    deps.boards.list(),
    deps.documents.listYear(year),
    options.withTrend === false
      ? undefined
      : publicMeters(year - 1, deps, { withTrend: false }).catch((error: unknown) => {
          if (error instanceof NotFound) return undefined;
          throw error;
        }),
  ]);
  if (!goals) throw new NotFound(`The council goals of ${year} are not published yet.`);
  const approved = documents.filter((doc) => doc.status === 'approved');
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
  const cycles = await deps.cycles.list();
  // Every year at once; a year whose goals are not published yet has no meters and is left out.
  const years = await Promise.all(
    cycles.map((cycle) =>
      publicMeters(cycle.year, deps, { withTrend: false }).then(
        (meters) => ({ year: cycle.year, meters: meters.meters }),
        (error: unknown) => {
          if (error instanceof NotFound) return undefined;
          throw error;
        },
      ),
    ),
  );
  return indicatorSeries(indicatorId, years.filter((year) => year !== undefined));
}

function isReport(doc: StoredDocument): doc is StoredDocument & { kind: 't1' | 't2' | 'annual' } {
  return doc.kind !== 'plan';
}

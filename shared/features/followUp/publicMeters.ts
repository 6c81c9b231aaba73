import { buildMeters, indicatorSeries, type MetersInput } from '../../domain/meters';
import { NotFound } from '../../domain/errors';
import type { BoardEntry, BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { IndicatorSeries, MetersResponse } from '../../schemas/meters';
import { requireCycle } from '../cycles/cycles';

interface PublicDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
}

/**
 * The public strategy meters of a year, built from approved documents only: a draft or a document in
 * review never reaches the public, whatever it says. They are folded from the year's approved figures, which
 * each approval writes in its own transaction, so no document is read here.
 */
export async function publicMeters(year: number, deps: PublicDeps, options: { withTrend?: boolean } = {}): Promise<MetersResponse> {
  // The reads are independent: one round of them, not one after the other.
  const [directory, meters, previousYear] = await Promise.all([
    deps.boards.directory(),
    yearMeters(year, deps),
    options.withTrend === false ? undefined : yearMeters(year - 1, deps).catch(absentAsUndefined),
  ]);
  const previous = previousYear && buildMeters(previousYear(directory));
  return buildMeters({ ...meters(directory), previousYear: previous ? { year: year - 1, meters: previous.meters } : undefined });
}

/**
 * One indicator across every year that had it: the page per meter and the series for mid-term and end-of-term
 * reviews. Each year is read as the year page reads it (its goals and its approved figures, never a document).
 */
export async function publicIndicatorSeries(indicatorId: string, deps: PublicDeps): Promise<IndicatorSeries> {
  const [cycles, directory] = await Promise.all([deps.cycles.list(), deps.boards.directory()]);
  // Every year at once; a year whose goals are not published yet has no meters and is left out.
  const years = await Promise.all(
    cycles.map((cycle) =>
      yearMeters(cycle.year, deps).then((meters) => {
        const input = meters(directory);
        return { year: cycle.year, meters: buildMeters(input).meters, goals: input.goals, lastApprovedAt: input.lastApprovedFor(indicatorId) };
      }, absentAsUndefined),
    ),
  );
  return indicatorSeries(indicatorId, years.filter((year) => year !== undefined));
}

/** What a year's meters are built from, but the boards: its goals and its approved figures. */
async function yearMeters(year: number, deps: PublicDeps): Promise<(boards: BoardEntry[]) => MetersInput & { lastApprovedFor: (indicatorId: string) => string | null }> {
  const [, goals, figures] = await Promise.all([requireCycle(year, deps.cycles), deps.cycles.getCouncilGoals(year), deps.documents.approvedFigures(year)]);
  if (!goals) throw new NotFound(`The council goals of ${year} are not published yet.`);
  const approvedPlans = figures.filter((entry) => entry.kind === 'plan').map((entry) => ({ boardId: entry.boardId, content: { targets: entry.targets } }));
  const approvedReports = figures
    .filter((entry) => entry.kind !== 'plan')
    .map((entry) => ({ boardId: entry.boardId, kind: entry.kind, status: 'approved' as const, content: { indicators: entry.indicators } }));
  // The public meters show the top-level boards only: a unit's figures stay internal (its parent's roll-up) for now.
  return (directory) => {
    const units = new Set(directory.filter((board) => board.parentId).map((board) => board.boardId));
    const topLevel = (entry: { boardId: string }) => !units.has(entry.boardId);
    // The newest approval of a document with a figure for the indicator (ISO dates compare as strings).
    const lastApprovedFor = (indicatorId: string) =>
      figures
        .filter(topLevel)
        .filter((entry) => (entry.kind === 'plan' ? entry.targets : entry.indicators).some((figure) => figure.indicatorId === indicatorId))
        .reduce<string | null>((latest, entry) => (entry.approvedAt && (!latest || entry.approvedAt > latest) ? entry.approvedAt : latest), null);
    return { year, goals, lastApprovedFor, boards: directory.filter(topLevel), approvedPlans: approvedPlans.filter(topLevel), approvedReports: approvedReports.filter(topLevel) };
  };
}

function absentAsUndefined(error: unknown): undefined {
  if (error instanceof NotFound) return undefined;
  throw error;
}

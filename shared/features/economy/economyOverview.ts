import { economyOverviewOf } from '../../domain/economyOverview';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { EconomyOverview } from '../../schemas/economy';
import { requireCycle } from '../cycles/cycles';

/**
 * The city's economy of a year: each top-level board's budget beside its approved reports' money, and the total
 * (domain/economyOverview). Read from the budget, the board directory and the year's approved figures, in one round
 * of reads: no document is read, whatever the year holds. 404 without the year.
 */
export async function economyOverview(year: number, deps: { cycles: CycleRepository; boards: BoardRepository; documents: DocumentStore }): Promise<EconomyOverview> {
  const [, budget, directory, figures] = await Promise.all([
    requireCycle(year, deps.cycles),
    deps.cycles.getSetting(year, 'budget'),
    deps.boards.directory(),
    deps.documents.approvedFigures(year),
  ]);
  return economyOverviewOf({ year, budget: budget?.boards ?? [], directory, figures });
}

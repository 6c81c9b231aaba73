import type { CycleRepository } from '../../ports/cycleRepository';
import { requireCycle } from './cycles';
import { cycleView, type CycleView } from './cycleView';

/** GET /api/cycles/{year}: the cycle with its reporting periods as their workflows recorded them, read alongside. */
export async function readCycle(year: number, deps: { cycles: CycleRepository }): Promise<CycleView> {
  const [cycle, periods] = await Promise.all([requireCycle(year, deps.cycles), deps.cycles.periods(year)]);
  return cycleView(cycle, periods);
}

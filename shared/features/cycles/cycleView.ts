import type { PeriodRecord, StoredCycle } from '../../ports/cycleRepository';

export type CycleView = Omit<StoredCycle, 'approvedPlans' | 'summaryChunks'> & { periods?: PeriodRecord[] };

/** A cycle as the API shows it: without the approved-plans counter, which only guards the council goals. */
export function cycleView(cycle: StoredCycle, periods?: PeriodRecord[]): CycleView {
  const { approvedPlans: _approvedPlans, summaryChunks: _summaryChunks, ...shown } = cycle;
  return periods ? { ...shown, periods } : shown;
}

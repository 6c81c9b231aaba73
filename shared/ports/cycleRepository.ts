import type { CouncilGoals } from '../schemas/councilGoals';
import type { Cycle } from '../schemas/cycles';

export interface StoredCycle extends Cycle {
  version: number;
  /** Plans approved so far; the council goals are fixed once it is above zero. */
  approvedPlans: number;
}

export interface StoredCouncilGoals extends CouncilGoals {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface CycleRepository {
  get(year: number): Promise<StoredCycle | undefined>;
  /** Creates the cycle; false when the year exists already. */
  create(cycle: StoredCycle): Promise<boolean>;
  /** Writes a changed cycle if it still has `expectedVersion`. */
  update(cycle: StoredCycle, expectedVersion: number): Promise<void>;
  getCouncilGoals(year: number): Promise<StoredCouncilGoals | undefined>;
  /** Replaces the goals if they still have `expectedVersion` and no plan of the year is approved. */
  replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number): Promise<void>;
}

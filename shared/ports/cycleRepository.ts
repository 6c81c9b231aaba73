import type { CouncilGoals } from '../schemas/councilGoals';
import type { Cycle } from '../schemas/cycles';

export interface CompanyVerdict {
  boardId: string;
  withinPurpose: boolean;
  comment?: string;
}

export interface StoredCycle extends Cycle {
  version: number;
  /** Plans approved so far; the council goals are fixed once it is above zero. */
  approvedPlans: number;
  /** The executive board's sign-off: its comment and its purpose review of each company. */
  signoff?: { comment: string; companies: CompanyVerdict[] };
}

export interface CycleEvent {
  at: string;
  actor: string;
  role: string;
  action: 'opened' | 'calendar_changed' | 'council_goals_replaced' | 'signed_off';
  comment?: string;
}

export interface StoredCouncilGoals extends CouncilGoals {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A reporting period as its workflow recorded it. */
export interface PeriodRecord {
  kind: string;
  openedAt?: string;
  closesAt?: string;
  closedAt?: string;
  /** Boards that had not submitted when the period closed. */
  late?: string[];
}

export interface CycleRepository {
  /** Records what a period's workflow did (opened, closing time, closed with the late boards). */
  recordPeriod(year: number, kind: string, fields: Omit<PeriodRecord, 'kind'>): Promise<void>;
  periods(year: number): Promise<PeriodRecord[]>;
  get(year: number): Promise<StoredCycle | undefined>;
  /** Creates the cycle; false when the year exists already. */
  create(cycle: StoredCycle): Promise<boolean>;
  /** Writes a changed cycle, with its audit event, if it still has `expectedVersion` and is open. */
  update(cycle: StoredCycle, expectedVersion: number, event: CycleEvent): Promise<void>;
  /** The cycle's own audit trail (opened, calendar changes, sign-off), oldest first. */
  events(year: number): Promise<CycleEvent[]>;
  /** Every cycle, oldest year first. */
  list(): Promise<StoredCycle[]>;
  getCouncilGoals(year: number): Promise<StoredCouncilGoals | undefined>;
  /** Replaces the goals if they still have `expectedVersion` and no plan of the year is approved. */
  replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number): Promise<void>;
}

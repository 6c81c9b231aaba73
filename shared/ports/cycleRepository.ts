import type { CouncilGoals } from '../schemas/councilGoals';
import type { Cycle } from '../schemas/cycles';
import type { BudgetLine, ReportSection } from '../schemas/economy';

export interface CompanyVerdict {
  boardId: string;
  withinPurpose: boolean;
  comment?: string;
}

export interface StoredCycle extends Cycle {
  version: number;
  /** Plans approved so far; the council goals are fixed once it is above zero. */
  approvedPlans: number;
  /**
   * How many items the year's summary is spread over (domain/summary.summaryChunksFor), fixed when the year opens.
   * Absent on a year opened before the summary existed: one item.
   */
  summaryChunks?: number;
  /** The executive board's sign-off: its comment and its purpose review of each company. */
  signoff?: { comment: string; companies: CompanyVerdict[] };
}

export const cycleEventActions = ['opened', 'council_goals_replaced', 'calendar_changed', 'signed_off', 'budget_replaced', 'report_sections_replaced'] as const;

/** One change of a cycle or its council goals; written in the same transaction as the change. */
/** What a cycle event changed: each field belongs to one action. */
export interface CycleEventDetails {
  /** `opened`: the cycle's time zone. */
  timeZone?: string;
  /** `calendar_changed`: each calendar setting that moved, from and to. */
  changes?: Array<{ field: string; from: string | number | null; to: string | number }>;
  /** `council_goals_replaced`: the version written and what it holds. */
  goals?: { version: number; directionGoals: number; indicators: number };
  /** `budget_replaced`: the version written, how many boards have a line, and their net costs added (tkr). */
  budget?: { version: number; boards: number; netCost: number };
  /** `report_sections_replaced`: the version written and how many sections. */
  sections?: { version: number; sections: number };
  /** `signed_off`: how many companies' purpose the executive board reviewed. */
  companies?: number;
  /** `opened` and `council_goals_replaced` of a year copied from another (POST /api/cycles with copyFrom): that year. */
  copiedFrom?: number;
}

export interface CycleEvent {
  at: string;
  actor: string;
  /** The person's name when the token carried one. */
  actorName?: string;
  role: string;
  action: (typeof cycleEventActions)[number];
  /** What the person said (the sign-off's comment). */
  comment?: string;
  /** What changed, as data the reader words in its own language. */
  details?: CycleEventDetails;
}

/** The cycle is not at the version read, or is no longer open (signed off). */
export class CycleChanged extends Error {
  constructor(readonly year: number) {
    super(`cycle ${year} is not at the expected version, or not open`);
    this.name = 'CycleChanged';
  }
}

/**
 * Why the council goals were not replaced: the cycle is missing, signed off or has an approved plan (`cycle`), or
 * the goals are not at the version read (`goals`).
 */
export class CouncilGoalsRefused extends Error {
  constructor(readonly reason: 'cycle' | 'goals') {
    super(`council goals not replaced: ${reason}`);
    this.name = 'CouncilGoalsRefused';
  }
}

export interface StoredCouncilGoals extends CouncilGoals {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Who changed a year's setting, and when; `version` counts the changes (0: never set). */
interface SettingStamp {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** The council's budget for the year (api.md 1.1): a net cost per board, a return requirement per company. */
export interface StoredBudget extends SettingStamp {
  unit: 'tkr';
  boards: BudgetLine[];
}

/** The text sections the city asks the boards to write in their reports, in the city's order. */
export interface StoredReportSections extends SettingStamp {
  sections: ReportSection[];
}

/** A year's settings besides the calendar and the goals, each one item replaced whole. */
export interface CycleSettings {
  budget: StoredBudget;
  reportSections: StoredReportSections;
}
export type CycleSettingName = keyof CycleSettings;

/** Why a setting was not replaced: the cycle is missing or signed off (`cycle`), or it is not at the version read (`version`). */
export class SettingRefused extends Error {
  constructor(
    readonly setting: CycleSettingName,
    readonly reason: 'cycle' | 'version',
  ) {
    super(`${setting} not replaced: ${reason}`);
    this.name = 'SettingRefused';
  }
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
  /** Creates the cycle with its `opened` event; false when the year exists already. */
  create(cycle: StoredCycle, event: CycleEvent): Promise<boolean>;
  /** Writes a changed cycle, with its audit event, if it still has `expectedVersion` and is open; else CycleChanged. */
  update(cycle: StoredCycle, expectedVersion: number, event: CycleEvent): Promise<void>;
  /** The cycle's own audit trail (opened, calendar changes, sign-off), oldest first. */
  events(year: number): Promise<CycleEvent[]>;
  /** Every cycle, oldest year first. */
  list(): Promise<StoredCycle[]>;
  getCouncilGoals(year: number): Promise<StoredCouncilGoals | undefined>;
  /**
   * Replaces the goals, with the cycle's event, if they still have `expectedVersion` and the cycle is open with no
   * plan approved; else CouncilGoalsRefused.
   */
  replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number, event: CycleEvent): Promise<void>;
  getSetting<N extends CycleSettingName>(year: number, name: N): Promise<CycleSettings[N] | undefined>;
  /**
   * Replaces the setting, with the cycle's event, if it is still at `expectedVersion` (0: never set) and the cycle
   * is open; else SettingRefused.
   */
  replaceSetting<N extends CycleSettingName>(year: number, name: N, value: CycleSettings[N], expectedVersion: number, event: CycleEvent): Promise<void>;
}

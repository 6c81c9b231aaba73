/**
 * A parent's roll-up: its units' approved reports of one kind, per indicator of the parent's plan, combined by the
 * indicator's rule, and the units' goal assessments counted per goal of the parent's plan. Pure: the figures come
 * from the parent's roll-up item (one attribute per unit document, kept by the store in the document's commit).
 *
 * Rules (an indicator without one rolls up `none`):
 *   - sum: the units' values added (places, visits);
 *   - mean: their unweighted mean (shares, scores);
 *   - weighted: their mean weighted by a unit attribute (`weightBy`: pupils, beds); a unit without the attribute
 *     (or with a negative one) is left out of the mean, and shows `weight: null`;
 *   - none: listed, not combined (aggregate null).
 * Outcome and forecast combine separately, each over the units that have that value; no value, no aggregate (null).
 * The units' money is added: net cost so far, forecast and outcome, each over the units that gave it.
 */
import type { CouncilGoals, RollupRule } from '../schemas/councilGoals';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { PlanContent, ReportContent, Rollup } from '../schemas/documents';
import { allIndicators } from './councilGoals';
import { economyFiguresOf, reportedValuesOf, type EconomyFigures } from './summary';

export type ReportKind = Exclude<DocumentKind, 'plan'>;
type Assessment = ReportContent['goals'][number]['assessment'];

/** What a unit's approved plan gives its parent's roll-up: which of the parent's goals each of its goals makes concrete. */
export interface UnitPlanFigures {
  boardId: string;
  kind: 'plan';
  goals: Array<{ goalId: string; parentGoalId: string }>;
}

/** What a unit's approved report gives its parent's roll-up: its values and its goal assessments. */
export interface UnitReportFigures {
  boardId: string;
  kind: ReportKind;
  indicators: Array<{ indicatorId: string; outcome?: number; forecast?: number }>;
  goals: Array<{ goalId: string; assessment: Assessment }>;
  /** Its money (numbers only), when it gave any. */
  economy?: Omit<EconomyFigures, 'comment'>;
}

export type UnitFigures = UnitPlanFigures | UnitReportFigures;

interface RolledDocument {
  boardId: string;
  kind: DocumentKind;
  status: DocumentStatus;
  content: unknown;
  parentId?: string;
}

/**
 * The figures a unit's document keeps in its parent's roll-up item: only while it is approved, and only for a
 * document that names its parent (a unit's, as submitted); undefined otherwise.
 */
export function unitFiguresOf(doc: RolledDocument): UnitFigures | undefined {
  if (doc.status !== 'approved' || !doc.parentId) return undefined;
  if (doc.kind === 'plan') {
    const content = doc.content as Pick<PlanContent, 'goals'>;
    return {
      boardId: doc.boardId,
      kind: 'plan',
      goals: content.goals.flatMap((goal) => (goal.parentGoalId ? [{ goalId: goal.id, parentGoalId: goal.parentGoalId }] : [])),
    };
  }
  const content = doc.content as Pick<ReportContent, 'indicators' | 'goals' | 'economy'>;
  const economy = economyFiguresOf(content, { withComment: false });
  return {
    boardId: doc.boardId,
    kind: doc.kind,
    indicators: reportedValuesOf(content),
    goals: content.goals.map(({ goalId, assessment }) => ({ goalId, assessment })),
    ...(economy ? { economy } : {}),
  };
}

/** A unit as the roll-up knows it: from the board directory. */
export interface RollupUnit {
  boardId: string;
  name?: string;
  attributes?: Record<string, number | string | boolean>;
}

export interface RollupInput {
  kind: ReportKind;
  /** The parent's approved plan (undefined: none yet, so no indicators and no goals to roll up to). */
  parentPlan?: Pick<PlanContent, 'targets' | 'goals' | 'ownIndicators'>;
  goals?: CouncilGoals;
  /** The parent's direct units, from the directory. */
  units: readonly RollupUnit[];
  /** The entries of the parent's roll-up item. */
  figures: readonly UnitFigures[];
}

interface RuleOf {
  indicatorId: string;
  rule: RollupRule;
  weightBy?: string;
}

/** The parent's indicators with their rules: the council's it set a target for, in its plan's order, then its own. */
export function rollupIndicators(plan: Pick<PlanContent, 'targets' | 'ownIndicators'>, goals: CouncilGoals | undefined): RuleOf[] {
  const council = new Map((goals ? allIndicators(goals) : []).map(({ indicator }) => [indicator.id, indicator]));
  const own = plan.ownIndicators.map((indicator) => ({ indicatorId: indicator.id, rule: indicator.rollup ?? 'none', weightBy: indicator.weightBy }));
  const ownIds = new Set(own.map((indicator) => indicator.indicatorId));
  const targeted = plan.targets
    .filter((target) => !ownIds.has(target.indicatorId))
    .map((target) => {
      const indicator = council.get(target.indicatorId);
      return { indicatorId: target.indicatorId, rule: indicator?.rollup ?? 'none', weightBy: indicator?.weightBy };
    });
  return [...targeted, ...own].map(({ weightBy, ...rest }) => (rest.rule === 'weighted' && weightBy ? { ...rest, weightBy } : rest));
}

/** Twelve significant digits: hides binary noise (0.1 + 0.2) without rounding real data (as the meters). */
const tidy = (n: number) => Number(n.toPrecision(12));

/** The values combined by `rule`; null for `none`, when no value is given, or when the weights add up to nothing. */
export function combine(rule: RollupRule, values: ReadonlyArray<{ value: number | null; weight?: number | null }>): number | null {
  const given = values.filter((entry): entry is { value: number; weight?: number | null } => entry.value !== null);
  if (rule === 'none' || given.length === 0) return null;
  if (rule === 'sum') return tidy(given.reduce((sum, entry) => sum + entry.value, 0));
  if (rule === 'mean') return tidy(given.reduce((sum, entry) => sum + entry.value, 0) / given.length);
  const weighed = given.filter((entry): entry is { value: number; weight: number } => typeof entry.weight === 'number');
  const total = weighed.reduce((sum, entry) => sum + entry.weight, 0);
  if (total <= 0) return null;
  return tidy(weighed.reduce((sum, entry) => sum + entry.value * entry.weight, 0) / total);
}

/** A unit's weight: its attribute `weightBy` when that is a number of at least zero; null otherwise. */
export function weightOf(unit: RollupUnit, weightBy: string | undefined): number | null {
  const value = weightBy ? unit.attributes?.[weightBy] : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

const worstFirst: readonly Assessment[] = ['not', 'partly', 'fulfilled'];

/** The roll-up of one report kind (see the rules at the top of this file). */
export function rollupOf(input: RollupInput): Rollup {
  const units = [...input.units].sort((a, b) => (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0));
  const below = new Set(units.map((unit) => unit.boardId));
  const reports = new Map<string, UnitReportFigures>();
  const plans = new Map<string, UnitPlanFigures>();
  for (const entry of input.figures) {
    // Only the parent's units as the directory has them now: a unit moved away is another parent's.
    if (!below.has(entry.boardId)) continue;
    if (entry.kind === 'plan') plans.set(entry.boardId, entry);
    else if (entry.kind === input.kind) reports.set(entry.boardId, entry);
  }
  const reporting = units.filter((unit) => reports.has(unit.boardId));

  const indicators = (input.parentPlan ? rollupIndicators(input.parentPlan, input.goals) : []).map(({ indicatorId, rule, weightBy }) => {
    const rows = reporting.map((unit) => {
      const value = reports.get(unit.boardId)!.indicators.find((indicator) => indicator.indicatorId === indicatorId);
      return {
        boardId: unit.boardId,
        ...(unit.name ? { name: unit.name } : {}),
        outcome: value?.outcome ?? null,
        forecast: value?.forecast ?? null,
        ...(rule === 'weighted' ? { weight: weightOf(unit, weightBy) } : {}),
      };
    });
    const weighted = (pick: 'outcome' | 'forecast') => combine(rule, rows.map((row) => ({ value: row[pick], weight: row.weight })));
    const aggregate = rule === 'none' ? null : { outcome: weighted('outcome'), forecast: weighted('forecast') };
    return { indicatorId, rule, ...(weightBy ? { weightBy } : {}), units: rows, aggregate: aggregate && (aggregate.outcome === null && aggregate.forecast === null ? null : aggregate) };
  });

  const goals = (input.parentPlan?.goals ?? []).map((goal) => {
    const counts = { goalId: goal.id, fulfilled: 0, partly: 0, not: 0, units: 0 };
    for (const unit of units) {
      const own = new Set(plans.get(unit.boardId)?.goals.filter((mapped) => mapped.parentGoalId === goal.id).map((mapped) => mapped.goalId));
      if (own.size === 0) continue;
      counts.units += 1;
      // A unit with several goals below the parent's counts once, by its least fulfilled one.
      const assessed = reports.get(unit.boardId)?.goals.filter((assessment) => own.has(assessment.goalId)).map((assessment) => assessment.assessment) ?? [];
      const worst = worstFirst.find((assessment) => assessed.includes(assessment));
      if (worst) counts[worst] += 1;
    }
    return counts;
  });

  const economy = economyRollup(reporting, reports);
  return { units: units.length, reported: reporting.length, indicators, goals, ...(economy ? { economy } : {}) };
}

/** The reporting units' net costs, each added over the units that gave it; undefined when no unit gave any money. */
function economyRollup(reporting: readonly RollupUnit[], reports: ReadonlyMap<string, UnitReportFigures>): Rollup['economy'] {
  const rows = reporting.flatMap((unit) => {
    const money = reports.get(unit.boardId)!.economy;
    if (!money) return [];
    return [{ boardId: unit.boardId, ...(unit.name ? { name: unit.name } : {}), outcomeToDate: money.outcomeToDate ?? null, forecast: money.forecast ?? null, outcome: money.outcome ?? null }];
  });
  if (rows.length === 0) return undefined;
  const total = (pick: 'outcomeToDate' | 'forecast' | 'outcome') => combine('sum', rows.map((row) => ({ value: row[pick] })));
  return { units: rows, total: { outcomeToDate: total('outcomeToDate'), forecast: total('forecast'), outcome: total('outcome') } };
}

/** One entry of a parent's roll-up item to set (with `figures`) or remove (without). */
export interface RollupWrite {
  parentId: string;
  boardId: string;
  kind: DocumentKind;
  figures?: UnitFigures;
}

/**
 * What a document's change does to the roll-up items: sets its entry under its parent while approved, removes it
 * when it leaves approved, and moves it when the document names another parent than before. Nothing where the
 * entry stays as it was. Without `previous` (not read), an entry that may exist is removed to be sure; a document
 * created by the change (`created`) had none.
 */
export function rollupWrites(next: RolledDocument, previous: RolledDocument | undefined, created = false): RollupWrite[] {
  const now = unitFiguresOf(next);
  const address = { boardId: next.boardId, kind: next.kind };
  const writes: RollupWrite[] = [];
  if (previous) {
    const was = unitFiguresOf(previous);
    const moved = previous.parentId !== next.parentId;
    if (was && moved) writes.push({ parentId: previous.parentId!, ...address });
    if (now && (moved || !was || JSON.stringify(was) !== JSON.stringify(now))) writes.push({ parentId: next.parentId!, ...address, figures: now });
    else if (!now && was && !moved) writes.push({ parentId: next.parentId!, ...address });
    return writes;
  }
  if (now) writes.push({ parentId: next.parentId!, ...address, figures: now });
  else if (next.parentId && !created) writes.push({ parentId: next.parentId, ...address });
  return writes;
}

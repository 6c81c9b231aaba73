/**
 * A unit's plan (a school below a district board, a subsidiary below a company): it makes its parent's approved plan
 * concrete, with a target for every indicator that plan has a target for, and is checked against those targets the
 * way a board's plan is checked against the council's. Pure rules; the parent's plan is read by the use case.
 */
import type { CouncilGoals, Direction, RollupRule } from '../schemas/councilGoals';
import type { DocumentStatus } from '../schemas/common';
import type { PlanContent, TargetFinding } from '../schemas/documents';
import { allIndicators } from './councilGoals';
import { Conflict, type FieldError } from './errors';
import { planBodyProblems } from './plan';
import { duplicateIdProblems, pathOf } from './problems';
import { isLessAmbitious } from './targets';

/** An indicator of the parent's plan with the parent's target: one the unit must set a target for. */
export interface ParentIndicator {
  indicatorId: string;
  name: string;
  unit: string;
  direction: Direction;
  /** The parent's target for the year. */
  target: number;
  /** A council indicator the parent set a target for, or one of the parent's own indicators. */
  source: 'council' | 'own';
  /** How the parent's report rolls the units' values up, when the indicator says. */
  rollup?: RollupRule;
}

/** The parent's approved plan as the unit's rules need it. */
export interface ParentPlan {
  boardId: string;
  plan: Pick<PlanContent, 'targets' | 'ownIndicators' | 'goals'>;
}

/**
 * Every indicator of the parent's plan that has a target: the council's indicators it set targets for (in the
 * council's order), then its own indicators. A target naming an indicator the council no longer has is left out.
 */
export function parentIndicatorsOf(goals: CouncilGoals, plan: Pick<PlanContent, 'targets' | 'ownIndicators'>): ParentIndicator[] {
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t.target]));
  const council: ParentIndicator[] = allIndicators(goals)
    .map((r) => r.indicator)
    .filter((i) => targets.has(i.id))
    .map((i) => ({ indicatorId: i.id, name: i.name, unit: i.unit, direction: i.direction, target: targets.get(i.id)!, source: 'council', ...(i.rollup ? { rollup: i.rollup } : {}) }));
  const own: ParentIndicator[] = plan.ownIndicators.map((o) => ({
    indicatorId: o.id,
    name: o.name,
    unit: o.unit,
    direction: o.direction,
    target: o.target,
    source: 'own',
    ...(o.rollup ? { rollup: o.rollup } : {}),
  }));
  return [...council, ...own];
}

const listed = (ids: readonly string[]) => (ids.length > 0 ? ids.join(', ') : 'none');

/** Every reason a unit's plan cannot be submitted yet, against its parent's approved plan. */
export function unitPlanProblems(goals: CouncilGoals, parent: ParentPlan, content: PlanContent): FieldError[] {
  const indicators = parentIndicatorsOf(goals, parent.plan);
  const known = new Map(indicators.map((i) => [i.indicatorId, i]));
  const problems: FieldError[] = [];

  // A target for every indicator of the parent's plan, and for no other
  problems.push(...duplicateIdProblems(content.targets, (t) => t.indicatorId, 'targets', 'indicatorId', 'a target for indicator'));
  content.targets.forEach((t, i) => {
    if (!known.has(t.indicatorId)) {
      problems.push({
        path: pathOf('targets', i, 'indicatorId'),
        message:
          `the plan of ${parent.boardId} has no target for indicator ${t.indicatorId}, and a unit sets targets only for its parent's indicators ` +
          `(${listed([...known.keys()])}); correct the id, remove the target, or make it one of the unit's own indicators`,
      });
    }
  });
  const targeted = new Set(content.targets.map((t) => t.indicatorId));
  for (const indicator of indicators) {
    if (!targeted.has(indicator.indicatorId)) {
      problems.push({
        path: 'targets',
        message: `indicator ${indicator.indicatorId} (${indicator.name}) has a target in the plan of ${parent.boardId} (${indicator.target} ${indicator.unit}): set the unit's annual target for it`,
      });
    }
  }

  // Goals, own indicators, risks and controls as on every level; an own indicator takes no id already in use above.
  const reserved = new Map(allIndicators(goals).map((r) => [r.indicator.id, 'the id of a council indicator']));
  for (const own of parent.plan.ownIndicators) reserved.set(own.id, `the id of an indicator of the plan of ${parent.boardId}`);
  problems.push(...planBodyProblems(goals, content, reserved));

  // A goal may say which goal of the parent's plan it makes concrete
  const parentGoals = parent.plan.goals.map((g) => g.id);
  content.goals.forEach((g, i) => {
    if (g.parentGoalId !== undefined && !parentGoals.includes(g.parentGoalId)) {
      problems.push({
        path: pathOf('goals', i, 'parentGoalId'),
        message: `the plan of ${parent.boardId} has no goal ${g.parentGoalId}; link goal ${g.id} to one of its goals (${listed(parentGoals)}) or leave parentGoalId out`,
      });
    }
  });
  return problems;
}

/**
 * One TARGET_BELOW_PARENT finding per indicator whose unit target is less ambitious than the parent's (direction-aware).
 * Not an error: the parent's office weighs it. An indicator that rolls up as a sum (places, visits) is not compared:
 * a unit's part of the sum is not the sum. Targets the parent's plan does not have are left to unitPlanProblems.
 */
export function unitTargetFindings(parentId: string, indicators: readonly ParentIndicator[], plan: Pick<PlanContent, 'targets'>): TargetFinding[] {
  const parent = new Map(indicators.map((i) => [i.indicatorId, i]));
  const findings: TargetFinding[] = [];
  const seen = new Set<string>();
  for (const { indicatorId, target } of plan.targets) {
    const indicator = parent.get(indicatorId);
    if (!indicator || seen.has(indicatorId)) continue;
    seen.add(indicatorId);
    if (indicator.rollup !== 'sum' && isLessAmbitious(indicator.direction, indicator.target, target)) {
      findings.push({ code: 'TARGET_BELOW_PARENT', indicatorId, parentId, parentTarget: indicator.target, unitTarget: target, direction: indicator.direction });
    }
  }
  return findings;
}

/** The parent's plan as the unit's submit sees it: whose it is, and how far it has come. */
export interface ParentPlanState {
  boardId: string;
  name: string;
  status: DocumentStatus;
  /** Whether the parent itself sits below another board (then that board's office decides on it, not the city). */
  parentIsUnit: boolean;
}

/** Throws 409 unless the parent's plan is approved, saying who must act before the unit can submit. */
export function assertParentPlanApproved(unitId: string, parent: ParentPlanState): void {
  if (parent.status === 'approved') return;
  const who = `${parent.name} (${parent.boardId})`;
  const decider = parent.parentIsUnit ? `the office of the board above ${parent.boardId}` : "the city's reviewers";
  const next =
    parent.status === 'in_review'
      ? `it is in review: ${decider} must approve it first`
      : `it is ${parent.status.replace('_', ' ')}: the editors of ${parent.boardId} must submit it and ${decider} approve it first`;
  throw new Conflict(
    `${unitId} plans against the approved plan of ${who}, the board above it, and that plan is not approved yet (${next}). ` +
      'Save your draft meanwhile, and submit once the plan above is approved.',
  );
}

/** Is a tertial or annual report complete enough to submit? An empty list of problems means yes. */
import type { CouncilGoals, Direction } from '../schemas/councilGoals';
import type { PlanContent, ReportContent } from '../schemas/documents';
import { allIndicators, isAssignedTo } from './councilGoals';
import type { FieldError } from './errors';
import { duplicateIdProblems, pathOf } from './problems';
import type { ParentIndicator } from './unitPlan';

export type ReportKind = 't1' | 't2' | 'annual';

export interface PlanIndicator {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  /** The board's target for the year; absent when the plan set none. */
  target?: number;
  /** The council's target, for council indicators. */
  councilTarget?: number;
  /** A unit's indicator from its parent's plan: the parent's target. */
  parentTarget?: number;
  /** A council indicator, one of the parent's own indicators (units only), or the plan's own. */
  source: 'council' | 'parent' | 'own';
}

/**
 * The indicators a board reports on. A board at the top: the council indicators assigned to it or given a target in
 * its plan (in the council's order), then the plan's own indicators. A unit (`parent` given: the indicators of its
 * parent's plan): the indicators its own plan set targets for, council ones in the council's order, then the
 * parent's own in the parent's order, then the unit's own; the council's assignment does not reach units.
 */
export function planIndicatorsOf(
  goals: CouncilGoals,
  boardId: string,
  plan: Pick<PlanContent, 'targets' | 'ownIndicators'>,
  parent?: { indicators: readonly ParentIndicator[] },
): PlanIndicator[] {
  const targets = new Map(plan.targets.map((t) => [t.indicatorId, t.target]));
  const parentTargets = new Map(parent?.indicators.map((i) => [i.indicatorId, i.target]));
  const council: PlanIndicator[] = allIndicators(goals)
    .map((r) => r.indicator)
    .filter((i) => (parent ? targets.has(i.id) : isAssignedTo(i, boardId) || targets.has(i.id)))
    .map((i) => ({
      id: i.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      target: targets.get(i.id),
      councilTarget: i.target,
      ...(parentTargets.has(i.id) ? { parentTarget: parentTargets.get(i.id) } : {}),
      source: 'council',
    }));
  // A unit's target for an indicator neither the council nor the parent's plan has was refused when its plan was submitted.
  const fromParent: PlanIndicator[] = (parent?.indicators ?? [])
    .filter((i) => i.source === 'own' && targets.has(i.indicatorId))
    .map((i) => ({ id: i.indicatorId, name: i.name, unit: i.unit, direction: i.direction, target: targets.get(i.indicatorId), parentTarget: i.target, source: 'parent' }));
  const own: PlanIndicator[] = plan.ownIndicators.map((o) => ({ id: o.id, name: o.name, unit: o.unit, direction: o.direction, target: o.target, source: 'own' }));
  return [...council, ...fromParent, ...own];
}

/** Every reason the report cannot be submitted yet. */
export function reportProblems(
  kind: ReportKind,
  planIndicators: ReadonlyArray<{ id: string; name: string }>,
  planGoalIds: Iterable<string>,
  content: ReportContent,
): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set(planIndicators.map((i) => i.id));
  const goalIds = new Set(planGoalIds);

  problems.push(...duplicateIdProblems(content.indicators, (i) => i.indicatorId, 'indicators', 'indicatorId', 'a value for indicator'));
  content.indicators.forEach((entry, i) => {
    if (!known.has(entry.indicatorId)) {
      problems.push({ path: pathOf('indicators', i, 'indicatorId'), message: `indicator ${entry.indicatorId} is not in the board's plan; correct the id or remove the entry` });
    }
  });
  problems.push(...duplicateIdProblems(content.goals, (g) => g.goalId, 'goals', 'goalId', 'an assessment of goal'));
  content.goals.forEach((entry, i) => {
    if (!goalIds.has(entry.goalId)) {
      problems.push({ path: pathOf('goals', i, 'goalId'), message: `goal ${entry.goalId} is not in the board's plan; correct the id or remove the assessment` });
    }
  });

  const field = kind === 'annual' ? 'outcome' : 'forecast';
  const wording = kind === 'annual' ? 'the outcome for the year' : 'a forecast for the year';
  for (const indicator of planIndicators) {
    const i = content.indicators.findIndex((e) => e.indicatorId === indicator.id);
    if (i === -1) problems.push({ path: 'indicators', message: `indicator ${indicator.id} (${indicator.name}) is missing: give ${wording}` });
    else if (content.indicators[i][field] === undefined) {
      problems.push({ path: pathOf('indicators', i, field), message: `give ${wording} for indicator ${indicator.id} (${indicator.name})` });
    }
  }

  if (kind === 'annual') {
    const assessed = new Set(content.goals.map((g) => g.goalId));
    for (const goalId of goalIds) {
      if (!assessed.has(goalId)) problems.push({ path: 'goals', message: `goal ${goalId} is not assessed: say whether it was fulfilled, partly fulfilled or not fulfilled` });
    }
    const control = content.internalControl;
    if (!control) {
      problems.push({ path: 'internalControl', message: 'assess the internal control of the year: sufficient, partly_sufficient or insufficient' });
    } else if (control.assessment !== 'sufficient' && !control.comment?.trim()) {
      problems.push({ path: 'internalControl.comment', message: 'the internal control is not assessed as sufficient: explain why and what the board will do about it' });
    }
  }
  return problems;
}


/** The council's goals: checks on a set before it is stored, and look-ups used by plans and reports. */
import type { AreaGoal, CouncilGoals, CouncilIndicator, DirectionGoal } from '../schemas/councilGoals';
import type { DocumentStatus } from '../schemas/common';
import { Conflict, ValidationFailed, type FieldError } from './errors';
import { pathOf } from './problems';

export interface IndicatorRef {
  indicator: CouncilIndicator;
  areaGoal: AreaGoal;
  directionGoal: DirectionGoal;
  /** Where the indicator sits in the set, e.g. `directionGoals.0.areaGoals.1.indicators.2`. */
  path: string;
}

/** Every indicator with its area goal, direction goal and path, in document order. */
export function allIndicators(goals: CouncilGoals): IndicatorRef[] {
  return goals.directionGoals.flatMap((directionGoal, d) =>
    directionGoal.areaGoals.flatMap((areaGoal, a) =>
      areaGoal.indicators.map((indicator, i) => ({
        indicator,
        areaGoal,
        directionGoal,
        path: pathOf('directionGoals', d, 'areaGoals', a, 'indicators', i),
      })),
    ),
  );
}

/** Whether the board must set a target for the indicator: no `boards` list means every board. */
export function isAssignedTo(indicator: CouncilIndicator, boardId: string): boolean {
  return indicator.boards === undefined || indicator.boards.includes(boardId);
}

/** The council indicators a board must set targets for and report on. */
export function indicatorsFor(goals: CouncilGoals, boardId: string): CouncilIndicator[] {
  return allIndicators(goals)
    .map((r) => r.indicator)
    .filter((indicator) => isAssignedTo(indicator, boardId));
}

/** An indicator by id, with the area goal and direction goal it belongs to. */
export function findIndicator(goals: CouncilGoals, id: string): IndicatorRef | undefined {
  return allIndicators(goals).find((r) => r.indicator.id === id);
}

/** An area goal by id, with its direction goal. */
export function findAreaGoal(goals: CouncilGoals, id: string): { areaGoal: AreaGoal; directionGoal: DirectionGoal } | undefined {
  for (const directionGoal of goals.directionGoals) {
    const areaGoal = directionGoal.areaGoals.find((a) => a.id === id);
    if (areaGoal) return { areaGoal, directionGoal };
  }
  return undefined;
}

/**
 * One problem in a set of council goals, as data: the server words it in English (councilGoalsProblems), the web
 * app in the person's language, so that both say the same thing.
 */
export type CouncilGoalsIssue =
  | { code: 'duplicate_id'; path: string; id: string; firstPath: string }
  | { code: 'board_listed_twice'; path: string; boardId: string; indicatorId: string }
  | { code: 'unknown_board'; path: string; boardId: string; indicatorId: string }
  | { code: 'weight_by_missing'; path: string; indicatorId: string };

/**
 * Every issue in a set of council goals: ids used twice (one namespace for all levels), boards listed twice or that
 * do not exist, and a weighted roll-up that names no unit attribute to weigh by (it would roll up to nothing).
 */
export function councilGoalsIssues(goals: CouncilGoals, existingBoardIds: ReadonlySet<string>): CouncilGoalsIssue[] {
  const issues: CouncilGoalsIssue[] = [];
  const firstUse = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = firstUse.get(id);
    if (first === undefined) firstUse.set(id, path);
    else issues.push({ code: 'duplicate_id', path, id, firstPath: first });
  };
  goals.directionGoals.forEach((directionGoal, d) => {
    claim(directionGoal.id, pathOf('directionGoals', d, 'id'));
    directionGoal.areaGoals.forEach((areaGoal, a) => {
      claim(areaGoal.id, pathOf('directionGoals', d, 'areaGoals', a, 'id'));
      areaGoal.indicators.forEach((indicator, i) => {
        const at = pathOf('directionGoals', d, 'areaGoals', a, 'indicators', i);
        claim(indicator.id, pathOf(at, 'id'));
        const listed = new Set<string>();
        indicator.boards?.forEach((boardId, b) => {
          const path = pathOf(at, 'boards', b);
          if (listed.has(boardId)) issues.push({ code: 'board_listed_twice', path, boardId, indicatorId: indicator.id });
          else if (!existingBoardIds.has(boardId)) issues.push({ code: 'unknown_board', path, boardId, indicatorId: indicator.id });
          listed.add(boardId);
        });
        if (indicator.rollup === 'weighted' && !indicator.weightBy) issues.push({ code: 'weight_by_missing', path: pathOf(at, 'weightBy'), indicatorId: indicator.id });
      });
    });
  });
  return issues;
}

/** An issue in words, for the problem+json `errors` of a 422. */
function problemOf(issue: CouncilGoalsIssue): FieldError {
  switch (issue.code) {
    case 'duplicate_id':
      return { path: issue.path, message: `id ${issue.id} is already used at ${issue.firstPath}; give every goal and indicator its own id` };
    case 'board_listed_twice':
      return { path: issue.path, message: `board ${issue.boardId} is listed twice for indicator ${issue.indicatorId}; list it once` };
    case 'unknown_board':
      return {
        path: issue.path,
        message: `there is no board ${issue.boardId}; create it (PUT /api/boards/${issue.boardId}) or remove it from indicator ${issue.indicatorId}`,
      };
    case 'weight_by_missing':
      return {
        path: issue.path,
        message: `indicator ${issue.indicatorId} rolls up weighted: name the unit attribute that weighs each unit in weightBy (e.g. pupils or beds), or choose another rollup`,
      };
  }
}

/** Every problem in a set of council goals, in words (see councilGoalsIssues). */
export function councilGoalsProblems(goals: CouncilGoals, existingBoardIds: ReadonlySet<string>): FieldError[] {
  return councilGoalsIssues(goals, existingBoardIds).map(problemOf);
}

/** Throws ValidationFailed naming every problem in the set (see councilGoalsProblems). */
export function validateCouncilGoals(goals: CouncilGoals, existingBoardIds: ReadonlySet<string>): void {
  const problems = councilGoalsProblems(goals, existingBoardIds);
  if (problems.length > 0) {
    throw new ValidationFailed(
      `The council goals have ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix each one listed in errors and send the whole set again.`,
      problems,
    );
  }
}

/** The council's goals can be replaced while no plan of the year is approved; throws Conflict naming the boards otherwise. */
export function assertCouncilGoalsReplaceable(plans: Array<{ boardId: string; status: DocumentStatus }>): void {
  const approved = plans.filter((p) => p.status === 'approved').map((p) => p.boardId);
  if (approved.length > 0) {
    throw new Conflict(
      `The plans of ${approved.join(', ')} are already approved against these council goals, so the set is fixed for this year and can no longer be replaced.`,
    );
  }
}

/** How much a set of council goals holds: direction goals, area goals and indicators. */
export function countCouncilGoals(goals: CouncilGoals): { directionGoals: number; areaGoals: number; indicators: number } {
  const areaGoals = goals.directionGoals.flatMap((goal) => goal.areaGoals);
  return { directionGoals: goals.directionGoals.length, areaGoals: areaGoals.length, indicators: areaGoals.flatMap((area) => area.indicators).length };
}

/** Is an operations plan complete enough to submit? An empty list of problems means yes. */
import type { CouncilGoals } from '../schemas/councilGoals';
import type { PlanContent } from '../schemas/documents';
import { allIndicators, findAreaGoal, indicatorsFor } from './councilGoals';
import type { FieldError } from './errors';
import { duplicateIdProblems, pathOf } from './problems';

/** A risk score must be a whole number from 1 to 4. */
export function isRiskScore(value: number | undefined): boolean {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 4;
}

/** Every reason the plan of a board at the top (directly below the council) cannot be submitted yet. */
export function planProblems(goals: CouncilGoals, boardId: string, content: PlanContent): FieldError[] {
  const councilIds = new Set(allIndicators(goals).map((r) => r.indicator.id));
  const problems: FieldError[] = [];

  // Targets for the council's indicators
  problems.push(...duplicateIdProblems(content.targets, (t) => t.indicatorId, 'targets', 'indicatorId', 'a target for indicator'));
  content.targets.forEach((t, i) => {
    if (!councilIds.has(t.indicatorId)) {
      problems.push({ path: pathOf('targets', i, 'indicatorId'), message: `the council has no indicator ${t.indicatorId}; correct the id or remove the target` });
    }
  });
  const targeted = new Set(content.targets.map((t) => t.indicatorId));
  for (const indicator of indicatorsFor(goals, boardId)) {
    if (!targeted.has(indicator.id)) {
      problems.push({ path: 'targets', message: `council indicator ${indicator.id} (${indicator.name}) is assigned to this board: set the board's annual target for it` });
    }
  }

  const reserved = new Map([...councilIds].map((id) => [id, 'the id of a council indicator']));
  return [...problems, ...planBodyProblems(goals, content, reserved)];
}

/**
 * The problems of a plan's goals, own indicators, risks and controls: the same at every level. `reserved` holds the
 * indicator ids an own indicator may not take, each with what it already is ("the id of a council indicator").
 */
export function planBodyProblems(goals: CouncilGoals, content: PlanContent, reserved: ReadonlyMap<string, string>): FieldError[] {
  const problems: FieldError[] = [];

  // The board's goals, linked to council area goals
  problems.push(...duplicateIdProblems(content.goals, (g) => g.id, 'goals', 'id', 'goal id'));
  content.goals.forEach((g, i) => {
    if (!findAreaGoal(goals, g.areaGoalId)) {
      problems.push({ path: pathOf('goals', i, 'areaGoalId'), message: `the council has no area goal ${g.areaGoalId}; link goal ${g.id} to one of the council's area goals` });
    }
  });

  // The board's own indicators
  const goalIds = new Set(content.goals.map((g) => g.id));
  problems.push(...duplicateIdProblems(content.ownIndicators, (o) => o.id, 'ownIndicators', 'id', 'indicator id'));
  content.ownIndicators.forEach((o, i) => {
    const taken = reserved.get(o.id);
    if (taken) {
      problems.push({ path: pathOf('ownIndicators', i, 'id'), message: `${o.id} is ${taken}; give the board's own indicator another id` });
    }
    if (!goalIds.has(o.goalId)) {
      problems.push({ path: pathOf('ownIndicators', i, 'goalId'), message: `the plan has no goal ${o.goalId}; link indicator ${o.id} to one of the plan's goals` });
    }
  });

  // Materiality and risk analysis
  problems.push(...duplicateIdProblems(content.risks, (r) => r.id, 'risks', 'id', 'risk id'));
  content.risks.forEach((r, i) => {
    for (const score of ['probability', 'consequence'] as const) {
      if (!isRiskScore(r[score])) {
        const given = r[score] === undefined ? 'is missing' : `is ${r[score]}`;
        problems.push({ path: pathOf('risks', i, score), message: `the ${score} of risk ${r.id} ${given}; score it as a whole number from 1 to 4` });
      }
    }
  });

  // Internal control plan
  const riskIds = new Set(content.risks.map((r) => r.id));
  problems.push(...duplicateIdProblems(content.controls, (c) => c.id, 'controls', 'id', 'control id'));
  content.controls.forEach((c, i) => {
    if (!riskIds.has(c.riskId)) {
      problems.push({ path: pathOf('controls', i, 'riskId'), message: `the plan has no risk ${c.riskId}; point control ${c.id} at one of the plan's risks` });
    }
  });

  return problems;
}

import { parentIndicatorsOf, type ParentIndicator, type ParentPlanState } from '../../domain/unitPlan';
import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';
import type { DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { CouncilGoals } from '../../schemas/councilGoals';
import type { ParentPlanView, PlanContent } from '../../schemas/documents';
import { notStarted } from './context';

/** The plan of the board above a unit (not_started when it has none yet), with that board when it was read. */
export interface ParentPlanRecord {
  boardId: string;
  board?: StoredBoard;
  plan: StoredDocument;
}

/** Reads the parent's plan, and the parent's board unless the caller has it already: two small reads, in parallel. */
export async function readParentPlan(
  year: number,
  parentId: string,
  deps: { boards: Pick<BoardRepository, 'get'>; documents: Pick<DocumentStore, 'get'> },
  board?: StoredBoard,
): Promise<ParentPlanRecord> {
  const [parentBoard, record] = await Promise.all([board ?? deps.boards.get(parentId), deps.documents.get(year, parentId, 'plan')]);
  return { boardId: parentId, board: parentBoard, plan: record?.document ?? notStarted({ year, boardId: parentId, kind: 'plan' }) };
}

/** How far the parent's plan has come, for the unit's submit (domain/unitPlan assertParentPlanApproved). */
export function parentPlanState(parent: ParentPlanRecord): ParentPlanState {
  return { boardId: parent.boardId, name: parent.board?.name ?? parent.boardId, status: parent.plan.status, parentIsUnit: Boolean(parent.board?.parentId) };
}

/** The indicators of the parent's plan with the parent's targets: none until that plan is approved. */
export function approvedParentIndicators(goals: CouncilGoals | undefined, parent: ParentPlanRecord): ParentIndicator[] {
  return goals && parent.plan.status === 'approved' ? parentIndicatorsOf(goals, parent.plan.content as PlanContent) : [];
}

/**
 * What a unit's form shows of its parent's plan: whose it is, its status, and once it is approved the targets to
 * plan against and the goals to link to. A plan not yet approved shows neither (it may change, and the unit's editors
 * may not read the parent's drafts).
 */
export function parentPlanView(goals: CouncilGoals | undefined, parent: ParentPlanRecord): ParentPlanView {
  const approved = parent.plan.status === 'approved';
  return {
    boardId: parent.boardId,
    name: parent.board?.name ?? parent.boardId,
    status: parent.plan.status,
    targets: approvedParentIndicators(goals, parent).map(({ indicatorId, name, unit, direction, target, source, rollup }) => ({
      indicatorId,
      name,
      unit,
      direction,
      target,
      source,
      ...(rollup ? { rollup } : {}),
    })),
    goals: approved ? (parent.plan.content as PlanContent).goals.map((goal) => ({ id: goal.id, title: goal.title })) : [],
  };
}

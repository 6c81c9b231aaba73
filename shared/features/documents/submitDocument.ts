import { signedBy } from '../../domain/actor';
import { Conflict, NotFound } from '../../domain/errors';
import { actionOnSubmit, assertPlanApprovedFor, assertSubmittable, nextStatusOnSubmit } from '../../domain/lifecycle';
import { economyFindings, economyProblems, forecastFindings, sectionProblems } from '../../domain/economy';
import { planProblems } from '../../domain/plan';
import { assertComplete } from '../../domain/problems';
import { planIndicatorsOf, reportProblems } from '../../domain/report';
import { targetFindings } from '../../domain/targets';
import { assertParentPlanApproved, parentIndicatorsOf, unitPlanProblems, unitTargetFindings } from '../../domain/unitPlan';
import type { BoardRepository, StoredBoard } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { StoredResponse } from '../../ports/idempotencyStore';
import type { WorkflowAction } from '../../ports/workflowOutbox';
import type { BoardKind } from '../../schemas/boards';
import type { PlanContent, ReportContent, Finding } from '../../schemas/documents';
import { restartAfterFailure, reviewExecutionName, type DocumentAddress, type TransitionDeps } from './context';
import { approvedParentIndicators, parentPlanState, readParentPlan } from './parentPlan';
import { runTransition } from './transition';

const documentNames = { plan: 'operations plan', t1: 'tertial report 1', t2: 'tertial report 2', annual: 'annual report' } as const;

/**
 * Submits a plan or report for central review: checks it is complete (422 naming every gap), computes the
 * findings, moves it to in_review with its audit event, and starts the review workflow (first submit) or
 * completes the workflow's wait for the resubmission.
 */
export async function submitDocument(
  input: DocumentAddress & { idempotencyKey?: string },
  deps: TransitionDeps,
): Promise<StoredResponse> {
  const address = { year: input.year, boardId: input.boardId, kind: input.kind };
  const transition = {
    address,
    operation: 'submit' as const,
    body: null,
    idempotencyKey: input.idempotencyKey,
    assertAllowed: assertSubmittable,
    busyDetail: 'The document changed while it was being submitted. Read it again and submit once more.',
  };
  // The board says whether it is a unit (and below which board): read once, whatever the retries.
  let board: Promise<StoredBoard | undefined> | undefined;
  return runTransition(transition, deps, async ({ record }) => {
    const { parentId: _previousParent, ...current } = record.document;
    const stored = await (board ??= deps.boards.get(input.boardId));
    const parentId = stored?.parentId ?? undefined;
    const findings = await checkCompleteness(record.document, { parentId, kind: stored?.kind }, deps);
    const at = deps.clock.now().toISOString();
    const next: StoredDocument = {
      ...current,
      // Where the unit sat when it submitted: the roll-up and the later stages read it off the document.
      ...(parentId ? { parentId } : {}),
      status: nextStatusOnSubmit(current.status),
      version: current.version + 1,
      findings,
      submissions: current.submissions + 1,
      submittedAt: at,
      submittedContent: current.content,
      previousSubmission: current.submittedContent,
      updatedAt: at,
      updatedBy: deps.actor.sub,
      workflow: current.workflow ?? { executionName: reviewExecutionName(address) },
    };
    // A token left by an execution that failed or stopped is dead: the restart below carries the resubmission instead.
    const waitsForResubmission = record.waitingFor?.step === 'resubmission' && record.taskToken && !current.workflow?.error;
    const restart = restartAfterFailure(current);
    if (restart) next.workflow = restart.workflow;
    const workflowAction: WorkflowAction | undefined =
      current.submissions === 0
        ? { type: 'start', workflow: 'review', executionName: reviewExecutionName(address), input: { document: address } }
        : waitsForResubmission
          ? { type: 'complete', token: record.taskToken!, output: { resubmitted: true, round: next.submissions } }
          : restart?.action;
    return {
      response: { status: 202, body: { status: 'in_review', findings, version: next.version } },
      change: {
        next,
        expectedVersion: current.version,
        seenToken: record.taskToken ?? null,
        consumeToken: Boolean(waitsForResubmission),
        event: { at, ...signedBy(deps.actor), action: actionOnSubmit(current.status), from: current.status, to: next.status },
        workflowAction,
      },
    };
  });
}

/**
 * Throws 422 naming every gap; answers the plan's findings: targets less ambitious than the council's for a board
 * at the top, than the parent's for a unit (`parentId`), whose plan also waits for the parent's to be approved (409).
 * A report is also checked against the year's budget line of the board (its money) and the city's report sections
 * for its kind of board, and answers the findings on its money and on forecasts short of the board's own targets.
 */
async function checkCompleteness(
  document: StoredDocument,
  board: { parentId: string | undefined; kind: BoardKind | undefined },
  deps: { cycles: CycleRepository; documents: DocumentStore; boards: BoardRepository },
): Promise<Finding[]> {
  const { parentId } = board;
  const goals = await deps.cycles.getCouncilGoals(document.year);
  if (!goals) throw new Conflict(`The council goals of ${document.year} are not loaded yet, so nothing can be checked against them. Ask an admin to load them.`);
  if (document.kind === 'plan') {
    const plan = document.content as PlanContent;
    if (!parentId) {
      assertComplete(documentNames.plan, planProblems(goals, document.boardId, plan));
      return targetFindings(goals, document.boardId, plan);
    }
    const parent = await readParentPlan(document.year, parentId, deps);
    assertParentPlanApproved(document.boardId, parentPlanState(parent));
    const parentPlan = parent.plan.content as PlanContent;
    assertComplete(documentNames.plan, unitPlanProblems(goals, { boardId: parentId, plan: parentPlan }, plan));
    return unitTargetFindings(parentId, parentIndicatorsOf(goals, parentPlan), plan);
  }
  const planRecord = await deps.documents.get(document.year, document.boardId, 'plan');
  assertPlanApprovedFor(document.kind, planRecord?.document.status ?? 'not_started');
  if (!planRecord) throw new NotFound('The board has no plan.');
  const plan = planRecord.document.content as PlanContent;
  // A unit reports on what its own approved plan set out, against the parent it planned below.
  const plannedBelow = planRecord.document.parentId;
  const [parent, budget, sections] = await Promise.all([
    plannedBelow ? readParentPlan(document.year, plannedBelow, deps).then((read) => ({ indicators: approvedParentIndicators(goals, read) })) : undefined,
    deps.cycles.getSetting(document.year, 'budget'),
    deps.cycles.getSetting(document.year, 'reportSections'),
  ]);
  const content = document.content as ReportContent;
  const indicators = planIndicatorsOf(goals, document.boardId, plan, parent);
  const line = budget?.boards.find((entry) => entry.boardId === document.boardId);
  assertComplete(documentNames[document.kind], [
    ...reportProblems(document.kind, indicators, plan.goals.map((goal) => goal.id), content),
    ...economyProblems(document.kind, line, content.economy),
    ...sectionProblems(document.kind, board.kind, sections?.sections ?? [], content.sections),
  ]);
  return [...economyFindings(document.kind, line, content.economy), ...forecastFindings(document.kind, indicators, content)];
}

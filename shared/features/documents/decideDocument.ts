import { signedBy } from '../../domain/actor';
import { actionOnDecision, assertDecidable, nextStatusOnDecision } from '../../domain/lifecycle';
import { assertComplete } from '../../domain/problems';
import { planIndicatorsOf } from '../../domain/report';
import { decisionProblems } from '../../domain/review';
import type { StoredDocument } from '../../ports/documentStore';
import type { StoredResponse } from '../../ports/idempotencyStore';
import type { WorkflowAction } from '../../ports/workflowOutbox';
import type { DecisionBody, PlanContent } from '../../schemas/documents';
import { documentView, restartAfterFailure, type DocumentAddress, type TransitionDeps } from './context';
import { approvedParentIndicators, readParentPlan } from './parentPlan';
import { runTransition } from './transition';

/**
 * A reviewer approves a document or returns it with a comment (and comments per indicator). The decision,
 * its audit event and the consumption of the workflow's review token are one transaction; the workflow is
 * told afterwards (and again by the sweep, should that fail).
 */
export async function decideDocument(
  input: DocumentAddress & { body: DecisionBody; idempotencyKey?: string },
  deps: TransitionDeps,
): Promise<StoredResponse> {
  const transition = {
    address: { year: input.year, boardId: input.boardId, kind: input.kind },
    operation: 'decision' as const,
    body: input.body,
    idempotencyKey: input.idempotencyKey,
    assertAllowed: assertDecidable,
    busyDetail: 'The document changed while the decision was being recorded. Read it again and decide once more.',
  };
  return runTransition(transition, deps, async ({ record }) => {
    const current = record.document;
    if (input.body.indicatorComments?.length) {
      const goals = await deps.cycles.getCouncilGoals(input.year);
      const plan = input.kind === 'plan' ? current : (await deps.documents.get(input.year, input.boardId, 'plan'))?.document;
      // A unit's plan names its parent's indicators: the comments may too.
      const parent = goals && plan?.parentId ? { indicators: approvedParentIndicators(goals, await readParentPlan(input.year, plan.parentId, deps)) } : undefined;
      const known = new Set(goals && plan ? planIndicatorsOf(goals, input.boardId, plan.content as PlanContent, parent).map((i) => i.id) : []);
      assertComplete('decision', decisionProblems(known, input.body));
    }

    const at = deps.clock.now().toISOString();
    const status = nextStatusOnDecision(input.body.decision);
    const next: StoredDocument = {
      ...current,
      status,
      version: current.version + 1,
      comments: [
        ...current.comments,
        {
          at,
          actor: deps.actor.sub,
          ...(deps.actor.name ? { actorName: deps.actor.name } : {}),
          decision: input.body.decision,
          comment: input.body.comment,
          indicatorComments: input.body.indicatorComments ?? [],
        },
      ],
      updatedAt: at,
      updatedBy: deps.actor.sub,
    };
    // A token left by an execution that failed or stopped is dead: the restart below carries the decision instead.
    const waitsForReview = record.waitingFor?.step === 'review' && record.taskToken && !current.workflow?.error;
    const restart = restartAfterFailure(current);
    if (restart) next.workflow = restart.workflow;
    const workflowAction: WorkflowAction | undefined = waitsForReview
      ? { type: 'complete', token: record.taskToken!, output: { decision: input.body.decision, round: current.submissions } }
      : restart?.action;
    const response: StoredResponse = { status: 200, body: documentView(next) };
    return {
      response,
      change: {
        next,
        expectedVersion: current.version,
        seenToken: record.taskToken ?? null,
        consumeToken: Boolean(waitsForReview),
        event: {
          at,
          ...signedBy(deps.actor),
          action: actionOnDecision(input.body.decision),
          from: current.status,
          to: status,
          ...(input.body.comment ? { comment: input.body.comment } : {}),
        },
        workflowAction,
        countsApprovedPlan: input.kind === 'plan' && status === 'approved',
      },
    };
  });
}

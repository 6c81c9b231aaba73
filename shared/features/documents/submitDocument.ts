import { authorize } from '../../domain/authorization';
import { Conflict, NotFound } from '../../domain/errors';
import { actionOnSubmit, assertPlanApprovedFor, assertSubmittable, nextStatusOnSubmit } from '../../domain/lifecycle';
import { planProblems } from '../../domain/plan';
import { assertComplete } from '../../domain/problems';
import { planIndicatorsOf, reportProblems } from '../../domain/report';
import { targetFindings } from '../../domain/targets';
import { CommitRefused, type StoredDocument, type StoredResponse, type WorkflowAction } from '../../ports/documentRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentRepository } from '../../ports/documentRepository';
import type { PlanContent, ReportContent, Finding } from '../../schemas/documents';
import { loadDocument, restartAfterFailure, reviewExecutionName, type DocumentAddress, type DocumentDepsWithWorkflow } from './context';
import { fingerprintOf, firstAnswerOrThrow, previousAnswer } from './idempotency';
import { deliverWorkflowAction } from './workflowActions';

const documentNames = { plan: 'operations plan', t1: 'tertial report 1', t2: 'tertial report 2', annual: 'annual report' } as const;

/**
 * Submits a plan or report for central review: checks it is complete (422 naming every gap), computes the
 * findings, moves it to in_review with its audit event, and starts the review workflow (first submit) or
 * completes the workflow's wait for the resubmission.
 */
export async function submitDocument(
  input: DocumentAddress & { idempotencyKey?: string },
  deps: DocumentDepsWithWorkflow,
): Promise<StoredResponse> {
  authorize(deps.actor, 'documents.submit', { boardId: input.boardId });
  const address = { year: input.year, boardId: input.boardId, kind: input.kind };
  const fingerprint = fingerprintOf('submit', address, null);
  const replay = await previousAnswer(deps.documents, deps.actor.sub, input.idempotencyKey, fingerprint);
  if (replay) return replay;

  for (let attempt = 1; ; attempt++) {
    const { cycle, record } = await loadDocument(address, deps);
    const current = record.document;
    try {
      assertSubmittable(current.status, cycle);
    } catch (error) {
      return firstAnswerOrThrow(error, deps.documents, deps.actor.sub, input.idempotencyKey, fingerprint);
    }
    const findings = await checkCompleteness(current, deps);

    const at = deps.clock.now().toISOString();
    const next: StoredDocument = {
      ...current,
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
    const waitsForResubmission = record.waitingFor?.step === 'resubmission' && record.taskToken;
    const restart = restartAfterFailure(current);
    if (restart) next.workflow = restart.workflow;
    const workflowAction: WorkflowAction | undefined =
      current.submissions === 0
        ? { type: 'start', workflow: 'review', executionName: reviewExecutionName(address), input: { document: address } }
        : waitsForResubmission
          ? { type: 'complete', token: record.taskToken!, output: { resubmitted: true, round: next.submissions } }
          : restart?.action;
    const response: StoredResponse = { status: 202, body: { status: 'in_review', findings, version: next.version } };
    try {
      await deps.documents.commit({
        next,
        expectedVersion: current.version,
        seenToken: record.taskToken ?? null,
        consumeToken: Boolean(waitsForResubmission),
        event: { at, actor: deps.actor.sub, role: deps.actor.role, action: actionOnSubmit(current.status), from: current.status, to: next.status },
        workflowAction,
        idempotency: input.idempotencyKey ? { actorSub: deps.actor.sub, key: input.idempotencyKey, fingerprint, response } : undefined,
      });
    } catch (error) {
      if (!(error instanceof CommitRefused)) throw error;
      if (error.reason === 'idempotency') return (await previousAnswer(deps.documents, deps.actor.sub, input.idempotencyKey, fingerprint))!;
      if (error.reason === 'cycle') throw new Conflict(`The ${input.year} cycle is signed off and read-only.`);
      // The document or its waiting task changed while we checked it: check again from the top.
      if (attempt < 3) continue;
      throw new Conflict('The document changed while it was being submitted. Read it again and submit once more.');
    }
    if (workflowAction) {
      await deliverWorkflowAction({ ...address, version: next.version, action: workflowAction }, deps);
    }
    return response;
  }
}

/** Throws 422 naming every gap; answers the plan's findings (targets less ambitious than the council's). */
async function checkCompleteness(
  document: StoredDocument,
  deps: { cycles: CycleRepository; documents: DocumentRepository },
): Promise<Finding[]> {
  const goals = await deps.cycles.getCouncilGoals(document.year);
  if (!goals) throw new Conflict(`The council goals of ${document.year} are not loaded yet, so nothing can be checked against them. Ask an admin to load them.`);
  if (document.kind === 'plan') {
    const plan = document.content as PlanContent;
    assertComplete(documentNames.plan, planProblems(goals, document.boardId, plan));
    return targetFindings(goals, document.boardId, plan);
  }
  const planRecord = await deps.documents.get(document.year, document.boardId, 'plan');
  assertPlanApprovedFor(document.kind, planRecord?.document.status ?? 'not_started');
  if (!planRecord) throw new NotFound('The board has no plan.');
  const plan = planRecord.document.content as PlanContent;
  assertComplete(
    documentNames[document.kind],
    reportProblems(document.kind, planIndicatorsOf(goals, document.boardId, plan), plan.goals.map((goal) => goal.id), document.content as ReportContent),
  );
  return [];
}

import { targetFindings } from '../../domain/targets';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { Notifier } from '../../ports/notifier';
import type { SentMessages } from '../../ports/sentMessages';
import type { TaskTokens } from '../../ports/taskTokens';
import { TaskAlreadySettled, type WorkflowEngine } from '../../ports/workflow';
import type { DocumentKind } from '../../schemas/common';
import type { PlanContent } from '../../schemas/documents';
import { dueDateFor } from '../../domain/calendar';
import { composeMessage } from '../../messages/render';
import { ancestorsVia } from '../boards/ancestors';
import { sendOnce } from '../notifications/sendOnce';

/** The steps of the review workflow (workflows/review.ts), one Lambda task each. */

interface DocumentAddress {
  year: number;
  boardId: string;
  kind: DocumentKind;
}

/** Re-runs the automatic checks on the submitted content and records them; answers the review round. */
export async function runChecks(
  document: DocumentAddress,
  deps: { cycles: CycleRepository; documents: DocumentStore },
): Promise<{ round: number; findings: number }> {
  const record = await deps.documents.get(document.year, document.boardId, document.kind);
  if (!record) throw new Error('The document of this workflow does not exist');
  let findings = record.document.findings;
  // A unit's plan is checked against its parent's approved plan at submit, which cannot change meanwhile; the
  // council check below would replace its TARGET_BELOW_PARENT findings with the council's.
  if (document.kind === 'plan' && !record.document.parentId) {
    const goals = await deps.cycles.getCouncilGoals(document.year);
    if (goals) findings = targetFindings(goals, document.boardId, record.document.content as PlanContent);
    if (record.document.status === 'in_review') await deps.documents.recordWorkflow(document, { findings });
  }
  return { round: record.document.submissions, findings: findings.length };
}

/**
 * Stores the waiting task's token on the document, so that the reviewer's decision (or the board's
 * resubmission) completes it. When that already happened before the token arrived, completes it at once.
 */
export async function registerCallback(
  input: { taskToken: string; document: DocumentAddress; step: 'review' | 'resubmission'; round: number },
  deps: { documents: DocumentStore; tokens: TaskTokens; workflow: WorkflowEngine },
): Promise<{ waiting: boolean }> {
  const { year, boardId, kind } = input.document;
  const awaitedStatus = input.step === 'review' ? 'in_review' : 'returned';
  if (await deps.tokens.register(input.document, { token: input.taskToken, step: input.step, round: input.round, awaitedStatus })) {
    return { waiting: true };
  }
  const record = await deps.documents.get(year, boardId, kind);
  const doc = record?.document;
  let output: Record<string, unknown> | undefined;
  if (doc && input.step === 'review') {
    if (doc.submissions === input.round && (doc.status === 'approved' || doc.status === 'returned')) {
      output = { decision: doc.status === 'approved' ? 'approve' : 'return', round: input.round };
    } else if (doc.submissions > input.round) {
      output = { decision: 'return', round: input.round };
    }
  } else if (doc && input.step === 'resubmission' && doc.submissions > input.round) {
    output = { resubmitted: true, round: doc.submissions };
  }
  if (!output) throw new Error(`The document is ${doc?.status ?? 'missing'}, not waiting for ${input.step} in round ${input.round}`);
  try {
    await deps.workflow.completeTask(input.taskToken, output);
  } catch (error) {
    if (!(error instanceof TaskAlreadySettled)) throw error;
  }
  return { waiting: false };
}

/**
 * Tells the board's contacts (a unit's own, for a unit) that their document was returned or approved, once per round.
 * The message names the board's own due date: a unit's is later (plan) or earlier (reports) than its parent's, by its
 * level. The level is read up the parent chain, one small read per level, and none for a board at the top.
 */
export async function notifyBoard(
  input: { document: DocumentAddress; event: 'returned' | 'approved'; round: number },
  deps: { boards: BoardRepository; cycles: CycleRepository; documents: DocumentStore; sent: SentMessages; notifier: Notifier; clock: Clock },
): Promise<{ sent: boolean }> {
  const { year, boardId, kind } = input.document;
  const [board, record, cycle] = await Promise.all([deps.boards.get(boardId), deps.documents.get(year, boardId, kind), deps.cycles.get(year)]);
  if (!board || !record || !cycle) throw new Error('The board, its document or the cycle is missing');
  const depth = board.parentId ? 1 + (await ancestorsVia(deps.boards)(board.parentId)).length : 0;
  const lastDecision = record.document.comments.at(-1);
  const text = composeMessage({
    kind: input.event,
    locale: board.locale ?? 'sv',
    boardName: board.name,
    documentKind: kind,
    year,
    dueDate: dueDateFor(cycle.calendar, kind, depth),
    comment: lastDecision?.comment,
    link: formLink(year, boardId, kind),
  });
  const sent = await sendOnce(
    { year, key: `${boardId}#${kind}#${input.event}#${input.round}`, at: deps.clock.now().toISOString() },
    { to: board.contacts, subject: text.subject, body: text.body, template: text.template, kind: input.event, boardId, year, documentKind: kind },
    deps,
  );
  return { sent };
}

/** The web app's form of a document; PUBLIC_URL is the site's address (empty locally: a path on the same host). */
export function formLink(year: number, boardId: string, kind: DocumentKind): string {
  return `${process.env.PUBLIC_URL ?? ''}/cycles/${year}/boards/${boardId}/documents/${kind}`;
}

/** Leaves the document visible and recoverable when the workflow fails for good: records what failed. */
export async function recordWorkflowFailure(
  input: { document: DocumentAddress; error?: { Error?: string; Cause?: string } },
  deps: { documents: DocumentStore; clock: Clock },
): Promise<{ recorded: true }> {
  const { year, boardId, kind } = input.document;
  const current = (await deps.documents.get(year, boardId, kind))?.document.workflow;
  await deps.documents.recordWorkflow(input.document, {
    workflow: {
      executionName: current?.executionName ?? `${kind}-${year}-${boardId}`,
      ...(current?.restarts ? { restarts: current.restarts } : {}),
      failedAt: deps.clock.now().toISOString(),
      error: input.error?.Error ?? 'Unknown',
    },
  });
  return { recorded: true };
}

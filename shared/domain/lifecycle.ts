/**
 * The life of a plan or report, as one table of transitions:
 *
 *   not_started ─save→ draft ─submit→ in_review ─approve→ approved
 *                                       │
 *                                       └─return→ returned ─submit→ in_review …
 *
 * Saving a returned document keeps it `returned` until the board resubmits. A city controller reading the
 * status matrix wants to see "sent back, the board has not answered yet", not a plain draft that hides the
 * return; reminders and lateness treat both alike, and resubmitting is recorded as `resubmitted`.
 *
 * An approved document is final, and a signed-off cycle makes every document of the year read-only.
 *
 * Every check below (which status allows what, the next status, the history's action) and the web app's
 * buttons are read off `transitions`; `policy` names the authorization action that says who may take the row.
 */
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { CycleState } from '../schemas/cycles';
import type { Actor } from './actor';
import { isAllowed, type Action } from './authorization';
import { Conflict } from './errors';

export type Decision = 'approve' | 'return';
/** What a person (or the outcome import) can do to a document. */
export type DocumentAction = 'save' | 'submit' | Decision | 'importOutcomes' | 'copy';

export interface Transition {
  from: DocumentStatus;
  action: DocumentAction;
  to: DocumentStatus;
  /** What the history records. */
  audit: string;
  /** Who may: the policy action (shared/domain/authorization.ts) the actor must be allowed. */
  policy: Action;
}

export const transitions = [
  { from: 'not_started', action: 'save', to: 'draft', audit: 'saved', policy: 'documents.save' },
  { from: 'draft', action: 'save', to: 'draft', audit: 'saved', policy: 'documents.save' },
  { from: 'returned', action: 'save', to: 'returned', audit: 'saved', policy: 'documents.save' },
  { from: 'draft', action: 'submit', to: 'in_review', audit: 'submitted', policy: 'documents.submit' },
  { from: 'returned', action: 'submit', to: 'in_review', audit: 'resubmitted', policy: 'documents.submit' },
  { from: 'in_review', action: 'approve', to: 'approved', audit: 'approved', policy: 'documents.decide' },
  { from: 'in_review', action: 'return', to: 'returned', audit: 'returned', policy: 'documents.decide' },
  // Imported indicator outcomes land only where the board could still type them, and change the status as a save.
  { from: 'not_started', action: 'importOutcomes', to: 'draft', audit: 'outcomes_imported', policy: 'outcomes.import' },
  { from: 'draft', action: 'importOutcomes', to: 'draft', audit: 'outcomes_imported', policy: 'outcomes.import' },
  { from: 'returned', action: 'importOutcomes', to: 'returned', audit: 'outcomes_imported', policy: 'outcomes.import' },
  // A new year copied from an earlier one: the board's approved plan of that year becomes its draft, never over a document.
  { from: 'not_started', action: 'copy', to: 'draft', audit: 'copied', policy: 'cycles.create' },
] as const satisfies readonly Transition[];

type Row = (typeof transitions)[number];

/**
 * What the history (audit trail) records, one name per kind of event: the table's, and `signed_off`, which the
 * year's sign-off writes on a document without changing its status.
 */
export type AuditAction = Row['audit'] | 'signed_off';
export const auditActions = [...new Set<AuditAction>(transitions.map((row) => row.audit)), 'signed_off'] as readonly AuditAction[] as readonly [AuditAction, ...AuditAction[]];

/** The statuses a row of this action leaves from. */
const statusesWith = (action: DocumentAction): DocumentStatus[] => [...new Set(transitions.filter((row: Transition) => row.action === action).map((row) => row.from))];

/** The row for this status and action, if the table has one. */
export function transitionOf(status: DocumentStatus, action: DocumentAction): Row | undefined {
  return transitions.find((row: Transition) => row.from === status && row.action === action);
}

/** Whether the table lets a document in this status take the action (who may is a separate question). */
export const allows = (status: DocumentStatus, action: DocumentAction): boolean => transitionOf(status, action) !== undefined;

/** A status the board can still change: it still owes the document. */
export type UnsubmittedStatus = Extract<Row, { action: 'save' }>['from'];
/** The statuses of a document not yet handed in (late lists, reminders), in lifecycle order. */
export const unsubmittedStatuses = statusesWith('save') as readonly UnsubmittedStatus[] as readonly [UnsubmittedStatus, ...UnsubmittedStatus[]];

/** Not yet handed in: the board still owes this document (used for lateness and reminders). */
export function isUnsubmitted(status: DocumentStatus): boolean {
  return allows(status, 'save');
}

/** Why the action is refused in this status: each says what to do instead. */
function refusal(action: 'save' | 'submit' | 'decide', status: DocumentStatus): string {
  switch (action) {
    case 'save':
      return status === 'in_review'
        ? 'The document is in review and cannot be edited; wait for the reviewer to approve it or return it to you.'
        : 'The document is approved and final; it can no longer be edited. Ask the reviewers if something must change.';
    case 'submit': {
      const why: Partial<Record<DocumentStatus, string>> = {
        not_started: 'The document has not been started; save its content first, then submit it.',
        in_review: 'The document is already in review; wait for the reviewer to approve it or return it.',
        approved: 'The document is already approved; there is nothing to submit.',
      };
      return why[status] ?? `A document in status ${status} cannot be submitted.`;
    }
    case 'decide':
      return `Only a document in review can be approved or returned; this one is ${status}. Wait until the board submits it.`;
  }
}

/** The row, or Conflict saying why the document cannot take the action now. */
function rowOrConflict(status: DocumentStatus, action: DocumentAction): Row {
  const row = transitionOf(status, action);
  if (row) return row;
  throw new Conflict(refusal(action === 'approve' || action === 'return' ? 'decide' : action === 'submit' ? 'submit' : 'save', status));
}

/** Throws Conflict when the year is signed off: everything in it is then read-only. */
export function assertCycleOpen(cycle: { year: number; state: CycleState }): void {
  if (cycle.state === 'signed_off') {
    throw new Conflict(`The ${cycle.year} cycle is signed off and read-only; nothing in it can be changed any more.`);
  }
}

/** Throws Conflict unless the board may still edit the document (a status with a save row). */
export function assertEditable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  rowOrConflict(status, 'save');
}

/** Throws Conflict unless the document can be submitted (a status with a submit row). */
export function assertSubmittable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  rowOrConflict(status, 'submit');
}

/** Throws Conflict unless a reviewer can decide on the document (a status with approve and return rows). */
export function assertDecidable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  rowOrConflict(status, 'approve');
  rowOrConflict(status, 'return');
}

/** Reports build on the plan: throws Conflict when a report is submitted before the board's plan is approved. */
export function assertPlanApprovedFor(kind: DocumentKind, planStatus: DocumentStatus): void {
  if (kind !== 'plan' && planStatus !== 'approved') {
    throw new Conflict(
      `The board's operations plan is ${planStatus}, not approved; a ${kind} report can be submitted once the plan is approved.`,
    );
  }
}

/** The status after a save; Conflict when the status allows no save. */
export function nextStatusOnSave(status: DocumentStatus): DocumentStatus {
  return rowOrConflict(status, 'save').to;
}

/** The status after a submit; Conflict when the status allows no submit. */
export function nextStatusOnSubmit(status: DocumentStatus): DocumentStatus {
  return rowOrConflict(status, 'submit').to;
}

/** The row of a reviewer's decision: decisions leave from the one status the table allows them from. */
function decisionRow(decision: Decision): Row {
  const row = transitions.find((r: Transition) => r.action === decision);
  if (!row) throw new Error(`the lifecycle table has no row for ${decision}`);
  return row;
}

/** The status after a reviewer's decision. */
export function nextStatusOnDecision(decision: Decision): DocumentStatus {
  return decisionRow(decision).to;
}

/** The history action for a submit: a second (or later) submit after a return is a resubmission. */
export function actionOnSubmit(status: DocumentStatus): AuditAction {
  return rowOrConflict(status, 'submit').audit;
}

/** The history action for a decision. */
export function actionOnDecision(decision: Decision): AuditAction {
  return decisionRow(decision).audit;
}

/**
 * The rows this actor may take on this document now: the table's rows from its status whose policy action the
 * actor is allowed on the board, none once the year is signed off. The web app shows its buttons from this; the
 * server checks the same table and policy on every request.
 */
export function transitionsFor(actor: Actor | undefined, status: DocumentStatus, target: { boardId: string; cycleState?: CycleState }): Row[] {
  if (target.cycleState === 'signed_off') return [];
  return transitions.filter((row: Transition) => row.from === status && isAllowed(actor, row.policy, { boardId: target.boardId }));
}

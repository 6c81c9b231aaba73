/**
 * The life of a plan or report:
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
 */
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { CycleState } from '../schemas/cycles';
import { Conflict } from './errors';

export type Decision = 'approve' | 'return';

/** What the history (audit trail) records, one name per kind of event. */
export const auditActions = [
  'saved',
  'submitted',
  'resubmitted',
  'approved',
  'returned',
  'outcomes_imported',
  'signed_off',
] as const;
export type AuditAction = (typeof auditActions)[number];

const editable: readonly DocumentStatus[] = ['not_started', 'draft', 'returned'];
const submittable: readonly DocumentStatus[] = ['draft', 'returned'];
const unsubmitted: readonly DocumentStatus[] = ['not_started', 'draft', 'returned'];

/** Not yet handed in: the board still owes this document (used for lateness and reminders). */
export function isUnsubmitted(status: DocumentStatus): boolean {
  return unsubmitted.includes(status);
}

/** Throws Conflict when the year is signed off: everything in it is then read-only. */
export function assertCycleOpen(cycle: { year: number; state: CycleState }): void {
  if (cycle.state === 'signed_off') {
    throw new Conflict(`The ${cycle.year} cycle is signed off and read-only; nothing in it can be changed any more.`);
  }
}

/** Throws Conflict unless the board may still edit the document (not_started, draft, returned). */
export function assertEditable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  if (status === 'in_review') {
    throw new Conflict('The document is in review and cannot be edited; wait for the reviewer to approve it or return it to you.');
  }
  if (!editable.includes(status)) {
    throw new Conflict('The document is approved and final; it can no longer be edited. Ask the reviewers if something must change.');
  }
}

/** Throws Conflict unless the document can be submitted (draft, returned). */
export function assertSubmittable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  if (submittable.includes(status)) return;
  const why: Record<string, string> = {
    not_started: 'The document has not been started; save its content first, then submit it.',
    in_review: 'The document is already in review; wait for the reviewer to approve it or return it.',
    approved: 'The document is already approved; there is nothing to submit.',
  };
  throw new Conflict(why[status] ?? `A document in status ${status} cannot be submitted.`);
}

/** Throws Conflict unless a reviewer can decide on the document (in_review). */
export function assertDecidable(status: DocumentStatus, cycle?: { year: number; state: CycleState }): void {
  if (cycle) assertCycleOpen(cycle);
  if (status !== 'in_review') {
    throw new Conflict(`Only a document in review can be approved or returned; this one is ${status}. Wait until the board submits it.`);
  }
}

/** Reports build on the plan: throws Conflict when a report is submitted before the board's plan is approved. */
export function assertPlanApprovedFor(kind: DocumentKind, planStatus: DocumentStatus): void {
  if (kind !== 'plan' && planStatus !== 'approved') {
    throw new Conflict(
      `The board's operations plan is ${planStatus}, not approved; a ${kind} report can be submitted once the plan is approved.`,
    );
  }
}

/** The status after a save. */
export function nextStatusOnSave(status: DocumentStatus): DocumentStatus {
  return status === 'returned' ? 'returned' : 'draft';
}

/** The status after a submit. */
export function nextStatusOnSubmit(_status: DocumentStatus): DocumentStatus {
  return 'in_review';
}

/** The status after a reviewer's decision. */
export function nextStatusOnDecision(decision: Decision): DocumentStatus {
  return decision === 'approve' ? 'approved' : 'returned';
}

/** The history action for a submit: a second (or later) submit after a return is a resubmission. */
export function actionOnSubmit(status: DocumentStatus): AuditAction {
  return status === 'returned' ? 'resubmitted' : 'submitted';
}

/** The history action for a decision. */
export function actionOnDecision(decision: Decision): AuditAction {
  return decision === 'approve' ? 'approved' : 'returned';
}

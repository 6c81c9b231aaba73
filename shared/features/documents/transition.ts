import type { StoredCycle } from '../../ports/cycleRepository';
import { Conflict } from '../../domain/errors';
import type { DocumentStatus } from '../../schemas/common';
import { CommitRefused, type DocumentChange, type DocumentRecord } from '../../ports/documentStore';
import type { StoredResponse } from '../../ports/idempotencyStore';
import { loadDocument, type DocumentAddress, type TransitionDeps } from './context';
import { fingerprintOf, firstAnswerOrThrow, previousAnswer } from './idempotency';
import { deliverWorkflowAction } from './workflowActions';

export interface Transition {
  address: DocumentAddress;
  /** Names the request for its Idempotency-Key fingerprint. */
  operation: 'submit' | 'decision';
  body: unknown;
  idempotencyKey?: string;
  /** Throws 409 when the document's status does not allow the transition. */
  assertAllowed(status: DocumentStatus, cycle: StoredCycle): void;
  /** What to tell the caller when the document kept changing under three attempts. */
  busyDetail: string;
}

/**
 * A submit or a decision, the same way each time: a retry with the same Idempotency-Key gets the first
 * answer; the document is read, checked and changed in one transaction with its audit event, its token
 * change and the idempotency record (re-read and tried again, up to three times, when it changed
 * meanwhile); then the workflow is told.
 */
export async function runTransition(
  transition: Transition,
  deps: TransitionDeps,
  decide: (loaded: { cycle: StoredCycle; record: DocumentRecord }) => Promise<{ change: Omit<DocumentChange, 'idempotency'>; response: StoredResponse }>,
): Promise<StoredResponse> {
  const { address, idempotencyKey } = transition;
  const sub = deps.actor.sub;
  const fingerprint = fingerprintOf(transition.operation, address, transition.body);
  const replay = await previousAnswer(deps.idempotency, sub, idempotencyKey, fingerprint);
  if (replay) return replay;

  for (let attempt = 1; ; attempt++) {
    const loaded = await loadDocument(address, deps);
    try {
      transition.assertAllowed(loaded.record.document.status, loaded.cycle);
    } catch (error) {
      // A retry racing its own first request finds the document already moved on: it gets the first answer.
      return firstAnswerOrThrow(error, deps.idempotency, sub, idempotencyKey, fingerprint);
    }
    const { change, response } = await decide(loaded);
    try {
      const read = loaded.record.document;
      await deps.documents.commit({ ...change, ...(read.version > 0 ? { previous: read } : {}), idempotency: idempotencyKey ? { actorSub: sub, key: idempotencyKey, fingerprint, response } : undefined });
    } catch (error) {
      if (!(error instanceof CommitRefused)) throw error;
      if (error.reason === 'idempotency') return (await previousAnswer(deps.idempotency, sub, idempotencyKey, fingerprint))!;
      if (error.reason === 'cycle') throw new Conflict(`The ${address.year} cycle is signed off and read-only.`);
      // The document or its waiting task changed while we checked it: check again from the top.
      if (attempt < 3) continue;
      throw new Conflict(transition.busyDetail);
    }
    if (change.workflowAction) await deliverWorkflowAction({ ...address, version: change.next.version, action: change.workflowAction }, deps);
    return response;
  }
}

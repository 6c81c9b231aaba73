import type { Actor } from '../domain/actor';
import { ValidationFailed } from '../domain/errors';
import { fingerprintOf } from '../features/documents/idempotency';
import type { Clock } from '../ports/clock';
import type { StoredResponse } from '../ports/documentRepository';
import type { HttpResult } from './result';

/**
 * Where remembered answers live (the document repository in AWS and locally). `now` is the clock's time,
 * for the record's expiry; an adapter that has not taken it yet simply ignores the extra argument.
 */
export interface AnswerStore {
  getIdempotent(actorSub: string, key: string): Promise<{ fingerprint: string; response: StoredResponse } | undefined>;
  rememberIdempotent(actorSub: string, key: string, fingerprint: string, response: StoredResponse, now: Date): Promise<void>;
}

export interface RememberedAnswers {
  store: AnswerStore;
  clock: Clock;
}

/**
 * Idempotency-Key as middleware, for routes whose state change is a single conditional write (open a cycle,
 * sign off, import): a retry with the same key and request gets the first successful answer, and a key reused
 * for another request is refused. Submit and decision keep theirs inside their own transaction instead.
 */
export async function rememberAnswer(
  answers: RememberedAnswers,
  call: { operation: string; actor: Actor | undefined; key: string | undefined; params: unknown; body: unknown },
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  if (!call.key || !call.actor) return run();
  const fingerprint = fingerprintOf(call.operation, (call.params as object | undefined) ?? {}, call.body);
  const seen = await answers.store.getIdempotent(call.actor.sub, call.key);
  if (seen && seen.fingerprint !== fingerprint) {
    throw new ValidationFailed('This Idempotency-Key was already used for a different request. Use a new key for each new request.', [
      { path: 'header.idempotency-key', message: 'already used for a different request' },
    ]);
  }
  if (seen) return { status: seen.response.status, body: seen.response.body };
  const result = await run();
  if (result.status < 300) {
    await answers.store.rememberIdempotent(call.actor.sub, call.key, fingerprint, { status: result.status, body: result.body }, answers.clock.now());
  }
  return result;
}

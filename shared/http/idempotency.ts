import type { Actor } from '../domain/actor';
import { fingerprintOf, previousAnswer } from '../features/documents/idempotency';
import type { IdempotencyStore } from '../ports/idempotencyStore';
import type { HttpResult } from './result';

/**
 * Idempotency-Key as middleware, for routes whose state change is a single conditional write (open a cycle,
 * sign off, import): a retry with the same key and request gets the first successful answer, and a key reused
 * for another request is refused. Submit and decision keep theirs inside their own transaction instead.
 * The store reads the record's expiry from the Clock port.
 */
export async function rememberAnswer(
  store: IdempotencyStore,
  call: { operation: string; actor: Actor | undefined; key: string | undefined; params: unknown; body: unknown },
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  if (!call.key || !call.actor) return run();
  const fingerprint = fingerprintOf(call.operation, (call.params as object | undefined) ?? {}, call.body);
  const seen = await previousAnswer(store, call.actor.sub, call.key, fingerprint);
  if (seen) return { status: seen.status, body: seen.body };
  const result = await run();
  if (result.status < 300) {
    await store.remember({ actorSub: call.actor.sub, key: call.key, fingerprint, response: { status: result.status, body: result.body } });
  }
  return result;
}

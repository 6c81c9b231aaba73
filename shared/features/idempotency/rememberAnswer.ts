import type { Actor } from '../../domain/actor';
import type { IdempotencyStore, StoredResponse } from '../../ports/idempotencyStore';
import { fingerprintOf, previousAnswer } from '../documents/idempotency';

/**
 * Idempotency-Key for POST routes whose state change is a single conditional write (open a cycle,
 * sign off, import): a retry gets the first successful answer. Submit and decision store their answer
 * inside their own transaction instead.
 */
export async function rememberAnswer<Answer extends { status: number; body?: unknown }>(
  options: { actor: Actor; key: string | undefined; operation: string; request: unknown; idempotency: IdempotencyStore },
  run: () => Promise<Answer>,
): Promise<Answer | StoredResponse> {
  const fingerprint = fingerprintOf(options.operation, {}, options.request);
  const previous = await previousAnswer(options.idempotency, options.actor.sub, options.key, fingerprint);
  if (previous) return { status: previous.status, body: previous.body };
  const result = await run();
  if (options.key && result.status < 300) {
    await options.idempotency.remember({ actorSub: options.actor.sub, key: options.key, fingerprint, response: { status: result.status, body: result.body } });
  }
  return result;
}

import { createHash } from 'node:crypto';
import { Conflict, ValidationFailed } from '../../domain/errors';
import type { IdempotencyStore, StoredResponse } from '../../ports/idempotencyStore';

/** What identifies a request, so a key reused for something else is caught. */
export function fingerprintOf(operation: string, address: object, body: unknown): string {
  return createHash('sha256').update(JSON.stringify({ operation, address, body })).digest('base64url');
}

/** The first answer to this key, when the caller sent it before; refuses a key reused for another request. */
export async function previousAnswer(
  idempotency: IdempotencyStore,
  actorSub: string,
  key: string | undefined,
  fingerprint: string,
): Promise<StoredResponse | undefined> {
  if (!key) return undefined;
  const seen = await idempotency.get(actorSub, key);
  if (!seen) return undefined;
  if (seen.fingerprint !== fingerprint) {
    throw new ValidationFailed('This Idempotency-Key was already used for a different request. Use a new key for each new request.', [
      { path: 'header.idempotency-key', message: 'already used for a different request' },
    ]);
  }
  return seen.response;
}

/**
 * A retry racing its first request: the first may commit between the retry's replay check and its read, so the retry
 * finds the document already past the state it expects and would answer 409. With a key whose first answer now
 * exists, that answer is the answer; otherwise the conflict stands.
 */
export async function firstAnswerOrThrow(
  error: unknown,
  idempotency: IdempotencyStore,
  actorSub: string,
  key: string | undefined,
  fingerprint: string,
): Promise<StoredResponse> {
  if (error instanceof Conflict && key) {
    const first = await previousAnswer(idempotency, actorSub, key, fingerprint);
    if (first) return first;
  }
  throw error;
}

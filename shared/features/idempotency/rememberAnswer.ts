import type { Actor } from '../../domain/actor';
import type { DocumentRepository } from '../../ports/documentRepository';
import type { HttpResult } from '../../http/handler';
import { fingerprintOf, previousAnswer } from '../documents/idempotency';

/**
 * Idempotency-Key for POST routes whose state change is a single conditional write (open a cycle,
 * sign off, import): a retry gets the first successful answer. Submit and decision store their answer
 * inside their own transaction instead.
 */
export async function rememberAnswer(
  options: { actor: Actor; key: string | undefined; operation: string; request: unknown; documents: DocumentRepository },
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const fingerprint = fingerprintOf(options.operation, {}, options.request);
  const previous = await previousAnswer(options.documents, options.actor.sub, options.key, fingerprint);
  if (previous) return { status: previous.status, body: previous.body };
  const result = await run();
  if (options.key && result.status < 300) {
    await options.documents.rememberIdempotent(options.actor.sub, options.key, fingerprint, { status: result.status, body: result.body });
  }
  return result;
}

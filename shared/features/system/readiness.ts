import { ServiceUnavailable } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import { NotReady, type Readiness } from '../../ports/readiness';

/**
 * GET /api/health: ok once the stack can serve, with the server's time (the web app takes today's year from it,
 * not from the browser, whose clock a demo's moved clock does not follow); otherwise 503 with a hint to retry.
 */
export async function checkReadiness(deps: { readiness: Readiness; clock: Clock }): Promise<{ status: 'ok'; now: string }> {
  try {
    await deps.readiness.check();
  } catch (error) {
    if (error instanceof NotReady) throw new ServiceUnavailable(error.message, error.retryAfterSeconds);
    throw error;
  }
  return { status: 'ok', now: deps.clock.now().toISOString() };
}

import { ServiceUnavailable } from '../../domain/errors';
import { NotReady, type Readiness } from '../../ports/readiness';

/** GET /api/health: ok once the stack can serve; otherwise 503 with a hint to retry. */
export async function checkReadiness(deps: { readiness: Readiness }): Promise<{ status: 'ok' }> {
  try {
    await deps.readiness.check();
  } catch (error) {
    if (error instanceof NotReady) throw new ServiceUnavailable(error.message, error.retryAfterSeconds);
    throw error;
  }
  return { status: 'ok' };
}

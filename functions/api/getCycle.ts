import { getCycleRoute } from '../../shared/api/routes';
import { cycleRepository } from '../../shared/commons/repositories';
import { getCycle } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getCycleRoute, async ({ params }) => {
  const cycles = cycleRepository();
  // The reporting periods as their workflows recorded them (opened, closing time, late boards), read alongside.
  const [{ approvedPlans: _approvedPlans, ...cycle }, periods] = await Promise.all([getCycle(params.year, { cycles }), cycles.periods(params.year)]);
  return { status: 200, body: { ...cycle, periods }, headers: { etag: `"${cycle.version}"` } };
});

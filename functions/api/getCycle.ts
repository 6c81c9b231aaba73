import { getCycleRoute } from '../../shared/api/routes';
import { cycleRepository } from '../../shared/commons/repositories';
import { getCycle } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getCycleRoute, async ({ params, actor }) => {
  const cycles = cycleRepository();
  const { approvedPlans: _approvedPlans, ...cycle } = await getCycle(params.year, { actor, cycles });
  // The reporting periods as their workflows recorded them: opened, closing time, closed with the late boards.
  const periods = await cycles.periods(params.year);
  return { status: 200, body: { ...cycle, periods }, headers: { etag: `"${cycle.version}"` } };
});

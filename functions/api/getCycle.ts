import { getCycleRoute } from '../../shared/api/routes';
import { cycleRepository } from '../../shared/commons/repositories';
import { getCycle } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getCycleRoute, async ({ params, actor }) => {
  const { approvedPlans: _approvedPlans, ...cycle } = await getCycle(params.year, { actor, cycles: cycleRepository() });
  return { status: 200, body: cycle, headers: { etag: `"${cycle.version}"` } };
});

import { createCycleRoute } from '../../shared/api/routes';
import { currentClock } from '../../shared/commons/clock';
import { cycleRepository } from '../../shared/commons/repositories';
import { createCycle } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(createCycleRoute, async ({ body, actor }) => {
  const cycle = await createCycle(body, { actor, cycles: cycleRepository(), clock: currentClock() });
  return { status: 201, body: withoutInternals(cycle), headers: { location: `/api/cycles/${cycle.year}`, etag: `"${cycle.version}"` } };
});

function withoutInternals<T extends { approvedPlans?: number }>(cycle: T) {
  const { approvedPlans: _approvedPlans, ...rest } = cycle;
  return rest;
}

import { listCyclesRoute } from '../../shared/api/routes';
import { cycleRepository } from '../../shared/commons/repositories';
import { listCycles } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(listCyclesRoute, async () => {
  const cycles = await listCycles({ cycles: cycleRepository() });
  return { status: 200, body: { cycles: cycles.map(({ approvedPlans: _approvedPlans, ...cycle }) => cycle) } };
});

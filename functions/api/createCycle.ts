import { createCycleRoute } from '../../shared/api/routes';
import { currentClock } from '../../shared/commons/clock';
import { cycleRepository, tablePorts } from '../../shared/commons/repositories';
import { currentScheduler } from '../../shared/commons/scheduler';
import { currentWorkflow } from '../../shared/commons/workflow';
import { createCycle } from '../../shared/features/cycles/cycles';
import { rememberAnswer } from '../../shared/features/idempotency/rememberAnswer';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(createCycleRoute, async ({ body, headers, actor }) =>
  rememberAnswer({ actor, key: headers['idempotency-key'], operation: 'createCycle', request: body, idempotency: tablePorts().idempotency }, async () => {
    const { approvedPlans: _approvedPlans, ...cycle } = await createCycle(body, {
      actor,
      cycles: cycleRepository(),
      clock: currentClock(),
      scheduler: currentScheduler(),
      workflow: currentWorkflow(),
    });
    return { status: 201, body: cycle, headers: { location: `/api/cycles/${cycle.year}`, etag: `"${cycle.version}"` } };
  }),
);

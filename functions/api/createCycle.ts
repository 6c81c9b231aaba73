import { createCycleRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, idempotency, scheduler, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { createCycle } from '../../shared/features/cycles/cycles';
import { cycleView } from '../../shared/features/cycles/cycleView';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'idempotency' | 'clock' | 'scheduler' | 'workflow'>) =>
  httpHandler(
    createCycleRoute,
    async ({ body, actor }) => {
      const cycle = await createCycle(body, { ...deps, actor });
      return { status: 201, body: cycleView(cycle), headers: { location: `/api/cycles/${cycle.year}` } };
    },
    { answers: deps.idempotency },
  );

export const handler = onColdStart(() =>
  makeHandler({ boards: boards(), cycles: cycles(), idempotency: idempotency(), clock: clock(), scheduler: scheduler(), workflow: workflow() }),
);

import { createCycleRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, idempotency, scheduler, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { createCycle } from '../../shared/features/cycles/cycles';
import { cycleView } from '../../shared/features/cycles/cycleView';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents' | 'idempotency' | 'clock' | 'scheduler' | 'workflow'>) =>
  httpHandler(
    createCycleRoute,
    async ({ body, actor }) => {
      const { copied, ...cycle } = await createCycle(body, { ...deps, actor });
      return { status: 201, body: { ...cycleView(cycle), ...(copied ? { copied } : {}) }, headers: { location: `/api/cycles/${cycle.year}` } };
    },
    { answers: deps.idempotency },
  );

export const handler = onColdStart(() =>
  makeHandler({ boards: boards(), cycles: cycles(), documents: documents(), idempotency: idempotency(), clock: clock(), scheduler: scheduler(), workflow: workflow() }),
);

import { createCycleRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles, documents, scheduler, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { createCycle } from '../../shared/features/cycles/cycles';
import { cycleView } from '../../shared/features/cycles/cycleView';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'documents' | 'clock' | 'scheduler' | 'workflow'>) =>
  httpHandler(
    createCycleRoute,
    async ({ body, actor }) => {
      const cycle = await createCycle(body, { ...deps, actor });
      return { status: 201, body: cycleView(cycle), headers: { location: `/api/cycles/${cycle.year}` } };
    },
    { answers: { store: deps.documents, clock: deps.clock } },
  );

export const handler = onColdStart(() =>
  makeHandler({ cycles: cycles(), documents: documents(), clock: clock(), scheduler: scheduler(), workflow: workflow() }),
);

import { lateRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { lateList } from '../../shared/features/cycles/statusMatrix';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(lateRoute, async ({ params }) => ({ status: 200, body: await lateList(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

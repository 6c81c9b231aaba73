import { healthRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, readiness } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { checkReadiness } from '../../shared/features/system/readiness';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'readiness' | 'clock'>) => httpHandler(healthRoute, async () => ({ status: 200, body: await checkReadiness(deps) }));

export const handler = onColdStart(() => makeHandler({ readiness: readiness(), clock: clock() }));

import { getReportSectionsRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { getReportSections } from '../../shared/features/economy/settings';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles'>) =>
  httpHandler(getReportSectionsRoute, async ({ params }) => ({ status: 200, body: await getReportSections(params.year, deps) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles() }));

import { putReportSectionsRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { putReportSections } from '../../shared/features/economy/settings';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'clock'>) =>
  httpHandler(putReportSectionsRoute, async ({ params, headers, body, actor }) => ({
    status: 200,
    body: await putReportSections({ year: params.year, body, ifMatch: headers['if-match'] }, { ...deps, actor }),
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), clock: clock() }));

import { putBudgetRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { putBudget } from '../../shared/features/economy/settings';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'clock'>) =>
  httpHandler(putBudgetRoute, async ({ params, headers, body, actor }) => ({
    status: 200,
    body: await putBudget({ year: params.year, body, ifMatch: headers['if-match'] }, { ...deps, actor }),
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), clock: clock() }));

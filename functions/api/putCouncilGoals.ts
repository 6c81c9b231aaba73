import { putCouncilGoalsRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { putCouncilGoals } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(putCouncilGoalsRoute, async ({ params, headers, body, actor }) => ({
    status: 200,
    body: await putCouncilGoals({ year: params.year, goals: body, ifMatch: headers['if-match'] }, { ...deps, actor }),
  }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

import { changeCalendarRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles, scheduler, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { changeCalendar } from '../../shared/features/cycles/cycles';
import { cycleView } from '../../shared/features/cycles/cycleView';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'clock' | 'scheduler' | 'workflow'>) =>
  httpHandler(changeCalendarRoute, async ({ params, headers, body, actor }) => {
    const cycle = await changeCalendar({ year: params.year, patch: body, ifMatch: headers['if-match'] }, { ...deps, actor });
    return { status: 200, body: cycleView(cycle) };
  });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), clock: clock(), scheduler: scheduler(), workflow: workflow() }));

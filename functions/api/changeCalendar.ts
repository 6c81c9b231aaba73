import { changeCalendarRoute } from '../../shared/api/routes';
import { currentClock } from '../../shared/commons/clock';
import { cycleRepository } from '../../shared/commons/repositories';
import { currentScheduler } from '../../shared/commons/scheduler';
import { currentWorkflow } from '../../shared/commons/workflow';
import { changeCalendar } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(changeCalendarRoute, async ({ params, headers, body, actor }) => {
  const { approvedPlans: _approvedPlans, ...cycle } = await changeCalendar(
    { year: params.year, patch: body, ifMatch: headers['if-match'] },
    { actor, cycles: cycleRepository(), clock: currentClock(), scheduler: currentScheduler(), workflow: currentWorkflow() },
  );
  return { status: 200, body: cycle, headers: { etag: `"${cycle.version}"` } };
});

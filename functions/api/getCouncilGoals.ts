import { getCouncilGoalsRoute } from '../../shared/api/routes';
import { cycleRepository } from '../../shared/commons/repositories';
import { getCouncilGoals } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(getCouncilGoalsRoute, async ({ params }) => {
  const goals = await getCouncilGoals(params.year, { cycles: cycleRepository() });
  return { status: 200, body: goals, headers: { etag: `"${goals.version}"` } };
});

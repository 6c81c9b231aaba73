import { putCouncilGoalsRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { putCouncilGoals } from '../../shared/features/cycles/cycles';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(putCouncilGoalsRoute, async ({ params, headers, body, actor }) => {
  const goals = await putCouncilGoals({ year: params.year, goals: body, ifMatch: headers['if-match'] }, documentDeps(actor));
  return { status: 200, body: goals, headers: { etag: `"${goals.version}"` } };
});

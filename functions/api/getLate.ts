import { lateRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { lateList } from '../../shared/features/cycles/statusMatrix';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(lateRoute, async ({ params, actor }) => {
  return { status: 200, body: await lateList(params.year, documentDeps(actor)) };
});

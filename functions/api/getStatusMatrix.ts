import { statusMatrixRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { statusMatrix } from '../../shared/features/cycles/statusMatrix';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(statusMatrixRoute, async ({ params, actor }) => {
  return { status: 200, body: await statusMatrix(params.year, documentDeps(actor)) };
});

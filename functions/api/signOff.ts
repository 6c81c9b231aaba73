import { signoffRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { signOff } from '../../shared/features/cycles/signOff';
import { rememberAnswer } from '../../shared/features/idempotency/rememberAnswer';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(signoffRoute, async ({ params, headers, body, actor }) => {
  const deps = documentDeps(actor);
  return rememberAnswer({ actor, key: headers['idempotency-key'], operation: 'signoff', request: { params, body }, idempotency: deps.idempotency }, async () => {
    const { approvedPlans: _approvedPlans, ...cycle } = await signOff({ year: params.year, body }, deps);
    return { status: 200, body: cycle };
  });
});

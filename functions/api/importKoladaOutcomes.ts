import { importKoladaRoute } from '../../shared/api/routes';
import { documentDeps } from '../../shared/commons/repositories';
import { importKoladaOutcomes } from '../../shared/features/followUp/importOutcomes';
import { rememberAnswer } from '../../shared/features/idempotency/rememberAnswer';
import { httpHandler } from '../../shared/http/handler';

export const handler = httpHandler(importKoladaRoute, async ({ params, headers, body, actor }) => {
  const deps = documentDeps(actor);
  return rememberAnswer({ actor, key: headers['idempotency-key'], operation: 'kolada', request: { params, body }, idempotency: deps.idempotency }, async () => ({
    status: 200,
    body: await importKoladaOutcomes({ year: params.year, body }, deps),
  }));
});

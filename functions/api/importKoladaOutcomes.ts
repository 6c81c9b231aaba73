import { importKoladaRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, idempotency } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { importKoladaOutcomes } from '../../shared/features/followUp/importOutcomes';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'idempotency' | 'clock'>) =>
  httpHandler(
    importKoladaRoute,
    async ({ params, body, actor }) => ({ status: 200, body: await importKoladaOutcomes({ year: params.year, body }, { ...deps, actor }) }),
    { answers: deps.idempotency },
  );

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), idempotency: idempotency(), clock: clock() }));

import { applyOutcomeImportRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, idempotency, workbooks } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { applyOutcomeImport } from '../../shared/features/followUp/outcomeImport';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'workbooks' | 'idempotency' | 'clock'>) =>
  httpHandler(applyOutcomeImportRoute, async ({ params, body, actor }) => ({ status: 200, body: await applyOutcomeImport({ year: params.year, body }, { ...deps, actor }) }), {
    answers: deps.idempotency,
  });

export const handler = onColdStart(() =>
  makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), workbooks: workbooks(), idempotency: idempotency(), clock: clock() }),
);

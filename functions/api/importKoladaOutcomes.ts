import { importKoladaRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { importKoladaOutcomes } from '../../shared/features/followUp/importOutcomes';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'clock'>) =>
  httpHandler(
    importKoladaRoute,
    async ({ params, body, actor }) => ({ status: 200, body: await importKoladaOutcomes({ year: params.year, body }, { ...deps, actor }) }),
    { answers: { store: deps.documents, clock: deps.clock } },
  );

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), clock: clock() }));

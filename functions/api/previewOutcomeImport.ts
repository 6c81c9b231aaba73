import { previewOutcomeImportRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, workbooks } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { previewOutcomeImport } from '../../shared/features/followUp/outcomeImport';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'workbooks' | 'clock'>) =>
  httpHandler(previewOutcomeImportRoute, async ({ params, body, actor }) => ({ status: 200, body: await previewOutcomeImport({ year: params.year, body }, { ...deps, actor }) }));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), workbooks: workbooks(), clock: clock() }));

import { getDocumentRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { readDocumentView } from '../../shared/features/documents/readDocument';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(getDocumentRoute, async ({ params }) => ({ status: 200, body: await readDocumentView(params, deps) }), {
    ancestors: ancestorsVia(deps.boards),
  });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

import { documentHistoryRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents, history } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { documentHistory } from '../../shared/features/documents/readDocument';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'history'>) =>
  httpHandler(documentHistoryRoute, async ({ params }) => ({ status: 200, body: { events: await documentHistory(params, deps) } }), {
    ancestors: ancestorsVia(deps.boards),
  });

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), history: history() }));

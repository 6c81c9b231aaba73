import { getDocumentRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { readDocumentView } from '../../shared/features/documents/readDocument';
import { rollupFor } from '../../shared/features/documents/rollup';
import { ancestorsVia } from '../../shared/features/boards/ancestors';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents'>) =>
  httpHandler(
    getDocumentRoute,
    async ({ params }) => {
      // The document and, for a parent's report, its units' roll-up: independent reads, in one round.
      const [view, rollup] = await Promise.all([readDocumentView(params, deps), rollupFor(params, deps)]);
      return { status: 200, body: { ...view, ...(rollup ? { rollup } : {}) } };
    },
    { ancestors: ancestorsVia(deps.boards) },
  );

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), boards: boards(), documents: documents() }));

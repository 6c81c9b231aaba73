import { copyPreviewRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { copyPreview } from '../../shared/features/cycles/copyYear';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents'>) =>
  httpHandler(copyPreviewRoute, async ({ params, query }) => ({ status: 200, body: await copyPreview({ from: params.year, to: query.to ?? params.year + 1 }, deps) }));

export const handler = onColdStart(() => makeHandler({ boards: boards(), cycles: cycles(), documents: documents() }));

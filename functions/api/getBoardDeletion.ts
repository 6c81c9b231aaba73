import { getBoardDeletionRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { boardDeletion } from '../../shared/features/boards/deleteBoard';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents'>) =>
  httpHandler(getBoardDeletionRoute, async ({ params }) => ({ status: 200, body: await boardDeletion(params.boardId, deps) }));

export const handler = onColdStart(() => makeHandler({ boards: boards(), cycles: cycles(), documents: documents() }));

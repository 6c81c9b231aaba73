import { listBoardsRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { listBoards } from '../../shared/features/boards/listBoards';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards'>) =>
  httpHandler(listBoardsRoute, async () => ({ status: 200, body: { boards: await listBoards(deps) } }));

export const handler = onColdStart(() => makeHandler({ boards: boards() }));

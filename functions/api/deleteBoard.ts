import { deleteBoardRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { deleteBoard } from '../../shared/features/boards/deleteBoard';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents' | 'clock'>) =>
  httpHandler(deleteBoardRoute, async ({ params, headers, actor }) => {
    await deleteBoard({ boardId: params.boardId, ifMatch: headers['if-match'] }, { ...deps, actor });
    return { status: 204 };
  });

export const handler = onColdStart(() => makeHandler({ boards: boards(), cycles: cycles(), documents: documents(), clock: clock() }));

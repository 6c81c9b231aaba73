import { putBoardRoute } from '../../shared/api/routes';
import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, sentMessages } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { boardView } from '../../shared/features/boards/listBoards';
import { putBoard } from '../../shared/features/boards/putBoard';
import { httpHandler } from '../../shared/http/handler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'clock' | 'sent'>) =>
  httpHandler(putBoardRoute, async ({ params, headers, body, actor }) => {
    const { board, created } = await putBoard({ boardId: params.boardId, body, ifMatch: headers['if-match'] }, { ...deps, actor });
    return { status: created ? 201 : 200, body: boardView(board) };
  });

export const handler = onColdStart(() => makeHandler({ boards: boards(), clock: clock(), sent: sentMessages() }));

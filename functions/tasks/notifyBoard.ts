import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, notifier, sentMessages } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { notifyBoard } from '../../shared/features/review/reviewSteps';
import { notifyBoardInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents' | 'sent' | 'notifier' | 'clock'>) =>
  taskHandler('NotifyBoard', notifyBoardInput, (input) =>
    notifyBoard(input, deps).then(counted(input.event === 'approved' ? 'DocumentsApproved' : 'DocumentsReturned', ({ sent }) => (sent ? 1 : 0))),
  );

export const handler = onColdStart(() =>
  makeHandler({ boards: boards(), cycles: cycles(), documents: documents(), sent: sentMessages(), notifier: notifier(), clock: clock() }),
);

import { currentClock } from '../../shared/commons/clock';
import { currentNotifier } from '../../shared/commons/notifier';
import { boardRepository, cycleRepository, documentRepository, sentMessages } from '../../shared/commons/repositories';
import { notifyBoard } from '../../shared/features/review/reviewSteps';
import { notifyBoardInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

export const handler = taskHandler('NotifyBoard', notifyBoardInput, (input) =>
  notifyBoard(input, {
    boards: boardRepository(),
    cycles: cycleRepository(),
    documents: documentRepository(),
    sent: sentMessages(),
    notifier: currentNotifier(),
    clock: currentClock(),
  }).then(counted(input.event === 'approved' ? 'DocumentsApproved' : 'DocumentsReturned', ({ sent }) => (sent ? 1 : 0))),
);

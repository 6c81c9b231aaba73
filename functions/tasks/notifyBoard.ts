import { onColdStart } from '../../shared/composition/coldStart';
import { boards, clock, cycles, documents, notifier, sentMessages } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { notifyBoard } from '../../shared/features/review/reviewSteps';
import { notifyBoardInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

export const makeHandler = (deps: Pick<Deps, 'boards' | 'cycles' | 'documents' | 'sent' | 'notifier' | 'clock'>) =>
  taskHandler('NotifyBoard', notifyBoardInput, (input) => notifyBoard(input, deps));

export const handler = onColdStart(() =>
  makeHandler({ boards: boards(), cycles: cycles(), documents: documents(), sent: sentMessages(), notifier: notifier(), clock: clock() }),
);

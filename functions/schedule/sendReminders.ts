import { onColdStart } from '../../shared/composition/coldStart';
import { boards, cycles, documents, notifier, outbox, sentMessages, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { sweepWorkflowActions } from '../../shared/features/documents/workflowActions';
import { nextReminderRun, sendDueReminders } from '../../shared/features/reminders/sendReminders';
import { scheduledJobInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

/** The daily job: reminders, overdue notices and escalations; then any workflow action a crash left undelivered. */
export const makeHandler = (deps: Pick<Deps, 'cycles' | 'boards' | 'documents' | 'sent' | 'notifier' | 'outbox' | 'workflow'>) =>
  taskHandler('SendReminders', scheduledJobInput, async ({ scheduledTime }) => {
    const result = await sendDueReminders(scheduledTime, deps).then(counted('RemindersSent', ({ sent }) => sent));
    const redelivered = await sweepWorkflowActions(deps);
    return { ...result, redelivered };
  });

/** When the job next has work (the local scheduler skips the occurrences before it; EventBridge runs them all). */
export const makeNextRun = (deps: Pick<Deps, 'cycles' | 'sent'>) => (after: Date) => nextReminderRun(after, deps);

export const handler = onColdStart(() =>
  makeHandler({ cycles: cycles(), boards: boards(), documents: documents(), sent: sentMessages(), notifier: notifier(), outbox: outbox(), workflow: workflow() }),
);

import { currentNotifier } from '../../shared/commons/notifier';
import { boardRepository, cycleRepository, documentRepository, sentMessages } from '../../shared/commons/repositories';
import { currentWorkflow } from '../../shared/commons/workflow';
import { sweepWorkflowActions } from '../../shared/features/documents/workflowActions';
import { sendDueReminders } from '../../shared/features/reminders/sendReminders';
import { scheduledJobInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

/** The daily job: reminders, overdue notices and escalations; then any workflow action a crash left undelivered. */
export const handler = taskHandler('SendReminders', scheduledJobInput, async ({ scheduledTime }) => {
  const documents = documentRepository();
  const result = await sendDueReminders(scheduledTime, {
    cycles: cycleRepository(),
    boards: boardRepository(),
    documents,
    sent: sentMessages(),
    notifier: currentNotifier(),
  }).then(counted('RemindersSent', ({ sent }) => sent));
  const redelivered = await sweepWorkflowActions({ documents, workflow: currentWorkflow() });
  return { ...result, redelivered };
});

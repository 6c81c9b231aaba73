import * as z from 'zod';
import { onColdStart } from '../../shared/composition/coldStart';
import { clock, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { recordStoppedExecution } from '../../shared/features/review/recordStoppedExecution';
import { documentAddressSchema } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

/** The execution's input as EventBridge carries it: a JSON string holding the document's address. */
const executionInput = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
});

/** `Step Functions Execution Status Change`, as the rule in infra/stoppedExecutions.ts delivers it. */
const statusChange = z.object({
  detail: z.object({
    name: z.string().min(1),
    status: z.enum(['FAILED', 'TIMED_OUT', 'ABORTED']),
    input: executionInput.pipe(z.object({ document: documentAddressSchema })),
    error: z.string().nullish(),
  }),
});

export const makeHandler = (deps: Pick<Deps, 'documents' | 'clock'>) =>
  taskHandler('RecordStoppedExecution', statusChange, ({ detail }) =>
    recordStoppedExecution(
      { executionName: detail.name, status: detail.status, error: detail.error ?? undefined, document: detail.input.document },
      deps,
    ),
  );

export const handler = onColdStart(() => makeHandler({ documents: documents(), clock: clock() }));

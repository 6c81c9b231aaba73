import { onColdStart } from '../../shared/composition/coldStart';
import { clock, cycles, documents } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { runChecks } from '../../shared/features/review/reviewSteps';
import { runChecksInput } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';
import { counted } from '../../shared/observability/metrics';

export const makeHandler = (deps: Pick<Deps, 'cycles' | 'documents' | 'clock'>) =>
  taskHandler('RunChecks', runChecksInput, ({ document }) => runChecks(document, deps).then(counted('DocumentsSubmitted')));

export const handler = onColdStart(() => makeHandler({ cycles: cycles(), documents: documents(), clock: clock() }));

import * as z from 'zod';
import { onColdStart } from '../../shared/composition/coldStart';
import { documents, workflow } from '../../shared/composition/cloud';
import type { Deps } from '../../shared/composition/deps';
import { continueReview } from '../../shared/features/review/continueReview';
import { documentAddressSchema } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

const continueReviewInput = z.object({ document: documentAddressSchema, round: z.number().int().min(1) });

export const makeHandler = (deps: Pick<Deps, 'documents' | 'workflow'>) =>
  taskHandler('ContinueReview', continueReviewInput, (input) => continueReview(input, deps));

export const handler = onColdStart(() => makeHandler({ documents: documents(), workflow: workflow() }));

import * as z from 'zod';
import { documentRepository } from '../../shared/commons/repositories';
import { currentWorkflow } from '../../shared/commons/workflow';
import { continueReview } from '../../shared/features/review/continueReview';
import { documentAddressSchema } from '../../shared/tasks/schemas';
import { taskHandler } from '../../shared/tasks/taskHandler';

const continueReviewInput = z.object({ document: documentAddressSchema, round: z.number().int().min(1) });

export const handler = taskHandler('ContinueReview', continueReviewInput, (input) =>
  continueReview(input, { documents: documentRepository(), workflow: currentWorkflow() }),
);

import * as z from 'zod';
import { boardIdSchema, documentKindSchema } from '../schemas/common';

export const documentAddressSchema = z.object({ year: z.number().int(), boardId: boardIdSchema, kind: documentKindSchema });

export const runChecksInput = z.object({ document: documentAddressSchema });

export const registerCallbackInput = z.object({
  taskToken: z.string().min(1),
  document: documentAddressSchema,
  step: z.enum(['review', 'resubmission']),
  round: z.number().int().min(1),
});

export const notifyBoardInput = z.object({
  document: documentAddressSchema,
  event: z.enum(['returned', 'approved']),
  round: z.number().int().min(1),
});

export const recordFailureInput = z.object({
  document: documentAddressSchema,
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

export const periodInput = z.object({ period: z.object({ year: z.number().int(), kind: documentKindSchema }) });

/** EventBridge Scheduler passes `<aws.scheduler.scheduled-time>`; the local scheduler does the same. */
export const scheduledJobInput = z.object({ scheduledTime: z.iso.datetime({ offset: true }) });

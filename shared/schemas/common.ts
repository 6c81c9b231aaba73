import * as z from 'zod';
import './openapiMeta';

/** Ids of boards, goals, indicators, risks, controls: short, printable, safe in keys and URLs. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use 1–64 letters, digits, dot, underscore or hyphen, starting with a letter or digit');

export const boardIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'use 1–64 lower-case letters, digits or hyphens, starting with a letter or digit');

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** ISO date, e.g. 2027-01-31, that is also a real calendar day. */
export const isoDateSchema = z.iso.date();

export const shortText = (max = 200) => z.string().trim().min(1).max(max);
export const longText = (max = 10_000) => z.string().max(max);

/**
 * A finite number that can be stored as sent: no NaN or Infinity (JSON cannot carry them, but `1e309` parses to
 * Infinity), a magnitude of at most 2^53 − 1 (the DynamoDB document client refuses larger ones) and, unless zero,
 * of at least 1e-130 (DynamoDB's smallest). Anything else is a 422, never a failed write.
 */
export const finiteNumber = z
  .number()
  .finite()
  .min(-Number.MAX_SAFE_INTEGER, 'use a number between -9007199254740991 and 9007199254740991')
  .max(Number.MAX_SAFE_INTEGER, 'use a number between -9007199254740991 and 9007199254740991')
  .refine((n) => n === 0 || Math.abs(n) >= 1e-130, 'use 0 or a number of magnitude at least 1e-130');

export const emailSchema = z.email().max(254);

export const documentKinds = ['plan', 't1', 't2', 'annual'] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const documentStatuses = ['not_started', 'draft', 'in_review', 'returned', 'approved'] as const;
export const documentStatusSchema = z.enum(documentStatuses);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

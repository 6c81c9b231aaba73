import * as z from 'zod';
import '../schemas/openapiMeta';

/** `If-Match: "3"` (or W/"3", or 3): the version the caller edited. */
export const ifMatchSchema = z
  .string()
  .max(40)
  .regex(/^\s*(W\/)?"?\d{1,9}"?\s*$/, 'send the ETag you read, e.g. "3" ("0" for a document that does not exist yet)')
  .transform((value) => Number(value.replace(/[^0-9]/g, '')))
  .openapi({ description: 'The ETag of the version being replaced', example: '"3"' });

export const idempotencyKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'use 1–128 letters, digits, dot, underscore, colon or hyphen, e.g. a UUID')
  .openapi({ description: 'Repeat a request safely: a retry with the same key returns the first answer' });

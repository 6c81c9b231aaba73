import * as z from 'zod';
import './openapiMeta';
import { boardIdSchema, emailSchema, finiteNumber, shortText } from './common';

/** `unit`: an operational unit (enhet: a school, a preschool, a care home) below a board. */
export const boardKinds = ['district', 'specialist', 'company', 'unit'] as const;
export const boardKindSchema = z.enum(boardKinds);
export type BoardKind = z.infer<typeof boardKindSchema>;

export const localeSchema = z.enum(['sv', 'en']);
export type Locale = z.infer<typeof localeSchema>;

/** PUT /api/boards/{boardId}: create or update a board. */
export const boardBodySchema = z
  .object({
    name: shortText(200).openapi({ example: 'Bromma stadsdelsnämnd' }),
    kind: boardKindSchema,
    contacts: z
      .array(emailSchema)
      .min(1, 'give at least one contact e-mail address; reminders go there')
      .max(20, 'give at most 20 contact addresses')
      .superRefine((emails, ctx) => {
        const seen = new Map<string, number>();
        emails.forEach((email, i) => {
          const key = email.toLowerCase();
          const first = seen.get(key);
          if (first === undefined) seen.set(key, i);
          else ctx.addIssue({ code: 'custom', path: [i], message: `${email} is already listed at contacts.${first}; list each address once` });
        });
      }),
    locale: localeSchema.optional().openapi({ description: 'Language of the e-mails sent to the contacts (default sv)' }),
    parentId: boardIdSchema
      .nullable()
      .optional()
      .openapi({ description: 'The board this one sits below (a unit below its board, a subsidiary below its company); null or left out at the top' }),
    attributes: z
      .record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/, 'name an attribute in lower camel case, e.g. pupils or beds'), finiteNumber.min(0, 'use a number of at least 0'))
      .refine((record) => Object.keys(record).length <= 20, 'give at most 20 attributes')
      .optional()
      .openapi({ description: "The unit's size, for roll-ups weighted by it: { \"pupils\": 420 } or { \"beds\": 64 }", example: { pupils: 420 } }),
    archived: z
      .boolean()
      .optional()
      .openapi({ description: 'An archived board keeps its documents and history, owes nothing in years opened later, and cannot take new units' }),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'unit' && !body.parentId) {
      ctx.addIssue({ code: 'custom', path: ['parentId'], message: 'a unit sits below a board: give the parentId of that board' });
    }
  })
  .openapi('BoardBody');
export type BoardBody = z.infer<typeof boardBodySchema>;

export const boardSchema = boardBodySchema
  .safeExtend({
    boardId: boardIdSchema,
    parentId: boardIdSchema.nullable().openapi({ description: 'The board above this one; null at the top' }),
    updatedAt: z.iso.datetime().optional(),
  })
  .openapi('Board');
export type Board = z.infer<typeof boardSchema>;

export const boardListSchema = z.object({ boards: z.array(boardSchema) }).openapi('BoardList');
export type BoardList = z.infer<typeof boardListSchema>;

/** GET /api/boards/{boardId}/deletion: what DELETE would answer, and why. */
export const boardDeletionSchema = z
  .object({
    boardId: boardIdSchema,
    deletable: z.boolean(),
    yearsWithDocuments: z.array(z.number().int()).openapi({ description: 'The years in which the board has a document: archive it instead' }),
    namedInGoals: z.array(z.number().int()).openapi({ description: "The years whose council goals name the board among an indicator's boards: take it out of them first" }),
    units: z.array(boardIdSchema).openapi({ description: 'Its direct units: move or delete them first' }),
  })
  .openapi('BoardDeletion');
export type BoardDeletion = z.infer<typeof boardDeletionSchema>;

import * as z from 'zod';
import './openapiMeta';
import { boardIdSchema, emailSchema, shortText } from './common';

export const boardKinds = ['district', 'specialist', 'company'] as const;
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
  })
  .openapi('BoardBody');
export type BoardBody = z.infer<typeof boardBodySchema>;

export const boardSchema = boardBodySchema
  .extend({ boardId: boardIdSchema, updatedAt: z.iso.datetime().optional() })
  .openapi('Board');
export type Board = z.infer<typeof boardSchema>;

export const boardListSchema = z.object({ boards: z.array(boardSchema) }).openapi('BoardList');
export type BoardList = z.infer<typeof boardListSchema>;

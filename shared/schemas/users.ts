import * as z from 'zod';
import './openapiMeta';
import { roles } from '../domain/actor';
import { localeSchema } from './boards';
import { boardIdSchema, emailSchema, shortText } from './common';

/**
 * A person's login id in Årshjul: what the path names, what the local token's `sub` is, and in AWS the Cognito
 * user's `preferred_username` (an e-mail-only pool generates its own usernames). Short, printable, safe in URLs.
 */
export const userIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'use lower-case letters, digits, dots or hyphens, e.g. erik.bromma');

export const roleSchema = z.enum(roles);

/** Cognito keeps the boards in `custom:boards`, comma-separated, at most 2048 characters. */
const BOARDS_ATTRIBUTE_MAX = 2048;

/** PUT /api/users/{userId}: invite a person, or change them. */
export const userBodySchema = z
  .object({
    name: shortText(200),
    email: emailSchema,
    role: roleSchema,
    boards: z
      .array(boardIdSchema)
      .max(100)
      .refine((ids) => ids.join(',').length <= BOARDS_ATTRIBUTE_MAX, 'too many boards')
      .optional()
      .openapi({ description: "An editor's boards (at least one), or a reviewer's scope (none: all)" }),
    locale: localeSchema.optional(),
  })
  .openapi('UserBody');
export type UserBody = z.infer<typeof userBodySchema>;

export const userSchema = z
  .object({
    userId: userIdSchema,
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    boards: z.array(z.string()),
    locale: localeSchema,
    active: z.boolean().openapi({ description: 'False once deactivated' }),
  })
  .openapi('User');
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) }).openapi('UserList');
export type UserList = z.infer<typeof userListSchema>;

export const personFields = ['name', 'email', 'role', 'boards', 'locale', 'active'] as const;
export type PersonField = (typeof personFields)[number];
const fieldValue = z.union([z.string(), z.array(z.string()), z.boolean()]);

export const userEventActions = ['invited', 'changed', 'deactivated', 'reactivated'] as const;

/** One change to a person: who made it, when, and each field's value before and after. */
export const userEventSchema = z
  .object({
    at: z.iso.datetime(),
    actor: z.string(),
    actorName: z.string().optional(),
    role: z.string(),
    action: z.enum(userEventActions),
    changes: z.array(z.object({ field: z.enum(personFields), from: fieldValue.optional(), to: fieldValue.optional() })),
  })
  .openapi('UserEvent');
export type UserEvent = z.infer<typeof userEventSchema>;

export const userHistorySchema = z.object({ userId: userIdSchema, events: z.array(userEventSchema) }).openapi('UserHistory');
export type UserHistory = z.infer<typeof userHistorySchema>;

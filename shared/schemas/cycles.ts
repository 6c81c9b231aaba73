import * as z from 'zod';
import './openapiMeta';
import { deadlineOrderProblems } from '../domain/calendar';
import { unsubmittedStatuses } from '../domain/lifecycle';
import { cycleEventActions } from '../ports/cycleRepository';
import { isoDateSchema, yearSchema } from './common';

/**
 * IANA zone names look like `Europe/Stockholm`, `America/Argentina/Buenos_Aires`, `Etc/GMT+1` or `UTC`: each part
 * starts with a capital. The pattern also keeps out the offsets (`+01:00`) that Intl accepts but are no zone.
 */
const ianaNamePattern = /^[A-Z][A-Za-z0-9_+-]*(\/[A-Z][A-Za-z0-9_+-]*)*$/;

/** True when `name` is an IANA time zone this runtime knows (aliases such as Asia/Kolkata included). */
export function isIanaTimeZone(name: string): boolean {
  if (!ianaNamePattern.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, { message: 'use an IANA time zone name, e.g. Europe/Stockholm or Europe/Helsinki' })
  .openapi({ example: 'Europe/Stockholm' });

/** The calendar fields without defaults: shared by the full calendar and its PATCH body. */
const calendarFields = {
  planDue: isoDateSchema.openapi({ description: 'Operations plans due', example: '2027-01-31' }),
  t1Due: isoDateSchema.openapi({ description: 'Tertial report 1 due', example: '2027-05-15' }),
  t2Due: isoDateSchema.openapi({ description: 'Tertial report 2 due', example: '2027-09-15' }),
  annualDue: isoDateSchema.openapi({ description: 'Annual report due', example: '2028-02-15' }),
  signoffDue: isoDateSchema.openapi({ description: 'Executive sign-off due', example: '2028-04-15' }),
  reminderDaysBefore: z.number().int().min(0).max(60).openapi({ description: 'Days before a deadline that late boards are reminded' }),
  escalateEveryDays: z.number().int().min(1).max(60).openapi({ description: 'After a deadline, how often lateness is escalated to the reviewers' }),
  unitLeadDays: z
    .number()
    .int()
    .min(0)
    .max(60)
    .openapi({ description: "Per level below the top: a unit's plan is due this many days after its parent's, each of its reports this many days before its parent's" }),
  timeZone: timeZoneSchema,
};

export const calendarSchema = z
  .object({
    ...calendarFields,
    reminderDaysBefore: calendarFields.reminderDaysBefore.default(7),
    escalateEveryDays: calendarFields.escalateEveryDays.default(7),
    // No schema default: calendars stored before organisation levels lack it too; domain/calendar reads both as 14.
    unitLeadDays: calendarFields.unitLeadDays.optional().openapi({ description: "Per level below the top: a unit's plan is due this many days after its parent's, each of its reports this many days before its parent's (default 14)" }),
    timeZone: calendarFields.timeZone.default('Europe/Stockholm'),
  })
  .superRefine((calendar, ctx) => {
    for (const p of deadlineOrderProblems(calendar)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  })
  .openapi('Calendar');
export type Calendar = z.infer<typeof calendarSchema>;
export type CalendarInput = z.input<typeof calendarSchema>;

const reviewerContactsSchema = z
  .array(z.email().max(254))
  .max(50)
  .openapi({ description: 'Reviewers copied on overdue notices and escalations' });

export const createCycleBodySchema = z
  .object({
    year: yearSchema,
    calendar: calendarSchema
      .optional()
      .openapi({ description: 'Optional with copyFrom: then that year\'s, moved to this year' }),
    reviewerContacts: reviewerContactsSchema.optional(),
    copyFrom: z
      .number()
      .int()
      .min(2000)
      .max(2100)
      .optional()
      .openapi({ description: 'Copy this year: its council goals, and its approved plans as drafts' }),
  })
  .superRefine((body, ctx) => {
    if (body.calendar === undefined && body.copyFrom === undefined) {
      ctx.addIssue({ code: 'custom', path: ['calendar'], message: 'give the calendar, or copyFrom' });
    }
    if (body.copyFrom !== undefined && body.copyFrom === body.year) {
      ctx.addIssue({ code: 'custom', path: ['copyFrom'], message: `name another year than ${body.year} to copy from` });
    }
  })
  .openapi('CreateCycleBody');
export type CreateCycleBody = z.infer<typeof createCycleBodySchema>;

/**
 * PATCH /api/cycles/{year}/calendar: any subset of the calendar. Unknown keys are refused so a typo is never a
 * silent no-op. The order of the deadlines is checked on the merged calendar (domain/calendar.applyCalendarPatch).
 */
export const calendarPatchBodySchema = z
  .strictObject({
    planDue: calendarFields.planDue.optional(),
    t1Due: calendarFields.t1Due.optional(),
    t2Due: calendarFields.t2Due.optional(),
    annualDue: calendarFields.annualDue.optional(),
    signoffDue: calendarFields.signoffDue.optional(),
    reminderDaysBefore: calendarFields.reminderDaysBefore.optional(),
    escalateEveryDays: calendarFields.escalateEveryDays.optional(),
    unitLeadDays: calendarFields.unitLeadDays.optional(),
    timeZone: calendarFields.timeZone.optional(),
  })
  .refine((patch) => Object.values(patch).some((v) => v !== undefined), {
    message: 'name at least one calendar field to change, e.g. { "t1Due": "2027-05-20" }',
  })
  .openapi('CalendarPatchBody');
export type CalendarPatch = z.infer<typeof calendarPatchBodySchema>;

export const cycleStates = ['open', 'signed_off'] as const;
export const cycleStateSchema = z.enum(cycleStates);
export type CycleState = z.infer<typeof cycleStateSchema>;

export const cycleSchema = z
  .object({
    year: z.number().int(),
    calendar: calendarSchema,
    reviewerContacts: z.array(z.string()).optional(),
    state: cycleStateSchema,
    createdAt: z.iso.datetime(),
    createdBy: z.string().optional(),
    updatedAt: z.iso.datetime().optional(),
    signedOffAt: z.iso.datetime().optional(),
    signedOffBy: z.string().optional(),
  })
  .openapi('Cycle');
export type Cycle = z.infer<typeof cycleSchema>;

export const lateListSchema = z
  .object({
    year: z.number().int(),
    today: z.iso.date(),
    late: z.array(
      z.object({
        boardId: z.string(),
        name: z.string(),
        parentId: z.string().nullable().optional().openapi({ description: 'The board a unit sits below; null at the top' }),
        kind: z.enum(['plan', 't1', 't2', 'annual']),
        due: z.iso.date().openapi({ description: "The document's own due date (a unit's moves by unitLeadDays per level)" }),
        status: z.enum(unsubmittedStatuses),
        daysLate: z.number().int(),
      }),
    ),
  })
  .openapi('LateList');
export type LateList = z.infer<typeof lateListSchema>;

export const cycleHistorySchema = z
  .object({
    year: z.number().int(),
    events: z.array(
      z.object({
        at: z.iso.datetime(),
        actor: z.string(),
        actorName: z.string().optional(),
        role: z.string(),
        action: z.enum(cycleEventActions),
        comment: z.string().optional(),
        details: z
          .object({
            timeZone: z.string().optional(),
            changes: z.array(z.object({ field: z.string(), from: z.union([z.string(), z.number(), z.null()]), to: z.union([z.string(), z.number()]) })).optional(),
            goals: z.object({ version: z.number().int(), directionGoals: z.number().int(), indicators: z.number().int() }).optional(),
            budget: z
              .object({ version: z.number().int(), boards: z.number().int(), netCost: z.number().openapi({ description: 'The net costs added, tkr' }) })
              .optional()
              .openapi({ description: 'budget_replaced: the version written, how many boards have a line, their net costs added' }),
            sections: z
              .object({ version: z.number().int(), sections: z.number().int() })
              .optional()
              .openapi({ description: 'report_sections_replaced: the version written and how many sections' }),
            companies: z.number().int().optional(),
            copiedFrom: z.number().int().optional(),
          })
          .optional(),
      }),
    ),
  })
  .openapi('CycleHistory');

/** What POST /api/cycles copied from `copyFrom`: whether the council goals, and how many boards' plans. */
export const copiedSchema = z
  .object({
    from: z.number().int(),
    councilGoals: z.boolean(),
    plans: z.number().int().openapi({ description: 'Plans copied as drafts' }),
    reportSections: z.number().int().optional().openapi({ description: "The source's report sections copied (when it had any); the budget is never copied" }),
  })
  .openapi('Copied');
export type Copied = z.infer<typeof copiedSchema>;

/** The answer of POST /api/cycles: the cycle opened, and with copyFrom what was copied. */
export const createdCycleSchema = cycleSchema.extend({ copied: copiedSchema.optional() }).openapi('CreatedCycle');

const previewBoardSchema = z.object({
  boardId: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
});

/** GET /api/cycles/{year}/copy-preview: what opening `to` from `year` would copy, before anything is. */
export const copyPreviewSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    exists: z.boolean().openapi({ description: '`to` is open already' }),
    calendar: calendarSchema,
    councilGoals: z.object({ present: z.boolean(), directionGoals: z.number().int(), areaGoals: z.number().int(), indicators: z.number().int() }),
    plans: z.array(previewBoardSchema).openapi({ description: 'Boards whose approved plan becomes a draft' }),
    withoutPlan: z.array(previewBoardSchema.extend({ status: z.enum(['not_started', 'draft', 'in_review', 'returned']) })),
    reportSections: z.number().int().openapi({ description: 'Report sections to copy; the budget is not copied (each year has its own)' }),
  })
  .openapi('CopyPreview');
export type CopyPreview = z.infer<typeof copyPreviewSchema>;

/*
 * The economy beside the operations (api.md 1.1): the council's budget per board, the money in each report, and
 * the text sections the city asks every board to write. Shapes and sizes only; the rules (a comment past the
 * threshold, a budgeted board must report its money, a required section) live in domain/economy.
 */
import * as z from 'zod';
import './openapiMeta';
import { boardKindSchema } from './boards';
import { boardIdSchema, finiteNumber, idSchema, longText, shortText } from './common';

export const economyLimits = { budgetBoards: 5000, sections: 30 };

/** A budget or a result is never negative: a net cost below zero is a profit, which a company reports as its return. */
const amount = finiteNumber.refine((n) => n >= 0, 'use zero or a positive amount in thousands of kronor (tkr)');

export const budgetLineSchema = z
  .object({
    boardId: boardIdSchema,
    netCost: amount.openapi({ description: "The board's net cost budget for the year, in thousands of kronor", example: 1_250_000 }),
    returnRequirement: finiteNumber
      .refine((n) => n >= -100 && n <= 1000, 'use a return requirement in percent, between -100 and 1000')
      .optional()
      .openapi({ description: "A company's required return, in percent", example: 4.5 }),
  })
  .openapi('BudgetLine');
export type BudgetLine = z.infer<typeof budgetLineSchema>;

/** PUT /api/cycles/{year}/budget: the whole table; a board left out has no budget. */
export const budgetBodySchema = z
  .object({
    unit: z.literal('tkr').default('tkr').openapi({ description: 'Thousands of kronor: the only unit' }),
    boards: z.array(budgetLineSchema).max(economyLimits.budgetBoards),
  })
  .openapi('BudgetBody');
export type BudgetBody = z.infer<typeof budgetBodySchema>;

/** GET /api/cycles/{year}/budget: the table as stored (`version` 0 and no boards before the first PUT). */
export const budgetSchema = budgetBodySchema
  .extend({
    year: z.number().int(),
    version: z.number().int().min(0),
    updatedAt: z.iso.datetime().optional(),
    updatedBy: z.string().optional(),
  })
  .openapi('Budget');
export type Budget = z.infer<typeof budgetSchema>;

export const reportKindSchema = z.enum(['t1', 't2', 'annual']);
export type ReportKindName = z.infer<typeof reportKindSchema>;

export const reportSectionSchema = z
  .object({
    id: idSchema,
    title: shortText(200).openapi({ example: 'Jämställdhet' }),
    help: longText(2000).optional().openapi({ description: 'What the city wants the boards to write, shown in the form' }),
    kinds: z.array(reportKindSchema).min(1, 'name the reports the section belongs to: t1, t2, annual').openapi({ example: ['annual'] }),
    required: z.boolean().default(false),
    boardKinds: z
      .array(boardKindSchema)
      .min(1)
      .optional()
      .openapi({ description: 'The kinds of board that write it; every kind when left out' }),
  })
  .openapi('ReportSection');
export type ReportSection = z.infer<typeof reportSectionSchema>;

/** PUT /api/cycles/{year}/report-sections: the sections in the city's order. */
export const reportSectionsBodySchema = z
  .object({ sections: z.array(reportSectionSchema).max(economyLimits.sections) })
  .openapi('ReportSectionsBody');
export type ReportSectionsBody = z.infer<typeof reportSectionsBodySchema>;

export const reportSectionsSchema = reportSectionsBodySchema
  .extend({
    year: z.number().int(),
    version: z.number().int().min(0),
    updatedAt: z.iso.datetime().optional(),
    updatedBy: z.string().optional(),
  })
  .openapi('ReportSections');
export type ReportSections = z.infer<typeof reportSectionsSchema>;

/**
 * The money in a report. A tertial report gives `outcomeToDate` and `forecast`, the annual report `outcome`; a
 * company with a return requirement also its return (forecast or outcome), in percent. All optional in a draft.
 */
export const reportEconomySchema = z
  .object({
    outcomeToDate: amount.optional().openapi({ description: 'Tertial reports: net cost so far this year, tkr' }),
    forecast: amount.optional().openapi({ description: 'Tertial reports: net cost forecast for the year, tkr' }),
    outcome: amount.optional().openapi({ description: 'The annual report: net cost of the year, tkr' }),
    returnForecast: finiteNumber.optional().openapi({ description: "Tertial reports of a company with a return requirement: the year's expected return, percent" }),
    returnOutcome: finiteNumber.optional().openapi({ description: "The annual report of a company with a return requirement: the year's return, percent" }),
    comment: longText(5000).optional().openapi({ description: 'Required when the forecast or outcome deviates from the budget by more than 1 %' }),
  })
  .openapi('ReportEconomy');
export type ReportEconomy = z.infer<typeof reportEconomySchema>;

export const reportSectionTextSchema = z.object({ sectionId: idSchema, text: longText(20_000) }).openapi('ReportSectionText');

// ── Findings on a submitted report ─────────────────────────────────────────
export const forecastDeficitFindingSchema = z
  .object({
    code: z.literal('FORECAST_DEFICIT'),
    budget: finiteNumber,
    forecast: finiteNumber.openapi({ description: "The net cost forecast (the annual report: the year's outcome)" }),
    deviation: finiteNumber.openapi({ description: 'forecast − budget, tkr: how much the board expects to overspend' }),
    basis: z.enum(['forecast', 'outcome']).optional(),
  })
  .openapi('ForecastDeficitFinding');

export const forecastBelowTargetFindingSchema = z
  .object({
    code: z.literal('FORECAST_BELOW_TARGET'),
    indicatorId: idSchema,
    target: finiteNumber,
    forecast: finiteNumber.openapi({ description: "The indicator's forecast (the annual report: its outcome)" }),
    direction: z.enum(['higher', 'lower']).optional(),
    basis: z.enum(['forecast', 'outcome']).optional(),
  })
  .openapi('ForecastBelowTargetFinding');

export const returnBelowRequirementFindingSchema = z
  .object({
    code: z.literal('RETURN_BELOW_REQUIREMENT'),
    requirement: finiteNumber,
    forecast: finiteNumber.openapi({ description: "The company's expected return (the annual report: its return), percent" }),
    basis: z.enum(['forecast', 'outcome']).optional(),
  })
  .openapi('ReturnBelowRequirementFinding');

// ── The city's economy at a glance (GET /api/cycles/{year}/economy) ────────
const economyFiguresSchema = z.object({
  outcomeToDate: finiteNumber.nullable(),
  forecast: finiteNumber.nullable().openapi({ description: 'The tertial forecast, or the annual outcome' }),
  deviation: finiteNumber.nullable().openapi({ description: 'forecast − budget, tkr' }),
  deviationPercent: finiteNumber.nullable().openapi({ description: 'The deviation as a percentage of the budget; null for a zero budget or no budget' }),
  needsComment: z.boolean().optional().openapi({ description: 'The deviation is past the threshold: the report had to explain it' }),
  comment: z.string().optional().openapi({ description: "The report's explanation (its first 1,000 characters)" }),
  returnForecast: finiteNumber.nullable().optional().openapi({ description: "A company's expected return (the annual report: its return), percent" }),
});

export const economyOverviewSchema = z
  .object({
    year: z.number().int(),
    unit: z.literal('tkr'),
    threshold: finiteNumber.openapi({ description: 'Percent of the budget past which a deviation needs a comment' }),
    boards: z.array(
      z.object({
        boardId: boardIdSchema,
        name: z.string(),
        kind: boardKindSchema.optional(),
        budget: finiteNumber.nullable(),
        returnRequirement: finiteNumber.nullable().optional(),
        latest: reportKindSchema.nullable().openapi({ description: "The latest report of the board's that is approved" }),
        reports: z
          .object({ t1: economyFiguresSchema.nullable(), t2: economyFiguresSchema.nullable(), annual: economyFiguresSchema.nullable() })
          .openapi({ description: 'Each approved report of the year (null: not approved)' }),
      }),
    ).openapi({ description: "The top-level boards (a unit's money is in its parent's roll-up), with a budget line or not" }),
    total: z.object({
      budget: finiteNumber.openapi({ description: "The budgets of the boards listed, added" }),
      forecast: finiteNumber.nullable().openapi({ description: "Each board's latest approved forecast or outcome, added; null when none has reported" }),
      deviation: finiteNumber.nullable().openapi({ description: 'The reported boards’ deviations added: their forecasts less their budgets' }),
      deviationPercent: finiteNumber.nullable().openapi({ description: 'The deviation as a percentage of the reported boards’ budgets' }),
      reported: z.number().int().openapi({ description: 'Boards with a budget whose latest figures are in the total' }),
      budgeted: z.number().int(),
    }),
  })
  .openapi('EconomyOverview');
export type EconomyOverview = z.infer<typeof economyOverviewSchema>;

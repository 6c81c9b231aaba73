/**
 * POST /api/cycles/{year}/budget/preview: an uploaded budget sheet (CSV text or an Excel workbook), read into the
 * lines the budget would take and the rows it cannot, against the budget as stored. Shapes only; the reading rules
 * live in domain/budgetSheet, which the web app also runs on a pasted block.
 */
import * as z from 'zod';
import './openapiMeta';
import { budgetSheetProblemReasons } from '../domain/budgetSheet';
import { boardIdSchema, finiteNumber, shortText } from './common';
import { importLimits } from './imports';

export const budgetPreviewBodySchema = z
  .object({
    format: z.enum(['csv', 'xlsx']).openapi({ description: 'csv: the sheet as text (tab, semicolon or comma separated); xlsx: an Excel workbook, base64-encoded' }),
    content: z
      .string()
      .min(1, 'paste the text or choose a file')
      .max(importLimits.contentChars, `at most ${importLimits.contentChars} characters; split the sheet into smaller files`)
      .openapi({ description: 'The file: text for csv, base64 for xlsx' }),
    fileName: shortText(200).optional().openapi({ example: 'budget-2027.xlsx' }),
  })
  .openapi('BudgetPreviewBody');
export type BudgetPreviewBody = z.infer<typeof budgetPreviewBodySchema>;

const figures = { netCost: finiteNumber, returnRequirement: finiteNumber.optional() };

export const budgetPreviewSchema = z
  .object({
    year: z.number().int(),
    version: z.number().int().min(0).openapi({ description: 'The version of the stored budget the lines are compared with' }),
    source: z.string().openapi({ example: 'Excel: budget-2027.xlsx' }),
    read: z.number().int().openapi({ description: 'Rows read, without the header and empty rows' }),
    header: z.boolean().openapi({ description: 'Whether the first row named the columns' }),
    lines: z.array(
      z.object({
        row: z.number().int(),
        board: z.string().openapi({ description: 'The board as written in the sheet' }),
        boardId: boardIdSchema,
        ...figures,
        change: z.enum(['new', 'changed', 'same']),
        before: z.object(figures).optional().openapi({ description: 'The stored line' }),
      }),
    ),
    problems: z.array(
      z.object({
        row: z.number().int(),
        board: z.string(),
        reason: z.enum(budgetSheetProblemReasons),
        value: z.string().optional(),
        column: z.enum(['board', 'netCost', 'returnRequirement']).optional(),
      }),
    ),
    counts: z.object({ lines: z.number().int(), new: z.number().int(), changed: z.number().int(), same: z.number().int(), problems: z.number().int() }),
  })
  .openapi('BudgetPreview');
export type BudgetPreview = z.infer<typeof budgetPreviewSchema>;

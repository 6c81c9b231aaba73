import * as z from 'zod';
import './openapiMeta';
/** Downloads: a board's whole year as JSON (the CSV twin is built by domain/exports). */
import { boardKindSchema } from './boards';
import { boardIdSchema, documentStatusSchema } from './common';
import { planContentSchema, reportContentSchema } from './documents';

const exportedDocument = <T extends z.ZodType>(content: T) =>
  z.object({
    status: documentStatusSchema,
    version: z.number().int().min(0).optional(),
    updatedAt: z.iso.datetime().optional(),
    content,
  });

export const exportedPlanSchema = exportedDocument(planContentSchema).openapi('ExportedPlan');
export const exportedReportSchema = exportedDocument(reportContentSchema).openapi('ExportedReport');

export const boardYearExportSchema = z
  .object({
    year: z.number().int(),
    board: z.object({ boardId: boardIdSchema, name: z.string(), kind: boardKindSchema.optional() }),
    plan: exportedPlanSchema.nullable(),
    reports: z.object({ t1: exportedReportSchema.nullable(), t2: exportedReportSchema.nullable(), annual: exportedReportSchema.nullable() }),
    exportedAt: z.iso.datetime(),
  })
  .openapi('BoardYearExport');
export type BoardYearExport = z.infer<typeof boardYearExportSchema>;
export type ExportedPlan = z.infer<typeof exportedPlanSchema>;
export type ExportedReport = z.infer<typeof exportedReportSchema>;

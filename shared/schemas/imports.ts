import * as z from 'zod';
import './openapiMeta';
import { boardIdSchema, documentStatusSchema, finiteNumber, idSchema, shortText } from './common';
import { koladaKpiSchema } from './councilGoals';
import { koladaMappingSchema, koladaPayloadSchema, koladaSkippedSchema } from './kolada';

/** POST /api/cycles/{year}/imports/kolada: Kolada data, how it maps to indicators and boards, and where it came from. */
export const koladaImportBodySchema = z
  .object({
    kind: z.enum(['t1', 't2', 'annual']).openapi({ description: 'The report the outcomes are written into, as draft values' }),
    source: shortText(200).openapi({ example: 'Kolada (RKA), api.kolada.se v3' }),
    fetchedAt: z.iso.datetime(),
    mapping: koladaMappingSchema,
    data: koladaPayloadSchema,
  })
  .openapi('KoladaImportBody');
export type KoladaImportBody = z.infer<typeof koladaImportBodySchema>;

export const koladaImportAnswerSchema = z
  .object({
    applied: z.array(z.object({ boardId: boardIdSchema, indicators: z.array(idSchema), version: z.number().int() })),
    notApplied: z.array(z.object({ boardId: boardIdSchema, reason: z.string() })),
    skipped: z.array(koladaSkippedSchema),
  })
  .openapi('KoladaImportAnswer');
export type KoladaImportAnswer = z.infer<typeof koladaImportAnswerSchema>;

// ── /cycles/{year}/imports: preview, then apply ────────────────────────────

export const importLimits = { contentChars: 240_000, units: 500 };
export const reportKindSchema = z.enum(['t1', 't2', 'annual']).openapi({ description: 'The report the outcomes are written into, as draft values' });
export type ReportKind = z.infer<typeof reportKindSchema>;

export const importFormatSchema = z
  .enum(['kolada', 'csv', 'xlsx'])
  .openapi({ description: 'kolada: Kolada JSON (v2 or v3, one page or several); csv: a sheet as CSV text; xlsx: an Excel workbook, base64-encoded' });
export type ImportFormat = z.infer<typeof importFormatSchema>;

const koladaUnitId = z.string().trim().min(1).max(64);
const unitFields = {
  municipality: koladaUnitId.optional().openapi({ description: 'A Kolada municipality, e.g. 0180 (Stockholm)' }),
  ou: koladaUnitId.optional().openapi({ description: 'A Kolada organisational unit, e.g. V15E018000101' }),
};
const oneUnit = { message: 'give either a municipality or an ou (organisational unit), not both' };
/** A Kolada municipality or organisational unit. */
export type ImportUnit = { municipality?: string; ou?: string };

/** POST /api/cycles/{year}/imports/preview: what was pasted or uploaded, and into which report. */
export const outcomeImportBodySchema = z
  .object({
    kind: reportKindSchema,
    format: importFormatSchema,
    content: z
      .string()
      .min(1, 'paste the text or choose a file')
      .max(importLimits.contentChars, `at most ${importLimits.contentChars} characters; split the import into smaller files`)
      .openapi({ description: 'The pasted text or the file: text for kolada and csv, base64 for xlsx' }),
    fileName: shortText(200).optional().openapi({ description: 'The uploaded file, for the history and the outcomes’ source', example: 'utfall-t1.xlsx' }),
    units: z
      .array(z.object({ ...unitFields, boardId: boardIdSchema }).refine((u) => (u.municipality === undefined) !== (u.ou === undefined), oneUnit))
      .max(importLimits.units)
      .default([])
      .openapi({ description: 'Kolada only: which board each Kolada municipality or unit reports for' }),
  })
  .openapi('OutcomeImportBody');
export type OutcomeImportBody = z.infer<typeof outcomeImportBodySchema>;

/** POST /api/cycles/{year}/imports/apply: the same, and the version of each report as the preview showed it. */
export const outcomeImportApplyBodySchema = outcomeImportBodySchema
  .safeExtend({
    documents: z
      .array(z.object({ boardId: boardIdSchema, version: z.number().int().min(0) }))
      .max(2000)
      .openapi({ description: 'The `documents` of the preview (board and version): a report changed since is left alone and listed' }),
  })
  .openapi('OutcomeImportApplyBody');
export type OutcomeImportApplyBody = z.infer<typeof outcomeImportApplyBodySchema>;

export const importSkipReasons = ['unknown_board', 'unknown_indicator', 'not_a_number', 'other_period', 'other_kind', 'duplicate', 'document_locked', 'no_target'] as const;
export const importSkipReasonSchema = z.enum(importSkipReasons);
export type ImportSkipReason = z.infer<typeof importSkipReasonSchema>;

export const importSkippedSchema = z
  .object({
    row: z.number().int().openapi({ description: "The sheet's row (the header is row 1), or the entry's number across the Kolada pages" }),
    reason: importSkipReasonSchema,
    detail: z.string().openapi({ description: 'What is wrong, and what to do' }),
    board: z.string().nullable(),
    indicator: z.string().nullable(),
    value: z.string().nullable(),
    status: documentStatusSchema.optional().openapi({ description: 'document_locked: the status of the report' }),
  })
  .openapi('ImportSkipped');
export type ImportSkipped = z.infer<typeof importSkippedSchema>;

export const importedRowSchema = z
  .object({
    row: z.number().int(),
    boardId: boardIdSchema,
    boardName: z.string(),
    indicatorId: idSchema,
    indicatorName: z.string(),
    value: finiteNumber,
    from: finiteNumber.nullable().openapi({ description: 'The outcome the report has now (null: none)' }),
    change: z.enum(['new', 'replaces', 'same']).openapi({ description: 'new: no outcome yet; replaces: from → value; same: already there, nothing written' }),
    kpi: z.string().optional(),
    unit: z.string().optional(),
  })
  .openapi('ImportedRow');
export type ImportedRow = z.infer<typeof importedRowSchema>;

export const importDocumentSchema = z
  .object({ boardId: boardIdSchema, boardName: z.string(), kind: reportKindSchema, status: documentStatusSchema, version: z.number().int(), changes: z.number().int() })
  .openapi('ImportDocument');

export const importCountsSchema = z.object({ read: z.number().int(), mapped: z.number().int(), replaces: z.number().int(), unchanged: z.number().int(), skipped: z.number().int() });

export const outcomeImportPlanSchema = z
  .object({
    year: z.number().int(),
    kind: reportKindSchema,
    format: importFormatSchema,
    source: z.string().openapi({ description: 'Where the values came from, kept with each value', example: 'Kolada (RKA), v3' }),
    kolada: z
      .object({
        version: z.enum(['v2', 'v3']).nullable(),
        pages: z.number().int(),
        missingNext: z.string().nullable().openapi({ description: 'The last page links to a further page that is not in the paste' }),
        units: z.array(z.object({ ...unitFields, boardId: boardIdSchema.nullable() })).openapi({ description: 'Every Kolada unit in the data, and the board it maps to (null: none chosen)' }),
      })
      .optional(),
    mapped: z.array(importedRowSchema),
    skipped: z.array(importSkippedSchema),
    documents: z.array(importDocumentSchema).openapi({ description: 'The reports the import writes into: send them back with the apply' }),
    counts: importCountsSchema,
  })
  .openapi('OutcomeImportPlan');
export type OutcomeImportPlan = z.infer<typeof outcomeImportPlanSchema>;

export const outcomeImportResultSchema = z
  .object({
    year: z.number().int(),
    kind: reportKindSchema,
    applied: z.array(z.object({ boardId: boardIdSchema, version: z.number().int(), outcomes: z.array(z.object({ indicatorId: idSchema, from: finiteNumber.nullable(), to: finiteNumber })) })),
    notApplied: z.array(z.object({ boardId: boardIdSchema, reason: z.enum(['changed_since_preview', 'not_previewed', 'document_locked']), detail: z.string() })),
    skipped: z.array(importSkippedSchema),
    counts: importCountsSchema.extend({ written: z.number().int() }),
  })
  .openapi('OutcomeImportResult');
export type OutcomeImportResult = z.infer<typeof outcomeImportResultSchema>;

/** POST /api/cycles/{year}/imports/kolada/fetch: what to ask Kolada's v3 API for. */
export const koladaFetchBodySchema = z
  .object({
    kpis: z.array(koladaKpiSchema).max(25).optional().openapi({ description: "Default: every council indicator's koladaKpi" }),
    municipalities: z.array(koladaUnitId).max(25).default([]),
    ous: z.array(koladaUnitId).max(25).default([]),
    years: z.array(z.number().int().min(1990).max(2100)).min(1).max(10).optional().openapi({ description: 'Default: the year imported' }),
  })
  .refine((b) => b.municipalities.length > 0 || b.ous.length > 0, { message: 'name at least one municipality (e.g. 0180) or unit (ou)', path: ['municipalities'] })
  .openapi('KoladaFetchBody');
export type KoladaFetchBody = z.infer<typeof koladaFetchBodySchema>;

export const koladaFetchAnswerSchema = z
  .object({
    source: z.string(),
    fetchedAt: z.iso.datetime(),
    pages: z.number().int(),
    content: z.string().openapi({ description: 'The pages as Kolada sent them, one per line: the content of a preview with format kolada' }),
  })
  .openapi('KoladaFetchAnswer');
export type KoladaFetchAnswer = z.infer<typeof koladaFetchAnswerSchema>;

import * as z from 'zod';
import './openapiMeta';
/**
 * Outcomes imported from Kolada (RKA's open database of municipal key figures). The payload is Kolada's `data`
 * answer (API v2 and v3: `/data/kpi/{kpi}/municipality/{id}/year/{year}`, `/oudata/...`):
 *
 *   { "count": 1, "values": [ { "kpi": "N15428", "municipality": "0180", "period": 2027,
 *       "values": [ { "gender": "T", "count": 1, "status": "", "value": 87.5 }, { "gender": "K", … } ] } ] }
 *
 * Organisational-unit data carries `ou` instead of `municipality`. Unknown fields (paging links) are allowed.
 * The admin's mapping says which Kolada KPI is which council indicator, and which municipality or unit is which board.
 */
import { boardIdSchema, finiteNumber, idSchema, shortText } from './common';

export const koladaLimits = { entries: 20_000, mappedIndicators: 500, mappedBoards: 500 };

const koladaId = z.string().trim().min(1).max(64);

export const koladaGenderSchema = z.enum(['T', 'K', 'M']).openapi({ description: 'T total, K women (kvinnor), M men (män)' });
export type KoladaGender = z.infer<typeof koladaGenderSchema>;

export const koladaValueSchema = z
  .looseObject({
    gender: koladaGenderSchema,
    count: z.number().nullable().optional(),
    status: z.string().nullable().optional(),
    value: finiteNumber.nullable().optional().openapi({ description: 'null (status "Missing") when Kolada has no value' }),
  })
  .openapi('KoladaValue');

export const koladaEntrySchema = z
  .looseObject({
    kpi: koladaId,
    municipality: koladaId.optional(),
    ou: koladaId.optional(),
    period: z.union([z.number().int(), z.string().trim().regex(/^\d{4}$/, 'a year, e.g. 2027')]),
    values: z.array(koladaValueSchema).max(10),
  })
  .openapi('KoladaEntry');
export type KoladaEntry = z.infer<typeof koladaEntrySchema>;

export const koladaPayloadSchema = z
  .looseObject({
    count: z.number().int().optional(),
    values: z.array(koladaEntrySchema).max(koladaLimits.entries, `at most ${koladaLimits.entries} values per import; import fewer KPIs or units at a time`),
  })
  .openapi('KoladaData');
export type KoladaPayload = z.infer<typeof koladaPayloadSchema>;

export const koladaMappingSchema = z
  .object({
    indicators: z
      .array(z.object({ kpi: koladaId.openapi({ example: 'N15428' }), indicatorId: idSchema.openapi({ example: 'KF-1' }) }))
      .min(1, 'map at least one Kolada KPI to a council indicator')
      .max(koladaLimits.mappedIndicators),
    boards: z
      .array(
        z
          .object({
            municipality: koladaId.optional().openapi({ description: 'Kolada municipality id, e.g. 0180 (Stockholm)' }),
            ou: koladaId.optional().openapi({ description: 'Kolada organisational unit id, e.g. V15E018000101' }),
            boardId: boardIdSchema,
          })
          .refine((b) => (b.municipality === undefined) !== (b.ou === undefined), {
            message: 'give either a municipality or an ou (organisational unit), not both',
          }),
      )
      .min(1, 'map at least one Kolada municipality or unit to a board')
      .max(koladaLimits.mappedBoards),
  })
  .openapi('KoladaMapping');
export type KoladaMapping = z.infer<typeof koladaMappingSchema>;

export const importedOutcomeSchema = z
  .object({
    boardId: boardIdSchema,
    indicatorId: idSchema,
    period: z.number().int().openapi({ description: 'The year the value is for' }),
    value: finiteNumber.openapi({ description: 'The total (gender T)' }),
    byGender: z.object({ T: finiteNumber.nullable(), K: finiteNumber.nullable(), M: finiteNumber.nullable() }),
    kpi: z.string(),
    unit: z.string().openapi({ description: 'The Kolada municipality or unit id the value came from' }),
    source: shortText(200),
    fetchedAt: z.iso.datetime(),
  })
  .openapi('ImportedOutcome');
export type ImportedOutcome = z.infer<typeof importedOutcomeSchema>;

export const koladaSkipReasons = ['kpi_not_mapped', 'unit_not_mapped', 'no_unit', 'other_period', 'no_total_value', 'duplicate'] as const;
export const koladaSkipReasonSchema = z.enum(koladaSkipReasons);
export type KoladaSkipReason = z.infer<typeof koladaSkipReasonSchema>;

export const koladaSkippedSchema = z
  .object({ reason: koladaSkipReasonSchema, kpi: z.string(), unit: z.string().nullable(), period: z.number().int() })
  .openapi('KoladaSkipped');
export type KoladaSkipped = z.infer<typeof koladaSkippedSchema>;

export const koladaImportResultSchema = z
  .object({ outcomes: z.array(importedOutcomeSchema), skipped: z.array(koladaSkippedSchema) })
  .openapi('KoladaImportResult');
export type KoladaImportResult = z.infer<typeof koladaImportResultSchema>;

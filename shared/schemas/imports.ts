import * as z from 'zod';
import './openapiMeta';
import { boardIdSchema, idSchema, shortText } from './common';
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

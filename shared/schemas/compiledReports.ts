/** The compiled report's shapes at the edge (issue 17): the path's report and language, and the worded report as JSON. */
import * as z from 'zod';
import './openapiMeta';
import { localeSchema } from './boards';
import { reportKindSchema } from './economy';

export const reportFileSchema = z
  .enum(['t1.docx', 't2.docx', 'annual.docx'])
  .openapi({ description: 'The report kind and the file type: `t1.docx`, `t2.docx` or `annual.docx`' });

export const reportLanguageQuerySchema = z.object({
  lang: localeSchema.optional().openapi({ description: 'The language of the report: sv (the default) or en' }),
});

const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string(), id: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({ type: z.literal('quote'), text: z.string().openapi({ description: "A board's own words (its reasons, its section text), quoted" }) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    numeric: z.array(z.boolean()),
    totalRow: z.boolean().optional(),
  }),
  z.object({
    type: z.literal('chart'),
    title: z.string(),
    description: z.string(),
    categories: z.array(z.string()),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number().nullable()), line: z.boolean().optional() })),
  }),
]);

export const composedReportSchema = z
  .object({
    lang: localeSchema,
    year: z.number().int(),
    kind: reportKindSchema,
    title: z.string(),
    subtitle: z.string(),
    cover: z.array(z.string()),
    blocks: z.array(blockSchema).openapi({ description: 'Headings, sentences, quotes, tables and charts, in order: the same as the Word file holds' }),
  })
  .openapi('CompiledReport');

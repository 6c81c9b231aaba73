import * as z from 'zod';
import './openapiMeta';
/**
 * Public strategy meters: GET /api/public/cycles/{year}/meters (and .csv) and GET /api/public/indicators/{id}.
 * Built by domain/meters from approved documents only. The contract's fields are `indicatorId, name, unit, direction,
 * councilTarget, boards: [{ boardId, target, outcome, forecast, period }]`; the rest is added.
 */
import { boardKindSchema } from './boards';
import { boardIdSchema, finiteNumber, idSchema, yearSchema } from './common';
import { directionSchema } from './councilGoals';
import { targetStatuses, trendVerdicts } from '../domain/trend';

export const reportPeriods = ['t1', 't2', 'annual'] as const;
export const reportPeriodSchema = z.enum(reportPeriods).openapi({ description: 't1 (January–April), t2 (January–August) or annual' });
export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

export const meterStatuses = ['met', 'on_track', 'not_met'] as const;
export const meterStatusSchema = z
  .enum(meterStatuses)
  .nullable()
  .openapi({
    description:
      'met / not_met: judged on the annual outcome; on_track / not_met: judged on a tertial forecast (or outcome without one); null: no approved value yet. Equal to the target meets it.',
  });
export type MeterStatus = z.infer<typeof meterStatusSchema>;

export const valueBasisSchema = z
  .enum(['outcome', 'forecast'])
  .nullable()
  .openapi({ description: 'outcome: every board value behind `value` is an annual outcome; forecast: at least one is a tertial forecast; null: no value' });
export type ValueBasis = z.infer<typeof valueBasisSchema>;

export const meterBoardSchema = z
  .object({
    boardId: boardIdSchema,
    name: z.string(),
    kind: boardKindSchema.optional(),
    target: finiteNumber.nullable().openapi({ description: "The board's annual target from its approved plan; null without one" }),
    outcome: finiteNumber.nullable(),
    forecast: finiteNumber.nullable(),
    period: reportPeriodSchema.nullable().openapi({ description: 'The latest approved report that has a value for the indicator; null when none has' }),
    status: meterStatusSchema.openapi({ description: "Against the board's target, or the council's when the board has none" }),
  })
  .openapi('MeterBoard');
export type MeterBoard = z.infer<typeof meterBoardSchema>;

export const meterGoalSchema = z
  .object({ directionGoalId: idSchema, directionGoalTitle: z.string(), areaGoalId: idSchema, areaGoalTitle: z.string() })
  .openapi('MeterGoal');
export type MeterGoal = z.infer<typeof meterGoalSchema>;

export const meterTrendSchema = z
  .object({
    previousYear: z.number().int(),
    previousValue: finiteNumber,
    change: finiteNumber.openapi({ description: '`value` minus `previousValue`' }),
    improving: z.boolean().openapi({ description: 'The change goes the better way for the direction; no change is not improving' }),
  })
  .openapi('MeterTrend');
export type MeterTrend = z.infer<typeof meterTrendSchema>;

export const meterSchema = z
  .object({
    indicatorId: idSchema,
    name: z.string(),
    unit: z.string(),
    direction: directionSchema,
    councilTarget: finiteNumber,
    goal: meterGoalSchema,
    boards: z.array(meterBoardSchema),
    status: meterStatusSchema.openapi({
      description: "The indicator as a whole against the council's target: the worst board with a value (not_met before on_track before met); null when no board has one",
    }),
    value: finiteNumber.nullable().openapi({ description: "Unweighted mean of the boards' values for the year: the annual outcome, else the latest tertial forecast (or outcome)" }),
    valueBasis: valueBasisSchema,
    reporting: z
      .object({ boards: z.number().int(), withValue: z.number().int() })
      .openapi({ description: 'How many boards the meter lists, and how many of them have an approved value' }),
    trend: meterTrendSchema.nullable().openapi({ description: 'Against the previous year when both years have a value for the same indicator id' }),
  })
  .openapi('Meter');
export type Meter = z.infer<typeof meterSchema>;

export const metersResponseSchema = z.object({ year: z.number().int(), meters: z.array(meterSchema) }).openapi('Meters');
export type MetersResponse = z.infer<typeof metersResponseSchema>;

export const indicatorSeriesPointSchema = z
  .object({
    year: z.number().int(),
    councilTarget: finiteNumber,
    value: finiteNumber.nullable(),
    valueBasis: valueBasisSchema,
    status: meterStatusSchema,
  })
  .openapi('IndicatorSeriesPoint');
export type IndicatorSeriesPoint = z.infer<typeof indicatorSeriesPointSchema>;

export const seriesTrendSchema = z
  .object({
    verdict: z.enum(trendVerdicts).openapi({
      description:
        'improving / worsening: the least-squares line through the yearly values goes the better / worse way for the direction; no_clear_change: its change over the span is within `method.tolerance` of the mean level; too_few_years: fewer than `method.minimumYears` years with a value',
    }),
    since: z.number().int().nullable().openapi({ description: 'The start year: the first year with a value the line goes through' }),
    until: z.number().int().nullable().openapi({ description: 'The newest year with a value the line goes through' }),
    years: z.number().int().openapi({ description: 'How many years with a value the line goes through' }),
    slopePerYear: finiteNumber.nullable().openapi({ description: "The line's slope, in the indicator's unit per year" }),
    relativeChange: finiteNumber.nullable().openapi({ description: "The line's change over the span as a share of the mean level (0.05 = 5 %)" }),
    method: z
      .object({ kind: z.literal('least_squares'), minimumYears: z.number().int(), tolerance: finiteNumber })
      .openapi({ description: 'Ordinary least squares over the yearly values from the start year' }),
  })
  .openapi('SeriesTrend');
export type SeriesTrendAnswer = z.infer<typeof seriesTrendSchema>;

export const indicatorSeriesSchema = z
  .object({
    indicatorId: idSchema,
    name: z.string(),
    unit: z.string(),
    direction: directionSchema,
    definition: z.string().optional().openapi({ description: 'What the indicator measures and how (the newest year that has one)' }),
    source: z.string().optional().openapi({ description: 'Where the figures come from (the newest year that has one)' }),
    koladaKpi: z.string().optional().openapi({ description: 'The Kolada KPI that measures it, e.g. N15419' }),
    councilTarget: finiteNumber.openapi({ description: "The newest year's council target" }),
    goal: meterGoalSchema.openapi({ description: 'The path up to the goal in the newest year: direction goal, then area goal' }),
    boards: z
      .array(z.object({ boardId: boardIdSchema, name: z.string() }))
      .openapi({ description: 'The boards responsible in the newest year: assigned the indicator, or with an approved target or value for it' }),
    status: z
      .object({ status: z.enum(targetStatuses), year: z.number().int().nullable(), basis: valueBasisSchema })
      .openapi({ description: "Against the council's target, from the newest year with a value: reached (met on the annual outcome), on_the_way (on track on a forecast), not_reached, no_data" }),
    trend: seriesTrendSchema,
    lastUpdated: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the newest approved plan or report behind the series was approved; null when none records it' }),
    series: z.array(indicatorSeriesPointSchema).openapi({ description: 'Oldest year first; only the years that had the indicator' }),
  })
  .openapi('IndicatorSeries');
export type IndicatorSeries = z.infer<typeof indicatorSeriesSchema>;

/** Path of GET /api/public/cycles/{year}/meters and meters.csv. */
export const publicMetersParamsSchema = z.object({ year: yearSchema });

/** Path of GET /api/public/indicators/{id}. */
export const publicIndicatorParamsSchema = z.object({ id: idSchema });

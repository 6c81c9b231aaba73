import * as z from 'zod';
import './openapiMeta';
import { boardIdSchema, finiteNumber, idSchema, shortText } from './common';

export const directionSchema = z.enum(['higher', 'lower']).openapi({ description: 'higher or lower is better' });
export type Direction = z.infer<typeof directionSchema>;

/**
 * How a parent's report rolls up its units' values of an indicator: their sum (places, visits), their mean
 * (shares, scores), their mean weighted by a unit attribute (`weightBy`: pupils, beds), or not at all.
 */
export const rollupRules = ['sum', 'mean', 'weighted', 'none'] as const;
export const rollupRuleSchema = z.enum(rollupRules).openapi({ description: "How the units' values of the indicator combine in the parent's report (default none)" });
export type RollupRule = z.infer<typeof rollupRuleSchema>;

/** The roll-up fields an indicator (the council's, or a board's own) may carry; `weightBy` only with `weighted`. */
export const rollupFields = {
  rollup: rollupRuleSchema.optional(),
  weightBy: z
    .string()
    .regex(/^[a-z][a-zA-Z0-9]{0,31}$/, 'name a unit attribute in lower camel case, e.g. pupils or beds')
    .optional()
    .openapi({ description: 'With rollup `weighted`: the unit attribute that weighs each unit (pupils, beds)' }),
};

/**
 * A Kolada KPI id (RKA's key figures): one capital letter for the kind (N nyckeltal, U underlag) and five digits,
 * e.g. N15419. The imports map an indicator's outcomes from it.
 */
export const koladaKpiSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]\d{5}$/, 'write a Kolada KPI id: a capital letter and five digits, e.g. N15419')
  .openapi({ description: 'The Kolada KPI that measures the indicator (RKA), e.g. N15419', example: 'N15419' });

/** Limits sized for a large city (Stockholm: 3 direction goals, ~15 area goals, ~100 indicators, ~45 boards). */
export const councilGoalLimits = { directionGoals: 20, areaGoalsPerDirection: 30, indicatorsPerArea: 50, indicators: 500, boardsPerIndicator: 200 };

export const councilIndicatorSchema = z
  .object({
    id: idSchema,
    name: shortText(300),
    unit: shortText(32).openapi({ example: '%' }),
    direction: directionSchema,
    target: finiteNumber.openapi({ description: 'The council’s annual target' }),
    boards: z
      .array(boardIdSchema)
      .min(1, 'an empty list assigns the indicator to no board: leave `boards` out to assign it to every board, or list the boards')
      .max(councilGoalLimits.boardsPerIndicator)
      .optional()
      .openapi({ description: 'Boards that must set a target; without it, every board must' }),
    ...rollupFields,
    // Optional, so that goals stored before they existed stay valid.
    definition: z
      .string()
      .trim()
      .max(2000)
      .optional()
      .openapi({ description: 'What the indicator measures and how it is calculated' }),
    source: z
      .string()
      .trim()
      .max(300)
      .optional()
      .openapi({ description: 'Where the figures come from, e.g. "Kolada (RKA)", "the city\'s pupil survey"' }),
    koladaKpi: koladaKpiSchema.optional(),
  })
  .openapi('CouncilIndicator');
export type CouncilIndicator = z.infer<typeof councilIndicatorSchema>;

export const areaGoalSchema = z
  .object({ id: idSchema, title: shortText(500), indicators: z.array(councilIndicatorSchema).max(councilGoalLimits.indicatorsPerArea) })
  .openapi('AreaGoal');
export type AreaGoal = z.infer<typeof areaGoalSchema>;

export const directionGoalSchema = z
  .object({ id: idSchema, title: shortText(500), areaGoals: z.array(areaGoalSchema).max(councilGoalLimits.areaGoalsPerDirection) })
  .openapi('DirectionGoal');
export type DirectionGoal = z.infer<typeof directionGoalSchema>;

/** PUT/GET /api/cycles/{year}/council-goals. Ids and board references are checked by domain/councilGoals. */
export const councilGoalsSchema = z
  .object({ directionGoals: z.array(directionGoalSchema).max(councilGoalLimits.directionGoals) })
  .superRefine((goals, ctx) => {
    const count = goals.directionGoals.reduce((n, d) => n + d.areaGoals.reduce((m, a) => m + a.indicators.length, 0), 0);
    if (count > councilGoalLimits.indicators) {
      ctx.addIssue({ code: 'custom', path: ['directionGoals'], message: `${count} indicators is more than the ${councilGoalLimits.indicators} allowed; split or drop some` });
    }
  })
  .openapi('CouncilGoals');
export type CouncilGoals = z.infer<typeof councilGoalsSchema>;

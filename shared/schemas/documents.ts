import * as z from 'zod';
import './openapiMeta';
import {
  boardIdSchema,
  documentKindSchema,
  documentStatusSchema,
  finiteNumber,
  idSchema,
  longText,
  shortText,
  type DocumentKind,
} from './common';
import { auditActions } from '../domain/lifecycle';
import { boardKindSchema } from './boards';
import { directionSchema, rollupFields, rollupRuleSchema } from './councilGoals';
import {
  economyLimits,
  forecastBelowTargetFindingSchema,
  forecastDeficitFindingSchema,
  reportEconomySchema,
  reportSectionTextSchema,
  returnBelowRequirementFindingSchema,
} from './economy';

/*
 * Document content is what a board saves as a draft. The schema checks shape and size only: a draft may be
 * incomplete or even wrong (a risk scored 5), and submit answers 422 with every problem (domain/plan, domain/report).
 * Every list defaults to empty so a partly filled form can be saved.
 */

export const documentLimits = { targets: 500, goals: 100, activities: 50, ownIndicators: 200, risks: 100, controls: 200, reportIndicators: 700, indicatorComments: 700, companies: 200 };

// ── Operations plan ─────────────────────────────────────────────────────────
export const planTargetSchema = z.object({ indicatorId: idSchema, target: finiteNumber }).openapi('PlanTarget');

export const planGoalSchema = z
  .object({
    id: idSchema,
    title: shortText(500),
    areaGoalId: idSchema.openapi({ description: 'The council area goal this goal makes concrete' }),
    parentGoalId: idSchema
      .optional()
      .openapi({ description: "A unit's goal: the goal of its parent's approved plan it makes concrete (its assessments are counted in the parent's roll-up)" }),
    activities: z.array(shortText(1000)).max(documentLimits.activities).default([]),
  })
  .openapi('PlanGoal');

export const ownIndicatorSchema = z
  .object({ id: idSchema, goalId: idSchema, name: shortText(300), unit: shortText(32), direction: directionSchema, target: finiteNumber, ...rollupFields })
  .openapi('OwnIndicator');

export const riskSchema = z
  .object({
    id: idSchema,
    title: shortText(500),
    probability: finiteNumber.optional().openapi({ description: '1–4, required on submit' }),
    consequence: finiteNumber.optional().openapi({ description: '1–4, required on submit' }),
  })
  .openapi('Risk');

export const controlSchema = z
  .object({
    id: idSchema,
    riskId: idSchema,
    description: shortText(2000),
    frequency: shortText(50).openapi({ description: 'How often the control runs, e.g. monthly, quarterly, tertial, annually, continuously', example: 'quarterly' }),
  })
  .openapi('Control');

export const planContentSchema = z
  .object({
    targets: z.array(planTargetSchema).max(documentLimits.targets).default([]),
    goals: z.array(planGoalSchema).max(documentLimits.goals).default([]),
    ownIndicators: z.array(ownIndicatorSchema).max(documentLimits.ownIndicators).default([]),
    risks: z.array(riskSchema).max(documentLimits.risks).default([]),
    controls: z.array(controlSchema).max(documentLimits.controls).default([]),
  })
  .openapi('PlanContent');
export type PlanContent = z.infer<typeof planContentSchema>;

// ── Tertial and annual reports ──────────────────────────────────────────────
export const goalAssessmentSchema = z.enum(['fulfilled', 'partly', 'not']);
export const internalControlAssessmentSchema = z.enum(['sufficient', 'partly_sufficient', 'insufficient']);

/** Where an imported outcome came from: kept with the value until the board changes it. */
export const outcomeSourceSchema = z
  .object({
    name: shortText(200).openapi({ example: 'Kolada (RKA)' }),
    fetchedAt: z.iso.datetime(),
    kpi: z.string().max(64).optional(),
    unit: z.string().max(64).optional(),
    byGender: z.object({ T: finiteNumber.nullable(), K: finiteNumber.nullable(), M: finiteNumber.nullable() }).optional(),
  })
  .openapi('OutcomeSource');

export const reportIndicatorSchema = z
  .object({
    indicatorId: idSchema,
    outcome: finiteNumber.optional(),
    forecast: finiteNumber.optional(),
    comment: longText(2000).optional(),
    source: outcomeSourceSchema.optional(),
  })
  .openapi('ReportIndicator');

export const reportGoalSchema = z
  .object({ goalId: idSchema, assessment: goalAssessmentSchema, comment: longText(2000).optional() })
  .openapi('ReportGoal');

export const internalControlSchema = z
  .object({ assessment: internalControlAssessmentSchema, comment: longText(5000).optional() })
  .openapi('InternalControl');

export const reportContentSchema = z
  .object({
    indicators: z.array(reportIndicatorSchema).max(documentLimits.reportIndicators).default([]),
    goals: z.array(reportGoalSchema).max(documentLimits.goals).default([]),
    internalControl: internalControlSchema.optional(),
    analysis: longText(20_000).optional(),
    economy: reportEconomySchema.optional().openapi({ description: 'The money beside the goals: required when the board has a budget' }),
    sections: z.array(reportSectionTextSchema).max(economyLimits.sections).optional().openapi({ description: "The texts of the city's report sections" }),
  })
  .openapi('ReportContent');
export type ReportContent = z.infer<typeof reportContentSchema>;

export type DocumentContent = PlanContent | ReportContent;

/** The content schema for a document kind (the kind comes from the path, not the body). */
export function contentSchemaFor(kind: 'plan'): typeof planContentSchema;
export function contentSchemaFor(kind: 't1' | 't2' | 'annual'): typeof reportContentSchema;
export function contentSchemaFor(kind: DocumentKind): typeof planContentSchema | typeof reportContentSchema;
export function contentSchemaFor(kind: DocumentKind) {
  return kind === 'plan' ? planContentSchema : reportContentSchema;
}

/** The content of a document nobody has saved yet. */
export function emptyContent(kind: DocumentKind): DocumentContent {
  return contentSchemaFor(kind).parse({});
}

const saveBodies = {
  plan: z.object({ content: planContentSchema }),
  report: z.object({ content: reportContentSchema }),
};

/** PUT .../documents/{kind}: validate with this, chosen by the path's kind. */
export function saveDocumentBodyFor(kind: DocumentKind) {
  return kind === 'plan' ? saveBodies.plan : saveBodies.report;
}

/** For OpenAPI only: the body's content is a plan or a report depending on `{kind}`. Do not parse with it. */
export const saveDocumentBodySchema = z
  .object({ content: z.union([planContentSchema, reportContentSchema]).openapi({ description: 'PlanContent when kind is plan, ReportContent otherwise' }) })
  .openapi('SaveDocumentBody');
export type SaveDocumentBody = { content: DocumentContent };

// ── Review ──────────────────────────────────────────────────────────────────
export const decisionSchema = z.enum(['approve', 'return']);

export const indicatorCommentSchema = z.object({ indicatorId: idSchema, comment: shortText(2000) }).openapi('IndicatorComment');

/** POST .../decision. A return needs a comment saying what the board should change. */
export const decisionBodySchema = z
  .object({
    decision: decisionSchema,
    comment: longText(5000).default(''),
    indicatorComments: z.array(indicatorCommentSchema).max(documentLimits.indicatorComments).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.decision === 'return' && body.comment.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: 'a return needs a comment telling the board what to change' });
    }
  })
  .openapi('DecisionBody');
export type DecisionBody = z.infer<typeof decisionBodySchema>;

export const councilFindingSchema = z
  .object({
    code: z.literal('TARGET_BELOW_COUNCIL'),
    indicatorId: idSchema,
    councilTarget: finiteNumber,
    boardTarget: finiteNumber,
    direction: directionSchema.optional(),
  })
  .openapi('CouncilTargetFinding');

/** A unit's target less ambitious than its parent's (direction-aware), for the parent's office to weigh. */
export const parentFindingSchema = z
  .object({
    code: z.literal('TARGET_BELOW_PARENT'),
    indicatorId: idSchema,
    parentId: boardIdSchema.optional(),
    parentTarget: finiteNumber,
    unitTarget: finiteNumber,
    direction: directionSchema.optional(),
  })
  .openapi('ParentTargetFinding');

export const findingSchema = z
  .discriminatedUnion('code', [
    councilFindingSchema,
    parentFindingSchema,
    forecastDeficitFindingSchema,
    forecastBelowTargetFindingSchema,
    returnBelowRequirementFindingSchema,
  ])
  .openapi('Finding');
export type Finding = z.infer<typeof findingSchema>;
/** A plan's finding: a target less ambitious than the council's or the parent's. */
export type TargetFinding = Extract<Finding, { code: 'TARGET_BELOW_COUNCIL' | 'TARGET_BELOW_PARENT' }>;


/** A reviewer's decision as the board sees it on the document. */
export const reviewCommentSchema = z
  .object({
    at: z.iso.datetime(),
    actor: z.string(),
    actorName: z.string().optional(),
    decision: decisionSchema,
    comment: z.string(),
    indicatorComments: z.array(indicatorCommentSchema).default([]),
  })
  .openapi('ReviewComment');
export type ReviewComment = z.infer<typeof reviewCommentSchema>;

// ── Roll-up ─────────────────────────────────────────────────────────────────
export const rollupIndicatorSchema = z
  .object({
    indicatorId: idSchema,
    rule: rollupRuleSchema,
    weightBy: z.string().optional(),
    units: z.array(
      z.object({
        boardId: boardIdSchema,
        name: z.string().optional(),
        outcome: finiteNumber.nullable(),
        forecast: finiteNumber.nullable(),
        weight: finiteNumber.nullable().optional(),
      }),
    ),
    aggregate: z
      .object({ outcome: finiteNumber.nullable(), forecast: finiteNumber.nullable() })
      .nullable()
      .openapi({ description: "The units' values combined by the rule; null with rule none, or when no unit has a value" }),
  })
  .openapi('RollupIndicator');

export const rollupSchema = z
  .object({
    units: z.number().int().openapi({ description: 'How many units sit directly below the board' }),
    reported: z.number().int().openapi({ description: 'How many of them have an approved report of this kind' }),
    indicators: z.array(rollupIndicatorSchema),
    goals: z
      .array(z.object({ goalId: idSchema, fulfilled: z.number().int(), partly: z.number().int(), not: z.number().int(), units: z.number().int() }))
      .openapi({ description: "Per goal of the parent's plan: how many units assessed their goals below it fulfilled, partly, not" }),
    economy: z
      .object({
        units: z.array(
          z.object({
            boardId: boardIdSchema,
            name: z.string().optional(),
            outcomeToDate: finiteNumber.nullable(),
            forecast: finiteNumber.nullable(),
            outcome: finiteNumber.nullable(),
          }),
        ),
        total: z.object({ outcomeToDate: finiteNumber.nullable(), forecast: finiteNumber.nullable(), outcome: finiteNumber.nullable() }),
      })
      .optional()
      .openapi({ description: "The units' net costs (tkr) from their approved reports, and their sum; absent when no unit reported money" }),
  })
  .openapi('Rollup');
export type Rollup = z.infer<typeof rollupSchema>;

/** A unit's document: its parent's plan, which the unit's plan makes concrete (targets and goals once it is approved). */
export const parentPlanSchema = z
  .object({
    boardId: boardIdSchema,
    name: z.string(),
    status: documentStatusSchema.openapi({ description: "The parent's plan's status: a unit can submit its plan once it is approved" }),
    targets: z
      .array(
        z.object({
          indicatorId: idSchema,
          name: z.string(),
          unit: z.string(),
          direction: directionSchema,
          target: finiteNumber.openapi({ description: "The parent's target: the unit sets its own for the indicator" }),
          source: z.enum(['council', 'own']).openapi({ description: "A council indicator the parent set a target for, or the parent's own indicator" }),
          rollup: rollupRuleSchema.optional(),
        }),
      )
      .openapi({ description: "Every indicator of the parent's approved plan that has a target; empty until that plan is approved" }),
    goals: z
      .array(z.object({ id: idSchema, title: z.string() }))
      .openapi({ description: "The goals of the parent's approved plan, for a unit goal's parentGoalId; empty until that plan is approved" }),
  })
  .openapi('ParentPlan');
export type ParentPlanView = z.infer<typeof parentPlanSchema>;

export const documentSchema = z
  .object({
    year: z.number().int().optional(),
    boardId: boardIdSchema.optional(),
    kind: documentKindSchema,
    status: documentStatusSchema,
    version: z.number().int().min(0),
    content: z.union([planContentSchema, reportContentSchema]),
    findings: z.array(findingSchema),
    comments: z.array(reviewCommentSchema),
    updatedAt: z.iso.datetime().optional(),
    due: z.iso.date().optional().openapi({ description: "The document's own due date: a unit's moves by the calendar's unitLeadDays per level" }),
    rollup: rollupSchema.optional().openapi({ description: "A parent's report: its units' approved reports of the same kind, per indicator, with the aggregate" }),
    parentId: boardIdSchema.optional().openapi({ description: "A unit's document: the board above it when it was first saved or last submitted" }),
    parent: parentPlanSchema.optional().openapi({ description: "A unit's document: its parent's plan, which the unit plans against" }),
  })
  .openapi('Document');
export type DocumentView = z.infer<typeof documentSchema>;

export const submitResponseSchema = z
  .object({ status: z.literal('in_review'), findings: z.array(findingSchema) })
  .openapi('SubmitResponse');
export type SubmitResponse = z.infer<typeof submitResponseSchema>;

// ── History ─────────────────────────────────────────────────────────────────
export const auditActionSchema = z.enum(auditActions);

export const historyEventSchema = z
  .object({
    at: z.iso.datetime(),
    actor: z.string().openapi({ description: 'The subject (sub) of who did it' }),
    actorName: z.string().optional().openapi({ description: "The person's name, when the token carried one" }),
    role: z.string().optional(),
    action: auditActionSchema,
    from: documentStatusSchema,
    to: documentStatusSchema,
    comment: z.string().optional(),
  })
  .openapi('HistoryEvent');
export type HistoryEvent = z.infer<typeof historyEventSchema>;

export const historySchema = z.object({ events: z.array(historyEventSchema) }).openapi('History');

// ── Status matrix ───────────────────────────────────────────────────────────
export const unitCountsSchema = z
  .object({ total: z.number().int(), approved: z.number().int(), late: z.number().int() })
  .openapi({ description: 'The documents of this kind of every unit below the board, at every level' });

export const documentStatusCellSchema = z
  .object({ status: documentStatusSchema, due: z.iso.date(), late: z.boolean(), units: unitCountsSchema.optional() })
  .openapi('DocumentStatusCell');
export type DocumentStatusCell = z.infer<typeof documentStatusCellSchema>;

export const statusMatrixSchema = z
  .object({
    year: z.number().int().optional(),
    today: z.iso.date().optional().openapi({ description: "Today in the cycle's time zone: what `late` was judged against" }),
    boards: z.array(
      z.object({
        boardId: boardIdSchema,
        name: z.string(),
        kind: boardKindSchema.optional(),
        parentId: boardIdSchema.nullable().optional(),
        children: z.number().int().optional().openapi({ description: 'How many units sit directly below the board' }),
        documents: z.object({ plan: documentStatusCellSchema, t1: documentStatusCellSchema, t2: documentStatusCellSchema, annual: documentStatusCellSchema }),
      }),
    ),
  })
  .openapi('StatusMatrix');
export type StatusMatrix = z.infer<typeof statusMatrixSchema>;

// ── Sign-off ────────────────────────────────────────────────────────────────
export const signoffBodySchema = z
  .object({
    comment: longText(10_000).default(''),
    companies: z
      .array(z.object({ boardId: boardIdSchema, withinPurpose: z.boolean(), comment: longText(5000).optional() }).openapi('CompanyVerdict'))
      .max(documentLimits.companies)
      .default([]),
  })
  .openapi('SignoffBody');
export type SignoffBody = z.infer<typeof signoffBodySchema>;

// ── Review queue ────────────────────────────────────────────────────────────
export const reviewQueueSchema = z
  .object({
    next: z
      .string()
      .optional()
      .openapi({ description: 'There is more: ask again with `after` set to this for the next page' }),
    documents: z.array(
      z.object({
        year: z.number().int(),
        boardId: boardIdSchema,
        boardName: z.string(),
        boardKind: boardKindSchema.optional(),
        parentId: boardIdSchema.nullable().optional().openapi({ description: 'The board above, whose office decides on a unit; null at the top' }),
        kind: documentKindSchema,
        submittedAt: z.iso.datetime(),
        submissions: z.number().int(),
        findings: z.number().int(),
      }),
    ),
  })
  .openapi('ReviewQueue');
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

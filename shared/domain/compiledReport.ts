/**
 * The compiled report (issue 17): the city's tertial or annual report as one model, built from what the year holds
 * of its top-level boards' approved documents. Pure: the use case (features/reports) reads the lean data once per
 * request and each top-level board's plan and report of the kind once, in batches; this decides what they say.
 * Every figure comes from an approved document; nothing here is worded (messages/compiledReport words it).
 */
import type { BoardKind } from '../schemas/boards';
import type { CouncilGoals, Direction } from '../schemas/councilGoals';
import type { DocumentStatus } from '../schemas/common';
import type { PlanContent, ReportContent, ReviewComment } from '../schemas/documents';
import type { BudgetLine, ReportSection } from '../schemas/economy';
import { deviationOf, netCostOf, sectionsFor, type ReportKind } from './economy';
import type { ApprovedFigures } from './summary';
import { isLessAmbitious } from './targets';

export type CompiledKind = ReportKind;
export const compiledKinds: readonly CompiledKind[] = ['t1', 't2', 'annual'];

export interface CompiledBoard {
  boardId: string;
  name: string;
  kind?: BoardKind;
}

/** A top-level board's plan as read once for the report: its status, targets and goals, and its review rounds. */
export interface PlanRead {
  boardId: string;
  status: DocumentStatus;
  content: Pick<PlanContent, 'targets' | 'goals'>;
  comments: ReadonlyArray<Pick<ReviewComment, 'decision' | 'at' | 'indicatorComments'>>;
  /** The content of the latest round, and of the round before: what a returned plan held. */
  submittedContent?: Pick<PlanContent, 'targets'>;
  previousSubmission?: Pick<PlanContent, 'targets'>;
}

export interface CompiledReportInput {
  year: number;
  kind: CompiledKind;
  goals: CouncilGoals;
  /** The top-level boards of the year, in the order the report lists them. */
  boards: readonly CompiledBoard[];
  /** The year summary's figures (approved plans' targets, approved reports' values). */
  figures: readonly ApprovedFigures[];
  /** The approved reports of the kind, read once each. */
  reports: ReadonlyArray<{ boardId: string; content: ReportContent }>;
  /** The plans, read once each. */
  plans: readonly PlanRead[];
  budget?: readonly BudgetLine[];
  sections?: readonly ReportSection[];
  /** The executive board's sign-off (the annual report's purpose review). */
  signoff?: { comment: string; companies: ReadonlyArray<{ boardId: string; withinPurpose: boolean; comment?: string }> };
  /** The boards whose document of the kind was, or is, late: not submitted by the due date. */
  late: ReadonlyArray<{ boardId: string; status: DocumentStatus; due: string }>;
}

export interface IndicatorBoardRow {
  boardId: string;
  name: string;
  target: number | null;
  /** The outcome in the annual report, the forecast in a tertial one; null until an approved report gives it. */
  value: number | null;
  /** Whether the value reaches the board's own target (direction-aware); null without both. */
  reached: boolean | null;
}

export interface CompiledIndicator {
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  councilTarget: number;
  boards: IndicatorBoardRow[];
  /** Boards with both a target and a value, and how many of them reach their target. */
  judged: number;
  reached: number;
}

export interface AssessmentCounts {
  fulfilled: number;
  partly: number;
  not: number;
  total: number;
}

export interface CompiledAreaGoal {
  id: string;
  title: string;
  indicators: CompiledIndicator[];
  /** The boards' goals that make this area goal concrete, as the approved reports assess them. */
  assessments: AssessmentCounts;
}

export interface CompiledDirectionGoal {
  id: string;
  title: string;
  areaGoals: CompiledAreaGoal[];
}

export type InternalControlLevel = 'sufficient' | 'partly_sufficient' | 'insufficient';

export interface InternalControlChapter {
  /** Boards with an approved report of the kind that assessed their internal control. */
  assessed: number;
  sufficient: number;
  partly_sufficient: number;
  insufficient: number;
  /** The boards below sufficient, with the reason they gave, in their own words. */
  below: Array<{ boardId: string; name: string; assessment: Exclude<InternalControlLevel, 'sufficient'>; reason?: string }>;
}

export interface ReturnedPlan {
  boardId: string;
  name: string;
  /** How many times the plan was returned. */
  returns: number;
  /** The council indicators the plan was returned for, with the target the board came back with. */
  indicators: Array<{ indicatorId: string; name: string; unit: string; councilTarget: number; returnedTarget: number | null; finalTarget: number | null; meetsCouncil: boolean | null }>;
  /** approved: the plan stands with `finalTarget`; open: the board has not yet come back, or it is in review again. */
  ended: 'approved' | 'open';
  status: DocumentStatus;
}

export interface PurposeReview {
  signedOff: boolean;
  comment?: string;
  companies: Array<{ boardId: string; name: string; withinPurpose: boolean | null; comment?: string }>;
  within: number;
  reviewed: number;
}

export interface EconomyRow {
  boardId: string;
  name: string;
  budget: number;
  /** The forecast (tertial) or outcome (annual); null until the board's approved report gives it. */
  value: number | null;
  deviation: number | null;
  deviationPercent: number | null;
  needsComment: boolean;
  explanation?: string;
}

export interface EconomyChapter {
  boards: EconomyRow[];
  total: { budget: number; reportedBudget: number; value: number | null; deviation: number | null; deviationPercent: number | null; reported: number; budgeted: number };
  /** Boards whose value exceeds the budget. */
  deficits: number;
}

export interface SectionChapter {
  id: string;
  title: string;
  texts: Array<{ boardId: string; name: string; text: string }>;
  /** Boards asked for the section that have an approved report of the kind. */
  asked: number;
}

export interface CompiledReport {
  year: number;
  kind: CompiledKind;
  basis: 'forecast' | 'outcome';
  boards: { total: number; approved: number };
  directionGoals: CompiledDirectionGoal[];
  goalAssessments: AssessmentCounts;
  internalControl: InternalControlChapter;
  returnedPlans: ReturnedPlan[];
  /** Only in the annual report. */
  purposeReview?: PurposeReview;
  economy: EconomyChapter;
  sections: SectionChapter[];
  late: Array<{ boardId: string; name: string; status: DocumentStatus; due: string }>;
}

/** Builds the report; one pass over each input, whatever the number of paragraphs. */
export function compileReport(input: CompiledReportInput): CompiledReport {
  const { kind } = input;
  const basis = kind === 'annual' ? 'outcome' : 'forecast';
  const names = new Map(input.boards.map((board) => [board.boardId, board.name]));
  const nameOf = (boardId: string) => names.get(boardId) ?? boardId;
  const topLevel = new Set(input.boards.map((board) => board.boardId));

  const targets = new Map<string, number>();
  const values = new Map<string, number>();
  for (const figures of input.figures) {
    if (!topLevel.has(figures.boardId)) continue;
    if (figures.kind === 'plan') for (const t of figures.targets) targets.set(`${figures.boardId}#${t.indicatorId}`, t.target);
    else if (figures.kind === kind) {
      for (const v of figures.indicators) {
        const value = basis === 'outcome' ? v.outcome : v.forecast;
        if (value !== undefined) values.set(`${figures.boardId}#${v.indicatorId}`, value);
      }
    }
  }
  const reports = input.reports.filter((report) => topLevel.has(report.boardId));
  const plans = new Map(input.plans.map((plan) => [plan.boardId, plan]));

  // The boards' goals by the council area goal they make concrete, and their assessments in the approved reports.
  const areaOfGoal = new Map<string, string>();
  for (const plan of input.plans) for (const goal of plan.content.goals) areaOfGoal.set(`${plan.boardId}#${goal.id}`, goal.areaGoalId);
  const byArea = new Map<string, AssessmentCounts>();
  const goalAssessments = emptyCounts();
  for (const report of reports) {
    for (const goal of report.content.goals) {
      count(goalAssessments, goal.assessment);
      const area = areaOfGoal.get(`${report.boardId}#${goal.goalId}`);
      if (area) {
        const counts = byArea.get(area) ?? emptyCounts();
        count(counts, goal.assessment);
        byArea.set(area, counts);
      }
    }
  }

  const directionGoals = input.goals.directionGoals.map((direction) => ({
    id: direction.id,
    title: direction.title,
    areaGoals: direction.areaGoals.map((area) => ({
      id: area.id,
      title: area.title,
      assessments: byArea.get(area.id) ?? emptyCounts(),
      indicators: area.indicators.map((indicator): CompiledIndicator => {
        const assigned = input.boards.filter((board) => !indicator.boards || indicator.boards.includes(board.boardId));
        const rows = assigned.map((board): IndicatorBoardRow => {
          const target = targets.get(`${board.boardId}#${indicator.id}`) ?? null;
          const value = values.get(`${board.boardId}#${indicator.id}`) ?? null;
          const reached = target === null || value === null ? null : !isLessAmbitious(indicator.direction, target, value);
          return { boardId: board.boardId, name: board.name, target, value, reached };
        });
        return {
          id: indicator.id,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          councilTarget: indicator.target,
          boards: rows,
          judged: rows.filter((row) => row.reached !== null).length,
          reached: rows.filter((row) => row.reached === true).length,
        };
      }),
    })),
  }));

  return {
    year: input.year,
    kind,
    basis,
    boards: { total: input.boards.length, approved: reports.length },
    directionGoals,
    goalAssessments,
    internalControl: internalControlOf(reports, nameOf),
    returnedPlans: returnedPlansOf(input, plans, targets, nameOf),
    ...(kind === 'annual' ? { purposeReview: purposeReviewOf(input) } : {}),
    economy: economyOf(kind, input.boards, input.budget ?? [], reports),
    sections: sectionChaptersOf(kind, input.boards, input.sections ?? [], reports),
    late: input.late.filter((entry) => topLevel.has(entry.boardId)).map((entry) => ({ ...entry, name: nameOf(entry.boardId) })),
  };
}

function emptyCounts(): AssessmentCounts {
  return { fulfilled: 0, partly: 0, not: 0, total: 0 };
}

function count(counts: AssessmentCounts, assessment: 'fulfilled' | 'partly' | 'not') {
  counts[assessment] += 1;
  counts.total += 1;
}

function internalControlOf(reports: CompiledReportInput['reports'], nameOf: (id: string) => string): InternalControlChapter {
  const chapter: InternalControlChapter = { assessed: 0, sufficient: 0, partly_sufficient: 0, insufficient: 0, below: [] };
  for (const report of reports) {
    const control = report.content.internalControl;
    if (!control) continue;
    chapter.assessed += 1;
    chapter[control.assessment] += 1;
    if (control.assessment !== 'sufficient') {
      const reason = control.comment?.trim();
      chapter.below.push({ boardId: report.boardId, name: nameOf(report.boardId), assessment: control.assessment, ...(reason ? { reason } : {}) });
    }
  }
  // The insufficient first: they are what the council must read.
  chapter.below.sort((a, b) => (a.assessment === b.assessment ? 0 : a.assessment === 'insufficient' ? -1 : 1));
  return chapter;
}

/**
 * The plans sent back for targets below the council's: a plan with a return whose reviewer named council indicators
 * (the indicator comments), or whose returned round held targets below the council's. How each ended: approved
 * with which target, or still open.
 */
function returnedPlansOf(
  input: CompiledReportInput,
  plans: ReadonlyMap<string, PlanRead>,
  approvedTargets: ReadonlyMap<string, number>,
  nameOf: (id: string) => string,
): ReturnedPlan[] {
  const council = new Map(input.goals.directionGoals.flatMap((d) => d.areaGoals.flatMap((a) => a.indicators.map((i) => [i.id, i] as const))));
  const out: ReturnedPlan[] = [];
  for (const board of input.boards) {
    const plan = plans.get(board.boardId);
    if (!plan) continue;
    const returns = plan.comments.filter((comment) => comment.decision === 'return');
    if (returns.length === 0) continue;
    const named = new Set(returns.flatMap((comment) => comment.indicatorComments.map((entry) => entry.indicatorId)).filter((id) => council.has(id)));
    // A plan standing returned was returned in its latest round; one in review again or approved, in the round before.
    const returnedRound = plan.status === 'returned' ? plan.submittedContent : plan.previousSubmission;
    const returnedTargets = new Map((returnedRound?.targets ?? []).map((t) => [t.indicatorId, t.target]));
    for (const [indicatorId, target] of returnedTargets) {
      const indicator = council.get(indicatorId);
      if (indicator && isLessAmbitious(indicator.direction, indicator.target, target)) named.add(indicatorId);
    }
    if (named.size === 0) continue;
    const ended = plan.status === 'approved' ? 'approved' : 'open';
    out.push({
      boardId: board.boardId,
      name: nameOf(board.boardId),
      returns: returns.length,
      ended,
      status: plan.status,
      indicators: [...council.values()]
        .filter((indicator) => named.has(indicator.id))
        .map((indicator) => {
          const finalTarget = ended === 'approved' ? (approvedTargets.get(`${board.boardId}#${indicator.id}`) ?? null) : null;
          return {
            indicatorId: indicator.id,
            name: indicator.name,
            unit: indicator.unit,
            councilTarget: indicator.target,
            returnedTarget: returnedTargets.get(indicator.id) ?? null,
            finalTarget,
            meetsCouncil: finalTarget === null ? null : !isLessAmbitious(indicator.direction, indicator.target, finalTarget),
          };
        }),
    });
  }
  return out;
}

function purposeReviewOf(input: CompiledReportInput): PurposeReview {
  const verdicts = new Map((input.signoff?.companies ?? []).map((verdict) => [verdict.boardId, verdict]));
  const companies = input.boards
    .filter((board) => board.kind === 'company')
    .map((board) => {
      const verdict = verdicts.get(board.boardId);
      return { boardId: board.boardId, name: board.name, withinPurpose: verdict?.withinPurpose ?? null, ...(verdict?.comment ? { comment: verdict.comment } : {}) };
    });
  return {
    signedOff: input.signoff !== undefined,
    ...(input.signoff?.comment ? { comment: input.signoff.comment } : {}),
    companies,
    within: companies.filter((company) => company.withinPurpose === true).length,
    reviewed: companies.filter((company) => company.withinPurpose !== null).length,
  };
}

function economyOf(kind: CompiledKind, boards: readonly CompiledBoard[], budget: readonly BudgetLine[], reports: CompiledReportInput['reports']): EconomyChapter {
  const lines = new Map(budget.map((line) => [line.boardId, line]));
  const economies = new Map(reports.map((report) => [report.boardId, report.content.economy]));
  const rows = boards.flatMap((board): EconomyRow[] => {
    const line = lines.get(board.boardId);
    if (!line) return [];
    const economy = economies.get(board.boardId);
    const value = netCostOf(kind, economy) ?? null;
    const deviation = value === null ? null : deviationOf(line.netCost, value);
    const explanation = economy?.comment?.trim();
    return [
      {
        boardId: board.boardId,
        name: board.name,
        budget: line.netCost,
        value,
        deviation: deviation?.amount ?? null,
        deviationPercent: deviation?.percent ?? null,
        needsComment: deviation?.needsComment ?? false,
        ...(explanation ? { explanation } : {}),
      },
    ];
  });
  const reported = rows.filter((row) => row.value !== null);
  const reportedBudget = reported.reduce((sum, row) => sum + row.budget, 0);
  const value = reported.length === 0 ? null : reported.reduce((sum, row) => sum + row.value!, 0);
  const deviation = value === null ? null : deviationOf(reportedBudget, value);
  return {
    boards: rows,
    total: {
      budget: rows.reduce((sum, row) => sum + row.budget, 0),
      reportedBudget,
      value,
      deviation: deviation?.amount ?? null,
      deviationPercent: deviation?.percent ?? null,
      reported: reported.length,
      budgeted: rows.length,
    },
    deficits: reported.filter((row) => row.value! > row.budget).length,
  };
}

function sectionChaptersOf(kind: CompiledKind, boards: readonly CompiledBoard[], sections: readonly ReportSection[], reports: CompiledReportInput['reports']): SectionChapter[] {
  const kinds = new Map(boards.map((board) => [board.boardId, board.kind]));
  const names = new Map(boards.map((board) => [board.boardId, board.name]));
  return sectionsFor(kind, undefined, sections).map((section) => {
    const askedReports = reports.filter((report) => sectionsFor(kind, kinds.get(report.boardId), [section]).length > 0);
    return {
      id: section.id,
      title: section.title,
      asked: askedReports.length,
      texts: askedReports.flatMap((report) => {
        const text = report.content.sections?.find((entry) => entry.sectionId === section.id)?.text.trim();
        return text ? [{ boardId: report.boardId, name: names.get(report.boardId) ?? report.boardId, text }] : [];
      }),
    };
  });
}

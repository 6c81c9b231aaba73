/**
 * The city's economy at a glance (GET /api/cycles/{year}/economy): each top-level board's budget beside the money of
 * its approved reports, and the city's total. Pure: folded from the budget, the board directory and the year's
 * approved figures (domain/summary), so the overview costs the same whatever the documents hold.
 *
 * A board's latest approved report decides its place in the total: its forecast (the annual report: its outcome)
 * against its budget. The total adds the deviations of the boards that have reported, and sets them against those
 * boards' budgets, so a board that has not reported yet neither helps nor hurts the city's figure.
 */
import type { BoardKind } from '../schemas/boards';
import type { BudgetLine, EconomyOverview } from '../schemas/economy';
import { DEVIATION_THRESHOLD_PERCENT, deviationOf, type ReportKind } from './economy';
import type { ApprovedFigures, ReportFigures } from './summary';

export interface OverviewBoard {
  boardId: string;
  name: string;
  kind: BoardKind;
  parentId?: string | null;
  archived?: boolean;
}

export interface EconomyOverviewInput {
  year: number;
  budget: readonly BudgetLine[];
  directory: readonly OverviewBoard[];
  figures: readonly ApprovedFigures[];
}

type Figures = NonNullable<EconomyOverview['boards'][number]['reports']['t1']>;

const reportKinds: readonly ReportKind[] = ['t1', 't2', 'annual'];
/** Tidy sums of tkr with decimals (0.1 + 0.2). */
const tidy = (n: number) => Math.round(n * 1000) / 1000;

export function economyOverviewOf(input: EconomyOverviewInput): EconomyOverview {
  const lines = new Map(input.budget.map((line) => [line.boardId, line]));
  const reports = new Map<string, ReportFigures>();
  for (const entry of input.figures) if (entry.kind !== 'plan') reports.set(`${entry.boardId}#${entry.kind}`, entry);

  // An archived board stays while it has a budget or an approved report this year.
  const listed = input.directory.filter(
    (board) => !board.parentId && (!board.archived || lines.has(board.boardId) || reportKinds.some((kind) => reports.has(`${board.boardId}#${kind}`))),
  );
  const boards = listed.map((board) => {
    const line = lines.get(board.boardId);
    const byKind = Object.fromEntries(reportKinds.map((kind) => [kind, figuresOf(kind, line, reports.get(`${board.boardId}#${kind}`))])) as Record<ReportKind, Figures | null>;
    const latest = [...reportKinds].reverse().find((kind) => byKind[kind] !== null) ?? null;
    return {
      boardId: board.boardId,
      name: board.name,
      kind: board.kind,
      budget: line?.netCost ?? null,
      ...(line?.returnRequirement !== undefined ? { returnRequirement: line.returnRequirement } : board.kind === 'company' ? { returnRequirement: null } : {}),
      latest,
      reports: byKind,
    };
  });

  const budgeted = boards.filter((board) => board.budget !== null);
  const reported = budgeted.filter((board) => board.latest !== null && board.reports[board.latest]!.forecast !== null);
  const sum = (values: number[]) => tidy(values.reduce((total, value) => total + value, 0));
  const reportedBudget = sum(reported.map((board) => board.budget!));
  const forecast = reported.length ? sum(reported.map((board) => board.reports[board.latest!]!.forecast!)) : null;
  const deviation = forecast === null ? null : tidy(forecast - reportedBudget);
  return {
    year: input.year,
    unit: 'tkr',
    threshold: DEVIATION_THRESHOLD_PERCENT,
    boards,
    total: {
      budget: sum(budgeted.map((board) => board.budget!)),
      forecast,
      deviation,
      deviationPercent: deviation === null || reportedBudget === 0 ? null : (deviation / reportedBudget) * 100,
      reported: reported.length,
      budgeted: budgeted.length,
    },
  };
}

/** One approved report's money beside the budget; null when the report is not approved. */
function figuresOf(kind: ReportKind, line: BudgetLine | undefined, report: ReportFigures | undefined): Figures | null {
  if (!report) return null;
  const money = report.economy;
  const value = (kind === 'annual' ? money?.outcome : money?.forecast) ?? null;
  const deviation = line && value !== null ? deviationOf(line.netCost, value) : undefined;
  const achieved = kind === 'annual' ? money?.returnOutcome : money?.returnForecast;
  return {
    outcomeToDate: kind === 'annual' ? null : (money?.outcomeToDate ?? null),
    forecast: value,
    deviation: deviation?.amount ?? null,
    deviationPercent: deviation?.percent ?? null,
    ...(deviation ? { needsComment: deviation.needsComment } : {}),
    ...(money?.comment ? { comment: money.comment } : {}),
    ...(achieved !== undefined ? { returnForecast: achieved } : {}),
  };
}

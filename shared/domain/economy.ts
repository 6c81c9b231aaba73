/**
 * The money beside the goals (api.md 1.1): how far a board's net cost forecast (or the year's outcome) strays from
 * its budget, when that must be explained, what a report with a budget must give, and the findings a submitted
 * report answers. Pure, and shared with the web app's report form so that it warns as the editor types.
 */
import type { BoardKind } from '../schemas/boards';
import type { Direction } from '../schemas/councilGoals';
import type { Finding, ReportContent } from '../schemas/documents';
import type { BudgetLine, ReportEconomy, ReportSection } from '../schemas/economy';
import type { FieldError } from './errors';
import { pathOf } from './problems';
import { isLessAmbitious } from './targets';

export type ReportKind = 't1' | 't2' | 'annual';

/** Past this share of the budget (either way) a deviation needs the board's comment. */
export const DEVIATION_THRESHOLD_PERCENT = 1;

/** The net cost figure a report is judged by: the forecast in a tertial report, the outcome in the annual one. */
export function netCostOf(kind: ReportKind, economy: ReportEconomy | undefined): number | undefined {
  return kind === 'annual' ? economy?.outcome : economy?.forecast;
}

/** The company's return a report is judged by: expected in a tertial report, achieved in the annual one. */
export function returnOf(kind: ReportKind, economy: ReportEconomy | undefined): number | undefined {
  return kind === 'annual' ? economy?.returnOutcome : economy?.returnForecast;
}

export interface Deviation {
  /** value − budget, tkr: above zero the board spends more than budgeted. */
  amount: number;
  /** The amount as a percentage of the budget; null for a zero budget (any spending is then a deviation). */
  percent: number | null;
  /** Beyond the threshold either way: the board must explain it. */
  needsComment: boolean;
}

/** How far `value` strays from `budget`; the threshold is strict, so exactly 1 % needs no comment. */
export function deviationOf(budget: number, value: number, thresholdPercent = DEVIATION_THRESHOLD_PERCENT): Deviation {
  const amount = roundTkr(value - budget);
  const percent = budget === 0 ? null : (amount / budget) * 100;
  const needsComment = budget === 0 ? amount !== 0 : Math.abs(amount) * 100 > budget * thresholdPercent;
  return { amount, percent, needsComment };
}

/** Thousands of kronor come as decimals from sheets: keep the deviation free of floating-point dust. */
function roundTkr(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Every reason the report's economy cannot be submitted: nothing is asked of a board without a budget line. A
 * tertial report gives the net cost so far and the forecast, the annual report the outcome; a company with a
 * return requirement also its return; a deviation beyond the threshold needs a comment.
 */
export function economyProblems(kind: ReportKind, line: BudgetLine | undefined, economy: ReportEconomy | undefined): FieldError[] {
  if (!line) return [];
  const budget = `${formatTkr(line.netCost)} tkr`;
  if (!economy) {
    const wanted = kind === 'annual' ? 'the net cost outcome of the year' : 'the net cost so far and the forecast for the year';
    return [{ path: 'economy', message: `the board has a budget of ${budget}: give ${wanted}` }];
  }
  const problems: FieldError[] = [];
  if (kind === 'annual') {
    if (economy.outcome === undefined) problems.push({ path: 'economy.outcome', message: `give the net cost outcome of the year (budget ${budget})` });
  } else {
    if (economy.outcomeToDate === undefined) problems.push({ path: 'economy.outcomeToDate', message: 'give the net cost so far this year' });
    if (economy.forecast === undefined) problems.push({ path: 'economy.forecast', message: `give the net cost forecast for the year (budget ${budget})` });
  }
  if (line.returnRequirement !== undefined && returnOf(kind, economy) === undefined) {
    const field = kind === 'annual' ? 'returnOutcome' : 'returnForecast';
    const wanted = kind === 'annual' ? "the year's return" : 'the expected return for the year';
    problems.push({ path: `economy.${field}`, message: `the company has a return requirement of ${line.returnRequirement} %: give ${wanted} in percent` });
  }
  const value = netCostOf(kind, economy);
  if (value !== undefined && !economy.comment?.trim()) {
    const deviation = deviationOf(line.netCost, value);
    if (deviation.needsComment) {
      const share = deviation.percent === null ? '' : ` (${formatPercent(deviation.percent)})`;
      problems.push({
        path: 'economy.comment',
        message: `the ${kind === 'annual' ? 'outcome' : 'forecast'} deviates from the budget by ${formatTkr(deviation.amount)} tkr${share}, more than ${DEVIATION_THRESHOLD_PERCENT} %: explain why`,
      });
    }
  }
  return problems;
}

/** The findings on a report's money: a net cost above the budget, a return below the requirement. */
export function economyFindings(kind: ReportKind, line: BudgetLine | undefined, economy: ReportEconomy | undefined): Finding[] {
  if (!line) return [];
  const basis = kind === 'annual' ? 'outcome' : 'forecast';
  const findings: Finding[] = [];
  const value = netCostOf(kind, economy);
  if (value !== undefined && value > line.netCost) {
    findings.push({ code: 'FORECAST_DEFICIT', budget: line.netCost, forecast: value, deviation: deviationOf(line.netCost, value).amount, basis });
  }
  const achieved = returnOf(kind, economy);
  if (line.returnRequirement !== undefined && achieved !== undefined && achieved < line.returnRequirement) {
    findings.push({ code: 'RETURN_BELOW_REQUIREMENT', requirement: line.returnRequirement, forecast: achieved, basis });
  }
  return findings;
}

/**
 * One FORECAST_BELOW_TARGET per indicator whose forecast (in the annual report: outcome) is less ambitious than the
 * board's own target for it, direction-aware; an indicator without a target or a value has none.
 */
export function forecastFindings(
  kind: ReportKind,
  planIndicators: ReadonlyArray<{ id: string; direction: Direction; target?: number }>,
  content: Pick<ReportContent, 'indicators'>,
): Finding[] {
  const basis = kind === 'annual' ? 'outcome' : 'forecast';
  const values = new Map(content.indicators.map((entry) => [entry.indicatorId, kind === 'annual' ? entry.outcome : entry.forecast]));
  return planIndicators.flatMap((indicator): Finding[] => {
    const value = values.get(indicator.id);
    if (indicator.target === undefined || value === undefined || !isLessAmbitious(indicator.direction, indicator.target, value)) return [];
    return [{ code: 'FORECAST_BELOW_TARGET', indicatorId: indicator.id, target: indicator.target, forecast: value, direction: indicator.direction, basis }];
  });
}

/** The sections a board of `boardKind` writes in a report of `kind`, in the city's order. */
export function sectionsFor(kind: ReportKind, boardKind: BoardKind | undefined, sections: readonly ReportSection[]): ReportSection[] {
  return sections.filter((section) => section.kinds.includes(kind) && (!section.boardKinds || !boardKind || section.boardKinds.includes(boardKind)));
}

/** A required section left empty, a text for a section the city did not ask for here, or one given twice. */
export function sectionProblems(
  kind: ReportKind,
  boardKind: BoardKind | undefined,
  sections: readonly ReportSection[],
  texts: ReportContent['sections'],
): FieldError[] {
  const asked = sectionsFor(kind, boardKind, sections);
  const askedIds = new Set(asked.map((section) => section.id));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  (texts ?? []).forEach((entry, i) => {
    if (seen.has(entry.sectionId)) problems.push({ path: pathOf('sections', i, 'sectionId'), message: `section ${entry.sectionId} is given twice: keep one text` });
    seen.add(entry.sectionId);
    if (!askedIds.has(entry.sectionId)) {
      problems.push({ path: pathOf('sections', i, 'sectionId'), message: `the city asks for no section ${entry.sectionId} in this report; remove the text or correct the id` });
    }
  });
  for (const section of asked) {
    if (!section.required) continue;
    const text = texts?.find((entry) => entry.sectionId === section.id)?.text;
    if (!text?.trim()) problems.push({ path: 'sections', message: `write the section "${section.title}" (${section.id}): the city asks every board for it` });
  }
  return problems;
}

function formatTkr(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

function formatPercent(n: number): string {
  return `${n > 0 ? '+' : ''}${n.toFixed(1)} %`;
}

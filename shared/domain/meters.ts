/**
 * Public strategy meters: the council's indicators with each board's target, outcome and forecast, built from
 * APPROVED documents only. Callers pass approved documents; any document whose status is not `approved` is still
 * dropped here, so a draft or a document in review can never reach the public page.
 *
 * Status of a board (direction-aware; the target is the board's own from its approved plan, else the council's;
 * a value equal to the target meets it):
 *   - the latest approved report with a value is the annual report and has an outcome → `met` if the outcome meets
 *     the target, else `not_met`;
 *   - otherwise (tertial data only, or an annual report with only a forecast) → `on_track` if the forecast (or the
 *     outcome when there is no forecast) meets the target, else `not_met`;
 *   - no approved value → null.
 *
 * Status of the indicator as a whole: each board with a value is judged by the same rules against the COUNCIL's
 * target (the meter is the council's), and the worst wins: `not_met` before `on_track` before `met`. A controller
 * wants the meter red while any board misses the council's target; `reporting` says how many boards stand behind it.
 * Null when no board has a value.
 *
 * Value of the indicator for a year: the unweighted mean of the boards' values (each board's annual outcome, else
 * its latest tertial forecast, else that report's outcome). `valueBasis` says whether it is all annual outcomes.
 * The trend compares that value with the previous year's value for the same indicator id; `improving` is
 * direction-aware, and no change is not improving.
 */
import type { BoardKind } from '../schemas/boards';
import type { DocumentStatus } from '../schemas/common';
import type { CouncilGoals, CouncilIndicator, Direction } from '../schemas/councilGoals';
import type { PlanContent, ReportContent } from '../schemas/documents';
import type { IndicatorSeries, Meter, MeterBoard, MeterStatus, MetersResponse, MeterTrend, ReportPeriod, ValueBasis } from '../schemas/meters';
import { allIndicators, findIndicator, isAssignedTo } from './councilGoals';
import { seriesTrend, targetStatus, trendMethod } from './trend';
import { NotFound } from './errors';

export interface MetersInput {
  year: number;
  goals: CouncilGoals;
  boards: ReadonlyArray<{ boardId: string; name: string; kind?: BoardKind }>;
  /** The boards' approved plans. A plan given with a status other than `approved` is ignored. */
  approvedPlans: ReadonlyArray<{ boardId: string; status?: DocumentStatus; content: Pick<PlanContent, 'targets'> }>;
  /** The boards' approved reports. A report whose status is not `approved` is ignored. */
  approvedReports: ReadonlyArray<{ boardId: string; kind: ReportPeriod; status: DocumentStatus; content: Pick<ReportContent, 'indicators'> }>;
  /** The previous year's meters (buildMeters for that year), for the trend. */
  previousYear?: { year: number; meters: ReadonlyArray<Pick<Meter, 'indicatorId' | 'value'>> };
}

/** Does `value` reach `target`? Higher is better: at least the target; lower is better: at most. */
export function meetsTarget(direction: Direction, value: number, target: number): boolean {
  return direction === 'higher' ? value >= target : value <= target;
}

/** A board's status for one indicator (see the rules at the top of this file). */
export function meterStatus(
  direction: Direction,
  target: number,
  reading: { period: ReportPeriod | null; outcome: number | null; forecast: number | null },
): MeterStatus {
  if (reading.period === 'annual' && reading.outcome !== null) return meetsTarget(direction, reading.outcome, target) ? 'met' : 'not_met';
  const value = reading.forecast ?? reading.outcome;
  if (value === null) return null;
  return meetsTarget(direction, value, target) ? 'on_track' : 'not_met';
}

const severity: Record<NonNullable<MeterStatus>, number> = { not_met: 0, on_track: 1, met: 2 };

/** The worst of several statuses (not_met, then on_track, then met); null when none is given. */
export function worstStatus(statuses: Iterable<MeterStatus>): MeterStatus {
  let worst: MeterStatus = null;
  for (const s of statuses) if (s !== null && (worst === null || severity[s] < severity[worst])) worst = s;
  return worst;
}

/** Twelve significant digits: hides binary noise (0.1 + 0.2) without rounding real data. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

const periodsNewestFirst: readonly ReportPeriod[] = ['annual', 't2', 't1'];

interface Reading {
  period: ReportPeriod | null;
  outcome: number | null;
  forecast: number | null;
}

/** The meters of a year. See the rules at the top of this file. */
export function buildMeters(input: MetersInput): MetersResponse {
  const plans = new Map<string, Map<string, number>>();
  for (const plan of input.approvedPlans) {
    if (plan.status !== undefined && plan.status !== 'approved') continue;
    if (plans.has(plan.boardId)) continue;
    plans.set(plan.boardId, new Map(plan.content.targets.map((t) => [t.indicatorId, t.target])));
  }
  // boardId → period → indicatorId → { outcome, forecast }
  const reports = new Map<string, Map<ReportPeriod, Map<string, { outcome: number | null; forecast: number | null }>>>();
  for (const report of input.approvedReports) {
    if (report.status !== 'approved') continue;
    const byPeriod = reports.get(report.boardId) ?? new Map();
    reports.set(report.boardId, byPeriod);
    if (byPeriod.has(report.kind)) continue;
    byPeriod.set(report.kind, new Map(report.content.indicators.map((i) => [i.indicatorId, { outcome: i.outcome ?? null, forecast: i.forecast ?? null }])));
  }

  const known = new Map(input.boards.map((b) => [b.boardId, b]));
  const unknownWithData = [...new Set([...plans.keys(), ...reports.keys()])].filter((id) => !known.has(id)).sort();
  const previous = new Map(input.previousYear?.meters.map((m) => [m.indicatorId, m.value]));

  const readingOf = (boardId: string, indicatorId: string): Reading => {
    const byPeriod = reports.get(boardId);
    for (const period of periodsNewestFirst) {
      const entry = byPeriod?.get(period)?.get(indicatorId);
      if (entry && (entry.outcome !== null || entry.forecast !== null)) return { period, ...entry };
    }
    return { period: null, outcome: null, forecast: null };
  };

  const meters = allIndicators(input.goals).map(({ indicator, areaGoal, directionGoal }): Meter => {
    const listed = (boardId: string) =>
      isAssignedTo(indicator, boardId) || plans.get(boardId)?.has(indicator.id) || readingOf(boardId, indicator.id).period !== null;
    const boardIds = [...input.boards.map((b) => b.boardId).filter(listed), ...unknownWithData.filter(listed)];

    const rows = boardIds.map((boardId) => meterBoardRow(indicator, boardId, known.get(boardId), plans.get(boardId)?.get(indicator.id), readingOf(boardId, indicator.id)));
    const withValue = rows.filter((r) => r.period !== null);
    const { value, valueBasis } = aggregate(withValue);
    return {
      indicatorId: indicator.id,
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      councilTarget: indicator.target,
      goal: { directionGoalId: directionGoal.id, directionGoalTitle: directionGoal.title, areaGoalId: areaGoal.id, areaGoalTitle: areaGoal.title },
      boards: rows,
      status: worstStatus(withValue.map((r) => meterStatus(indicator.direction, indicator.target, r))),
      value,
      valueBasis,
      reporting: { boards: rows.length, withValue: withValue.length },
      trend: trendOf(indicator.direction, value, input.previousYear?.year, previous.get(indicator.id)),
    };
  });
  return { year: input.year, meters };
}

function meterBoardRow(
  indicator: CouncilIndicator,
  boardId: string,
  board: { name: string; kind?: BoardKind } | undefined,
  target: number | undefined,
  reading: Reading,
): MeterBoard {
  return {
    boardId,
    name: board?.name ?? boardId,
    ...(board?.kind ? { kind: board.kind } : {}),
    target: target ?? null,
    outcome: reading.outcome,
    forecast: reading.forecast,
    period: reading.period,
    status: meterStatus(indicator.direction, target ?? indicator.target, reading),
  };
}

/** A board's value for the year: the annual outcome, else the forecast, else the outcome of its latest report. */
function yearValue(r: Reading): { value: number; final: boolean } | undefined {
  if (r.period === 'annual' && r.outcome !== null) return { value: r.outcome, final: true };
  const value = r.forecast ?? r.outcome;
  return value === null ? undefined : { value, final: false };
}

function aggregate(rows: readonly Reading[]): { value: number | null; valueBasis: ValueBasis } {
  const values = rows.map(yearValue).filter((v) => v !== undefined);
  if (values.length === 0) return { value: null, valueBasis: null };
  const mean = values.reduce((sum, v) => sum + v.value, 0) / values.length;
  return { value: tidy(mean), valueBasis: values.every((v) => v.final) ? 'outcome' : 'forecast' };
}

function trendOf(direction: Direction, value: number | null, previousYear: number | undefined, previousValue: number | null | undefined): MeterTrend | null {
  if (value === null || previousYear === undefined || previousValue === null || previousValue === undefined) return null;
  const change = tidy(value - previousValue);
  return { previousYear, previousValue, change, improving: direction === 'higher' ? change > 0 : change < 0 };
}

/** One year of an indicator's series: the year's meters, and what the meter page tells beside the numbers. */
export interface SeriesYear {
  year: number;
  meters: readonly Meter[];
  /** The year's council goals, for the indicator's definition, source and Kolada KPI. */
  goals?: CouncilGoals;
  /** When the newest of the year's approved documents was approved, if recorded. */
  lastApprovedAt?: string | null;
}

/**
 * One indicator across years, for GET /api/public/indicators/{id} (the page per meter, mid-term and end-of-term
 * reviews): the years that had it, oldest first; name, unit, direction, target, goal and boards from the newest of
 * them, definition and source from the newest year that has one; the trend and the status by domain/trend.
 * Throws NotFound when no year has it.
 */
export function indicatorSeries(indicatorId: string, years: ReadonlyArray<SeriesYear>): IndicatorSeries {
  const found = years
    .map((y) => ({ ...y, meter: y.meters.find((m) => m.indicatorId === indicatorId) }))
    .filter((y): y is SeriesYear & { meter: Meter } => y.meter !== undefined)
    .sort((a, b) => a.year - b.year);
  const newest = found.at(-1)?.meter;
  if (!newest) {
    throw new NotFound(`No published year has an indicator ${indicatorId}; check the id against the meters of a year (GET /api/public/cycles/{year}/meters).`);
  }
  const series = found.map(({ year, meter }) => ({ year, councilTarget: meter.councilTarget, value: meter.value, valueBasis: meter.valueBasis, status: meter.status }));
  const described = found
    .map((y) => (y.goals ? findIndicator(y.goals, indicatorId)?.indicator : undefined))
    .filter((indicator) => indicator !== undefined);
  const newestWith = (field: 'definition' | 'source' | 'koladaKpi') => described.findLast((indicator) => indicator[field])?.[field];
  const definition = newestWith('definition');
  const source = newestWith('source');
  const koladaKpi = newestWith('koladaKpi');
  const lastUpdated = found.reduce<string | null>((latest, y) => (y.lastApprovedAt && (latest === null || y.lastApprovedAt > latest) ? y.lastApprovedAt : latest), null);
  return {
    indicatorId,
    name: newest.name,
    unit: newest.unit,
    direction: newest.direction,
    ...(definition ? { definition } : {}),
    ...(source ? { source } : {}),
    ...(koladaKpi ? { koladaKpi } : {}),
    councilTarget: newest.councilTarget,
    goal: newest.goal,
    boards: newest.boards.map((b) => ({ boardId: b.boardId, name: b.name })),
    status: targetStatus(series),
    trend: { ...seriesTrend(newest.direction, series), method: { ...trendMethod } },
    lastUpdated,
    series,
  };
}

/**
 * How a public meter is going over the years, and where it stands against its target: the page per meter
 * (/public/indicators/{id}) and its downloads. Pure; the API computes it so that the page, the JSON and the CSV agree.
 *
 * The trend, after Stockholm's Miljöbarometern ("rätt håll sedan 2016"): an ordinary least-squares line through the
 * yearly values from the start year (the first year with a value, or a later one the caller names) to the newest.
 *   - fewer than `minimumYears` (3) years with a value → `too_few_years`: two points always lie on a line, and a
 *     slope through them says no more than the year-on-year change the year page already shows;
 *   - the line's change over the whole span (slope × years spanned) is within `tolerance` (2 %) of the mean level →
 *     `no_clear_change` (for a level of 0 every non-zero slope counts). Two per cent is about what a survey-based
 *     share moves by chance from one year to the next; a meter that moves less than that over all its years is flat;
 *   - otherwise `improving` or `worsening`, direction-aware (higher is better: a rising line improves).
 *
 * The status, against the council's target: from the newest year with a value, by the year page's rules
 * (domain/meters.meterStatus: judged on the annual outcome, or on a tertial forecast while the year runs):
 * met → `reached`, on_track → `on_the_way`, not_met → `not_reached`; no year with a value → `no_data`. The basis
 * says whether that year's value is annual outcomes or includes a forecast.
 */
import type { Direction } from '../schemas/councilGoals';
import type { MeterStatus, ValueBasis } from '../schemas/meters';

export const trendMethod = { kind: 'least_squares', minimumYears: 3, tolerance: 0.02 } as const;

export const trendVerdicts = ['improving', 'worsening', 'no_clear_change', 'too_few_years'] as const;
export type TrendVerdict = (typeof trendVerdicts)[number];

export interface SeriesTrend {
  verdict: TrendVerdict;
  /** The first year the line goes through; null without any year with a value. */
  since: number | null;
  /** The newest year the line goes through; null without any year with a value. */
  until: number | null;
  /** How many years with a value the line goes through. */
  years: number;
  /** The line's slope, in the meter's unit per year; null with fewer than `minimumYears` years. */
  slopePerYear: number | null;
  /** The line's change over the span, as a share of the mean level (0.05 = 5 %); null when the slope is, or the level is 0. */
  relativeChange: number | null;
}

export interface TrendOptions {
  /** Leave out the years before it (a term's first year, say). */
  startYear?: number;
  minimumYears?: number;
  tolerance?: number;
}

/** Twelve significant digits: hides binary noise without rounding real data. */
const tidy = (n: number) => Number(n.toPrecision(12));

/** Ordinary least squares: the slope of the line through the points (x the year). Needs two distinct years. */
export function leastSquaresSlope(points: ReadonlyArray<{ year: number; value: number }>): number {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.year, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.year - meanX) * (p.value - meanY);
    sxx += (p.year - meanX) ** 2;
  }
  if (sxx === 0) throw new RangeError('a least-squares slope needs at least two distinct years');
  return sxy / sxx;
}

/** The trend of a meter's yearly values (see the rules at the top of this file). Years without a value are skipped. */
export function seriesTrend(direction: Direction, series: ReadonlyArray<{ year: number; value: number | null }>, options: TrendOptions = {}): SeriesTrend {
  const minimumYears = options.minimumYears ?? trendMethod.minimumYears;
  const tolerance = options.tolerance ?? trendMethod.tolerance;
  const points = series
    .filter((p): p is { year: number; value: number } => p.value !== null && (options.startYear === undefined || p.year >= options.startYear))
    .sort((a, b) => a.year - b.year);
  const since = points[0]?.year ?? null;
  const until = points.at(-1)?.year ?? null;
  if (points.length < Math.max(2, minimumYears)) return { verdict: 'too_few_years', since, until, years: points.length, slopePerYear: null, relativeChange: null };

  const slope = leastSquaresSlope(points);
  const span = until! - since!;
  const mean = points.reduce((sum, p) => sum + p.value, 0) / points.length;
  const change = slope * span;
  const relativeChange = mean === 0 ? null : change / Math.abs(mean);
  const flat = relativeChange === null ? tidy(change) === 0 : Math.abs(relativeChange) < tolerance;
  const better = direction === 'higher' ? slope > 0 : slope < 0;
  return {
    verdict: flat ? 'no_clear_change' : better ? 'improving' : 'worsening',
    since,
    until,
    years: points.length,
    slopePerYear: tidy(slope),
    relativeChange: relativeChange === null ? null : tidy(relativeChange),
  };
}

export const targetStatuses = ['reached', 'on_the_way', 'not_reached', 'no_data'] as const;
export type TargetStatus = (typeof targetStatuses)[number];

const fromMeterStatus: Record<NonNullable<MeterStatus>, TargetStatus> = { met: 'reached', on_track: 'on_the_way', not_met: 'not_reached' };

/**
 * Where the meter stands against the target: the newest year with a value (see the rules at the top of this file),
 * and whether that year is judged on outcomes or on a forecast (a forecast that misses is "not reached, by forecast").
 */
export function targetStatus(series: ReadonlyArray<{ year: number; value: number | null; valueBasis?: ValueBasis; status: MeterStatus }>): {
  status: TargetStatus;
  year: number | null;
  basis: ValueBasis;
} {
  const newest = [...series].sort((a, b) => b.year - a.year).find((p) => p.value !== null && p.status !== null);
  if (!newest) return { status: 'no_data', year: null, basis: null };
  // on_track is by definition a forecast's; met and not_met follow the year's value.
  const basis = newest.status === 'on_track' ? 'forecast' : (newest.valueBasis ?? 'outcome');
  return { status: fromMeterStatus[newest.status!], year: newest.year, basis };
}

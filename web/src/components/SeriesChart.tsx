/**
 * A meter's series as an inline SVG line chart, readable without colour: the city's value is a solid line with a
 * ring per outcome and a diamond per forecast, the council's target a dashed line with triangles, and every point
 * carries its value as a label. The SVG is role="img" with a title and a description that names the span and the
 * trend; the same numbers are in the table beside it (PublicIndicatorPage), which is the text alternative.
 */
import { formatNumber, t } from '../i18n';
import type { IndicatorSeries } from '../lib/types';

const width = 640;
const height = 300;
const left = 56;
const right = 24;
const top = 44;
const bottom = 40;

export function SeriesChart({ series, id, trendText }: { series: IndicatorSeries; id: string; trendText: string }) {
  const points = series.series;
  const values = points.flatMap((p) => [p.value, p.councilTarget]).filter((v): v is number => typeof v === 'number');
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  // A little room above and below, and a span even when every value is the same.
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.1 || 1;
  const min = lo - pad;
  const max = hi + pad;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const first = points[0]!.year;
  const last = points.at(-1)!.year;
  const x = (year: number) => left + (last === first ? plotWidth / 2 : ((year - first) / (last - first)) * plotWidth);
  const y = (value: number) => top + (1 - (value - min) / (max - min)) * plotHeight;
  const withValue = points.filter((p): p is typeof p & { value: number } => p.value !== null);
  const line = (pts: Array<{ year: number; v: number }>) => pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.year).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg class="series-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
      <title id={titleId}>{t('public.chart.title', { name: series.name })}</title>
      <desc id={descId}>{t('public.chart.desc', { count: points.length, first, last, trend: trendText })}</desc>
      <g class="series-chart__legend" transform="translate(0,14)">
        <line x1={4} x2={28} y1={-4} y2={-4} class="series-line" />
        <circle cx={16} cy={-4} r={4.5} class="marker marker--outcome" />
        <text x={34} y={0}>
          {t('public.chart.legendValue')}
        </text>
        <path d={diamond(176, -4)} class="marker marker--forecast" />
        <text x={186} y={0}>
          {t('public.chart.legendForecast')}
        </text>
        <line x1={290} x2={314} y1={-4} y2={-4} class="target-line" />
        <path d={triangle(302, -4)} class="marker marker--target" />
        <text x={320} y={0}>
          {t('public.chart.legendTarget')}
        </text>
      </g>
      {/* Axis and three grid lines with their values */}
      {[min + pad, (min + max) / 2, max - pad].map((v) => (
        <g key={v} class="series-chart__grid">
          <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} />
          <text x={left - 6} y={y(v) + 4} text-anchor="end">
            {formatNumber(v)}
          </text>
        </g>
      ))}
      <line x1={left} x2={left} y1={top - 6} y2={top + plotHeight} class="axis" />
      <line x1={left} x2={width - right} y1={top + plotHeight} y2={top + plotHeight} class="axis" />
      {points.map((p) => (
        <text key={p.year} x={x(p.year)} y={height - bottom + 18} text-anchor="middle" class="series-chart__tick">
          {p.year}
        </text>
      ))}
      <path d={line(points.map((p) => ({ year: p.year, v: p.councilTarget })))} class="target-line" />
      {points.map((p) => (
        <path key={`t${p.year}`} d={triangle(x(p.year), y(p.councilTarget))} class="marker marker--target" />
      ))}
      {withValue.length > 1 && <path d={line(withValue.map((p) => ({ year: p.year, v: p.value })))} class="series-line" />}
      {withValue.map((p) => (
        <g key={`v${p.year}`}>
          {p.valueBasis === 'forecast' ? (
            <path d={diamond(x(p.year), y(p.value))} class="marker marker--forecast" />
          ) : (
            <circle cx={x(p.year)} cy={y(p.value)} r={5} class="marker marker--outcome" />
          )}
          <text x={x(p.year)} y={y(p.value) - 10} text-anchor="middle" class="series-chart__value">
            {formatNumber(p.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}

const diamond = (cx: number, cy: number, r = 6) => `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;
const triangle = (cx: number, cy: number, r = 5) => `M${cx},${cy - r} L${cx + r},${cy + r * 0.8} L${cx - r},${cy + r * 0.8} Z`;

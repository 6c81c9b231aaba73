/**
 * One meter as an inline SVG bar chart: per board the board's target (hollow bar) and its outcome or forecast (solid
 * bar), with the council's target as a dashed line. Only boards with a target or a value are drawn. The SVG is role="img" with a title and description; the same
 * numbers are in a table beside it (MetersPage), which is the text alternative.
 */
import { formatNumber, t, type Key } from '../i18n';
import type { Meter } from '../lib/types';

const rowHeight = 34;
const labelWidth = 190;
const width = 640;
const right = 70;
const top = 28;

export function MeterChart({ meter, rows, id }: { meter: Meter; rows: Meter['boards']; id: string }) {
  const values = rows.flatMap((b) => [b.target, b.outcome ?? b.forecast]).filter((v): v is number => typeof v === 'number');
  const max = Math.max(meter.councilTarget, ...values, 0) * 1.1 || 1;
  const min = Math.min(0, ...values);
  const plot = width - labelWidth - right;
  const x = (v: number) => labelWidth + ((v - min) / (max - min)) * plot;
  const height = top + rows.length * rowHeight + 30;
  const councilX = x(meter.councilTarget);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg class="meter-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${titleId} ${descId}`} preserveAspectRatio="xMinYMin meet">
      <title id={titleId}>{t('meters.chart.title', { name: meter.name })}</title>
      <desc id={descId}>{t('meters.chart.desc', { target: formatNumber(meter.councilTarget), unit: meter.unit })}</desc>
      {/* Legend */}
      <g class="meter-chart__legend" transform="translate(0,12)">
        <rect x={0} y={-9} width={14} height={10} class="bar bar--target" />
        <text x={20} y={0}>
          {t('meters.chart.legendTarget')}
        </text>
        <rect x={170} y={-9} width={14} height={10} class="bar bar--outcome" />
        <text x={190} y={0}>
          {t('meters.chart.legendOutcome')}
        </text>
        <line x1={330} x2={350} y1={-4} y2={-4} class="council-line" />
        <text x={356} y={0}>
          {t('meters.chart.legendCouncil')} ({formatNumber(meter.councilTarget)} {meter.unit})
        </text>
      </g>
      {rows.map((b, i) => {
        const y = top + i * rowHeight;
        const value = b.outcome ?? b.forecast;
        const name = (b as { name?: string }).name ?? b.boardId;
        return (
          <g key={b.boardId}>
            <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="meter-chart__label">
              {name.length > 28 ? `${name.slice(0, 27)}…` : name}
            </text>
            {typeof b.target === 'number' && <rect x={x(min)} y={y + 3} width={Math.max(1, x(b.target) - x(min))} height={11} class="bar bar--target" />}
            {typeof value === 'number' && <rect x={x(min)} y={y + 15} width={Math.max(1, x(value) - x(min))} height={13} class={`bar bar--outcome${b.outcome === null ? ' bar--forecast' : ''}`} />}
            <text x={Math.max(typeof value === 'number' ? x(value) : 0, typeof b.target === 'number' ? x(b.target) : 0, x(min)) + 6} y={y + 26} class="meter-chart__value">
              {typeof value === 'number' ? formatNumber(value) : '–'}
              {b.outcome === null && typeof b.forecast === 'number' ? ` (${t('meters.basis.forecast')})` : ''}
            </text>
          </g>
        );
      })}
      <line x1={councilX} x2={councilX} y1={top - 4} y2={top + rows.length * rowHeight} class="council-line" />
      <line x1={x(min)} x2={x(min)} y1={top - 4} y2={top + rows.length * rowHeight} class="axis" />
      <text x={x(min)} y={height - 8} class="meter-chart__tick">
        {formatNumber(min)}
      </text>
      <text x={x(max / 1.1)} y={height - 8} text-anchor="middle" class="meter-chart__tick">
        {formatNumber(max / 1.1)} {meter.unit}
      </text>
      <text x={width} y={height - 8} text-anchor="end" class="meter-chart__tick" aria-hidden="true">
        {t(`direction.${meter.direction}.short` as Key)}
      </text>
    </svg>
  );
}

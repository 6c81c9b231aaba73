/**
 * The public strategy meters: per indicator a chart and a table of target against outcome per board, trend, goal, CSV,
 * and a link to the meter's own page over all years. `goal` (the address's ?goal=, a direction or area goal id)
 * filters the meters; choosing another goal keeps the address in step without moving the focus.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { paths } from '../lib/router';
import type { Meter, MetersResponse } from '../lib/types';
import { MeterChart } from '../components/MeterChart';
import { Loading, Notice, PageTitle, useAsync, TableWrap } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';

type Loaded = { kind: 'ok'; data: MetersResponse } | { kind: 'unavailable' } | { kind: 'noYear' };

export function MetersPage({ year, goal: initialGoal }: { year: number; goal?: string }) {
  const [goal, setGoal] = useState(initialGoal ?? '');
  const meters = useAsync<Loaded>(async () => {
    try {
      return { kind: 'ok', data: (await api<MetersResponse>('GET', `/public/cycles/${year}/meters`, { anonymous: true })).data };
    } catch (error) {
      if (error instanceof ApiError && error.isMissingRoute) return { kind: 'unavailable' };
      if (error instanceof ApiError && error.status === 404) return { kind: 'noYear' };
      throw error;
    }
  }, [year]);
  const title = t('meters.title', { year });
  const csv = `/api/public/cycles/${year}/meters.csv`;
  return (
    <div class="page page--wide">
      <PageTitle title={title} description={t('public.describe.meters', { year })}>
        {title}
      </PageTitle>
      <YearSwitch year={year} to={paths.meters} />
      <p class="lead">{t('meters.intro')}</p>
      {meters.loading && !meters.data && <Loading />}
      {meters.error !== undefined && (
        <Notice tone="error">
          <p>{t('app.error', { detail: meters.error instanceof Error ? meters.error.message : String(meters.error) })}</p>
        </Notice>
      )}
      {meters.data?.kind === 'unavailable' && (
        <Notice tone="info" id="meters-unavailable">
          <p>{t('meters.unavailable')}</p>
        </Notice>
      )}
      {meters.data?.kind === 'noYear' && (
        <Notice tone="info" id="meters-no-year">
          <p>{t('meters.noYear', { year })}</p>
        </Notice>
      )}
      {meters.data?.kind === 'ok' && (
        <>
          <p>
            <a class="button button--secondary" href={csv} download={`strategimatare-${year}.csv`}>
              <span aria-hidden="true">⬇ </span>
              {t('meters.csv')}
            </a>
          </p>
          {meters.data.data.meters.length === 0 && <p>{t('meters.empty')}</p>}
          {meters.data.data.meters.length > 0 && <GoalFilter meters={meters.data.data.meters} goal={goal} onChange={setGoal} />}
          <div class="meters">
            {meters.data.data.meters.filter(inGoal(goal)).map((m) => (
              <MeterCard key={m.indicatorId} meter={m} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

const inGoal = (goal: string) => (meter: Meter) => !goal || meter.goal.directionGoalId === goal || meter.goal.areaGoalId === goal;

/** Choose a direction goal or one of its area goals; the meters shown follow at once, and the count is announced. */
function GoalFilter({ meters, goal, onChange }: { meters: Meter[]; goal: string; onChange: (goal: string) => void }) {
  const directions = new Map<string, { title: string; areas: Map<string, string> }>();
  for (const { goal: g } of meters) {
    const direction = directions.get(g.directionGoalId) ?? { title: g.directionGoalTitle, areas: new Map() };
    direction.areas.set(g.areaGoalId, g.areaGoalTitle);
    directions.set(g.directionGoalId, direction);
  }
  const choose = (next: string) => {
    onChange(next);
    // A bookmark keeps the filter; replaceState moves neither the focus nor the scroll (the router is not told).
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('goal', next);
    else url.searchParams.delete('goal');
    history.replaceState(history.state, '', url.pathname + url.search);
  };
  return (
    <div class="meter-filter">
      <label for="meter-goal">{t('public.filter.label')}</label>
      <select id="meter-goal" value={goal} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
        <option value="">{t('public.filter.all')}</option>
        {[...directions].map(([id, d]) => (
          <optgroup key={id} label={`${id} ${d.title}`}>
            <option value={id}>{`${id} ${d.title}`}</option>
            {[...d.areas].map(([areaId, title]) => (
              <option key={areaId} value={areaId}>{`${areaId} ${title}`}</option>
            ))}
          </optgroup>
        ))}
      </select>
      <p role="status" class="muted">
        {t('public.filter.count', { shown: meters.filter(inGoal(goal)).length, total: meters.length })}
      </p>
    </div>
  );
}

function MeterCard({ meter }: { meter: Meter }) {
  const id = `meter-${meter.indicatorId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const status = meter.status ?? null;
  const rows = meter.boards.filter((b) => b.target !== null || b.outcome !== null || b.forecast !== null);
  const withValues = rows.length > 0;
  const without = meter.boards.length - rows.length;
  return (
    <article class="meter card" aria-labelledby={`${id}-h`}>
      <header class="meter__header">
        <h2 id={`${id}-h`}>
          <span class="goal-id">{meter.indicatorId}</span> {meter.name}
        </h2>
        {'status' in meter && <span class={`badge meter-status meter-status--${status ?? 'none'}`}>{t(`meters.status.${status}` as Key)}</span>}
      </header>
      <p>
        <a href={paths.indicator(meter.indicatorId)}>{t('public.meterLink', { name: meter.name })}</a>
      </p>
      {meter.goal && (
        <p class="meter__goal">
          {t('meters.goal', { area: meter.goal.areaGoalTitle })} <span class="muted">({t('meters.directionGoal', { title: meter.goal.directionGoalTitle })})</span>
        </p>
      )}
      <ul class="meter__facts">
        <li>{t('meters.council', { target: formatNumber(meter.councilTarget), unit: meter.unit, direction: t(`direction.${meter.direction}.short` as Key) })}</li>
        {meter.value !== undefined && (
          <li>
            {meter.value === null
              ? t('meters.noValue')
              : t('meters.value', { value: formatNumber(meter.value), unit: meter.unit, basis: t(`meters.basis.${meter.valueBasis ?? 'outcome'}` as Key) })}
          </li>
        )}
        {meter.trend !== undefined && (
          <li class={meter.trend ? (meter.trend.improving ? 'trend trend--up' : 'trend trend--down') : 'trend'}>
            {meter.trend ? (
              <>
                <span aria-hidden="true">{meter.trend.improving ? '▲ ' : '▼ '}</span>
                {t(meter.trend.improving ? 'meters.trend.up' : 'meters.trend.down', {
                  year: meter.trend.previousYear,
                  change: `${meter.trend.change > 0 ? '+' : ''}${formatNumber(meter.trend.change)} ${meter.unit}`,
                })}
              </>
            ) : (
              t('meters.trend.none')
            )}
          </li>
        )}
        {meter.reporting && <li>{t('meters.reporting', { withValue: meter.reporting.withValue, boards: meter.reporting.boards })}</li>}
      </ul>
      {withValues ? (
        <>
          <MeterChart meter={meter} rows={rows} id={id} />
          <details class="meter__table">
            <summary>{t('meters.table.show')}</summary>
            <TableWrap label={t('meters.table.caption', { name: meter.name, unit: meter.unit })}>
              <table class="table">
                <caption>{t('meters.table.caption', { name: meter.name, unit: meter.unit })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('meters.table.board')}</th>
                    <th scope="col">{t('meters.table.target')}</th>
                    <th scope="col">{t('meters.table.outcome')}</th>
                    <th scope="col">{t('meters.table.forecast')}</th>
                    <th scope="col">{t('meters.table.period')}</th>
                    <th scope="col">{t('meters.table.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((b) => (
                    <tr key={b.boardId}>
                      <th scope="row">{(b as { name?: string }).name ?? b.boardId}</th>
                      <td>{formatNumber(b.target)}</td>
                      <td>{formatNumber(b.outcome)}</td>
                      <td>{formatNumber(b.forecast)}</td>
                      <td>{t(`period.${b.period ?? 'null'}` as Key)}</td>
                      <td>{t(`meters.status.${(b as { status?: string | null }).status ?? 'null'}` as Key)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </details>
          {without > 0 && <p class="muted">{t('meters.without', { count: without })}</p>}
        </>
      ) : (
        <p>{t('meters.noBoards')}</p>
      )}
    </article>
  );
}

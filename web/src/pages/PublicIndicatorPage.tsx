/**
 * A meter's page, /public/indicators/{id}, without signing in: the series over all years as a chart and a table, the
 * status and the trend with their method (shared/domain/trend.ts, computed by the API), the definition and the
 * source, the last update, the responsible boards, the path up to the goal, and CSV/JSON downloads.
 */
import { formatDate, formatNumber, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { paths } from '../lib/router';
import type { IndicatorSeries } from '../lib/types';
import { SeriesChart } from '../components/SeriesChart';
import { ErrorNotice, Loading, Notice, PageTitle, TableWrap, useAsync } from '../components/ui';

type Loaded = { kind: 'ok'; data: IndicatorSeries } | { kind: 'notFound' };

export function PublicIndicatorPage({ id }: { id: string }) {
  const answer = useAsync<Loaded>(async () => {
    try {
      return { kind: 'ok', data: (await api<IndicatorSeries>('GET', `/public/indicators/${encodeURIComponent(id)}`, { anonymous: true })).data };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { kind: 'notFound' };
      throw error;
    }
  }, [id]);
  const series = answer.data?.kind === 'ok' ? answer.data.data : undefined;
  const title = series ? series.name : t('public.indicator.loadingTitle');
  return (
    <div class="page page--wide">
      <PageTitle title={title} description={series ? t('public.describe.indicator', { name: series.name }) : t('public.describe.indicatorLoading')}>
        {series ? (
          <>
            <span class="goal-id">{series.indicatorId}</span> {series.name}
          </>
        ) : (
          title
        )}
      </PageTitle>
      {answer.loading && !answer.data && <Loading />}
      {answer.error !== undefined && <ErrorNotice error={answer.error} onRetry={answer.reload} />}
      {answer.data?.kind === 'notFound' && (
        <Notice tone="info" id="indicator-not-found">
          <p>{t('public.indicator.notFound', { id })}</p>
        </Notice>
      )}
      {series && <IndicatorView series={series} />}
    </div>
  );
}

function trendText(series: IndicatorSeries): string {
  const { trend } = series;
  return t(`public.trend.${trend.verdict}` as Key, { since: trend.since ?? '–', years: trend.years, minimum: trend.method.minimumYears });
}

function IndicatorView({ series }: { series: IndicatorSeries }) {
  const id = `series-${series.indicatorId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const newestYear = series.series.at(-1)!.year;
  const latest = series.series.findLast((p) => p.value !== null);
  const { trend, status } = series;
  const percent = (share: number) => formatNumber(share * 100, { maximumFractionDigits: 1 }) + ' %';
  const api = `/api/public/indicators/${encodeURIComponent(series.indicatorId)}`;
  const trendLine = trendText(series);
  return (
    <>
      <p>
        <a href={paths.meters(newestYear)}>{t('public.indicator.back', { year: newestYear })}</a>
      </p>
      <section aria-labelledby={`${id}-facts`}>
        <h2 id={`${id}-facts`} class="visually-hidden">
          {t('public.indicator.facts')}
        </h2>
        <dl class="indicator-facts">
          <div>
            <dt>{t('public.indicator.latest')}</dt>
            <dd>
              {latest
                ? t('public.indicator.latestValue', { value: formatNumber(latest.value), unit: series.unit, year: latest.year, basis: t(`meters.basis.${latest.valueBasis ?? 'outcome'}` as Key) })
                : t('public.indicator.noValue')}
            </dd>
          </div>
          <div>
            <dt>{t('public.indicator.target')}</dt>
            <dd>{t('public.indicator.targetValue', { target: formatNumber(series.councilTarget), unit: series.unit, direction: t(`direction.${series.direction}.short` as Key) })}</dd>
          </div>
          <div>
            <dt>{t('public.indicator.statusLabel')}</dt>
            <dd>
              <span class={`badge meter-status meter-status--${{ reached: 'met', on_the_way: 'on_track', not_reached: 'not_met', no_data: 'none' }[status.status]}`}>
                {t(`public.status.${status.status === 'not_reached' && status.basis === 'forecast' ? 'not_reached_forecast' : status.status}` as Key, { year: status.year ?? '' })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('public.indicator.trendLabel')}</dt>
            <dd class={trend.verdict === 'improving' ? 'trend trend--up' : trend.verdict === 'worsening' ? 'trend trend--down' : 'trend'}>
              <span aria-hidden="true">{{ improving: '▲ ', worsening: '▼ ', no_clear_change: '▶ ', too_few_years: '' }[trend.verdict]}</span>
              {trendLine}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby={`${id}-series`}>
        <h2 id={`${id}-series`}>{t('public.series.title')}</h2>
        <SeriesChart series={series} id={id} trendText={trendLine} />
        <TableWrap label={t('public.table.caption', { name: series.name, unit: series.unit })}>
          <table class="table">
            <caption>{t('public.table.caption', { name: series.name, unit: series.unit })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('public.table.year')}</th>
                <th scope="col">{t('public.table.value')}</th>
                <th scope="col">{t('public.table.basis')}</th>
                <th scope="col">{t('public.table.target')}</th>
                <th scope="col">{t('public.table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {series.series.map((p) => (
                <tr key={p.year}>
                  <th scope="row">{p.year}</th>
                  <td>{formatNumber(p.value)}</td>
                  <td>{p.valueBasis ? t(`meters.basis.${p.valueBasis}` as Key) : '–'}</td>
                  <td>{formatNumber(p.councilTarget)}</td>
                  <td>{t(`meters.status.${p.status ?? 'null'}` as Key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby={`${id}-method`}>
        <h2 id={`${id}-method`}>{t('public.method.title')}</h2>
        <p>
          {trend.slopePerYear !== null && trend.since !== null
            ? t('public.method.trend', {
                since: trend.since,
                until: trend.until ?? trend.since,
                slope: formatNumber(trend.slopePerYear, { signDisplay: 'exceptZero' }),
                unit: series.unit,
                tolerance: percent(trend.method.tolerance),
                minimum: trend.method.minimumYears,
              })
            : t('public.method.trendShort', { minimum: trend.method.minimumYears, tolerance: percent(trend.method.tolerance) })}
        </p>
        <p>{t('public.method.status')}</p>
        <p>{t('public.method.value')}</p>
      </section>

      <section aria-labelledby={`${id}-about`}>
        <h2 id={`${id}-about`}>{t('public.about.title')}</h2>
        <dl class="about-list">
          <dt>{t('public.about.definition')}</dt>
          <dd>{series.definition ?? t('public.about.noDefinition')}</dd>
          <dt>{t('public.about.source')}</dt>
          <dd>
            {series.source ?? t('public.about.noSource')}
            {series.koladaKpi && <> ({t('public.about.kolada', { kpi: series.koladaKpi })})</>}
          </dd>
          <dt>{t('public.about.unit')}</dt>
          <dd>
            {series.unit} ({t(`direction.${series.direction}.short` as Key)})
          </dd>
          <dt>{t('public.about.updated')}</dt>
          <dd>{series.lastUpdated ? <time dateTime={series.lastUpdated}>{formatDate(series.lastUpdated)}</time> : t('public.about.updatedNever')}</dd>
          <dt>{t('public.about.boards')}</dt>
          <dd>
            {series.boards.length === 0 ? (
              t('public.about.noBoards')
            ) : (
              <ul>
                {series.boards.map((b) => (
                  <li key={b.boardId}>{b.name}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby={`${id}-path`}>
        <h2 id={`${id}-path`}>{t('public.path.title')}</h2>
        <ol class="goal-path">
          <li>
            {t('public.path.direction')}: <span class="goal-id">{series.goal.directionGoalId}</span> {series.goal.directionGoalTitle}
          </li>
          <li>
            {t('public.path.area')}:{' '}
            <a href={`${paths.meters(newestYear)}?goal=${encodeURIComponent(series.goal.areaGoalId)}`}>
              <span class="goal-id">{series.goal.areaGoalId}</span> {series.goal.areaGoalTitle}
            </a>
          </li>
          <li aria-current="page">
            {t('public.path.indicator')}: <span class="goal-id">{series.indicatorId}</span> {series.name}
          </li>
        </ol>
      </section>

      <section aria-labelledby={`${id}-download`}>
        <h2 id={`${id}-download`}>{t('public.download.title')}</h2>
        <p>{t('public.download.note')}</p>
        <p class="download-links">
          <a class="button button--secondary" href={`${api}/series.csv`} download={`strategimatare-${series.indicatorId}.csv`}>
            <span aria-hidden="true">⬇ </span>
            {t('public.download.csv', { name: series.name })}
          </a>{' '}
          <a class="button button--secondary" href={api} download={`strategimatare-${series.indicatorId}.json`}>
            <span aria-hidden="true">⬇ </span>
            {t('public.download.json', { name: series.name })}
          </a>
        </p>
      </section>
    </>
  );
}

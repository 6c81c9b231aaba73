/**
 * The city's economy at a glance (GET /api/cycles/{year}/economy): each board's latest approved forecast or outcome
 * against its budget, the deviation in tkr and percent, the board's explanation, and the city's total. Ordered by
 * the deviation, largest overspending first; the column headings sort it.
 */
import { useState } from 'preact/hooks';
import { formatNumber, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { latestFigures, sortEconomyRows, type EconomyOverview, type EconomySort } from '../lib/economy';
import { formatTkr } from '../lib/forms';
import { kindName, TableWrap, useAsync } from './ui';

const signed = (n: number | null | undefined) => (n === null || n === undefined ? '–' : formatTkr(n, true));
const percent = (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${formatNumber(n, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })} %`);

export function EconomyOverviewSection({ year }: { year: number }) {
  const [sort, setSort] = useState<EconomySort>({ key: 'deviationPercent', descending: true });
  // Shown to those the server answers; a year without the economy (or a person without access) shows nothing.
  const overview = useAsync<EconomyOverview | null>(
    () =>
      api<EconomyOverview>('GET', `/cycles/${year}/economy`).then(
        (a) => a.data,
        (error: unknown) => {
          if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
          throw error;
        },
      ),
    [year],
  );
  const data = overview.data;
  if (!data) return null;
  const rows = sortEconomyRows(
    data.boards.filter((b) => b.budget !== null),
    sort,
  );
  const threshold = formatNumber(data.threshold);
  const caption = t('economy.overview.caption', { year });
  const labels: Record<EconomySort['key'], string> = {
    name: t('economy.overview.board'),
    budget: t('economy.overview.budget'),
    deviation: t('economy.overview.deviation'),
    deviationPercent: t('economy.overview.deviationPercent'),
  };
  // The button's text is the column's name (a cell is read with it); aria-sort says the order, the hidden line its change.
  const header = (key: EconomySort['key']) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}>
        <button type="button" class="sort-button" onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : key !== 'name' }))}>
          {labels[key]}
          <span aria-hidden="true" class="sort-button__mark">
            {active ? (sort.descending ? ' ▼' : ' ▲') : ' ↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <section class="economy-overview" aria-labelledby="economy-overview-title">
      <h2 id="economy-overview-title" tabIndex={-1}>{t('economy.overview.title')}</h2>
      <p>{t('economy.overview.intro', { threshold })}</p>
      {rows.length === 0 ? (
        <p>{t('economy.overview.none', { year })}</p>
      ) : (
        <>
          <p class="visually-hidden" aria-live="polite">
            {t('economy.overview.sorted', { column: labels[sort.key], order: t(sort.descending ? 'economy.overview.order.descending' : 'economy.overview.order.ascending') })}
          </p>
          <TableWrap label={caption}>
            <table class="table economy-table">
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {header('name')}
                  {header('budget')}
                  <th scope="col">{t('economy.overview.latest')}</th>
                  <th scope="col">{t('economy.overview.forecast')}</th>
                  {header('deviation')}
                  {header('deviationPercent')}
                  <th scope="col">{t('economy.overview.return')}</th>
                  <th scope="col">{t('economy.overview.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const figures = latestFigures(row);
                  const past = figures?.needsComment ?? (figures?.deviationPercent !== null && figures?.deviationPercent !== undefined && Math.abs(figures.deviationPercent) > data.threshold);
                  const requirement = row.returnRequirement ?? undefined;
                  const achieved = figures?.returnForecast ?? undefined;
                  const returnShort = requirement !== undefined && achieved !== undefined && achieved < requirement;
                  return (
                    <tr key={row.boardId} class={past || returnShort ? 'row--finding' : undefined}>
                      <th scope="row">
                        {row.name}
                        {row.kind && row.kind !== 'unit' && <span class="matrix__kind">{t(`boardKind.${row.kind}` as Key)}</span>}
                      </th>
                      <td class="num">{formatTkr(row.budget ?? 0)}</td>
                      <td>{row.latest ? kindName(row.latest) : <span class="muted">{t('economy.overview.notReported')}</span>}</td>
                      <td class="num">{figures?.forecast === null || figures?.forecast === undefined ? '–' : formatTkr(figures.forecast)}</td>
                      <td class="num">{signed(figures?.deviation)}</td>
                      <td class="num">
                        {percent(figures?.deviationPercent)}
                        {past && <span class="visually-hidden"> ({t('economy.overview.pastThreshold', { threshold })})</span>}
                      </td>
                      <td class="num">
                        {requirement === undefined ? '–' : `${achieved === undefined ? '–' : `${formatNumber(achieved)} %`} / ${formatNumber(requirement)} %`}
                        {returnShort && <span class="visually-hidden"> ({t('economy.overview.returnShort')})</span>}
                      </td>
                      <td class="economy-table__comment">{figures?.comment ?? ''}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">
                    {t('economy.overview.total')}
                    <span class="matrix__kind">{t('economy.overview.totalReported', { reported: data.total.reported, budgeted: data.total.budgeted })}</span>
                  </th>
                  <td class="num">{formatTkr(data.total.budget)}</td>
                  <td />
                  <td class="num">{data.total.forecast === null ? '–' : formatTkr(data.total.forecast)}</td>
                  <td class="num">{signed(data.total.deviation)}</td>
                  <td class="num">{percent(data.total.deviationPercent)}</td>
                  <td />
                  <td />
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

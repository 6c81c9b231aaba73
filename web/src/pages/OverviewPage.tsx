/** The year overview: boards × documents coloured by status, late ones marked, filters by board kind, progress. */
import { useState } from 'preact/hooks';
import { formatDate, t, type Key } from '../i18n';
import { api } from '../lib/api';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { documentKinds, type BoardKind, type StatusMatrix } from '../lib/types';
import { ErrorNotice, kindName, Loading, PageTitle, StatusBadge, useAsync, TableWrap } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';

type Filter = 'all' | BoardKind;
const filters: Filter[] = ['all', 'district', 'specialist', 'company'];

export function OverviewPage({ year }: { year: number }) {
  const { session } = useApp();
  const [filter, setFilter] = useState<Filter>('all');
  const matrix = useAsync(async () => (await api<StatusMatrix>('GET', `/cycles/${year}/status`)).data, [year]);
  const title = t('overview.title', { year });

  const kindOrder: Record<string, number> = { district: 0, specialist: 1, company: 2 };
  const rows = (matrix.data?.boards ?? [])
    .filter((b) => filter === 'all' || b.kind === filter)
    .sort((a, b) => (kindOrder[a.kind ?? ''] ?? 3) - (kindOrder[b.kind ?? ''] ?? 3) || a.name.localeCompare(b.name, 'sv'));
  const cells = rows.flatMap((b) => documentKinds.map((k) => b.documents[k]));
  const done = cells.filter((c) => c.status === 'approved').length;
  const late = cells.filter((c) => c.late).length;
  const pct = cells.length ? Math.round((done / cells.length) * 100) : 0;

  return (
    <div class="page page--wide">
      <PageTitle title={title}>{title}</PageTitle>
      <YearSwitch year={year} to={paths.overview} />
      <p class="lead">{t('overview.intro')}</p>
      {may(session?.user, 'cycles.history') && (
        <p>
          <a href={paths.cycleHistory(year)}>{t('cycleHistory.link')}</a>
        </p>
      )}
      {matrix.loading && !matrix.data && <Loading />}
      {matrix.error !== undefined && <ErrorNotice error={matrix.error} onRetry={matrix.reload} />}
      {matrix.data && (
        <>
          <fieldset class="filter">
            <legend>{t('overview.filter')}</legend>
            {filters.map((f) => (
              <label key={f} class="filter__option">
                <input type="radio" name="board-kind" value={f} checked={filter === f} onChange={() => setFilter(f)} />
                {t(`boardKind.${f}` as Key)}
              </label>
            ))}
          </fieldset>
          <div class="progress">
            <p id="progress-label">
              {t('overview.progress', { done, total: cells.length, pct })}
              {late > 0 && (
                <>
                  {' · '}
                  <span class="text-late">{t('overview.late', { count: late })}</span>
                </>
              )}
            </p>
            <div
              class="progress__bar"
              role="progressbar"
              aria-labelledby="progress-label"
              aria-valuemin={0}
              aria-valuemax={cells.length}
              aria-valuenow={done}
              aria-valuetext={`${pct} %`}
            >
              <span style={{ width: `${pct}%` }} />
            </div>
          </div>
          {rows.length === 0 ? (
            <p>{t('overview.empty')}</p>
          ) : (
            <TableWrap label={t('overview.caption', { count: rows.length })}>
              <table class="table matrix">
                <caption>{t('overview.caption', { count: rows.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('overview.board')}</th>
                    {documentKinds.map((k) => (
                      <th scope="col" key={k}>
                        {kindName(k)}
                        <span class="matrix__due">{t('due', { date: formatDate(matrix.data!.boards[0]?.documents[k].due) })}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((board) => (
                    <tr key={board.boardId}>
                      <th scope="row">
                        {board.name}
                        {board.kind && <span class="matrix__kind">{t(`boardKind.${board.kind}` as Key)}</span>}
                      </th>
                      {documentKinds.map((kind) => {
                        const cell = board.documents[kind];
                        const readable = may(session?.user, 'documents.read', board.boardId);
                        const historyReadable = may(session?.user, 'documents.history', board.boardId);
                        const label = t('overview.open', { kind: kindName(kind), board: board.name, status: t(`status.${cell.status}` as Key) });
                        return (
                          <td key={kind} class={`cell cell--${cell.status}${cell.late ? ' cell--late' : ''}`}>
                            {readable ? (
                              <a href={paths.document(year, board.boardId, kind)} aria-label={`${t(`status.${cell.status}` as Key)}${cell.late ? `, ${t('late')}` : ''}: ${label}`}>
                                <StatusBadge status={cell.status} late={cell.late} />
                              </a>
                            ) : (
                              <StatusBadge status={cell.status} late={cell.late} />
                            )}
                            {historyReadable && (
                              <a class="cell__history" href={paths.history(year, board.boardId, kind)} aria-label={t('overview.historyOf', { kind: kindName(kind), board: board.name })}>
                                {t('home.action.history')}
                              </a>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
    </div>
  );
}

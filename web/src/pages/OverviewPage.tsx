/**
 * The year overview: boards × documents coloured by status, late ones marked, filters by board kind, progress.
 * A board with units shows their progress per document and opens them (`?parent=`), one level at a time, with a
 * breadcrumb back up; the completion bar counts every level below the rows shown. Below the boards, the city's
 * economy: each board's forecast deviation from its budget, and the total.
 */
import { useState } from 'preact/hooks';
import { formatDate, t, type Key } from '../i18n';
import { api } from '../lib/api';
import { completion, loadDirectory, type Directory } from '../lib/levels';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { documentKinds, type BoardKind, type DocumentKind, type StatusMatrix } from '../lib/types';
import { ErrorNotice, kindName, Loading, PageTitle, StatusBadge, useAsync, TableWrap } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';
import { EconomyOverviewSection } from '../components/EconomyOverview';

type Filter = 'all' | BoardKind;
const filters: Filter[] = ['all', 'district', 'specialist', 'company'];
type Row = StatusMatrix['boards'][number];
type Cell = Row['documents'][DocumentKind];

/** "12 av 15 enheter godkända, 2 sena": the units' progress on one document, or nothing without units. */
export function unitsLine(cell: Cell): string | undefined {
  const units = cell.units;
  if (!units || units.total === 0) return undefined;
  const line = t(units.total === 1 ? 'overview.units.one' : 'overview.units', { approved: units.approved, total: units.total });
  return units.late > 0 ? `${line}, ${t('overview.unitsLate', { late: units.late })}` : line;
}

export function OverviewPage({ year, parent }: { year: number; parent?: string }) {
  const { session } = useApp();
  const user = session?.user;
  const [filter, setFilter] = useState<Filter>('all');
  const matrix = useAsync(
    async () => (await api<StatusMatrix>('GET', parent ? `/cycles/${year}/status?parent=${encodeURIComponent(parent)}` : `/cycles/${year}/status`)).data,
    [year, parent],
  );
  // Names and the chain above the board shown: for the breadcrumb and the policy (a unit is reached through its parents).
  const directory = useAsync<Directory | null>(() => loadDirectory().catch(() => null), [session?.token]);
  const dir = directory.data ?? undefined;
  const parentName = parent ? (dir?.name(parent) ?? parent) : undefined;
  const title = parentName ? t('overview.titleParent', { year, board: parentName }) : t('overview.title', { year });

  const kindOrder: Record<string, number> = { district: 0, specialist: 1, company: 2 };
  const rows = (matrix.data?.boards ?? [])
    .filter((b) => parent || filter === 'all' || b.kind === filter)
    .sort((a, b) => (kindOrder[a.kind ?? ''] ?? 3) - (kindOrder[b.kind ?? ''] ?? 3) || a.name.localeCompare(b.name, 'sv'));
  const { done, total, late } = completion(rows);
  const pct = total ? Math.round((done / total) * 100) : 0;
  const anyUnits = rows.some((b) => documentKinds.some((k) => (b.documents[k].units?.total ?? 0) > 0));
  // One due date per document kind goes in the column's heading; when the rows' dates differ, each cell shows its own.
  const sharedDue = new Map(documentKinds.map((k) => [k, new Set(rows.map((b) => b.documents[k].due)).size === 1 ? rows[0]?.documents[k].due : undefined]));
  const ancestorsOf = (board: Row): string[] => dir?.ancestors(board.boardId) ?? (board.parentId ? [board.parentId] : parent ? [parent] : []);
  const caption = parentName ? t('overview.captionUnits', { board: parentName, count: rows.length }) : t('overview.caption', { count: rows.length });

  return (
    <div class="page page--wide">
      {parent && <Breadcrumb year={year} parent={parent} directory={dir} />}
      <PageTitle title={title}>{title}</PageTitle>
      <YearSwitch year={year} to={(y) => paths.overview(y, parent)} />
      <p class="lead">{parentName ? t('overview.unitsIntro', { board: parentName }) : t('overview.intro')}</p>
      {!parent && may(user, 'cycles.history') && (
        <p>
          <a href={paths.cycleHistory(year)}>{t('cycleHistory.link')}</a>
        </p>
      )}
      {!parent && may(user, 'councilGoals.read') && (
        <p>
          <a href={paths.councilGoals(year)}>{t('goals.link')}</a>
        </p>
      )}
      {!parent && may(user, 'reports.read') && <p><a href={`/cycles/${year}/reports/annual`}>{t('reports.link.overview', { year })}</a></p>}
      {!parent && may(user, 'economy.read') && (
        <p>
          <a href="#economy-overview-title">{t('economy.overview.link')}</a>
        </p>
      )}
      {matrix.loading && !matrix.data && <Loading />}
      {matrix.error !== undefined && <ErrorNotice error={matrix.error} onRetry={matrix.reload} />}
      {matrix.data && (
        <>
          {!parent && (
            <fieldset class="filter">
              <legend>{t('overview.filter')}</legend>
              {filters.map((f) => (
                <label key={f} class="filter__option">
                  <input type="radio" name="board-kind" value={f} checked={filter === f} onChange={() => setFilter(f)} />
                  {t(`boardKind.${f}` as Key)}
                </label>
              ))}
            </fieldset>
          )}
          <div class="progress">
            <p id="progress-label">
              {t('overview.progress', { done, total, pct })}
              {late > 0 && (
                <>
                  {' · '}
                  <span class="text-late">{t('overview.late', { count: late })}</span>
                </>
              )}
            </p>
            <div class="progress__bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={total} aria-valuenow={done} aria-valuetext={`${pct} %`}>
              <span style={{ width: `${pct}%` }} />
            </div>
            {anyUnits && <p class="muted progress__note">{t('overview.levels')}</p>}
          </div>
          {rows.length === 0 ? (
            <p>{parentName ? t('overview.noUnits', { board: parentName }) : t('overview.empty')}</p>
          ) : (
            <TableWrap label={caption}>
              <table class="table matrix">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(parent ? 'overview.unit' : 'overview.board')}</th>
                    {documentKinds.map((k) => (
                      <th scope="col" key={k}>
                        {kindName(k)}
                        {sharedDue.get(k) && <span class="matrix__due">{t('due', { date: formatDate(sharedDue.get(k)) })}</span>}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((board) => {
                    const ancestors = ancestorsOf(board);
                    const readable = may(user, 'documents.read', board.boardId, ancestors);
                    const historyReadable = may(user, 'documents.history', board.boardId, ancestors);
                    return (
                      <tr key={board.boardId}>
                        <th scope="row">
                          {board.name}
                          {board.kind && board.kind !== 'unit' && <span class="matrix__kind">{t(`boardKind.${board.kind}` as Key)}</span>}
                          {(board.children ?? 0) > 0 && (
                            <a class="matrix__units" href={paths.overview(year, board.boardId)}>
                              {t('overview.openUnits', { count: board.children! })}
                              <span class="visually-hidden"> {t('overview.openUnitsOf', { board: board.name })}</span>
                            </a>
                          )}
                        </th>
                        {documentKinds.map((kind) => {
                          const cell = board.documents[kind];
                          const label = t('overview.open', { kind: kindName(kind), board: board.name, status: t(`status.${cell.status}` as Key) });
                          const units = unitsLine(cell);
                          return (
                            <td key={kind} class={`cell cell--${cell.status}${cell.late ? ' cell--late' : ''}`}>
                              {readable ? (
                                <a href={paths.document(year, board.boardId, kind)} aria-label={`${t(`status.${cell.status}` as Key)}${cell.late ? `, ${t('late')}` : ''}: ${label}`}>
                                  <StatusBadge status={cell.status} late={cell.late} />
                                </a>
                              ) : (
                                <StatusBadge status={cell.status} late={cell.late} />
                              )}
                              {!sharedDue.get(kind) && <span class="matrix__due">{t('due', { date: formatDate(cell.due) })}</span>}
                              {units && <span class={`cell__units${cell.units!.late > 0 ? ' cell__units--late' : ''}`}>{units}</span>}
                              {historyReadable && (
                                <a class="cell__history" href={paths.history(year, board.boardId, kind)} aria-label={t('overview.historyOf', { kind: kindName(kind), board: board.name })}>
                                  {t('home.action.history')}
                                </a>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )}
        </>
      )}
      {!parent && <EconomyOverviewSection year={year} />}
    </div>
  );
}

/** All boards › Bromma › (the board whose units are shown): each level above links to its own overview. */
function Breadcrumb({ year, parent, directory }: { year: number; parent: string; directory?: Directory }) {
  const above = [...(directory?.ancestors(parent) ?? [])].reverse();
  return (
    <nav class="breadcrumb" aria-label={t('overview.breadcrumb')}>
      <ol>
        <li>
          <a href={paths.overview(year)}>{t('overview.top')}</a>
        </li>
        {above.map((id) => (
          <li key={id}>
            <a href={paths.overview(year, id)}>{directory?.name(id) ?? id}</a>
          </li>
        ))}
        <li>
          <a href={paths.overview(year, parent)} aria-current="page">
            {directory?.name(parent) ?? parent}
          </a>
        </li>
      </ol>
    </nav>
  );
}

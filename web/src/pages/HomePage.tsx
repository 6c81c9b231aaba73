/** The start page: for boards their own documents; for reviewers the queue; for the executive the sign-off. */
import { t, formatDate, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { personName } from '../lib/people';
import { loadDirectory } from '../lib/levels';
import { boardsEditedBy, decidesOnUnits, may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { documentKinds, type DocumentStatus, type StatusMatrix } from '../lib/types';
import { ErrorNotice, kindName, Loading, Notice, PageTitle, StatusBadge, useAsync, TableWrap } from '../components/ui';

export function HomePage() {
  const { session, year, yearExists } = useApp();
  const user = session?.user;
  // No year opened yet: nothing to ask for (the page says so).
  const matrix = useAsync(async () => (user && yearExists !== false ? loadMine(year, boardsEditedBy(user)) : undefined), [user?.sub, year, yearExists]);
  const office = useAsync(async () => (user && decidesOnUnits(user) ? hasUnits(user.boards) : false), [user?.sub]);

  if (!user) {
    return (
      <div class="page">
        <PageTitle title={t('home.title')} description={t('public.describe.home')}>
          {t('home.title')}
        </PageTitle>
        <p class="lead">{t('home.intro')}</p>
        <p>
          <a class="button button--primary" href={paths.signIn()}>
            {t('nav.signIn')}
          </a>
        </p>
        <section class="card" aria-labelledby="public-title">
          <h2 id="public-title">{t('home.public')}</h2>
          <p>{t('home.public.text')}</p>
          <p>
            <a href={paths.meters(year)}>{t('meters.title', { year })}</a>
          </p>
        </section>
      </div>
    );
  }

  const noCycle = yearExists === false || (matrix.error instanceof ApiError && matrix.error.status === 404);
  return (
    <div class="page">
      <PageTitle title={t('home.title')}>{t('home.hello', { name: personName(user.sub, user.name) })}</PageTitle>
      <p class="lead">{t('home.intro')}</p>
      {matrix.loading && !matrix.data && <Loading />}
      {noCycle && <Notice>{t('home.noCycle', { year })}</Notice>}
      {noCycle && may(user, 'cycles.create') && (
        <p>
          <a href={paths.newCycle()}>{t('year.hub.newCycle')}</a>
        </p>
      )}
      {matrix.error !== undefined && !noCycle && <ErrorNotice error={matrix.error} onRetry={matrix.reload} />}
      {matrix.data && boardsEditedBy(user).length > 0 && <MyDocuments matrix={matrix.data} boards={boardsEditedBy(user)} year={year} />}
      {matrix.data && may(user, 'queue.read') && user.role !== 'editor' && (
        <section class="card" aria-labelledby="queue-title">
          <h2 id="queue-title">{t('home.reviewer.title')}</h2>
          <p>{t('home.reviewer.count', { count: countStatus(matrix.data, 'in_review') })}</p>
          <p>
            <a href={paths.review(year)}>{t('home.reviewer.go')}</a>
          </p>
        </section>
      )}
      {office.data && user.role === 'editor' && (
        <section class="card" aria-labelledby="units-title">
          <h2 id="units-title">{t('home.units.title')}</h2>
          <p>{t('home.units.text')}</p>
          <p>
            <a href={paths.review(year)}>{t('home.reviewer.go')}</a>
          </p>
        </section>
      )}
      {may(user, 'signoff') && (
        <section class="card" aria-labelledby="signoff-title">
          <h2 id="signoff-title">{t('home.executive.title')}</h2>
          <p>{t('home.executive.text')}</p>
          <p>
            <a href={paths.signoff(year)}>{t('home.executive.go')}</a>
          </p>
        </section>
      )}
      {matrix.data && (
        <p>
          <a href={paths.overview(year)}>{t('home.overview.go')}</a>
        </p>
      )}
    </div>
  );
}

/**
 * The year's status matrix with the person's own boards in it: the top-level boards, and for a unit's editor the
 * rows of its unit, read from its parent's level (`?parent=`).
 */
async function loadMine(year: number, mine: string[]): Promise<StatusMatrix> {
  const top = (await api<StatusMatrix>('GET', `/cycles/${year}/status`)).data;
  const missing = mine.filter((id) => !top.boards.some((b) => b.boardId === id));
  if (missing.length === 0) return top;
  const directory = await loadDirectory().catch(() => undefined);
  const parents = [...new Set(missing.map((id) => directory?.byId.get(id)?.parentId).filter((p): p is string => !!p))];
  const levels = await Promise.all(
    parents.map((parent) =>
      api<StatusMatrix>('GET', `/cycles/${year}/status?parent=${encodeURIComponent(parent)}`).then(
        (a) => a.data.boards,
        () => [],
      ),
    ),
  );
  return { ...top, boards: [...top.boards, ...levels.flat().filter((b) => missing.includes(b.boardId) && !top.boards.some((x) => x.boardId === b.boardId))] };
}

/** Whether any board sits below one of these (the person is a board's office with units to review). */
async function hasUnits(boards: string[]): Promise<boolean> {
  const directory = await loadDirectory().catch(() => undefined);
  return !!directory?.boards.some((b) => b.parentId && boards.includes(b.parentId));
}

function countStatus(matrix: StatusMatrix, status: DocumentStatus): number {
  return matrix.boards.reduce((n, b) => n + documentKinds.filter((k) => b.documents[k].status === status).length, 0);
}

const actionFor: Record<DocumentStatus, Key> = {
  not_started: 'home.action.fill',
  draft: 'home.action.continue',
  returned: 'home.action.fix',
  in_review: 'home.action.view',
  approved: 'home.action.view',
};

function MyDocuments({ matrix, boards, year }: { matrix: StatusMatrix; boards: string[]; year: number }) {
  const mine = matrix.boards.filter((b) => boards.includes(b.boardId));
  if (mine.length === 0) return <Notice>{t('home.mine.none')}</Notice>;
  return (
    <>
      {mine.map((board) => (
        <section key={board.boardId} aria-labelledby={`mine-${board.boardId}`}>
          <h2 id={`mine-${board.boardId}`}>
            {board.name}: {t('home.mine.title', { year })}
          </h2>
          <TableWrap label={board.name}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('table.document')}</th>
                  <th scope="col">{t('table.status')}</th>
                  <th scope="col">{t('table.due')}</th>
                  <th scope="col">{t('table.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {documentKinds.map((kind) => {
                  const cell = board.documents[kind];
                  return (
                    <tr key={kind} class={cell.late ? 'row--late' : undefined}>
                      <th scope="row">{kindName(kind)}</th>
                      <td>
                        <StatusBadge status={cell.status} late={cell.late} />
                      </td>
                      <td>{formatDate(cell.due)}</td>
                      <td class="actions">
                        <a href={paths.document(year, board.boardId, kind)} aria-label={`${t(actionFor[cell.status])}: ${kindName(kind)}`}>
                          {t(actionFor[cell.status])}
                        </a>
                        <a href={paths.history(year, board.boardId, kind)}>{t('home.action.historyOf', { kind: kindName(kind) })}</a>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ))}
    </>
  );
}

/**
 * The review queue: documents in review, oldest submission first, from GET /api/review-queue (all years; this page
 * shows the year's). The city's reviewers see the boards'; a board's office (an editor) its units'. Where the API
 * has no queue route it is built from the status matrix and each document.
 */
import { formatDate, t } from '../i18n';
import { api, ApiError, documentPath } from '../lib/api';
import { loadDirectory, type Directory } from '../lib/levels';
import { allows } from '../lib/policy';
import { useApp } from '../lib/session';
import { paths } from '../lib/router';
import type { DocumentRead, ReviewQueueItem, StatusMatrix } from '../lib/types';
import { documentKinds } from '../lib/types';
import { ErrorNotice, kindName, Loading, PageTitle, useAsync, TableWrap } from '../components/ui';

async function loadQueue(year: number): Promise<ReviewQueueItem[]> {
  try {
    // The queue comes in pages (`next` when there is more); the page shows it whole, oldest first.
    const items: ReviewQueueItem[] = [];
    let after: string | undefined;
    do {
      const answer = await api<{ documents?: ReviewQueueItem[]; items?: ReviewQueueItem[]; next?: string }>(
        'GET',
        `/review-queue?year=${year}&limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      items.push(...(answer.data.documents ?? answer.data.items ?? []));
      after = answer.data.next;
    } while (after);
    return items.filter((i) => i.year === year);
  } catch (error) {
    if (!(error instanceof ApiError && error.isMissingRoute)) throw error;
  }
  const matrix = (await api<StatusMatrix>('GET', `/cycles/${year}/status`)).data;
  // Without the queue route: the matrix's documents in review, each read for its submission time.
  const waiting = matrix.boards.flatMap((b) => documentKinds.filter((k) => allows(b.documents[k].status, 'approve')).map((kind) => ({ board: b, kind })));
  const items = await Promise.all(
    waiting.map(async ({ board, kind }): Promise<ReviewQueueItem> => {
      const doc = (await api<DocumentRead>('GET', documentPath(year, board.boardId, kind))).data;
      return { year, boardId: board.boardId, boardName: board.name, kind, submittedAt: doc.submittedAt, submissions: doc.submissions, findings: doc.findings.length };
    }),
  );
  return items.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
}

export function ReviewQueuePage({ year }: { year: number }) {
  const { session } = useApp();
  const queue = useAsync(() => loadQueue(year), [year]);
  const directory = useAsync<Directory | null>(() => loadDirectory().catch(() => null), [session?.token]);
  const title = t('review.title', { year });
  // An editor's queue is their office's: the units below their boards. The city's reviewers see the boards.
  const office = session?.user.role === 'editor';
  const anyUnits = (queue.data ?? []).some((i) => i.parentId);
  const nameOf = (id: string, fallback?: string) => fallback ?? directory.data?.name(id) ?? id;
  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{office ? t('review.intro.units') : t('review.intro')}</p>
      {queue.loading && !queue.data && <Loading />}
      {queue.error !== undefined && <ErrorNotice error={queue.error} onRetry={queue.reload} />}
      {queue.data &&
        (queue.data.length === 0 ? (
          <p>{t('review.empty')}</p>
        ) : (
          <TableWrap label={title}>
            <table class="table">
              <caption class="visually-hidden">{office ? t('review.intro.units') : t('review.intro')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(anyUnits && office ? 'overview.unit' : 'overview.board')}</th>
                  {anyUnits && <th scope="col">{t('review.parent')}</th>}
                  <th scope="col">{t('table.document')}</th>
                  <th scope="col">{t('review.submitted')}</th>
                  <th scope="col">{t('review.round')}</th>
                  <th scope="col">{t('review.findings')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.data.map((item) => (
                  <tr key={`${item.boardId}-${item.kind}`} class={item.findings ? 'row--finding' : undefined}>
                    <th scope="row">
                      <a href={paths.document(year, item.boardId, item.kind)}>{t('review.open', { kind: kindName(item.kind), board: nameOf(item.boardId, item.boardName) })}</a>
                    </th>
                    {anyUnits && <td>{item.parentId ? nameOf(item.parentId) : '–'}</td>}
                    <td>{kindName(item.kind)}</td>
                    <td>{formatDate(item.submittedAt, true)}</td>
                    <td>{item.submissions ?? '–'}</td>
                    <td>{item.findings ? t(item.parentId ? 'review.findingsCount.unit' : 'review.findingsCount', { count: item.findings }) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
    </div>
  );
}

/**
 * The review queue: documents in review, oldest submission first, from GET /api/review-queue (all years; this page
 * shows the year's). The city's reviewers see the boards'; a board's office (an editor) its units'. Where the API
 * has no queue route it is built from the status matrix and each document.
 */
import { useRef, useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { api, ApiError, documentPath, NetworkError, newIdempotencyKey } from '../lib/api';
import { loadDirectory, type Directory } from '../lib/levels';
import { allows, may } from '../lib/policy';
import { useApp } from '../lib/session';
import { paths } from '../lib/router';
import type { DocumentRead, ReviewQueueItem, StatusMatrix } from '../lib/types';
import { documentKinds } from '../lib/types';
import { Button, ErrorNotice, kindName, Loading, Notice, PageTitle, useAsync, TableWrap } from '../components/ui';
import { TextArea } from '../components/inputs';

/** How many decisions are under way at once in a bulk approval: each is its own request, a few at a time. */
const BULK_CONCURRENCY = 3;

const itemKey = (item: Pick<ReviewQueueItem, 'boardId' | 'kind'>) => `${item.boardId}:${item.kind}`;

type BulkOutcome = { key: string; document: string; ok: true } | { key: string; document: string; ok: false; reason: string };

/** Why one decision of a bulk approval failed, in the person's language. */
function reasonOf(error: unknown): string {
  if (error instanceof NetworkError) return t('org.bulk.reason.network');
  if (error instanceof ApiError && error.status === 409) return t('org.bulk.reason.decided');
  if (error instanceof ApiError && error.status === 403) return t('org.bulk.reason.forbidden');
  return t('org.bulk.reason.other', { detail: error instanceof Error ? error.message : String(error) });
}

/** Runs `work` over the items, at most `limit` at a time, in order of the list. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

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
  const user = session?.user;
  // Bulk approval: only documents without findings (those need a look), and only those this person may decide on.
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [comment, setComment] = useState('');
  const [progress, setProgress] = useState<{ done: number; count: number } | null>(null);
  const [outcomes, setOutcomes] = useState<BulkOutcome[]>([]);
  const [bulkError, setBulkError] = useState<string | null>(null);
  // A decision whose answer never came keeps its key, so that trying it again cannot decide it twice.
  const keys = useRef(new Map<string, string>());
  const resultsRef = useRef<HTMLDivElement>(null);
  const documentName = (item: ReviewQueueItem) => t('org.bulk.document', { kind: kindName(item.kind), board: nameOf(item.boardId, item.boardName) });
  const bulkable = (item: ReviewQueueItem) =>
    !item.findings && may(user, 'documents.decide', item.boardId, directory.data?.ancestors(item.boardId) ?? (item.parentId ? [item.parentId] : undefined));
  const candidates = (queue.data ?? []).filter(bulkable);
  const chosen = candidates.filter((item) => selected.has(itemKey(item)));
  const toggle = (key: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const approveSelected = async () => {
    setBulkError(null);
    if (chosen.length === 0) {
      setBulkError(t('org.bulk.none'));
      return;
    }
    const results: BulkOutcome[] = [];
    setOutcomes([]);
    setProgress({ done: 0, count: chosen.length });
    await eachLimited(chosen, BULK_CONCURRENCY, async (item) => {
      const key = itemKey(item);
      const idempotencyKey = keys.current.get(key) ?? newIdempotencyKey();
      keys.current.set(key, idempotencyKey);
      try {
        await api('POST', `${documentPath(item.year, item.boardId, item.kind)}/decision`, { body: { decision: 'approve', comment: comment.trim() }, idempotencyKey });
        keys.current.delete(key);
        results.push({ key, document: documentName(item), ok: true });
      } catch (error) {
        // An answer that refused the decision used its key up; one that never came keeps it for the retry.
        if (!(error instanceof NetworkError)) keys.current.delete(key);
        results.push({ key, document: documentName(item), ok: false, reason: reasonOf(error) });
      }
      setProgress({ done: results.length, count: chosen.length });
    });
    const order = new Map(chosen.map((item, i) => [itemKey(item), i]));
    results.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
    setOutcomes(results);
    setProgress(null);
    // The approved leave the selection (and the queue); the failed stay selected, to try again or to open.
    setSelected(new Set(results.filter((r) => !r.ok).map((r) => r.key)));
    queue.reload();
    setTimeout(() => resultsRef.current?.focus(), 0);
  };
  const failed = outcomes.filter((o) => !o.ok).length;
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
                  {candidates.length > 0 && <th scope="col">{t('org.bulk.selectColumn')}</th>}
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
                    {candidates.length > 0 && (
                      <td>
                        {bulkable(item) ? (
                          <input
                            type="checkbox"
                            id={`bulk-${itemKey(item)}`}
                            aria-label={t('org.bulk.select', { document: documentName(item) })}
                            checked={selected.has(itemKey(item))}
                            disabled={progress !== null}
                            onChange={(e) => toggle(itemKey(item), (e.target as HTMLInputElement).checked)}
                          />
                        ) : item.findings ? (
                          <span class="muted">{t('org.bulk.hasFindings')}</span>
                        ) : (
                          '–'
                        )}
                      </td>
                    )}
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
      {(candidates.length > 0 || outcomes.length > 0) && (
        <section class="card" aria-labelledby="bulk-title">
          <h2 id="bulk-title">{t('org.bulk.title')}</h2>
          <p class="section-intro">{t('org.bulk.intro')}</p>
          <div class="action-bar action-bar--inline">
            <Button variant="secondary" disabled={progress !== null || candidates.length === 0} onClick={() => setSelected(new Set(candidates.map(itemKey)))}>
              {t('org.bulk.selectAll')}
            </Button>
            <Button variant="secondary" disabled={progress !== null || selected.size === 0} onClick={() => setSelected(new Set())}>
              {t('org.bulk.clear')}
            </Button>
            <span aria-live="polite">{t('org.bulk.selected', { count: chosen.length })}</span>
          </div>
          <TextArea id="bulk-comment" label={t('org.bulk.comment')} help={t('org.bulk.comment.help')} value={comment} onInput={setComment} rows={2} />
          {bulkError && (
            <Notice tone="error">
              <p>{bulkError}</p>
            </Notice>
          )}
          <div class="action-bar action-bar--inline">
            <Button disabled={progress !== null} onClick={() => void approveSelected()}>
              {t('org.bulk.approve')}
            </Button>
          </div>
          <div id="bulk-status" aria-live="polite" role="status">
            {progress && <p>{t('org.bulk.working', { done: progress.done, count: progress.count })}</p>}
            {!progress && outcomes.length > 0 && (
              <p>
                <strong>{t('org.bulk.result', { ok: outcomes.length - failed, failed })}</strong>
                {failed > 0 && ` ${t('org.bulk.retryHint')}`}
              </p>
            )}
          </div>
          {outcomes.length > 0 && (
            <div ref={resultsRef} tabIndex={-1} aria-labelledby="bulk-results-title">
              <h3 id="bulk-results-title">{t('org.bulk.results')}</h3>
              <ul class="bulk-results">
                {outcomes.map((o) => (
                  <li key={o.key} class={o.ok ? 'text-ok' : 'text-late'}>
                    <span aria-hidden="true">{o.ok ? '✔ ' : '✖ '}</span>
                    {o.ok ? t('org.bulk.approved', { document: o.document }) : t('org.bulk.failed', { document: o.document, reason: o.reason })}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

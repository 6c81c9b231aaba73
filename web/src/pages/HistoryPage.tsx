/** A document's history, oldest first, as the API records it (never rewritten). */
import { t, type Key } from '../i18n';
import { api, documentPath } from '../lib/api';
import { personName } from '../lib/people';
import { paths } from '../lib/router';
import type { Board, DocumentKind, HistoryEvent } from '../lib/types';
import { HistoryTable } from '../components/HistoryTable';
import { ErrorNotice, kindName, Loading, PageTitle, StatusBadge, useAsync } from '../components/ui';

export function HistoryPage({ year, boardId, kind }: { year: number; boardId: string; kind: DocumentKind }) {
  const data = useAsync(async () => {
    const [history, boards] = await Promise.all([
      api<{ events: HistoryEvent[] }>('GET', `${documentPath(year, boardId, kind)}/history`),
      api<{ boards: Board[] }>('GET', '/boards'),
    ]);
    return { events: history.data.events, board: boards.data.boards.find((b) => b.boardId === boardId) };
  }, [year, boardId, kind]);
  const title = t('history.title', { kind: kindName(kind), year });
  const boardName = data.data?.board?.name ?? boardId;
  return (
    <div class="page">
      <p class="eyebrow">{boardName}</p>
      <PageTitle title={`${title} – ${boardName}`}>{title}</PageTitle>
      <p>
        <a href={paths.document(year, boardId, kind)}>{t('history.back')}</a>
      </p>
      {data.loading && !data.data && <Loading />}
      {data.error !== undefined && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {data.data &&
        (data.data.events.length === 0 ? (
          <p>{t('history.empty')}</p>
        ) : (
          <HistoryTable
            caption={t('history.caption')}
            events={data.data.events}
            changeHeader={t('history.change')}
            action={(e) => t(`action.${e.action}` as Key)}
            actor={(e) => personName(e.actor, e.actorName)}
            change={(e) => (
              <>
                <StatusBadge status={e.from} /> → <StatusBadge status={e.to} />
              </>
            )}
          />
        ))}
    </div>
  );
}

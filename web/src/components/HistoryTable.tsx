/** A history table, oldest first: when, what, who, the change it made and the comment; the page says how to show the action, the actor and the change. */
import type { ComponentChildren } from 'preact';
import { formatDate, t } from '../i18n';
import { TableWrap } from './ui';

type Cell<E> = (event: E) => ComponentChildren;

export function HistoryTable<E extends { at: string; comment?: string | null }>({
  caption,
  events,
  changeHeader,
  action,
  actor,
  change,
}: {
  caption: string;
  events: E[];
  changeHeader: string;
  action: Cell<E>;
  actor: Cell<E>;
  change: Cell<E>;
}) {
  return (
    <TableWrap label={caption}>
      <table class="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.at')}</th>
            <th scope="col">{t('history.action')}</th>
            <th scope="col">{t('history.actor')}</th>
            <th scope="col">{changeHeader}</th>
            <th scope="col">{t('history.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i}>
              <td>
                <time dateTime={e.at}>{formatDate(e.at, true)}</time>
              </td>
              <th scope="row">{action(e)}</th>
              <td>{actor(e)}</td>
              <td>{change(e)}</td>
              <td>{e.comment ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

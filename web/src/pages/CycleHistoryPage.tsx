/** A cycle's own history, oldest first: when it was opened, its calendar changed, the council's goals loaded, the year signed off. */
import { roles, type Role } from '../../../shared/domain/actor';
import { formatDate, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { personName } from '../lib/people';
import { paths } from '../lib/router';
import type { CycleEventAction, CycleHistory } from '../lib/types';
import { ErrorNotice, Loading, Notice, PageTitle, TableWrap, useAsync } from '../components/ui';

const actionKeys: Record<CycleEventAction, Key> = {
  opened: 'cycleHistory.action.opened',
  calendar_changed: 'cycleHistory.action.calendar_changed',
  council_goals_replaced: 'cycleHistory.action.council_goals_replaced',
  signed_off: 'cycleHistory.action.signed_off',
};
const isRole = (role: string): role is Role => (roles as readonly string[]).includes(role);

export function CycleHistoryPage({ year }: { year: number }) {
  const data = useAsync(async () => (await api<CycleHistory>('GET', `/cycles/${year}/history`)).data, [year]);
  const title = t('cycleHistory.title', { year });
  const missingRoute = data.error instanceof ApiError && data.error.isMissingRoute;
  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('cycleHistory.intro')}</p>
      <p>
        <a href={paths.overview(year)}>{t('cycleHistory.back', { year })}</a>
      </p>
      {data.loading && !data.data && <Loading />}
      {missingRoute && <Notice>{t('app.notAvailable')}</Notice>}
      {data.error !== undefined && !missingRoute && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {data.data &&
        (data.data.events.length === 0 ? (
          <p>{t('cycleHistory.empty')}</p>
        ) : (
          <TableWrap label={t('cycleHistory.caption', { year })}>
            <table class="table">
              <caption>{t('cycleHistory.caption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('history.at')}</th>
                  <th scope="col">{t('history.action')}</th>
                  <th scope="col">{t('history.actor')}</th>
                  <th scope="col">{t('cycleHistory.summary')}</th>
                  <th scope="col">{t('history.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.events.map((e, i) => (
                  <tr key={i}>
                    <td>
                      <time dateTime={e.at}>{formatDate(e.at, true)}</time>
                    </td>
                    <th scope="row">{actionKeys[e.action] ? t(actionKeys[e.action]) : e.action}</th>
                    <td>
                      {personName(e.actor, e.actorName)}
                      {e.role && <span class="muted">{` (${isRole(e.role) ? t(`role.${e.role}` as Key) : e.role})`}</span>}
                    </td>
                    <td>{e.summary ?? ''}</td>
                    <td>{e.comment ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
    </div>
  );
}

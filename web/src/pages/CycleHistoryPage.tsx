/** A cycle's own history, oldest first: when it was opened, its calendar changed, the council's goals loaded, the year signed off. */
import { roles, type Role } from '../../../shared/domain/actor';
import { t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { personName } from '../lib/people';
import { paths } from '../lib/router';
import type { CycleEventAction, CycleHistory } from '../lib/types';
import { HistoryTable } from '../components/HistoryTable';
import { ErrorNotice, Loading, Notice, PageTitle, useAsync } from '../components/ui';

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
          <HistoryTable
            caption={t('cycleHistory.caption', { year })}
            events={data.data.events}
            changeHeader={t('cycleHistory.summary')}
            action={(e) => (actionKeys[e.action] ? t(actionKeys[e.action]) : e.action)}
            actor={(e) => (
              <>
                {personName(e.actor, e.actorName)}
                {e.role && <span class="muted">{` (${isRole(e.role) ? t(`role.${e.role}` as Key) : e.role})`}</span>}
              </>
            )}
            change={(e) => e.summary ?? ''}
          />
        ))}
    </div>
  );
}

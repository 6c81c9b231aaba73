/**
 * A cycle's own history, oldest first: when it was opened, its calendar changed, the council's goals loaded, its budget
 * and report sections saved (or copied from another year), the year signed off.
 */
import { roles, type Role } from '../../../shared/domain/actor';
import { formatDate, formatNumber, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { personName } from '../lib/people';
import { paths } from '../lib/router';
import type { CycleEventAction, CycleHistory, CycleHistoryEvent } from '../lib/types';
import { HistoryTable } from '../components/HistoryTable';
import { ErrorNotice, Loading, Notice, PageTitle, useAsync } from '../components/ui';

const actionKeys: Record<CycleEventAction, Key> = {
  opened: 'cycleHistory.action.opened',
  calendar_changed: 'cycleHistory.action.calendar_changed',
  council_goals_replaced: 'cycleHistory.action.council_goals_replaced',
  signed_off: 'cycleHistory.action.signed_off',
  budget_replaced: 'cycleHistory.action.budget_replaced',
  report_sections_replaced: 'cycleHistory.action.report_sections_replaced',
};
const isRole = (role: string): role is Role => (roles as readonly string[]).includes(role);

const calendarFieldKeys: Record<string, Key> = {
  planDue: 'kind.plan',
  t1Due: 'kind.t1',
  t2Due: 'kind.t2',
  annualDue: 'kind.annual',
  signoffDue: 'cycleHistory.field.signoffDue',
  reminderDaysBefore: 'cycleHistory.field.reminderDaysBefore',
  escalateEveryDays: 'cycleHistory.field.escalateEveryDays',
  timeZone: 'cycleHistory.field.timeZone',
};
const calendarValue = (value: string | number | null) =>
  value === null ? '–' : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : String(value);

/** What an event changed, worded in the reader's language from the event's data. */
function detailsText(event: CycleHistoryEvent): string {
  const details = event.details;
  if (!details) return '';
  const copied = details.copiedFrom !== undefined ? `${t('year.history.copiedFrom', { year: details.copiedFrom })}; ` : '';
  if (details.timeZone) return copied + t('cycleHistory.details.timeZone', { zone: details.timeZone });
  if (details.goals) return copied + t('cycleHistory.details.goals', { ...details.goals });
  if (details.budget) return copied + t('cycleHistory.details.budget', { ...details.budget, netCost: formatNumber(details.budget.netCost) });
  if (details.sections) return copied + t('cycleHistory.details.sections', { ...details.sections });
  if (details.companies !== undefined) return t('cycleHistory.details.companies', { count: details.companies });
  return (details.changes ?? [])
    .map((change) => `${calendarFieldKeys[change.field] ? t(calendarFieldKeys[change.field]!) : change.field}: ${calendarValue(change.from)} → ${calendarValue(change.to)}`)
    .join('; ');
}

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
            change={detailsText}
          />
        ))}
    </div>
  );
}

import { t } from '../i18n';

/** Links to the year before and after, for pages whose address names a year. */
export function YearSwitch({ year, to }: { year: number; to: (year: number) => string }) {
  return (
    <nav class="year-switch" aria-label={t('year.label')}>
      <a href={to(year - 1)} rel="prev">
        <span aria-hidden="true">← </span>
        {t('year.previous', { year: year - 1 })}
      </a>
      <a href={to(year + 1)} rel="next">
        {t('year.next', { year: year + 1 })}
        <span aria-hidden="true"> →</span>
      </a>
    </nav>
  );
}

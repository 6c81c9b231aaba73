/**
 * The accessibility statement, /accessibility, that the DOS law (lag 2018:1937) asks of a public body's site: how it
 * meets WCAG 2.1 AA, its known gaps, how to report a problem, and the supervisory authority (Digg). Linked from every
 * page's footer. The gaps are the ones known when it was last reviewed (`reviewed`); keep them honest.
 */
import { formatDate, t } from '../i18n';
import { PageTitle } from '../components/ui';

/** Where a visitor reports a problem. The demo's address; a deployment puts its own here. */
const contactEmail = 'tillganglighet@stockholm.example';
/** When the statement was last reviewed against the site. */
const reviewed = '2026-12-06';
const diggReportUrl = 'https://www.digg.se/tdosanmalan';

export function AccessibilityPage() {
  return (
    <div class="page">
      <PageTitle title={t('a11y.title')} description={t('public.describe.accessibility')}>
        {t('a11y.title')}
      </PageTitle>
      <p class="lead">{t('a11y.intro')}</p>

      <h2>{t('a11y.status.title')}</h2>
      <p>{t('a11y.status.text')}</p>

      <h2>{t('a11y.how.title')}</h2>
      <ul>
        <li>{t('a11y.how.keyboard')}</li>
        <li>{t('a11y.how.screenReader')}</li>
        <li>{t('a11y.how.language')}</li>
        <li>{t('a11y.how.charts')}</li>
        <li>{t('a11y.how.testing')}</li>
      </ul>

      <h2>{t('a11y.gaps.title')}</h2>
      <ul>
        <li>{t('a11y.gaps.charts')}</li>
        <li>{t('a11y.gaps.documents')}</li>
        <li>{t('a11y.gaps.imports')}</li>
        <li>{t('a11y.gaps.zoom')}</li>
        <li>{t('a11y.gaps.automated')}</li>
      </ul>

      <h2>{t('a11y.report.title')}</h2>
      <p>{t('a11y.report.text')}</p>
      <p>
        {t('a11y.report.email', { email: '' })}
        <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
      </p>

      <h2>{t('a11y.supervision.title')}</h2>
      <p>{t('a11y.supervision.text')}</p>
      <p>
        <a href={diggReportUrl}>{t('a11y.supervision.link')}</a>
      </p>

      <h2>{t('a11y.method.title')}</h2>
      <p>{t('a11y.method.text', { date: formatDate(reviewed) })}</p>
    </div>
  );
}

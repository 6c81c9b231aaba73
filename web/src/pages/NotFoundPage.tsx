import { t } from '../i18n';
import { PageTitle } from '../components/ui';

export function NotFoundPage() {
  return (
    <div class="page">
      <PageTitle title={t('app.notFound.title')}>{t('app.notFound.title')}</PageTitle>
      <p>{t('app.notFound.text')}</p>
      <p>
        <a href="/">{t('app.backHome')}</a>
      </p>
    </div>
  );
}

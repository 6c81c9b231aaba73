/** Local sign-in: the demo's people by role. In AWS this page becomes a link to the Cognito hosted UI (lib/auth). */
import { useEffect, useState } from 'preact/hooks';
import { currentLocale, t, type Key } from '../i18n';
import { beginHostedSignIn, demoUsers, hostedUiConfig, signInAsDemoUser, type DemoUser, type HostedUiConfig } from '../lib/auth';
import { navigate, paths } from '../lib/router';
import { Notice, PageTitle } from '../components/ui';
import { useApp } from '../lib/session';

/** A person's group on the page: their role, with units' editors apart from the boards' offices. */
const groupOf = (user: DemoUser): string => (user.unitOf ? 'unit' : user.role);
/** The demo's people grouped, in the order they are listed (the boards' people first, then the units'). */
const roleGroups = [...new Set(demoUsers.map(groupOf))];

export function SignInPage({ next, required = false }: { next?: string; required?: boolean }) {
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState(false);
  const { year } = useApp();
  const [hosted, setHosted] = useState<HostedUiConfig | null | undefined>(undefined);
  useEffect(() => void hostedUiConfig().then(setHosted), []);

  const signIn = async (user: DemoUser) => {
    setBusy(user.sub);
    setFailed(false);
    try {
      await signInAsDemoUser(user, currentLocale());
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="page page--narrow">
      <PageTitle title={t('signIn.title')}>{t('signIn.title')}</PageTitle>
      {required && <Notice tone="info">{t('signIn.needed')}</Notice>}
      {failed && <Notice tone="error">{t('signIn.failed')}</Notice>}
      {hosted && (
        <p>
          <button type="button" class="button button--primary" onClick={() => void beginHostedSignIn(hosted, next ?? '/')}>
            {t('signIn.hosted')}
          </button>
        </p>
      )}
      {hosted === null && <p class="lead">{t('signIn.intro')}</p>}
      {hosted === null && roleGroups.map((role) => (
        <section key={role} class="signin-group" aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`roleGroup.${role}` as Key)}</h2>
          <ul class="signin-list">
            {demoUsers
              .filter((u) => groupOf(u) === role)
              .map((user) => (
                <li key={user.sub}>
                  <button type="button" class="signin-card" onClick={() => void signIn(user)} disabled={busy !== undefined} aria-describedby={`who-${user.sub}`}>
                    <span class="signin-card__name">{t('signIn.as', { name: user.name })}</span>
                    <span class="signin-card__who" id={`who-${user.sub}`}>
                      {user.unitOf
                        ? `${t('role.editor.unit')} · ${t('signIn.unit', { unit: (user.boardNames ?? user.boards ?? []).join(', '), parent: user.unitOf })}`
                        : `${t(`role.${user.role}` as Key)}${user.boardNames ? ` · ${t('signIn.boards', { boards: user.boardNames.join(', ') })}` : ''}`}
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      <p>
        {t('signIn.public')} <a href={paths.meters(year)}>{t('nav.meters')}</a>
      </p>
    </div>
  );
}

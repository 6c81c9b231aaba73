/**
 * Local sign-in: the people of the local user store (GET /api/dev/people, a route only `npm start` has) by role, so
 * that someone invited on /admin/users can sign in at once and someone deactivated no longer can. In AWS this page
 * becomes a link to the Cognito hosted UI (lib/auth).
 */
import { useEffect, useState } from 'preact/hooks';
import { currentLocale, t, type Key } from '../i18n';
import { beginHostedSignIn, hostedUiConfig, signInAsDemoUser, type HostedUiConfig, type Role } from '../lib/auth';
import { navigate, paths } from '../lib/router';
import { Loading, Notice, PageTitle } from '../components/ui';
import { useApp } from '../lib/session';

/** A person the local sign-in offers (local/devRoutes.ts `SignInPerson`). */
interface SignInPerson {
  userId: string;
  name: string;
  email: string;
  role: Role;
  boards: Array<{ boardId: string; name: string; parent?: { boardId: string; name: string } }>;
}

/** A person's group on the page: their role, with units' editors (every board a unit) apart from the boards' offices. */
const groupOf = (person: SignInPerson): string =>
  person.role === 'editor' && person.boards.length > 0 && person.boards.every((board) => board.parent) ? 'unit' : person.role;
/** The groups in the order they are listed: the boards' people first, then the units', the city office last. */
const groupOrder = ['editor', 'unit', 'reviewer', 'executive', 'admin'];

async function loadPeople(): Promise<SignInPerson[]> {
  const response = await fetch('/api/dev/people', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`the local people did not load (${response.status})`);
  return ((await response.json()) as { people: SignInPerson[] }).people;
}

export function SignInPage({ next, required = false }: { next?: string; required?: boolean }) {
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState(false);
  const { year } = useApp();
  const [hosted, setHosted] = useState<HostedUiConfig | null | undefined>(undefined);
  const [people, setPeople] = useState<SignInPerson[]>();
  useEffect(() => void hostedUiConfig().then(setHosted), []);
  useEffect(() => {
    if (hosted === null) loadPeople().then(setPeople, () => setFailed(true));
  }, [hosted]);
  const roleGroups = groupOrder.filter((group) => people?.some((person) => groupOf(person) === group));

  const signIn = async (person: SignInPerson) => {
    setBusy(person.userId);
    setFailed(false);
    try {
      await signInAsDemoUser({ sub: person.userId, role: person.role, boards: person.boards.map((board) => board.boardId), email: person.email, name: person.name }, currentLocale());
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
      {hosted === null && !people && !failed && <Loading />}
      {hosted === null && roleGroups.map((role) => (
        <section key={role} class="signin-group" aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`roleGroup.${role}` as Key)}</h2>
          <ul class="signin-list">
            {(people ?? [])
              .filter((person) => groupOf(person) === role)
              .map((person) => (
                <li key={person.userId}>
                  <button type="button" class="signin-card" onClick={() => void signIn(person)} disabled={busy !== undefined} aria-describedby={`who-${person.userId}`}>
                    <span class="signin-card__name">{t('signIn.as', { name: person.name })}</span>
                    <span class="signin-card__who" id={`who-${person.userId}`}>
                      {groupOf(person) === 'unit'
                        ? `${t('role.editor.unit')} · ${t('signIn.unit', {
                            unit: person.boards.map((board) => board.name).join(', '),
                            parent: [...new Set(person.boards.map((board) => board.parent!.name))].join(', '),
                          })}`
                        : `${t(`role.${person.role}` as Key)}${person.boards.length ? ` · ${t('signIn.boards', { boards: person.boards.map((board) => board.name).join(', ') })}` : ''}`}
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

/** The app's frame: skip link, header with navigation and language switch, the page for the address, footer. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { setLocale, t, useLocale, type Key } from './i18n';
import { api, setApiLocale } from './lib/api';
import { completeHostedSignIn, hostedUiConfig, isAuthCallback, signOut, type Session } from './lib/auth';
import { personName } from './lib/people';
import { boardsEditedBy, hasReviewQueue, may } from './lib/policy';
import { match, navigate, paths, useLocation } from './lib/router';
import { AppContext, guessYear, useSession } from './lib/session';
import { BoardsPage } from './pages/BoardsPage';
import { CouncilGoalsPage } from './pages/CouncilGoalsPage';
import { CycleHistoryPage } from './pages/CycleHistoryPage';
import { DocumentPage } from './pages/DocumentPage';
import { HistoryPage } from './pages/HistoryPage';
import { HomePage } from './pages/HomePage';
import { ImportsPage } from './pages/ImportsPage';
import { MetersPage } from './pages/MetersPage';
import { PublicIndicatorPage } from './pages/PublicIndicatorPage';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { ReviewQueuePage } from './pages/ReviewQueuePage';
import { SignInPage } from './pages/SignInPage';
import { SignoffPage } from './pages/SignoffPage';
import { UsersPage } from './pages/UsersPage';
import { AdminPage, mayUseOffice } from './pages/AdminPage';
import { CalendarPage } from './pages/CalendarPage';
import { CompiledReportPage, isCompiledKind } from './pages/CompiledReportPage';
import { NewCyclePage } from './pages/NewCyclePage';
import { BudgetPage } from './pages/BudgetPage';
import { ReportSectionsPage } from './pages/ReportSectionsPage';

/**
 * Finds the year to show from the server's clock (a demo's clock is not the browser's), among the years that exist:
 * signed in, the cycles the person may read; anonymous, the public list of years. The guessed year if it is there,
 * else the open year nearest to it, else the nearest; only the guess when there is no year at all.
 */
async function resolveYear(session: Session | null): Promise<{ year: number; exists: boolean }> {
  const now = await api<{ now?: string }>('GET', '/health', { anonymous: true }).then(
    (answer) => (answer.data?.now ? new Date(answer.data.now) : new Date()),
    () => new Date(),
  );
  const guess = guessYear(now);
  const cycles = await api<{ cycles: Array<{ year: number; state: string }> }>('GET', session ? '/cycles' : '/public/cycles', { anonymous: !session }).then(
    (answer) => answer.data?.cycles ?? [],
    () => [],
  );
  if (cycles.some((cycle) => cycle.year === guess)) return { year: guess, exists: true };
  const nearest = [...cycles].sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open') || Math.abs(a.year - guess) - Math.abs(b.year - guess))[0];
  return nearest ? { year: nearest.year, exists: true } : { year: guess, exists: false };
}

export function App() {
  const locale = useLocale();
  const session = useSession();
  const location = useLocation();
  const [year, setYear] = useState(() => guessYear());
  const [yearExists, setYearExists] = useState(true);
  // Whose year `year` is: links that name a year wait until it is resolved for this session, so that none points
  // at a guessed year without a cycle.
  const [yearFor, setYearFor] = useState<string | null>(null);
  const sessionKey = session?.token ?? 'anonymous';
  const yearKnown = yearFor === sessionKey;
  const firstRender = useRef(true);

  useEffect(() => {
    setApiLocale(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let live = true;
    void resolveYear(session).then((resolved) => {
      if (!live) return;
      setYear(resolved.year);
      setYearExists(resolved.exists);
      setYearFor(sessionKey);
    });
    return () => {
      live = false;
    };
  }, [session?.token]);

  // After a navigation, focus the page's heading so that screen readers announce the new page.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const timer = setTimeout(() => document.getElementById('page-title')?.focus({ preventScroll: false }), 0);
    window.scrollTo(0, 0);
    return () => clearTimeout(timer);
    // The overview's levels differ by query only (`?parent=`): moving between them is a new page too.
  }, [location.path, location.query.toString()]);

  return (
    <AppContext.Provider value={{ session, year, yearExists }}>
      <a class="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skip')}
      </a>
      <Header session={session} year={yearKnown ? year : undefined} path={location.path} locale={locale} />
      <main id="main" tabIndex={-1}>
        <Page path={location.path} query={location.query} session={session} year={year} yearKnown={yearKnown} />
      </main>
      <footer class="site-footer">
        <p>{t('footer.text')}</p>
        <p>
          {t('footer.a11y')} <a href={paths.accessibility()}>{t('a11y.footerLink')}</a>
        </p>
      </footer>
    </AppContext.Provider>
  );
}

function Header({ session, year, path, locale }: { session: Session | null; year: number | undefined; path: string; locale: string }) {
  const user = session?.user;
  // Each page is offered to whoever the policy lets do what the page is for.
  const items: Array<{ href: string; label: Key; active: boolean }> = [{ href: paths.home(), label: boardsEditedBy(user).length ? 'nav.mine' : 'nav.home', active: path === '/' }];
  if (year !== undefined) {
    if (may(user, 'status.read')) items.push({ href: paths.overview(year), label: 'nav.overview', active: /^\/cycles\/\d+$/.test(path) });
    if (hasReviewQueue(user)) items.push({ href: paths.review(year), label: 'nav.review', active: /\/review$/.test(path) });
    if (may(user, 'signoff')) items.push({ href: paths.signoff(year), label: 'nav.signoff', active: /\/signoff$/.test(path) });
    items.push({ href: paths.meters(year), label: 'nav.meters', active: path.startsWith('/public/') });
  }
  if (mayUseOffice(user)) items.push({ href: paths.admin(), label: 'year.nav.office', active: path === '/admin' || path.startsWith('/admin/') });
  const otherLocale = locale === 'sv' ? 'en' : 'sv';
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <a class="brand" href="/">
          <span class="brand__mark" aria-hidden="true">◔</span> {t('app.name')}
          <span class="brand__tagline">{t('app.tagline')}</span>
        </a>
        <div class="site-header__tools">
          <button type="button" class="button button--link lang-switch" lang={otherLocale} onClick={() => setLocale(otherLocale)} aria-label={t('lang.switchLabel')}>
            {t('lang.switch')}
          </button>
          {user ? (
            <>
              <span class="whoami">{t('nav.signedInAs', { name: personName(user.sub, user.name), role: t(`role.${user.role}` as Key) })}</span>
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => {
                  signOut();
                  navigate('/');
                }}
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            path !== '/signin' && (
              <a class="button button--secondary button--small" href={paths.signIn()}>
                {t('nav.signIn')}
              </a>
            )
          )}
        </div>
      </div>
      <nav aria-label={t('nav.label')} class="site-nav">
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <a href={item.href} aria-current={item.active ? 'page' : undefined}>
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function Page({ path, query, session, year, yearKnown }: { path: string; query: URLSearchParams; session: Session | null; year: number; yearKnown: boolean }) {
  // The start page reads the year's documents: it waits for the year to be resolved, so it never asks for a guessed one.
  if (path === '/') return yearKnown ? <HomePage /> : null;
  if (path === '/signin') return <SignInPage next={query.get('next') ?? undefined} />;
  if (isAuthCallback(path)) return <AuthCallback />;
  if (path === '/meters' || path === '/public') return yearKnown ? <Redirect to={paths.meters(year)} /> : null;
  if (path === paths.accessibility()) return <AccessibilityPage />;
  let params = match('/public/cycles/:year/meters', path);
  if (params) return <MetersPage key={path} year={Number(params.year)} goal={query.get('goal') || undefined} />;
  if ((params = match('/public/indicators/:id', path))) return <PublicIndicatorPage key={path} id={params.id!} />;

  // Everything below needs a signed-in person.
  const needsSignIn = /^\/(cycles|admin)(\/|$)/.test(path);
  if (needsSignIn && !session) return <SignInPage next={path} required />;

  if (path === '/admin') return <AdminPage />;
  if (path === '/admin/cycles/new') return <NewCyclePage />;
  if (path === paths.adminUsers()) return <UsersPage />;
  if (path === paths.adminBoards()) return <BoardsPage />;
  if ((params = match('/cycles/:year/calendar', path))) return <CalendarPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year', path))) return <OverviewPage year={Number(params.year)} parent={query.get('parent') || undefined} />;
  if ((params = match('/cycles/:year/history', path))) return <CycleHistoryPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/council-goals', path))) return <CouncilGoalsPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/review', path))) return <ReviewQueuePage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/signoff', path))) return <SignoffPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/imports', path))) return <ImportsPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/budget', path))) return <BudgetPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/report-sections', path))) return <ReportSectionsPage year={Number(params.year)} />;
  if ((params = match('/cycles/:year/reports/:kind', path)) && isCompiledKind(params.kind!)) return <CompiledReportPage year={Number(params.year)} kind={params.kind} />;
  if ((params = match('/cycles/:year/boards/:boardId/documents/:kind/history', path)) && isKind(params.kind!)) {
    return <HistoryPage year={Number(params.year)} boardId={params.boardId!} kind={params.kind} />;
  }
  if ((params = match('/cycles/:year/boards/:boardId/documents/:kind', path)) && isKind(params.kind!)) {
    return <DocumentPage key={path} year={Number(params.year)} boardId={params.boardId!} kind={params.kind} />;
  }
  return <NotFoundPage />;
}

const isKind = (kind: string): kind is 'plan' | 't1' | 't2' | 'annual' => ['plan', 't1', 't2', 'annual'].includes(kind);

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

/** Where the Cognito hosted UI sends the person back: finish signing in, then go where they were headed. */
function AuthCallback() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void hostedUiConfig().then(async (hosted) => {
      try {
        if (!hosted) throw new Error('no hosted sign-in configured');
        navigate(await completeHostedSignIn(hosted, new URL(window.location.href)), { replace: true });
      } catch {
        setFailed(true);
      }
    });
  }, []);
  return (
    <div class="page">
      <h1 id="page-title" tabIndex={-1}>
        {t('signIn.title')}
      </h1>
      <p role="status">{failed ? t('signIn.failed') : t('signIn.completing')}</p>
      {failed && <a href={paths.signIn()}>{t('signIn.title')}</a>}
    </div>
  );
}

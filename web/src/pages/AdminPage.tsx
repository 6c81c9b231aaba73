/**
 * The city office's workspace (/admin): its pages as a list of sections, each link with a line on what it is for.
 * A section is data: a later one (the budget, the report's sections) is one more entry in `sections`.
 */
import { t, type Key } from '../i18n';
import { may, type Action } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { Notice, PageTitle } from '../components/ui';
import type { User } from '../lib/auth';

interface HubLink {
  href: string;
  /** The link's text and its one-line explanation (`<label>.text`), both with `{year}`. */
  label: Key;
  /** Who the link is offered to: the policy action the page is for. */
  action: Action;
}

interface HubSection {
  id: string;
  title: Key;
  links: HubLink[];
}

/** Who may enter the workspace: whoever may open a year (the city office). */
export const mayUseOffice = (user: User | undefined) => may(user, 'cycles.create');

function sections(year: number): HubSection[] {
  return [
    {
      id: 'year',
      title: 'year.hub.section.year',
      links: [
        { href: paths.newCycle(), label: 'year.hub.newCycle', action: 'cycles.create' },
        { href: paths.councilGoals(year), label: 'year.hub.councilGoals', action: 'councilGoals.put' },
        { href: paths.calendar(year), label: 'year.hub.calendar', action: 'cycles.calendar.patch' },
        { href: paths.budget(year), label: 'budget.hub.budget', action: 'budget.put' },
        { href: paths.reportSections(year), label: 'budget.hub.sections', action: 'reportSections.put' },
      ],
    },
    {
      id: 'organisation',
      title: 'year.hub.section.organisation',
      links: [
        { href: paths.adminBoards(), label: 'year.hub.boards', action: 'boards.put' },
        // People are the admins' too; the People API's own policy row comes with it.
        { href: paths.adminUsers(), label: 'year.hub.users', action: 'users.read' },
      ],
    },
    {
      id: 'followUp',
      title: 'year.hub.section.followUp',
      links: [
        { href: paths.imports(year), label: 'year.hub.imports', action: 'outcomes.import' },
        { href: paths.review(year), label: 'year.hub.review', action: 'queue.read' },
        { href: paths.overview(year), label: 'year.hub.overview', action: 'status.read' },
      ],
    },
  ];
}

export function AdminPage() {
  const { session, year } = useApp();
  const user = session?.user;
  const title = t('year.hub.title');
  if (!mayUseOffice(user)) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        <Notice tone="error">
          <p>{t('app.forbidden')}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('year.hub.intro')}</p>
      {sections(year).map((section) => {
        const links = section.links.filter((link) => may(user, link.action));
        if (links.length === 0) return null;
        return (
          <section key={section.id} class="card" aria-labelledby={`hub-${section.id}`}>
            <h2 id={`hub-${section.id}`}>{t(section.title, { year })}</h2>
            <ul class="hub-list">
              {links.map((link) => (
                <li key={link.href}>
                  <a href={link.href} aria-describedby={`${link.label}-text`}>
                    {t(link.label, { year })}
                  </a>
                  <p class="muted" id={`${link.label}-text`}>
                    {t(`${link.label}.text` as Key)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

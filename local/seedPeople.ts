/**
 * The demo's people in the local user store: the people of local/seed.ts (`demoPeople`) and three more boards'
 * secretaries, whom the local sign-in page (which lists the store) offers. Run after the demo's boards exist (each
 * person's boards are checked like any other).
 */
import type { Actor } from '../shared/domain/actor';
import type { Deps } from '../shared/composition/deps';
import { putUser } from '../shared/features/users/people';
import type { UserBody } from '../shared/schemas/users';
import { demoPeople } from './seed';

/** Editors the sign-in page has offered beside local/seed.ts's people: a district, a specialist board, a company. */
const moreDemoPeople = [
  { sub: 'fatima.farsta', role: 'editor', boards: ['farsta'], name: 'Fatima Ali', email: 'fatima@farsta.example' },
  { sub: 'mira.miljo', role: 'editor', boards: ['miljo-halsa'], name: 'Mira Lind', email: 'mira@miljo.example' },
  { sub: 'sam.stockholmshem', role: 'editor', boards: ['stockholmshem'], name: 'Sam Holm', email: 'sam@stockholmshem.example' },
] satisfies Actor[];

/** Every demo person once, as the store keeps them; someone without an address in the demo gets one of the city's. */
export const demoStorePeople: Array<{ userId: string; body: UserBody }> = [...Object.values(demoPeople), ...moreDemoPeople]
  .filter((person, i, all) => all.findIndex((other) => other.sub === person.sub) === i)
  .map((person: Actor) => ({
    userId: person.sub,
    body: {
      name: person.name ?? person.sub,
      email: person.email ?? `${person.sub}@stockholm.example`,
      role: person.role,
      ...(person.boards.length > 0 ? { boards: person.boards } : {}),
      locale: person.locale ?? 'sv',
    },
  }));

const seeder: Actor = { sub: 'demo-seed', role: 'admin', boards: [], name: 'Demo' };

/**
 * Invites each demo person the store does not have yet, audited as the demo's seeder. Someone already there (changed
 * or deactivated on /admin/users since) is left as they are, so a restart undoes nobody's work. Answers how many were added.
 */
export async function seedPeople(deps: Pick<Deps, 'people' | 'boards' | 'clock'>): Promise<{ added: number }> {
  let added = 0;
  for (const { userId, body } of demoStorePeople) {
    if (await deps.people.get(userId)) continue;
    await putUser({ userId, body }, { ...deps, actor: seeder });
    added++;
  }
  return { added };
}

/**
 * `DEMO=off`: a city starting from an empty table still needs someone to sign in as. When the store holds nobody,
 * one administrator is put in it (the sign-in page lists them), who then invites everyone else on /admin/users.
 */
export async function seedFirstAdministrator(deps: Pick<Deps, 'people' | 'boards' | 'clock'>): Promise<{ added: number }> {
  if ((await deps.people.list()).length > 0) return { added: 0 };
  const body: UserBody = { name: 'Administratör', email: 'admin@stad.example', role: 'admin', locale: 'sv' };
  await putUser({ userId: 'admin', body }, { ...deps, actor: seeder });
  return { added: 1 };
}

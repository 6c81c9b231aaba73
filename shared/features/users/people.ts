import { signedBy, type Actor } from '../../domain/actor';
import { Conflict, NotFound, ServiceUnavailable, ValidationFailed } from '../../domain/errors';
import { changesBetween, eventActionOf, isSelf, personProblems, type PersonEntry } from '../../domain/people';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import { DirectoryBusy, PersonChanged, PersonExists, PersonNotFound, type PeopleDirectory, type Person } from '../../ports/people';
import type { User, UserBody, UserEvent, UserHistory } from '../../schemas/users';

export interface PeopleDeps {
  actor: Actor;
  people: PeopleDirectory;
  clock: Clock;
}

/** A person as the API answers them: the entry, without the store's bookkeeping. */
export function userView(person: Person): User {
  const { userId, name, email, role, boards, locale, active } = person;
  return { userId, name, email, role, boards, locale, active };
}

/** Everyone in the directory, by name. */
export async function listUsers(deps: Pick<PeopleDeps, 'people'>): Promise<User[]> {
  const people = await guarded(() => deps.people.list());
  return people.map(userView).sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.userId.localeCompare(b.userId));
}

/**
 * Invites a person or changes them:
 * 1. read the person, the board directory and who has the e-mail address;
 * 2. check the entry (domain/people): every problem at its field, 422, nothing written;
 * 3. nothing changed: answer the person as they are, no event;
 * 4. write the person with the audit event of what changed. A person who was deactivated is active again.
 */
export async function putUser(
  input: { userId: string; body: UserBody },
  deps: PeopleDeps & { boards: Pick<BoardRepository, 'directory'> },
): Promise<{ user: User; created: boolean }> {
  const { userId, body } = input;
  const [existing, directory, emailOwner] = await Promise.all([
    guarded(() => deps.people.get(userId)),
    body.boards?.length ? deps.boards.directory() : Promise.resolve([]),
    guarded(() => deps.people.findByEmail(body.email)),
  ]);
  const next: PersonEntry = {
    userId,
    name: body.name,
    email: body.email,
    role: body.role,
    boards: body.boards ?? [],
    locale: body.locale ?? existing?.locale ?? 'sv',
    active: true,
  };
  const problems = personProblems(next, {
    actor: deps.actor,
    existing,
    directory: new Map(directory.map((board) => [board.boardId, { archived: board.archived }])),
    emailOwner: emailOwner?.userId,
  });
  if (problems.length > 0) throw new ValidationFailed(`${userId} cannot be saved: ${problems[0]!.message}.`, problems);
  next.boards = [...next.boards].sort();
  const changes = changesBetween(existing, next);
  if (existing && changes.length === 0) return { user: userView(existing), created: false };
  const event = eventOf(deps, eventActionOf(existing, next), changes);
  const person: Person = { ...next, ...(existing?.subject ? { subject: existing.subject } : {}), ...(existing?.version !== undefined ? { version: existing.version } : {}) };
  await write(deps.people, { ...(existing ? { previous: existing } : {}), next: person, event });
  return { user: userView(person), created: !existing };
}

/**
 * Deactivates a person: they can no longer sign in, and keep their entry and history. Unknown: 404. An admin
 * cannot deactivate themselves (409). Deactivating someone inactive already changes nothing.
 */
export async function deactivateUser(input: { userId: string }, deps: PeopleDeps): Promise<void> {
  const existing = await guarded(() => deps.people.get(input.userId));
  if (!existing) throw new NotFound(`There is no person ${input.userId}: check the id on /admin/users.`);
  if (isSelf(deps.actor, existing.userId, existing.subject)) {
    throw new Conflict('You cannot deactivate yourself: ask another admin to do it, so that the office always keeps someone who can.');
  }
  if (!existing.active) return;
  const next: Person = { ...existing, active: false };
  await write(deps.people, { previous: existing, next, event: eventOf(deps, 'deactivated', changesBetween(existing, next)) });
}

/** A person's audit trail, oldest first; 404 for someone the directory never had. */
export async function userHistory(input: { userId: string }, deps: Pick<PeopleDeps, 'people'>): Promise<UserHistory> {
  const [existing, events] = await Promise.all([guarded(() => deps.people.get(input.userId)), guarded(() => deps.people.history(input.userId))]);
  if (!existing && events.length === 0) throw new NotFound(`There is no person ${input.userId}: check the id on /admin/users.`);
  return { userId: input.userId, events };
}

function eventOf(deps: PeopleDeps, action: UserEvent['action'], changes: UserEvent['changes']): UserEvent {
  return { at: deps.clock.now().toISOString(), ...signedBy(deps.actor), action, changes };
}

async function write(people: PeopleDirectory, change: Parameters<PeopleDirectory['save']>[0]): Promise<void> {
  try {
    await people.save(change);
  } catch (error) {
    const userId = change.next.userId;
    if (error instanceof PersonExists) {
      throw new Conflict(`${userId} was just created by someone else, or the address ${change.next.email} already signs someone in: reload the list and try again.`);
    }
    if (error instanceof PersonChanged) throw new Conflict(`${userId} was changed by someone else meanwhile: reload the list and make your change again.`);
    if (error instanceof PersonNotFound) throw new NotFound(`There is no person ${userId} any more: reload the list.`);
    throw busy(error);
  }
}

async function guarded<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw busy(error);
  }
}

function busy(error: unknown): unknown {
  if (error instanceof DirectoryBusy) return new ServiceUnavailable('The sign-in directory is busy right now: nothing was changed. Try again in a moment.', error.retryAfterSeconds);
  return error;
}

import { PersonChanged, PersonExists, PersonNotFound, type PeopleDirectory, type Person, type PersonWrite } from '../../ports/people';
import type { UserEvent } from '../../schemas/users';

/** The people directory in memory, for the use cases' tests: the same conditions as the local store in the table. */
export class MemoryPeopleDirectory implements PeopleDirectory {
  private readonly people = new Map<string, Person>();
  private readonly events = new Map<string, UserEvent[]>();

  async list(): Promise<Person[]> {
    return [...this.people.values()].map((person) => structuredClone(person));
  }

  async get(userId: string): Promise<Person | undefined> {
    const person = this.people.get(userId);
    return person && structuredClone(person);
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const wanted = email.toLowerCase();
    const person = [...this.people.values()].find((candidate) => candidate.email.toLowerCase() === wanted);
    return person && structuredClone(person);
  }

  async save({ previous, next, event }: PersonWrite): Promise<void> {
    const current = this.people.get(next.userId);
    if (!previous && current) throw new PersonExists(next.userId);
    if (previous && !current) throw new PersonNotFound(next.userId);
    if (previous && current && (current.version ?? 0) !== (previous.version ?? 0)) throw new PersonChanged(next.userId);
    this.people.set(next.userId, structuredClone({ ...next, version: (previous?.version ?? 0) + 1 }));
    this.events.set(next.userId, [...(this.events.get(next.userId) ?? []), structuredClone(event)]);
  }

  async history(userId: string): Promise<UserEvent[]> {
    return structuredClone(this.events.get(userId) ?? []);
  }
}

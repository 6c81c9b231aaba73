import type { PersonEntry } from '../domain/people';
import type { UserEvent } from '../schemas/users';

/**
 * A person as the directory keeps them. `subject`: the login subject of their tokens when it is not the userId (in
 * AWS the Cognito user's `sub`); `version`: the local store's optimistic lock (Cognito has none).
 */
export interface Person extends PersonEntry {
  subject?: string;
  /** The directory's own key for the person when it is not the userId (Cognito's generated username). */
  directoryKey?: string;
  version?: number;
}

/** A person's change and its audit event, written together (the local store: one transaction). */
export interface PersonWrite {
  /** The person as read before the change; undefined when they are new. */
  previous?: Person;
  next: Person;
  event: UserEvent;
}

/** The userId is taken (or, in AWS, the e-mail address is the login of someone else already). */
export class PersonExists extends Error {
  constructor(readonly userId: string) {
    super(`person ${userId} exists already`);
    this.name = 'PersonExists';
  }
}

/** The person the change was for is not (or no longer) in the directory. */
export class PersonNotFound extends Error {
  constructor(readonly userId: string) {
    super(`no person ${userId}`);
    this.name = 'PersonNotFound';
  }
}

/** Someone else changed the person between the read and the write: nothing was written. */
export class PersonChanged extends Error {
  constructor(readonly userId: string) {
    super(`person ${userId} was changed meanwhile`);
    this.name = 'PersonChanged';
  }
}

/** The directory refuses for now (throttling): try again shortly; nothing was written. */
export class DirectoryBusy extends Error {
  constructor(readonly retryAfterSeconds = 2) {
    super('the people directory is busy');
    this.name = 'DirectoryBusy';
  }
}

/**
 * The people who may sign in: the local user store in the table, Cognito in AWS. Every change is written with its
 * audit event; the history is read oldest first.
 */
export interface PeopleDirectory {
  /** Everyone, active or not. */
  list(): Promise<Person[]>;
  get(userId: string): Promise<Person | undefined>;
  /** The person whose e-mail address this is (case-insensitive), if any. */
  findByEmail(email: string): Promise<Person | undefined>;
  /** Creates (no `previous`) or changes the person, and records the event; throws the errors above. */
  save(write: PersonWrite): Promise<void>;
  /** The person's audit trail, oldest first. */
  history(userId: string): Promise<UserEvent[]>;
}

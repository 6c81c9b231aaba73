import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { roles, type Role } from '../../domain/actor';
import { DirectoryBusy, PersonExists, PersonNotFound, type PeopleDirectory, type Person, type PersonWrite } from '../../ports/people';
import type { UserEvent } from '../../schemas/users';

/** Where the audit events of people go in AWS: the table (shared/adapters/dynamo/people.ts, DynamoPeopleAudit). */
export interface PeopleAudit {
  append(userId: string, event: UserEvent): Promise<void>;
  history(userId: string): Promise<UserEvent[]>;
}

/**
 * The people directory in AWS: the Cognito user pool (infra/auth.ts). The pool signs in by e-mail only, so Cognito
 * generates each user's username; Årshjul's userId is kept in `preferred_username`, which only admins can write
 * (the web client may write only email, name and custom:locale). The role is the user's group, the board scope
 * `custom:boards` (comma-separated), the language `custom:locale`; deactivating disables the user.
 *
 * The audit event goes to the table after Cognito accepted the change: Cognito and DynamoDB share no transaction,
 * so a change Cognito refused leaves no event. Should the table refuse the event after Cognito's change (rare: the
 * SDK retries), the request fails with 500 and the change stands unrecorded; the log has the failure.
 *
 * A role change adds the new group before removing the old one: a failure between the two leaves the person in both
 * groups, whose broader role (roles order, as shared/http/identity.ts reads it) is the old one or the one asked for,
 * never a third. A new user whose group cannot be set is deleted again, so a refused invitation leaves nobody behind.
 */
export class CognitoPeopleDirectory implements PeopleDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly audit: PeopleAudit,
  ) {}

  async list(): Promise<Person[]> {
    const [users, roleOf] = await Promise.all([this.allUsers(), this.rolesByUsername()]);
    return users.flatMap((user) => {
      const role = roleOf.get(user.Username ?? '');
      return role ? [personOf(user, user.Attributes ?? [], role)] : [];
    });
  }

  async get(userId: string): Promise<Person | undefined> {
    const user = (await this.usersWhere(`preferred_username = "${quoted(userId)}"`))[0] ?? (await this.usersWhere(`username = "${quoted(userId)}"`))[0];
    return user ? this.withRole(user) : undefined;
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const wanted = email.toLowerCase();
    const users = await this.usersWhere(`email = "${quoted(email)}"`);
    const user = users.find((candidate) => attribute(candidate.Attributes, 'email')?.toLowerCase() === wanted) ?? users[0];
    return user ? this.withRole(user) : undefined;
  }

  async save({ previous, next, event }: PersonWrite): Promise<void> {
    await mapped(next.userId, () => (previous ? this.change(previous, next) : this.create(next)));
    await this.audit.append(next.userId, event);
  }

  history(userId: string): Promise<UserEvent[]> {
    return this.audit.history(userId);
  }

  private async create(person: Person): Promise<void> {
    const { User } = await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        // An e-mail-only pool takes the address as the username and generates the real one.
        Username: person.email,
        UserAttributes: [
          { Name: 'email', Value: person.email },
          // The office invites a known address; Cognito's invitation to it proves it on first sign-in.
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: person.name },
          { Name: 'preferred_username', Value: person.userId },
          ...scopeAttributes(person),
        ],
        DesiredDeliveryMediums: ['EMAIL'],
      }),
    );
    const username = User?.Username ?? person.email;
    try {
      await this.client.send(new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: person.role }));
    } catch (error) {
      // Without a group the person would have no role: undo the invitation, so that nothing changed.
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: username })).catch(() => undefined);
      throw error;
    }
  }

  private async change(previous: Person, next: Person): Promise<void> {
    const Username = previous.directoryKey ?? previous.userId;
    const pool = { UserPoolId: this.userPoolId, Username };
    if (previous.role !== next.role) {
      await this.client.send(new AdminAddUserToGroupCommand({ ...pool, GroupName: next.role }));
      await this.client.send(new AdminRemoveUserFromGroupCommand({ ...pool, GroupName: previous.role }));
    }
    const attributes: AttributeType[] = [];
    if (previous.name !== next.name) attributes.push({ Name: 'name', Value: next.name });
    if (previous.email !== next.email) attributes.push({ Name: 'email', Value: next.email }, { Name: 'email_verified', Value: 'true' });
    if (previous.boards.join(',') !== next.boards.join(',') || previous.locale !== next.locale) attributes.push(...scopeAttributes(next));
    if (attributes.length > 0) await this.client.send(new AdminUpdateUserAttributesCommand({ ...pool, UserAttributes: attributes }));
    if (previous.active && !next.active) await this.client.send(new AdminDisableUserCommand(pool));
    if (!previous.active && next.active) await this.client.send(new AdminEnableUserCommand(pool));
  }

  private async allUsers(): Promise<UserType[]> {
    const users: UserType[] = [];
    let PaginationToken: string | undefined;
    do {
      const page = await mapped('', () => this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Limit: 60, PaginationToken })));
      users.push(...(page.Users ?? []));
      PaginationToken = page.PaginationToken;
    } while (PaginationToken);
    return users;
  }

  /** Each user's role, from the members of each role's group; someone in several has the first in `roles`. */
  private async rolesByUsername(): Promise<Map<string, Role>> {
    const roleOf = new Map<string, Role>();
    const members = await Promise.all(roles.map(async (role) => ({ role, usernames: await this.groupMembers(role) })));
    for (const { role, usernames } of members) for (const username of usernames) if (!roleOf.has(username)) roleOf.set(username, role);
    return roleOf;
  }

  private async groupMembers(GroupName: string): Promise<string[]> {
    const usernames: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await mapped('', () => this.client.send(new ListUsersInGroupCommand({ UserPoolId: this.userPoolId, GroupName, Limit: 60, NextToken })));
      usernames.push(...(page.Users ?? []).map((user) => user.Username ?? ''));
      NextToken = page.NextToken;
    } while (NextToken);
    return usernames;
  }

  private async usersWhere(Filter: string): Promise<UserType[]> {
    const page = await mapped('', () => this.client.send(new ListUsersCommand({ UserPoolId: this.userPoolId, Filter, Limit: 2 })));
    return page.Users ?? [];
  }

  /** The user with their role; someone in no Årshjul group has no role here and is left out, as in the list. */
  private async withRole(user: UserType): Promise<Person | undefined> {
    const { Groups } = await mapped('', () => this.client.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: user.Username, Limit: 60 })));
    const names = (Groups ?? []).map((group) => group.GroupName);
    const role = roles.find((candidate) => names.includes(candidate));
    return role ? personOf(user, user.Attributes ?? [], role) : undefined;
  }
}

function scopeAttributes(person: Person): AttributeType[] {
  return [
    { Name: 'custom:boards', Value: person.boards.join(',') },
    { Name: 'custom:locale', Value: person.locale },
  ];
}

function attribute(attributes: AttributeType[] | undefined, name: string): string | undefined {
  return attributes?.find((entry) => entry.Name === name)?.Value;
}

function personOf(user: UserType, attributes: AttributeType[], role: Role): Person {
  const username = user.Username ?? '';
  const userId = attribute(attributes, 'preferred_username') ?? username;
  const subject = attribute(attributes, 'sub');
  return {
    userId,
    name: attribute(attributes, 'name') ?? attribute(attributes, 'email') ?? userId,
    email: attribute(attributes, 'email') ?? '',
    role,
    boards: (attribute(attributes, 'custom:boards') ?? '')
      .split(',')
      .map((board) => board.trim())
      .filter(Boolean),
    locale: attribute(attributes, 'custom:locale') === 'en' ? 'en' : 'sv',
    active: user.Enabled !== false,
    ...(subject && subject !== userId ? { subject } : {}),
    ...(username !== userId ? { directoryKey: username } : {}),
  };
}

/** A ListUsers filter value: quotes and backslashes escaped. */
const quoted = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

const throttled = new Set(['TooManyRequestsException', 'LimitExceededException', 'ThrottlingException']);

/** Cognito's refusals as the port's errors. */
async function mapped<T>(userId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'UsernameExistsException' || name === 'AliasExistsException') throw new PersonExists(userId);
    if (name === 'UserNotFoundException') throw new PersonNotFound(userId);
    if (throttled.has(name)) throw new DirectoryBusy();
    throw error;
  }
}

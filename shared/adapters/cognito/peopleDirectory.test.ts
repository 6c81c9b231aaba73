import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  ListUsersInGroupCommand,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DirectoryBusy, PersonExists, PersonNotFound, type Person } from '../../ports/people';
import type { UserEvent } from '../../schemas/users';
import { CognitoPeopleDirectory, type PeopleAudit } from './peopleDirectory';

const pool = 'eu-north-1_pool';
const meta = { $metadata: {} };
const event: UserEvent = { at: '2026-12-04T10:00:00.000Z', actor: 'anna.admin', role: 'admin', action: 'invited', changes: [] };
const erik: Person = { userId: 'erik.bromma', name: 'Erik Berg', email: 'erik@bromma.example', role: 'editor', boards: ['bromma'], locale: 'sv', active: true };
const cognitoErik = {
  Username: '1111-aaaa',
  Enabled: true,
  Attributes: [
    { Name: 'sub', Value: '1111-aaaa' },
    { Name: 'preferred_username', Value: 'erik.bromma' },
    { Name: 'name', Value: 'Erik Berg' },
    { Name: 'email', Value: 'erik@bromma.example' },
    { Name: 'custom:boards', Value: 'bromma,kista' },
    { Name: 'custom:locale', Value: 'en' },
  ],
};

function memoryAudit(): PeopleAudit & { events: Array<[string, UserEvent]> } {
  const events: Array<[string, UserEvent]> = [];
  return { events, append: async (userId, e) => void events.push([userId, e]), history: async (userId) => events.filter(([id]) => id === userId).map(([, e]) => e) };
}

describe('CognitoPeopleDirectory', () => {
  const cognito = mockClient(CognitoIdentityProviderClient);
  afterEach(() => cognito.reset());
  const directory = (audit = memoryAudit()) => ({ audit, people: new CognitoPeopleDirectory(new CognitoIdentityProviderClient({}), pool, audit) });

  it('invites a person by e-mail with their attributes and group, then records the event in the table', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ ...meta, User: { Username: '2222-bbbb' } });
    cognito.on(AdminAddUserToGroupCommand).resolves(meta);
    const { audit, people } = directory();
    await people.save({ next: erik, event });
    const input = cognito.commandCalls(AdminCreateUserCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ UserPoolId: pool, Username: 'erik@bromma.example', DesiredDeliveryMediums: ['EMAIL'] });
    expect(Object.fromEntries(input.UserAttributes!.map((a) => [a.Name, a.Value]))).toEqual({
      email: 'erik@bromma.example',
      email_verified: 'true',
      name: 'Erik Berg',
      preferred_username: 'erik.bromma',
      'custom:boards': 'bromma',
      'custom:locale': 'sv',
    });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]!.args[0].input).toEqual({ UserPoolId: pool, Username: '2222-bbbb', GroupName: 'editor' });
    expect(audit.events).toEqual([['erik.bromma', event]]);
  });

  it('maps UsernameExistsException to PersonExists, and records no event', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'An account with the given email already exists.', $metadata: {} }));
    const { audit, people } = directory();
    await expect(people.save({ next: erik, event })).rejects.toBeInstanceOf(PersonExists);
    expect(audit.events).toEqual([]);
  });

  it('deletes a new user again when their group cannot be set, so a refused invitation leaves nobody behind', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ ...meta, User: { Username: '2222-bbbb' } });
    cognito.on(AdminAddUserToGroupCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    cognito.on(AdminDeleteUserCommand).resolves(meta);
    const { audit, people } = directory();
    await expect(people.save({ next: erik, event })).rejects.toBeInstanceOf(DirectoryBusy);
    expect(cognito.commandCalls(AdminDeleteUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: pool, Username: '2222-bbbb' });
    expect(audit.events).toEqual([]);
  });

  it('changes a person by their Cognito username: the new group before the old one is left, the attributes, disabling', async () => {
    cognito.on(AdminAddUserToGroupCommand).resolves(meta);
    cognito.on(AdminRemoveUserFromGroupCommand).resolves(meta);
    cognito.on(AdminUpdateUserAttributesCommand).resolves(meta);
    cognito.on(AdminDisableUserCommand).resolves(meta);
    const { audit, people } = directory();
    const previous = { ...erik, directoryKey: '1111-aaaa' };
    await people.save({ previous, next: { ...erik, role: 'reviewer', boards: [], name: 'Erik B', active: false }, event: { ...event, action: 'changed' } });
    const calls = cognito.calls().map((call) => call.args[0].constructor.name);
    expect(calls).toEqual(['AdminAddUserToGroupCommand', 'AdminRemoveUserFromGroupCommand', 'AdminUpdateUserAttributesCommand', 'AdminDisableUserCommand']);
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]!.args[0].input).toEqual({ UserPoolId: pool, Username: '1111-aaaa', GroupName: 'editor' });
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]!.args[0].input.UserAttributes).toEqual([
      { Name: 'name', Value: 'Erik B' },
      { Name: 'custom:boards', Value: '' },
      { Name: 'custom:locale', Value: 'sv' },
    ]);
    expect(audit.events).toHaveLength(1);
  });

  it('enables a deactivated person again, and maps UserNotFoundException to PersonNotFound', async () => {
    cognito.on(AdminEnableUserCommand).resolvesOnce(meta).rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    const { audit, people } = directory();
    await people.save({ previous: { ...erik, active: false }, next: erik, event });
    expect(cognito.commandCalls(AdminEnableUserCommand)[0]!.args[0].input).toEqual({ UserPoolId: pool, Username: 'erik.bromma' });
    await expect(people.save({ previous: { ...erik, active: false }, next: erik, event })).rejects.toBeInstanceOf(PersonNotFound);
    expect(audit.events).toHaveLength(1);
  });

  it('lists the users with their role from the groups (paged), userId from preferred_username, and leaves out users of no Årshjul group', async () => {
    cognito
      .on(ListUsersCommand, { UserPoolId: pool, Limit: 60, PaginationToken: undefined })
      .resolves({ ...meta, Users: [cognitoErik], PaginationToken: 'p2' })
      .on(ListUsersCommand, { UserPoolId: pool, Limit: 60, PaginationToken: 'p2' })
      .resolves({ ...meta, Users: [{ Username: 'stray', Enabled: true, Attributes: [{ Name: 'email', Value: 'x@y.example' }] }, { Username: 'old.admin', Enabled: false, Attributes: [{ Name: 'email', Value: 'o@stockholm.example' }] }] });
    cognito.on(ListUsersInGroupCommand).resolves({ ...meta, Users: [] });
    cognito.on(ListUsersInGroupCommand, { GroupName: 'editor' }).resolves({ ...meta, Users: [{ Username: '1111-aaaa' }] });
    cognito.on(ListUsersInGroupCommand, { GroupName: 'admin' }).resolves({ ...meta, Users: [{ Username: 'old.admin' }] });
    const { people } = directory();
    expect(await people.list()).toEqual([
      { userId: 'erik.bromma', name: 'Erik Berg', email: 'erik@bromma.example', role: 'editor', boards: ['bromma', 'kista'], locale: 'en', active: true, subject: '1111-aaaa', directoryKey: '1111-aaaa' },
      { userId: 'old.admin', name: 'o@stockholm.example', email: 'o@stockholm.example', role: 'admin', boards: [], locale: 'sv', active: false },
    ]);
  });

  it('finds a person by userId through preferred_username, with their group', async () => {
    cognito.on(ListUsersCommand, { Filter: 'preferred_username = "erik.bromma"' }).resolves({ ...meta, Users: [cognitoErik] });
    cognito.on(AdminListGroupsForUserCommand).resolves({ ...meta, Groups: [{ GroupName: 'reviewer' }] });
    const { people } = directory();
    expect(await people.get('erik.bromma')).toMatchObject({ userId: 'erik.bromma', role: 'reviewer', directoryKey: '1111-aaaa' });
  });

  it('maps throttling on reads to DirectoryBusy', async () => {
    cognito.on(ListUsersCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    cognito.on(ListUsersInGroupCommand).resolves({ ...meta, Users: [] });
    const { people } = directory();
    await expect(people.list()).rejects.toBeInstanceOf(DirectoryBusy);
    await expect(people.findByEmail('erik@bromma.example')).rejects.toBeInstanceOf(DirectoryBusy);
  });
});

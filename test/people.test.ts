import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoPeopleDirectory } from '../shared/adapters/dynamo/people';
import { personAuditPk } from '../shared/adapters/dynamo/keys';
import { PersonChanged, PersonExists } from '../shared/ports/people';
import { admin, startTestStack, type TestStack } from './support/localStack';

/** The People API end to end on the local stack: the local user store in DynamoDB Local, audited. */
describe('people (GET/PUT/DELETE /api/users)', () => {
  let t: TestStack;
  const erik = { name: 'Erik Berg', email: 'erik@bromma.example', role: 'editor', boards: ['bromma'] };

  beforeAll(async () => {
    t = await startTestStack();
    for (const boardId of ['bromma', 'kista']) {
      await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: `${boardId} nämnd`, kind: 'district', contacts: [`k@${boardId}.example`] } });
    }
    await t.api('PUT', '/api/boards/bromma-skola', { as: admin, body: { name: 'Brommaskolan', kind: 'unit', parentId: 'bromma', contacts: ['k@skola.example'] } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('invites a person (201), changes them (200), lists them, and keeps each change in their history', async () => {
    const invited = await t.api('PUT', '/api/users/erik.bromma', { as: admin, body: erik });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    expect(invited.body).toEqual({ userId: 'erik.bromma', ...erik, locale: 'sv', active: true });
    expect(invited.headers.get('location')).toBe('/api/users/erik.bromma');

    const changed = await t.api('PUT', '/api/users/erik.bromma', { as: admin, body: { ...erik, boards: ['bromma', 'bromma-skola'], locale: 'en' } });
    expect(changed.status).toBe(200);
    const unchanged = await t.api('PUT', '/api/users/erik.bromma', { as: admin, body: { ...erik, boards: ['bromma-skola', 'bromma'], locale: 'en' } });
    expect(unchanged.status).toBe(200);

    const list = await t.api('GET', '/api/users', { as: admin });
    expect(list.body.users).toContainEqual({ userId: 'erik.bromma', ...erik, boards: ['bromma', 'bromma-skola'], locale: 'en', active: true });

    const history = await t.api('GET', '/api/users/erik.bromma/history', { as: admin });
    expect(history.status).toBe(200);
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['invited', 'changed']);
    expect(history.body.events[1]).toMatchObject({
      actor: admin.sub,
      role: 'admin',
      changes: [
        { field: 'boards', from: ['bromma'], to: ['bromma', 'bromma-skola'] },
        { field: 'locale', from: 'sv', to: 'en' },
      ],
    });
  });

  it.each([
    ['an unknown role', { ...erik, role: 'owner' }, 'body.role'],
    ['an unknown board', { ...erik, boards: ['atlantis'] }, 'body.boards.0'],
    ['an editor without boards', { ...erik, boards: [] }, 'body.boards'],
    ['a malformed e-mail address', { ...erik, email: 'erik-at-bromma' }, 'body.email'],
    ['an admin with boards', { ...erik, role: 'admin' }, 'body.boards'],
  ])('refuses %s with 422 problem+json naming the field, and changes nothing', async (_case, body, path) => {
    const before = await t.api('GET', '/api/users', { as: admin });
    const answer = await t.api('PUT', '/api/users/sara.ny', { as: admin, body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    expect((await t.api('GET', '/api/users', { as: admin })).body).toEqual(before.body);
    expect((await t.api('GET', '/api/users/sara.ny/history', { as: admin })).status).toBe(404);
  });

  it("refuses someone else's e-mail address with 422 at body.email", async () => {
    await t.api('PUT', '/api/users/kim.kista', { as: admin, body: { name: 'Kim Kista', email: 'kim@kista.example', role: 'editor', boards: ['kista'] } });
    const answer = await t.api('PUT', '/api/users/kim.andra', { as: admin, body: { name: 'Kim Andra', email: 'KIM@kista.example', role: 'reviewer' } });
    expect(answer.status).toBe(422);
    expect(answer.body.errors).toEqual([{ path: 'body.email', message: expect.stringContaining('kim.kista') }]);
  });

  it('deactivates (204): kept in the list and the history, gone from the sign-in page; a PUT makes them active again', async () => {
    await t.api('PUT', '/api/users/mia.kista', { as: admin, body: { name: 'Mia Kista', email: 'mia@kista.example', role: 'editor', boards: ['kista'] } });
    const signIn = async () => ((await t.api('GET', '/api/dev/people')).body.people as Array<{ userId: string }>).map((person) => person.userId);
    expect(await signIn()).toContain('mia.kista');

    const gone = await t.api('DELETE', '/api/users/mia.kista', { as: admin });
    expect(gone.status).toBe(204);
    expect((await t.api('DELETE', '/api/users/mia.kista', { as: admin })).status).toBe(204);
    expect((await t.api('GET', '/api/users', { as: admin })).body.users).toContainEqual(expect.objectContaining({ userId: 'mia.kista', active: false }));
    expect(await signIn()).not.toContain('mia.kista');

    await t.api('PUT', '/api/users/mia.kista', { as: admin, body: { name: 'Mia Kista', email: 'mia@kista.example', role: 'editor', boards: ['kista'] } });
    expect(await signIn()).toContain('mia.kista');
    const history = await t.api('GET', '/api/users/mia.kista/history', { as: admin });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['invited', 'deactivated', 'reactivated']);
  });

  it('answers 404 to an unknown person, 409 to an admin deactivating themselves, and 403 to anyone but an admin', async () => {
    expect((await t.api('DELETE', '/api/users/nobody.here', { as: admin })).status).toBe(404);
    await t.api('PUT', `/api/users/${admin.sub}`, { as: admin, body: { name: 'Anna Controller', email: 'anna@stockholm.example', role: 'admin' } });
    const self = await t.api('DELETE', `/api/users/${admin.sub}`, { as: admin });
    expect(self.status).toBe(409);
    expect(self.body.detail).toMatch(/cannot deactivate yourself/);
    const demoted = await t.api('PUT', `/api/users/${admin.sub}`, { as: admin, body: { name: 'Anna Controller', email: 'anna@stockholm.example', role: 'reviewer' } });
    expect(demoted.status).toBe(422);
    expect((await t.api('GET', '/api/users', { as: admin })).body.users).toContainEqual(expect.objectContaining({ userId: admin.sub, role: 'admin', active: true }));
    const editor = { sub: 'erik.bromma', role: 'editor' as const, boards: ['bromma'] };
    for (const [method, path, body] of [['GET', '/api/users'], ['PUT', '/api/users/x.y', erik], ['DELETE', '/api/users/kim.kista'], ['GET', '/api/users/kim.kista/history']] as const) {
      expect((await t.api(method, path, { as: editor, body })).status, `${method} ${path}`).toBe(403);
    }
  });

  it('writes a person and their audit event in one transaction: a refused write leaves neither', async () => {
    const store = new DynamoPeopleDirectory(t.stack.db, t.tableName);
    const stored = (await store.get('erik.bromma'))!;
    const event = { at: '2026-12-04T12:00:00.000Z', actor: 'someone', role: 'admin', action: 'changed' as const, changes: [{ field: 'name' as const, from: stored.name, to: 'X' }] };
    const events = async () =>
      (await t.stack.db.send(new QueryCommand({ TableName: t.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': personAuditPk('erik.bromma') } }))).Items ?? [];
    const before = (await events()).length;
    // A writer that read an older version loses, and so does one creating a person who exists.
    await expect(store.save({ previous: { ...stored, version: stored.version! - 1 }, next: { ...stored, name: 'X' }, event })).rejects.toBeInstanceOf(PersonChanged);
    await expect(store.save({ next: { ...stored, name: 'X' }, event })).rejects.toBeInstanceOf(PersonExists);
    expect((await store.get('erik.bromma'))?.name).toBe(stored.name);
    expect(await events()).toHaveLength(before);
    await store.save({ previous: stored, next: { ...stored, name: 'Erik B.' }, event });
    expect((await events()).at(-1)).toMatchObject({ action: 'changed', actor: 'someone', changes: event.changes });
    await store.save({ previous: { ...stored, version: stored.version! + 1, name: 'Erik B.' }, next: stored, event: { ...event, changes: [] } });
  });

  it('keeps the people in the table across a restart, and a person added is one the sign-in page offers with their boards', async () => {
    await t.restart();
    const people = (await t.api('GET', '/api/dev/people')).body.people as Array<{ userId: string; boards: unknown[] }>;
    expect(people.find((person) => person.userId === 'erik.bromma')?.boards).toEqual([
      { boardId: 'bromma', name: 'bromma nämnd' },
      { boardId: 'bromma-skola', name: 'Brommaskolan', parent: { boardId: 'bromma', name: 'bromma nämnd' } },
    ]);
  });
});

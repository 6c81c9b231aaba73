import { describe, expect, it } from 'vitest';
import { admin, editorOf, storedBoard, testWorld } from '../../adapters/memory/fixtures';
import { MemoryPeopleDirectory } from '../../adapters/memory/people';
import { Conflict, NotFound, ServiceUnavailable, ValidationFailed } from '../../domain/errors';
import { DirectoryBusy, PersonChanged, type PeopleDirectory } from '../../ports/people';
import { deactivateUser, listUsers, putUser, userHistory } from './people';

const erik = { name: 'Erik Berg', email: 'erik@bromma.example', role: 'editor' as const, boards: ['bromma'] };

async function world() {
  const w = await testWorld();
  const people = new MemoryPeopleDirectory();
  const as = (actor = admin) => ({ actor, people, boards: w.boards, clock: w.clock });
  return { w, people, as };
}

describe('inviting and changing people', () => {
  it('invites a person (201), changes them (200), answers an unchanged PUT without an event, and lists them by name', async () => {
    const { w, people, as } = await world();
    expect(await putUser({ userId: 'erik.bromma', body: erik }, as())).toEqual({
      created: true,
      user: { userId: 'erik.bromma', ...erik, locale: 'sv', active: true },
    });
    w.clock.advance(60_000);
    const changed = await putUser({ userId: 'erik.bromma', body: { ...erik, boards: ['kista', 'bromma'], locale: 'en' } }, as());
    expect(changed).toMatchObject({ created: false, user: { boards: ['bromma', 'kista'], locale: 'en' } });
    await putUser({ userId: 'erik.bromma', body: { ...erik, boards: ['bromma', 'kista'] } }, as());
    await putUser({ userId: 'anna.admin', body: { name: 'Anna Controller', email: 'anna@stockholm.example', role: 'admin' } }, as());
    expect((await listUsers({ people })).map((user) => user.userId)).toEqual(['anna.admin', 'erik.bromma']);

    const { events } = await userHistory({ userId: 'erik.bromma' }, { people });
    expect(events.map((event) => event.action)).toEqual(['invited', 'changed']);
    expect(events[1]).toEqual({
      at: '2027-01-10T09:01:00.000Z',
      actor: admin.sub,
      role: 'admin',
      action: 'changed',
      changes: [
        { field: 'boards', from: ['bromma'], to: ['bromma', 'kista'] },
        { field: 'locale', from: 'sv', to: 'en' },
      ],
    });
  });

  it('refuses a bad entry with every problem at its field (422) and writes nothing', async () => {
    const { w, people, as } = await world();
    await w.boards.save(storedBoard('gamla', { archived: true }), 0);
    await putUser({ userId: 'ulla.utbildning', body: { ...erik, email: 'ulla@utbildning.example' } }, as());
    const error = await putUser({ userId: 'erik.bromma', body: { ...erik, email: 'ULLA@utbildning.example', boards: ['atlantis', 'gamla'] } }, as()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors?.map((problem) => problem.path)).toEqual(['body.boards.0', 'body.boards.1', 'body.email']);
    expect(await people.get('erik.bromma')).toBeUndefined();
    expect(await people.history('erik.bromma')).toEqual([]);
  });

  it('answers 409 when someone else saved the person between the read and the write, and 503 when the directory is busy', async () => {
    const { people, as } = await world();
    await putUser({ userId: 'erik.bromma', body: erik }, as());
    const racing: PeopleDirectory = Object.assign(Object.create(people) as PeopleDirectory, { save: async () => Promise.reject(new PersonChanged('erik.bromma')) });
    await expect(putUser({ userId: 'erik.bromma', body: { ...erik, name: 'Erik' } }, { ...as(), people: racing })).rejects.toBeInstanceOf(Conflict);
    const busy: PeopleDirectory = Object.assign(Object.create(people) as PeopleDirectory, { get: async () => Promise.reject(new DirectoryBusy(3)) });
    const error = await putUser({ userId: 'erik.bromma', body: erik }, { ...as(), people: busy }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as ServiceUnavailable).retryAfterSeconds).toBe(3);
    expect((await people.get('erik.bromma'))?.name).toBe('Erik Berg');
  });
});

describe('deactivating people', () => {
  it('deactivates a person, keeps them and their history, and a PUT makes them active again', async () => {
    const { people, as } = await world();
    await putUser({ userId: 'erik.bromma', body: erik }, as());
    await deactivateUser({ userId: 'erik.bromma' }, as());
    await deactivateUser({ userId: 'erik.bromma' }, as());
    expect(await listUsers({ people })).toMatchObject([{ userId: 'erik.bromma', active: false }]);
    await putUser({ userId: 'erik.bromma', body: erik }, as());
    const { events } = await userHistory({ userId: 'erik.bromma' }, { people });
    expect(events.map((event) => [event.action, event.changes])).toEqual([
      ['invited', expect.any(Array)],
      ['deactivated', [{ field: 'active', from: true, to: false }]],
      ['reactivated', [{ field: 'active', from: false, to: true }]],
    ]);
  });

  it('answers 404 for an unknown person and 409 to an admin deactivating themselves, changing nothing', async () => {
    const { people, as } = await world();
    await expect(deactivateUser({ userId: 'nobody' }, as())).rejects.toBeInstanceOf(NotFound);
    await expect(userHistory({ userId: 'nobody' }, { people })).rejects.toBeInstanceOf(NotFound);
    await putUser({ userId: admin.sub, body: { name: 'Admin', email: 'admin@stockholm.example', role: 'admin' } }, as());
    await expect(deactivateUser({ userId: admin.sub }, as())).rejects.toBeInstanceOf(Conflict);
    expect((await people.get(admin.sub))?.active).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { testWorld } from '../shared/adapters/memory/fixtures';
import { MemoryPeopleDirectory } from '../shared/adapters/memory/people';
import { seedFirstAdministrator } from './seedPeople';

describe('the first administrator of an empty store (DEMO=off)', () => {
  it('puts one administrator into an empty store, and nobody once someone is there', async () => {
    const w = await testWorld();
    const people = new MemoryPeopleDirectory();
    const deps = { people, boards: w.boards, clock: w.clock };
    expect(await seedFirstAdministrator(deps)).toEqual({ added: 1 });
    expect((await people.list()).map(({ userId, role, active }) => ({ userId, role, active }))).toEqual([{ userId: 'admin', role: 'admin', active: true }]);
    expect(await seedFirstAdministrator(deps)).toEqual({ added: 0 });
    expect(await people.list()).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { accessFromCityGroups, cityGroupRolesSchema, groupsOf } from './cityGroups';

const mapping = cityGroupRolesSchema.parse({
  'g-bromma-editors': { role: 'editor', boards: ['bromma'] },
  'g-farsta-editors': { role: 'editor', boards: ['farsta'] },
  'g-reviewers': { role: 'reviewer' },
  'g-admins': { role: 'admin' },
});

describe('the city groups mapping', () => {
  it.each([
    ['["g-1","g-2"]', ['g-1', 'g-2']],
    ['[g-1, g-2]', ['g-1', 'g-2']],
    ['g-1,g-2', ['g-1', 'g-2']],
    ['', []],
    [undefined, []],
  ])('reads the groups claim %j', (value, groups) => {
    expect(groupsOf(value)).toEqual(groups);
  });

  it.each([
    [['g-bromma-editors'], { role: 'editor', boards: ['bromma'] }],
    [['g-bromma-editors', 'g-farsta-editors'], { role: 'editor', boards: ['bromma', 'farsta'] }],
    [['g-bromma-editors', 'g-reviewers'], { role: 'reviewer', boards: [] }],
    [['g-reviewers', 'g-admins', 'g-unknown'], { role: 'admin', boards: [] }],
    [['g-unknown'], { boards: [] }],
    [[], { boards: [] }],
  ])('grants %j → %j', (groups, access) => {
    expect(accessFromCityGroups(groups, mapping)).toEqual(access);
  });

  it.each([
    [{ g: { role: 'superuser' } }],
    [{ g: { role: 'editor', boards: ['Not A Board'] } }],
    [{ g: { role: 'editor', extra: true } }],
  ])('refuses a mapping that names no Årshjul role or board: %j', (bad) => {
    expect(cityGroupRolesSchema.safeParse(bad).success).toBe(false);
  });
});

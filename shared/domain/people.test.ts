import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { changesBetween, eventActionOf, personProblems, type PersonEntry } from './people';

const admin: Actor = { sub: 'anna.admin', role: 'admin', boards: [] };
const directory = new Map([
  ['bromma', {}],
  ['kista', {}],
  ['gamla', { archived: true }],
]);
const erik: PersonEntry = { userId: 'erik.bromma', name: 'Erik Berg', email: 'erik@bromma.example', role: 'editor', boards: ['bromma'], locale: 'sv', active: true };

describe('what a person entry may say', () => {
  it.each([
    ['an editor of a board', {}, undefined, undefined, []],
    ['an unscoped reviewer', { role: 'reviewer', boards: [] }, undefined, undefined, []],
    ['a reviewer scoped to a board', { role: 'reviewer', boards: ['kista'] }, undefined, undefined, []],
    ['an editor without boards', { boards: [] }, undefined, undefined, ['body.boards']],
    ['an admin with boards', { role: 'admin' }, undefined, undefined, ['body.boards']],
    ['an executive with boards', { role: 'executive' }, undefined, undefined, ['body.boards']],
    ['an unknown board', { boards: ['bromma', 'atlantis'] }, undefined, undefined, ['body.boards.1']],
    ['a board listed twice', { boards: ['bromma', 'bromma'] }, undefined, undefined, ['body.boards.1']],
    ['an archived board newly given', { boards: ['gamla'] }, undefined, undefined, ['body.boards.0']],
    ['an archived board kept', { boards: ['gamla'] }, { ...erik, boards: ['gamla'] }, undefined, []],
    ["someone else's e-mail address", {}, undefined, 'ulla.utbildning', ['body.email']],
    ['their own e-mail address', {}, erik, 'erik.bromma', []],
  ] as const)('%s → %j', (_case, patch, existing, emailOwner, paths) => {
    const next = { ...erik, ...patch, boards: [...(patch as { boards?: readonly string[] }).boards ?? erik.boards] } as PersonEntry;
    const problems = personProblems(next, { actor: admin, existing: existing as PersonEntry | undefined, directory, emailOwner });
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });

  it.each([
    ['admin to editor', 'editor', ['bromma'], ['body.role']],
    ['admin to reviewer', 'reviewer', [], ['body.role']],
    ['admin stays admin', 'admin', [], []],
  ] as const)('an admin changing themselves: %s', (_case, role, boards, paths) => {
    const self: PersonEntry = { ...erik, userId: 'anna.admin', role: 'admin', boards: [] };
    const problems = personProblems({ ...self, role, boards: [...boards] }, { actor: admin, existing: self, directory });
    expect(problems.map((problem) => problem.path)).toEqual(paths);
  });

  it("knows the admin by their login subject too (in AWS the token's sub is Cognito's, the userId preferred_username)", () => {
    const self: PersonEntry & { subject: string } = { ...erik, userId: 'anna.admin', role: 'admin', boards: [], subject: 'c0ffee-1' };
    const actor: Actor = { sub: 'c0ffee-1', role: 'admin', boards: [] };
    expect(personProblems({ ...self, role: 'reviewer' }, { actor, existing: self, directory }).map((problem) => problem.path)).toEqual(['body.role']);
  });
});

describe('what changed', () => {
  it('lists only the fields that differ, with both values; a new person has only the values given', () => {
    expect(changesBetween(erik, { ...erik, role: 'reviewer', boards: [] })).toEqual([
      { field: 'role', from: 'editor', to: 'reviewer' },
      { field: 'boards', from: ['bromma'], to: [] },
    ]);
    expect(changesBetween(erik, erik)).toEqual([]);
    expect(changesBetween(undefined, erik).map((change) => change.field)).toEqual(['name', 'email', 'role', 'boards', 'locale']);
    expect(changesBetween(undefined, erik)[0]).toEqual({ field: 'name', to: 'Erik Berg' });
  });

  it.each([
    ['new', undefined, erik, 'invited'],
    ['renamed', erik, { ...erik, name: 'Erik B.' }, 'changed'],
    ['deactivated', erik, { ...erik, active: false }, 'deactivated'],
    ['active again', { ...erik, active: false }, erik, 'reactivated'],
  ] as const)('%s → %s', (_case, before, after, action) => {
    expect(eventActionOf(before, after)).toBe(action);
  });
});

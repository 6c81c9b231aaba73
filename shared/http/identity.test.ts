import { describe, expect, it } from 'vitest';
import { actorFromClaims } from './identity';

describe('actorFromClaims', () => {
  it.each([
    ['an array of groups', { sub: 'u1', 'cognito:groups': ['editor'], 'custom:boards': 'bromma,farsta' }, 'editor', ['bromma', 'farsta']],
    ['API Gateway rendering of an array', { sub: 'u1', 'cognito:groups': '[reviewer]' }, 'reviewer', []],
    ['a JSON array string', { sub: 'u1', 'cognito:groups': '["admin"]', 'custom:boards': '' }, 'admin', []],
    ['several groups, one of them a role', { sub: 'u1', 'cognito:groups': '[staff executive]' }, 'executive', []],
  ])('reads %s', (_case, claims, role, boards) => {
    expect(actorFromClaims(claims)).toMatchObject({ sub: 'u1', role, boards });
  });

  it.each([
    ['a name', { sub: 'u1', 'cognito:groups': ['editor'], name: 'Erik Berg' }, 'Erik Berg'],
    ['a name with spaces around it', { sub: 'u1', 'cognito:groups': ['editor'], name: '  Erik Berg ' }, 'Erik Berg'],
    ['no name', { sub: 'u1', 'cognito:groups': ['editor'] }, undefined],
    ['an empty name', { sub: 'u1', 'cognito:groups': ['editor'], name: ' ' }, undefined],
    ['a name that is not a string', { sub: 'u1', 'cognito:groups': ['editor'], name: 42 }, undefined],
  ])('reads the person\'s name from the name claim: %s', (_case, claims, name) => {
    expect(actorFromClaims(claims)?.name).toBe(name);
  });

  it.each([
    ['no claims', undefined],
    ['no subject', { 'cognito:groups': ['admin'] }],
    ['no role group', { sub: 'u1', 'cognito:groups': ['staff'] }],
  ])('answers undefined for %s', (_case, claims) => {
    expect(actorFromClaims(claims as Record<string, unknown> | undefined)).toBeUndefined();
  });
});

import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { actorFromClaims } from '../shared/http/identity';
import { devRoutes, type DevRouteDeps } from './devRoutes';
import { LocalTokenIssuer } from './tokenIssuer';

describe('local tokens carry the person\'s name', () => {
  it('puts name in the name claim, as Cognito does, and the Actor reads it back', async () => {
    const issuer = await LocalTokenIssuer.open();
    const token = await issuer.issue({ sub: 'erik.bromma', role: 'editor', boards: ['bromma'], name: 'Erik Berg' });
    const claims = await issuer.verify(token);
    expect(claims).toMatchObject({ sub: 'erik.bromma', name: 'Erik Berg' });
    expect(actorFromClaims(claims)).toMatchObject({ sub: 'erik.bromma', role: 'editor', name: 'Erik Berg' });
  });

  it('leaves the claim out when no name is given', async () => {
    const issuer = await LocalTokenIssuer.open();
    const claims = await issuer.verify(await issuer.issue({ sub: 'x', role: 'admin' }));
    expect(claims).not.toHaveProperty('name');
  });

  it('POST /api/dev/token takes an optional name, and refuses an empty one', async () => {
    const issuer = await LocalTokenIssuer.open();
    // The token route needs only the issuer; the clock and outbox belong to the other dev routes.
    const route = devRoutes({ issuer } as DevRouteDeps);
    const post = (body: unknown) => route({ method: 'POST', path: '/api/dev/token', body: JSON.stringify(body) });

    const named = await post({ sub: 'rut.reviewer', role: 'reviewer', name: 'Rut Analys' });
    expect(named?.status).toBe(200);
    expect(decodeJwt(JSON.parse(String(named!.body)).token)).toMatchObject({ sub: 'rut.reviewer', name: 'Rut Analys' });

    const anonymous = await post({ sub: 'rut.reviewer', role: 'reviewer' });
    expect(decodeJwt(JSON.parse(String(anonymous!.body)).token)).not.toHaveProperty('name');

    const empty = await post({ sub: 'rut.reviewer', role: 'reviewer', name: '  ' });
    expect(empty?.status).toBe(422);
    expect(JSON.parse(String(empty!.body)).errors[0].path).toBe('body.name');
  });
});

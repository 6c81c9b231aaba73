import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../shared/api/routes';
import { admin, startTestStack, type TestStack } from './support/localStack';

describe('the first slice of the API', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers health once the stack is ready', async () => {
    const answer = await t.api('GET', '/api/health');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ status: 'ok', now: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    // The stack's clock, which the demo moves, not the machine's.
    expect(Math.abs(Date.parse(answer.body.now) - t.stack.clock.now().getTime())).toBeLessThan(60_000);
  });

  it('publishes every route of the catalogue as OpenAPI 3.1, generated from the zod schemas', async () => {
    const answer = await t.api('GET', '/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    for (const route of apiRoutes) {
      expect(answer.body.paths[route.path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
    expect(Object.keys(answer.body.paths).some((path) => path.startsWith('/api/dev'))).toBe(false);
    expect(answer.body.components.schemas).toHaveProperty('CouncilGoals');
    expect(answer.body.components.schemas).toHaveProperty('Problem');
    expect(answer.body.paths['/api/boards/{boardId}'].put.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/BoardBody');
  });

  it('creates and lists boards, and keeps an update from overwriting a concurrent one', async () => {
    const created = await t.api('PUT', '/api/boards/bromma', { as: admin, body: { name: 'Bromma stadsdelsnämnd', kind: 'district', contacts: ['kansli@bromma.example'] } });
    expect(created.status).toBe(201);
    const updated = await t.api('PUT', '/api/boards/bromma', { as: admin, body: { name: 'Bromma SDN', kind: 'district', contacts: ['kansli@bromma.example'], locale: 'en' } });
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');
    const list = await t.api('GET', '/api/boards', { as: { sub: 'e', role: 'editor', boards: ['bromma'] } });
    expect(list.body.boards).toEqual([expect.objectContaining({ boardId: 'bromma', name: 'Bromma SDN', locale: 'en' })]);
    const invalid = await t.api('PUT', '/api/boards/Bad%20Id', { as: admin, body: { name: 'x', kind: 'district', contacts: ['a@b.example'] } });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    const noContacts = await t.api('PUT', '/api/boards/farsta', { as: admin, body: { name: 'Farsta', kind: 'district', contacts: [] } });
    expect(noContacts.status).toBe(422);
    expect(noContacts.body.errors[0].path).toBe('body.contacts');
    expect((await t.api('GET', '/api/boards', { as: admin })).body.boards).toHaveLength(1);
  });

  it('issues local tokens only in the shape Cognito has, and refuses forged ones', async () => {
    const issued = await t.api('POST', '/api/dev/token', { body: { sub: 'x', role: 'admin' } });
    expect(issued.status).toBe(200);
    const payload = JSON.parse(Buffer.from(issued.body.token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ sub: 'x', 'cognito:groups': ['admin'] });
    const forged = `${issued.body.token.split('.').slice(0, 2).join('.')}.AAAA`;
    const answer = await fetch(`${t.stack.url}/api/boards`, { headers: { authorization: `Bearer ${forged}` } });
    expect(answer.status).toBe(401);
    expect((await t.api('POST', '/api/dev/token', { body: { sub: 'x', role: 'mayor' } })).status).toBe(422);
  });

  it('answers a body that is not JSON with 415 and changes nothing, and an Accept it cannot meet with 406', async () => {
    const body = JSON.stringify({ name: 'Kista', kind: 'district', contacts: ['kansli@kista.example'] });
    const asText = await t.api('PUT', '/api/boards/kista', { as: admin, rawBody: body, headers: { 'content-type': 'text/plain' } });
    expect(asText.status).toBe(415);
    expect(asText.headers.get('content-type')).toBe('application/problem+json');
    expect(asText.body).toMatchObject({ status: 415, title: 'Unsupported media type' });
    const boards = (await t.api('GET', '/api/boards', { as: admin })).body.boards as Array<{ boardId: string }>;
    expect(boards.map((board) => board.boardId)).not.toContain('kista');

    const csvOnly = await t.api('GET', '/api/boards', { as: admin, headers: { accept: 'text/csv' } });
    expect(csvOnly.status).toBe(406);
    expect(csvOnly.headers.get('content-type')).toBe('application/problem+json');
    expect((await t.api('GET', '/api/boards', { as: admin, headers: { accept: '*/*' } })).status).toBe(200);
    expect((await t.api('GET', '/api/public/cycles/2026/meters.csv', { headers: { accept: 'application/json' } })).status).toBe(406);
  });
});

import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { apiEvent, testContext } from '../../test/support/apiEvent';
import type { IdempotencyStore, IdempotentAnswer } from '../ports/idempotencyStore';
import { apiRoutes } from '../api/routes';
import { publicCacheControl } from './caching';
import { httpHandler, type HttpResult } from './handler';
import { defineRoute } from './route';

const editor = { sub: 'editor.bromma', role: 'editor' as const, boards: ['bromma'] };
const admin = { sub: 'anna.admin', role: 'admin' as const };

/** A route like saving a document: on a board, with a body, an ETag and remembered answers. */
const saveRoute = defineRoute({
  operationId: 'probeSave',
  action: 'documents.save',
  method: 'put',
  path: '/probe/{boardId}',
  summary: 'probe',
  tag: 'probe',
  auth: 'jwt',
  etag: true,
  idempotency: 'remembered',
  params: z.object({ boardId: z.string() }),
  headers: z.object({ 'idempotency-key': z.string().optional() }),
  body: z.object({ title: z.string().min(1) }),
  responses: { 200: { description: 'saved' } },
});

const csvRoute = defineRoute({
  operationId: 'probeCsv',
  method: 'get',
  path: '/probe.csv',
  summary: 'probe',
  tag: 'probe',
  auth: 'public',
  produces: 'text/csv',
  responses: { 200: { description: 'csv' } },
});

/** A public answer shared caches may keep, like the meters. */
const meterRoute = defineRoute({
  operationId: 'probeMeters',
  method: 'get',
  path: '/api/public/probe/{year}',
  summary: 'probe',
  tag: 'probe',
  auth: 'public',
  cache: 'public',
  params: z.object({ year: z.coerce.number() }),
  responses: { 200: { description: 'meters' }, 404: { description: 'none' } },
});

/** Remembered answers, stamped with the time the store's clock gives (as the DynamoDB store's expiry is). */
class MemoryAnswers implements IdempotencyStore {
  readonly stored = new Map<string, IdempotentAnswer & { at: Date }>();
  constructor(private readonly clock = { now: () => new Date() }) {}
  async get(actorSub: string, key: string) {
    return this.stored.get(`${actorSub}#${key}`);
  }
  async remember(answer: IdempotentAnswer) {
    this.stored.set(`${answer.actorSub}#${answer.key}`, { ...answer, at: this.clock.now() });
  }
}

function saveHandler(now = new Date('2026-03-01T10:00:00Z'), answers = new MemoryAnswers({ now: () => now })) {
  const calls: unknown[] = [];
  const handler = httpHandler(
    saveRoute,
    async ({ body }): Promise<HttpResult> => {
      calls.push(body);
      return { status: 200, body: { ...body, version: calls.length + 2 } };
    },
    { answers },
  );
  return { handler, calls, answers };
}

const put = (options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; caller?: typeof editor | typeof admin; boardId?: string }) => {
  const event = apiEvent({
    method: 'PUT',
    path: `/probe/${options.boardId ?? 'bromma'}`,
    routePath: '/probe/{boardId}',
    pathParameters: { boardId: options.boardId ?? 'bromma' },
    body: options.body,
    headers: options.headers,
    caller: options.caller ?? editor,
  });
  if (options.rawBody !== undefined) event.body = options.rawBody;
  return event;
};

describe('the HTTP edge: media types', () => {
  it.each([
    ['text/plain', 415],
    ['application/x-www-form-urlencoded', 415],
    ['application/merge-patch+json', 415],
    ['application/json; charset=utf-16', 415],
    ['application/json', 200],
    ['application/json; charset=utf-8', 200],
    ['Application/JSON; charset="UTF-8"', 200],
  ])('answers a body sent as %s with %i', async (contentType, status) => {
    const { handler, calls } = saveHandler();
    const answer = await handler(put({ body: { title: 'Plan' }, headers: { 'content-type': contentType } }), testContext());
    expect(answer.statusCode).toBe(status);
    if (status === 415) {
      expect(answer.headers?.['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body!)).toMatchObject({ status: 415, title: 'Unsupported media type' });
      expect(calls).toEqual([]);
    }
  });

  it('answers a body without a Content-Type with 415', async () => {
    const { handler, calls } = saveHandler();
    const event = put({ body: { title: 'Plan' } });
    delete event.headers['content-type'];
    expect((await handler(event, testContext())).statusCode).toBe(415);
    expect(calls).toEqual([]);
  });

  it.each([
    [undefined, 200],
    ['*/*', 200],
    ['application/*', 200],
    ['application/json', 200],
    ['text/html, application/json;q=0.9', 200],
    ['text/csv', 406],
    ['application/problem+json', 406],
    ['application/json;q=0', 406],
  ])('answers a JSON route asked for Accept: %s with %i', async (accept, status) => {
    const { handler, calls } = saveHandler();
    const answer = await handler(put({ body: { title: 'Plan' }, headers: accept ? { accept } : {} }), testContext());
    expect(answer.statusCode).toBe(status);
    if (status === 406) {
      expect(answer.headers?.['content-type']).toBe('application/problem+json');
      expect(calls).toEqual([]);
    }
  });

  it('serves the route media type of a text body, and refuses an Accept without it', async () => {
    const handler = httpHandler(csvRoute, async () => ({ status: 200, text: 'a;b\r\n' }));
    const get = (accept?: string) =>
      handler(apiEvent({ method: 'GET', path: '/probe.csv', routePath: '/probe.csv', headers: accept ? { accept } : {} }), testContext());
    const csv = await get('text/csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe('a;b\r\n');
    expect((await get('text/*')).statusCode).toBe(200);
    expect((await get('application/json')).statusCode).toBe(406);
  });

  it('sends a binary body base64-encoded with isBase64Encoded, in the route media type', async () => {
    const docxRoute = defineRoute({ ...csvRoute, operationId: 'probeDocx', path: '/probe.docx', produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const answer = await httpHandler(docxRoute, async () => ({ status: 200, bytes, headers: { 'content-disposition': 'attachment; filename="a.docx"' } }))(
      apiEvent({ method: 'GET', path: '/probe.docx', routePath: '/probe.docx' }),
      testContext(),
    );
    expect(answer).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'content-disposition': 'attachment; filename="a.docx"' } });
    expect([...Buffer.from(answer.body!, 'base64')]).toEqual([...bytes]);
  });
});

describe('the HTTP edge: one authority, one response mapping', () => {
  it('refuses a caller without the right with 403 before reading the body', async () => {
    const { handler, calls } = saveHandler();
    const answer = await handler(put({ boardId: 'farsta', rawBody: '{"title": ', headers: { 'content-type': 'text/plain' } }), testContext());
    expect(answer.statusCode).toBe(403);
    expect(JSON.parse(answer.body!).errors).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('decides for the target a resolver finds, for example from a port', async () => {
    // As a unit below a board would: the decision is about the board the resolver names, not the path's.
    const handler = httpHandler(saveRoute, async ({ body }) => ({ status: 200, body }), {
      target: async () => ({ boardId: 'bromma' }),
      answers: new MemoryAnswers(),
    });
    expect((await handler(put({ boardId: 'bromma-skola', body: { title: 'Plan' } }), testContext())).statusCode).toBe(200);
    const refused = httpHandler(saveRoute, async ({ body }) => ({ status: 200, body }), {
      target: async () => ({ boardId: 'farsta' }),
      answers: new MemoryAnswers(),
    });
    expect((await refused(put({ boardId: 'bromma', body: { title: 'Plan' } }), testContext())).statusCode).toBe(403);
  });

  it('sends the ETag of the body version on a route that has one', async () => {
    const { handler } = saveHandler();
    const answer = await handler(put({ body: { title: 'Plan' } }), testContext());
    expect(answer.headers?.etag).toBe('"3"');
    expect(answer.headers?.['content-type']).toBe('application/json; charset=utf-8');
  });

  it('refuses to build a handler that remembers answers without a store', () => {
    expect(() => httpHandler(saveRoute, async () => ({ status: 200 }))).toThrow(/answer store/);
  });
});

describe('the HTTP edge: public answers shared caches keep', () => {
  const meters = { year: 2026, meters: [{ indicator: 'KF-1', boards: 12 }] };
  const handler = httpHandler(meterRoute, async ({ params }) =>
    params.year === 2026 ? { status: 200, body: meters } : { status: 404, body: { title: 'No such cycle' } },
  );
  const get = (headers: Record<string, string> = {}, year = '2026') =>
    handler(apiEvent({ method: 'GET', path: `/api/public/probe/${year}`, routePath: '/api/public/probe/{year}', pathParameters: { year }, headers }), testContext());

  it('sends Cache-Control and a strong ETag of the body, the same for the same answer', async () => {
    const first = await get();
    expect(first.statusCode).toBe(200);
    expect(first.headers?.['cache-control']).toBe('public, max-age=60, stale-while-revalidate=30');
    expect(first.headers?.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(JSON.parse(first.body!)).toEqual(meters);
    expect((await get()).headers?.etag).toBe(first.headers?.etag);
  });

  it('answers If-None-Match naming the ETag with 304 and no body, and anything else with the body', async () => {
    const etag = String((await get()).headers!.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const answer = await get({ 'if-none-match': ifNoneMatch });
      expect(answer.statusCode, ifNoneMatch).toBe(304);
      expect(answer.body).toBeUndefined();
      expect(answer.headers).toMatchObject({ etag, 'cache-control': publicCacheControl });
    }
    const changed = await get({ 'if-none-match': '"an-older-answer"' });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toBeDefined();
  });

  it('keeps refusals out of shared caches, and other routes uncached', async () => {
    const missing = await get({}, '2031');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers?.['cache-control']).toBeUndefined();
    expect(missing.headers?.etag).toBeUndefined();
    const csv = await httpHandler(csvRoute, async () => ({ status: 200, text: 'a;b' }))(
      apiEvent({ method: 'GET', path: '/probe.csv', routePath: '/probe.csv', headers: { accept: 'text/csv' } }),
      testContext(),
    );
    expect(csv.headers?.['cache-control']).toBeUndefined();
  });

  it('caches exactly the routes under /api/public/, and each of those answers the same to everyone', () => {
    const cached = apiRoutes.filter((route) => route.cache === 'public');
    expect(cached.map((route) => route.path)).toEqual(apiRoutes.filter((route) => route.path.startsWith('/api/public/')).map((route) => route.path));
    expect(cached.length).toBeGreaterThan(0);
    for (const route of cached) expect([route.auth, route.action, route.headers]).toEqual(['public', undefined, undefined]);
  });
});

describe('the HTTP edge: remembered answers', () => {
  it('answers a retry with the same key with the first answer, stored at the clock time', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const { handler, calls, answers } = saveHandler(now);
    const headers = { 'idempotency-key': 'k-1' };
    const first = await handler(put({ body: { title: 'Plan' }, headers }), testContext());
    const retry = await handler(put({ body: { title: 'Plan' }, headers }), testContext());
    expect(calls).toHaveLength(1);
    expect(retry.statusCode).toBe(200);
    expect(JSON.parse(retry.body!)).toEqual(JSON.parse(first.body!));
    expect(retry.headers?.etag).toBe(first.headers?.etag);
    expect([...answers.stored.values()].map((record) => record.at)).toEqual([now]);
  });

  it('refuses a key reused for another request, and keys are per caller', async () => {
    const { handler, calls } = saveHandler();
    const headers = { 'idempotency-key': 'k-2' };
    await handler(put({ body: { title: 'Plan' }, headers }), testContext());
    const reused = await handler(put({ body: { title: 'Other' }, headers }), testContext());
    expect(reused.statusCode).toBe(422);
    expect(JSON.parse(reused.body!).errors).toEqual([{ path: 'header.idempotency-key', message: 'already used for a different request' }]);
    expect(calls).toHaveLength(1);
  });

  it('remembers no refusal: a retry after a failure runs again', async () => {
    const answers = new MemoryAnswers();
    let failures = 1;
    const handler = httpHandler(
      saveRoute,
      async ({ body }) => {
        if (failures-- > 0) return { status: 409, body: { title: 'busy' } };
        return { status: 200, body };
      },
      { answers },
    );
    const headers = { 'idempotency-key': 'k-3' };
    expect((await handler(put({ body: { title: 'Plan' }, headers }), testContext())).statusCode).toBe(409);
    expect((await handler(put({ body: { title: 'Plan' }, headers }), testContext())).statusCode).toBe(200);
    expect(answers.stored.size).toBe(1);
  });
});

import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { idempotencyKeySchema, ifMatchSchema } from '../http/headers';
import { defineRoute } from '../http/route';
import { buildOpenApiDocument } from './openapi';
import { apiRoutes } from './routes';

type Answer = { $ref?: string; description?: string; headers?: Record<string, unknown>; content?: Record<string, unknown> };
type Operation = { responses: Record<string, Answer>; parameters: Array<{ $ref?: string; name?: string }> };

const document = buildOpenApiDocument();
const operation = (method: string, path: string) => (document.paths[path] as Record<string, Operation>)[method]!;
/** A response, with a `$ref` to a shared one followed. */
const resolved = (answer: Answer): Answer =>
  answer.$ref ? (document.components.responses as Record<string, Answer>)[answer.$ref.split('/').at(-1)!]! : answer;
const statuses = (method: string, path: string) => Object.keys(operation(method, path).responses).map(Number);

describe('the OpenAPI document lists every answer a route gives', () => {
  it.each([
    ['get', '/api/health', [200, 406, 429, 503]],
    ['get', '/api/boards', [200, 401, 403, 406, 429, 503]],
    ['put', '/api/boards/{boardId}', [200, 201, 400, 401, 403, 406, 412, 413, 415, 422, 428, 429, 503]],
    ['delete', '/api/boards/{boardId}', [204, 400, 401, 403, 404, 406, 409, 412, 428, 429, 503]],
    ['post', '/api/cycles', [201, 400, 401, 403, 406, 409, 413, 415, 422, 429, 503]],
    ['get', '/api/cycles/{year}', [200, 400, 401, 403, 404, 406, 429, 503]],
    ['put', '/api/cycles/{year}/boards/{boardId}/documents/{kind}', [200, 400, 401, 403, 404, 406, 409, 412, 413, 415, 422, 428, 429, 503]],
    ['post', '/api/cycles/{year}/boards/{boardId}/documents/{kind}/submit', [202, 400, 401, 403, 404, 406, 409, 422, 429, 503]],
    ['get', '/api/public/cycles/{year}/meters.csv', [200, 304, 400, 404, 406, 429, 503]],
    ['get', '/api/review-queue', [200, 400, 401, 403, 406, 429, 503]],
  ])('%s %s answers %j', (method, path, expected) => {
    expect(statuses(method, path)).toEqual(expected);
  });

  it('derives them from the route spec, so a new route cannot be left undocumented', () => {
    const route = defineRoute({
      operationId: 'putThing',
      action: 'boards.put',
      method: 'put',
      path: '/api/cycles/{year}/things/{thingId}',
      summary: 'A route that is not in the table',
      tag: 'test',
      auth: 'jwt',
      params: z.object({ year: z.number(), thingId: z.string() }),
      headers: z.object({ 'if-match': ifMatchSchema.optional(), 'idempotency-key': idempotencyKeySchema.optional() }),
      body: z.object({ name: z.string() }),
      responses: { 200: { description: 'Saved' }, 409: { description: 'As the route says' } },
    });
    const responses = (buildOpenApiDocument([route]).paths['/api/cycles/{year}/things/{thingId}'] as Record<string, Operation>).put!.responses;
    expect(Object.keys(responses).map(Number)).toEqual([200, 400, 401, 403, 404, 406, 409, 412, 413, 415, 422, 428, 429, 503]);
    // The PUT creates the thing its last segment names; only the year must exist already.
    expect(responses[404]!.description).toBe('Not found: the path names a year that does not exist');
    expect(responses[403]!.description).toContain('boards.put');
    expect(responses[409]!.description).toBe('As the route says');
    expect(responses[422]!.description).toContain('Idempotency-Key');
  });

  it('keeps what a route declares', () => {
    for (const route of apiRoutes) {
      for (const [status, declared] of Object.entries(route.responses)) {
        expect(operation(route.method, route.path).responses[status]?.description, `${route.operationId} ${status}`).toBe(declared.description);
      }
    }
  });

  it('gives every answer the correlation id, and 429 and 503 Retry-After', () => {
    for (const route of apiRoutes) {
      const op = operation(route.method, route.path);
      expect(op.parameters, route.operationId).toContainEqual({ $ref: '#/components/parameters/CorrelationId' });
      for (const [status, answer] of Object.entries(op.responses)) {
        const headers = resolved(answer).headers ?? {};
        expect(headers, `${route.operationId} ${status}`).toHaveProperty('x-correlation-id');
        if (status === '429' || status === '503') expect(headers, `${route.operationId} ${status}`).toHaveProperty('retry-after');
        if (Number(status) >= 400) expect(Object.keys(resolved(answer).content ?? {}), `${route.operationId} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('names the ETag on exactly the answers that send one', () => {
    const withEtag = apiRoutes.flatMap((route) =>
      Object.entries(operation(route.method, route.path).responses)
        .filter(([, answer]) => 'etag' in (resolved(answer).headers ?? {}))
        .map(([status]) => `${route.operationId} ${status}`),
    );
    expect(withEtag.sort()).toEqual(
      [
        'changeCalendar 200',
        'createCycle 201',
        'getBudget 200',
        'getCouncilGoals 200',
        'getCycle 200',
        'getDocument 200',
        'getPublicIndicator 200',
        'getReportSections 200',
        'getPublicIndicator 304',
        'getPublicIndicatorCsv 200',
        'getPublicIndicatorCsv 304',
        'getPublicMeters 200',
        'getPublicMeters 304',
        'getPublicMetersCsv 200',
        'getPublicMetersCsv 304',
        'listPublicCycles 200',
        'listPublicCycles 304',
        'putBoard 200',
        'putBoard 201',
        'putBudget 200',
        'putCouncilGoals 200',
        'putReportSections 200',
        'saveDocument 200',
      ].sort(),
    );
  });

  it('has a license', () => {
    expect(document.info.license).toEqual({ name: expect.any(String), identifier: expect.any(String) });
  });
});

import { boardBodySchema, boardListSchema, boardSchema } from '../schemas/boards';
import { boardIdSchema, problemSchema, z } from '../schemas/common';
import { defineRoute } from '../http/route';

/**
 * The HTTP contract in code (../shared/docs/api.md): every route, its auth and its schemas.
 * Handlers validate with these; GET /api/openapi.json is generated from them.
 */
export const healthRoute = defineRoute({
  operationId: 'getHealth',
  method: 'get',
  path: '/api/health',
  summary: 'Readiness: ok once the stack can reach its table',
  tag: 'system',
  auth: 'public',
  responses: { 200: { description: 'Ready', schema: z.object({ status: z.literal('ok') }) }, 503: { description: 'Not ready', schema: problemSchema } },
});

export const openApiRoute = defineRoute({
  operationId: 'getOpenApi',
  method: 'get',
  path: '/api/openapi.json',
  summary: 'This API as OpenAPI 3.1, generated from the zod schemas',
  tag: 'system',
  auth: 'public',
  responses: { 200: { description: 'The OpenAPI document' } },
});

export const putBoardRoute = defineRoute({
  operationId: 'putBoard',
  method: 'put',
  path: '/api/boards/{boardId}',
  summary: 'Create or update a board (admin)',
  tag: 'boards',
  auth: 'jwt',
  params: z.object({ boardId: boardIdSchema }),
  body: boardBodySchema,
  responses: {
    200: { description: 'Updated', schema: boardSchema },
    201: { description: 'Created', schema: boardSchema },
    403: { description: 'Not an admin', schema: problemSchema },
    422: { description: 'Invalid board', schema: problemSchema },
  },
});

export const listBoardsRoute = defineRoute({
  operationId: 'listBoards',
  method: 'get',
  path: '/api/boards',
  summary: 'All boards and company boards',
  tag: 'boards',
  auth: 'jwt',
  responses: { 200: { description: 'The boards, by id', schema: boardListSchema } },
});

export const apiRoutes = [healthRoute, openApiRoute, putBoardRoute, listBoardsRoute];

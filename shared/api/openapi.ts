import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { problemSchema } from '../schemas/common';
import type { RouteSpec } from '../http/route';
import { apiRoutes } from './routes';

/** Builds the OpenAPI 3.1 document from the route catalogue; nothing here is written by hand. */
export function buildOpenApiDocument(routes: RouteSpec[] = apiRoutes) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.register('Problem', problemSchema);
  for (const route of routes) {
    registry.registerPath({
      method: route.method,
      path: route.path,
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'jwt' ? [{ [bearer.name]: [] }] : [],
      request: {
        ...(route.params ? { params: route.params as never } : {}),
        ...(route.query ? { query: route.query as never } : {}),
        ...(route.headers ? { headers: route.headers as never } : {}),
        ...(route.body ? { body: { content: { 'application/json': { schema: route.body } } } } : {}),
      },
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? { content: { [Number(status) >= 400 ? 'application/problem+json' : route.produces ?? 'application/json']: { schema: response.schema } } }
              : {}),
          },
        ]),
      ),
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Årshjul API',
      version: '1',
      description: "A city's yearly governance cycle: council goals, board plans, review, follow-up reports, sign-off and public strategy meters.",
    },
    servers: [{ url: '/' }],
  });
}

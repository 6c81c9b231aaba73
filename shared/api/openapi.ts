import * as z from 'zod';
import '../schemas/openapiMeta';
import { boardSchema } from '../schemas/boards';
import { problemSchema } from '../schemas/common';
import { councilGoalsSchema } from '../schemas/councilGoals';
import { createdCycleSchema, cycleSchema } from '../schemas/cycles';
import { documentSchema } from '../schemas/documents';
import { budgetSchema, reportSectionsSchema } from '../schemas/economy';
import { publicCacheControl } from '../http/caching';
import { MAX_BODY_BYTES } from '../http/handler';
import type { RouteSpec } from '../http/route';
import { apiRoutes } from './routes';

type JsonSchema = Record<string, unknown>;
type Schema = z.core.$ZodType;

const componentRef = (id: string) => `#/components/schemas/${id}`;
/** Ids for the route-level schemas that have no name of their own; they are inlined, never components. */
const INLINE_PREFIX = '~inline-';

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && typeof (value as { _zod?: { def?: { type?: unknown } } })._zod?.def?.type === 'string';
}

/** Every schema reachable from `schema` that `.openapi('Name')` named, by name: these become components. */
function collectNamed(schema: Schema, named: Map<string, Schema>, seen: Set<Schema>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const id = z.globalRegistry.get(schema)?.id;
  if (id) {
    const other = named.get(id);
    if (other && other !== schema) throw new Error(`Two different schemas are both named ${id} with .openapi()`);
    named.set(id, schema);
  }
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const visit = (value: unknown): void => {
    if (isSchema(value)) collectNamed(value, named, seen);
    else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const [key, value] of Object.entries(def)) {
    if (key === 'checks') continue;
    if (key === 'shape' && value && typeof value === 'object') Object.values(value).forEach(visit);
    else if (key === 'getter' && typeof value === 'function') visit((value as () => unknown)());
    else visit(value);
  }
}

/**
 * Converts every schema of the route catalogue at once with zod's own `z.toJSONSchema` (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses it): schemas named with `.openapi('Name')` become `#/components/schemas/Name`, the rest are
 * inlined where they are used. Input types throughout, as a client sends them (defaults make fields optional).
 */
function convertAll(routeSchemas: Schema[]) {
  const named = new Map<string, Schema>();
  const seen = new Set<Schema>();
  for (const schema of routeSchemas) collectNamed(schema, named, seen);

  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of named) registry.add(schema, { id });
  const inlineIds = new Map<Schema, string>();
  for (const schema of routeSchemas) {
    if (z.globalRegistry.get(schema)?.id || inlineIds.has(schema)) continue;
    const id = `${INLINE_PREFIX}${inlineIds.size}`;
    inlineIds.set(schema, id);
    registry.add(schema, { id });
  }

  const { schemas } = z.toJSONSchema(registry, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', uri: componentRef }) as {
    schemas: Record<string, JsonSchema>;
  };
  if (schemas.__shared) throw new Error('A schema could not be made a component (a cycle through an unnamed schema?)');
  for (const schema of Object.values(schemas)) {
    delete schema.$id;
    delete schema.$schema;
  }
  const inline = new Map<string, JsonSchema>();
  for (const id of inlineIds.values()) inline.set(id, schemas[id]!);
  // An unnamed schema that is both a route's and part of a component is referenced by its stand-in id: inline it.
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const object = value as JsonSchema;
    if (typeof object.$ref === 'string' && object.$ref.startsWith(componentRef(INLINE_PREFIX))) {
      const { $ref, ...rest } = object;
      return { ...(resolve(inline.get($ref.slice(componentRef('').length))) as JsonSchema), ...(resolve(rest) as JsonSchema) };
    }
    return Object.fromEntries(Object.entries(object).map(([key, inner]) => [key, resolve(inner)]));
  };
  const components = Object.fromEntries([...named.keys()].sort((a, b) => a.localeCompare(b)).map((id) => [id, resolve(schemas[id]) as JsonSchema]));
  /** A `$ref` for a named schema (or, with `expand`, the component itself); the schema itself otherwise. */
  const schemaFor = (schema: Schema, expand = false): JsonSchema => {
    const id = z.globalRegistry.get(schema)?.id;
    if (id) return expand ? components[id]! : { $ref: componentRef(id) };
    return resolve(schemas[inlineIds.get(schema)!]) as JsonSchema;
  };
  return { components, schemaFor };
}

/** An object schema of path, query or header values as OpenAPI parameters, one per property. */
function parameters(object: JsonSchema, location: 'path' | 'query' | 'header') {
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  return Object.entries(properties).map(([name, schema]) => ({
    schema,
    required: location === 'path' || required.has(name),
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
    name,
    in: location,
  }));
}

/** The resources that carry a `version`: an answer that represents one (GET, PUT, PATCH, or a 201) sends it as `ETag`. */
const versionedResources = new Set<unknown>([boardSchema, cycleSchema, createdCycleSchema, councilGoalsSchema, documentSchema, budgetSchema, reportSectionsSchema]);

const header = (name: string) => ({ $ref: `#/components/headers/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const problemContent = { 'application/problem+json': { schema: { $ref: componentRef('Problem') } } };

/** Response headers, each described once. */
const headers = {
  CorrelationId: {
    description:
      'The `x-correlation-id` the caller sent (letters, digits, `.`, `_`, `-`; at most 100), or the request id: quote it when asking about a request. ' +
      "Answers that API Gateway makes itself (its throttle, its JWT authorizer) do not carry it.",
    schema: { type: 'string' },
  },
  ETag: { description: 'The version of the resource, e.g. `"3"`: send it back as `If-Match` to change it.', schema: { type: 'string' } },
  ContentETag: { description: 'A strong ETag of the body: send it back as `If-None-Match` to get 304 while the answer is unchanged.', schema: { type: 'string' } },
  CacheControl: {
    description: `\`${publicCacheControl}\`: the same answer for everyone, which shared caches (CloudFront, the browser) may keep.`,
    schema: { type: 'string' },
  },
  RetryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 0 } },
};

/** Problem answers that read the same on every route that gives them. */
const sharedResponses = {
  BadRequest: 'Bad request: a path, query or header value is not valid, or the body is not JSON; `errors` lists each value to correct',
  Unauthorized: 'Not signed in: send a valid token as `Authorization: Bearer <token>`',
  NotAcceptable: 'Not acceptable: `Accept` names no media type this route answers with',
  PayloadTooLarge: `Payload too large: the body is over ${MAX_BODY_BYTES / 1024} KB`,
  UnsupportedMediaType: 'Unsupported media type: send the body as `application/json`',
  TooManyRequests: "Too many requests: over the API's throttle limit; nothing was changed, wait `Retry-After` seconds",
  ServiceUnavailable: 'Service unavailable: the data store is busy or not reachable yet; nothing was changed, try again after `Retry-After` seconds',
};

const problemAnswer = (description: string, retry = false) => ({
  description,
  headers: { 'x-correlation-id': header('CorrelationId'), ...(retry ? { 'retry-after': header('RetryAfter') } : {}) },
  content: problemContent,
});

/** The names of an object schema's properties (path, query or header values). */
const propertyNames = (object: JsonSchema | undefined) => Object.keys((object?.properties ?? {}) as object);

/**
 * Every answer a route can give, read off its RouteSpec (the same facts the handler acts on), so that the
 * document cannot drift from what is sent: a route-declared answer stays as declared, the rest are derived.
 */
function answersOf(route: RouteSpec, inputs: { params: string[]; query: string[]; headers: string[] }) {
  const reads = inputs.params.filter((name) => !(route.method === 'put' && route.path.endsWith(`{${name}}`)));
  const derived: Record<number, unknown> = {};
  if (inputs.params.length || inputs.query.length || inputs.headers.length || route.body) derived[400] = response('BadRequest');
  if (route.auth === 'jwt') derived[401] = response('Unauthorized');
  if (route.action) derived[403] = problemAnswer(`Not allowed: the caller's role or boards do not allow \`${route.action}\` here`);
  // A PUT creates what its last path segment names; every other resource the path names must exist.
  if (reads.length) derived[404] = problemAnswer(`Not found: the path names a ${reads.join(', ')} that does not exist`);
  derived[406] = response('NotAcceptable');
  const idempotent = inputs.headers.includes('idempotency-key');
  if (idempotent) derived[409] = problemAnswer('Conflict with the current state, or with a request under way that sent the same `Idempotency-Key`');
  if (inputs.headers.includes('if-match')) {
    derived[412] = problemAnswer('Precondition failed: `If-Match` names an older version; read it again and apply the change to the new one');
    derived[428] = problemAnswer('Precondition required: send `If-Match` with the `ETag` you read');
  }
  if (route.body) {
    derived[413] = response('PayloadTooLarge');
    derived[415] = response('UnsupportedMediaType');
  }
  if (route.body || idempotent) {
    derived[422] = problemAnswer(
      [route.body ? 'Validation failed: `errors` lists each field to correct' : undefined, idempotent ? 'the `Idempotency-Key` was used for a different request' : undefined]
        .filter(Boolean)
        .join('; or '),
    );
  }
  if (route.cache === 'public') {
    derived[304] = {
      description: 'Not modified: `If-None-Match` names the ETag of the current answer; no body',
      headers: { 'x-correlation-id': header('CorrelationId'), etag: header('ContentETag'), 'cache-control': header('CacheControl') },
    };
  }
  derived[429] = response('TooManyRequests');
  derived[503] = response('ServiceUnavailable');
  return derived;
}

/** Builds the OpenAPI 3.1 document from the route catalogue; nothing here is written by hand. */
export function buildOpenApiDocument(routes: RouteSpec[] = apiRoutes) {
  const routeSchemas = [problemSchema as Schema];
  for (const route of routes) {
    for (const schema of [route.params, route.query, route.headers, route.body]) if (schema) routeSchemas.push(schema);
    for (const response of Object.values(route.responses)) if (response.schema) routeSchemas.push(response.schema);
  }
  const { components, schemaFor } = convertAll(routeSchemas);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const params = route.params ? schemaFor(route.params, true) : undefined;
    const query = route.query ? schemaFor(route.query, true) : undefined;
    const requestHeaders = route.headers ? schemaFor(route.headers, true) : undefined;
    const parameterList = [
      ...(params ? parameters(params, 'path') : []),
      ...(query ? parameters(query, 'query') : []),
      ...(requestHeaders ? parameters(requestHeaders, 'header') : []),
      { $ref: '#/components/parameters/CorrelationId' },
      ...(route.cache === 'public' ? [{ $ref: '#/components/parameters/IfNoneMatch' }] : []),
    ];
    const declared = Object.fromEntries(
      Object.entries(route.responses).map(([code, declaredAnswer]) => {
        const status = Number(code);
        const etag = status < 300 && versionedResources.has(declaredAnswer.schema) && (route.method !== 'post' || status === 201);
        return [
          status,
          {
            description: declaredAnswer.description,
            headers: {
              'x-correlation-id': header('CorrelationId'),
              ...(etag ? { etag: header('ETag') } : {}),
              ...(route.cache === 'public' && status === 200 ? { etag: header('ContentETag'), 'cache-control': header('CacheControl') } : {}),
              ...(status === 503 || status === 429 ? { 'retry-after': header('RetryAfter') } : {}),
            },
            ...(declaredAnswer.schema
              ? { content: { [status >= 400 ? 'application/problem+json' : route.produces ?? 'application/json']: { schema: schemaFor(declaredAnswer.schema) } } }
              : {}),
          },
        ];
      }),
    );
    const answers = { ...answersOf(route, { params: propertyNames(params), query: propertyNames(query), headers: propertyNames(requestHeaders) }), ...declared };
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
      parameters: parameterList,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaFor(route.body) } } } } : {}),
      responses: Object.fromEntries(Object.entries(answers).sort(([a], [b]) => Number(a) - Number(b))),
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Årshjul API',
      version: '1.1',
      description: "A city's yearly governance cycle: council goals, board plans, review, follow-up reports, sign-off and public strategy meters.",
      license: { name: 'European Union Public Licence 1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      headers,
      parameters: {
        CorrelationId: {
          name: 'x-correlation-id',
          in: 'header',
          required: false,
          description: 'Your id for the request, echoed in the answer and the logs (letters, digits, `.`, `_`, `-`; at most 100)',
          schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,100}$' },
        },
        IfNoneMatch: {
          name: 'if-none-match',
          in: 'header',
          required: false,
          description: 'The ETag of the answer you hold: 304 without a body while it is still the current one',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        Object.entries(sharedResponses).map(([name, description]) => [name, problemAnswer(description, name === 'TooManyRequests' || name === 'ServiceUnavailable')]),
      ),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
    webhooks: {},
  };
}

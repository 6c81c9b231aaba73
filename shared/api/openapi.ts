import * as z from 'zod';
import '../schemas/openapiMeta';
import { problemSchema } from '../schemas/common';
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
    const parameterList = [
      ...(route.params ? parameters(schemaFor(route.params, true), 'path') : []),
      ...(route.query ? parameters(schemaFor(route.query, true), 'query') : []),
      ...(route.headers ? parameters(schemaFor(route.headers, true), 'header') : []),
    ];
    (paths[route.path] ??= {})[route.method] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
      ...(parameterList.length ? { parameters: parameterList } : {}),
      ...(route.body ? { requestBody: { content: { 'application/json': { schema: schemaFor(route.body) } } } } : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.schema
              ? { content: { [Number(status) >= 400 ? 'application/problem+json' : route.produces ?? 'application/json']: { schema: schemaFor(response.schema) } } }
              : {}),
          },
        ]),
      ),
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Årshjul API',
      version: '1',
      description: "A city's yearly governance cycle: council goals, board plans, review, follow-up reports, sign-off and public strategy meters.",
    },
    servers: [{ url: '/' }],
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    paths,
    webhooks: {},
  };
}

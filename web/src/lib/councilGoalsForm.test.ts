import { describe, expect, it } from 'vitest';
import {
  allIds,
  approvedPlans,
  fieldIdForGoalsPath,
  freeId,
  goalFieldId,
  goalsOf,
  moveRow,
  newArea,
  newIndicator,
  removeRow,
  restoreRow,
  rowOf,
  toGoalsForm,
  type GoalsForm,
} from './councilGoalsForm';
import type { CouncilGoals } from './types';

const stored: CouncilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad för alla',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skola',
          indicators: [
            { id: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher', target: 86.5, rollup: 'weighted', weightBy: 'pupils', koladaKpi: 'N15419' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, boards: ['bromma', 'kista'] },
          ],
        },
        { id: 'D1.2', title: 'Omsorg', indicators: [] },
      ],
    },
    { id: 'D2', title: 'Klimat', areaGoals: [] },
  ],
};

const keysOf = (form: GoalsForm) => form.directionGoals.map((d) => [d.id, d.areaGoals.map((a) => [a.id, a.indicators.map((i) => i.id)])]);

describe('the council goals form', () => {
  it('gives back the stored set unchanged when nothing is typed', () => {
    expect(goalsOf(toGoalsForm(stored))).toEqual(stored);
  });

  it.each([
    ['a target in Swedish', { target: '6,5' }, { target: 6.5 }],
    ['a target that is no number, as text for the schema to name', { target: 'sex' }, { target: 'sex' }],
    ['a blank target, left out for the schema to ask for', { target: ' ' }, { target: undefined }],
    ['blank optional texts, left out', { definition: ' ', source: '', koladaKpi: '' }, { definition: undefined, source: undefined, koladaKpi: undefined }],
    ['every board: no list, even with boards chosen before', { assign: 'all', boards: ['bromma'] }, { boards: undefined }],
    ['chosen boards, none yet: an empty list for the schema to refuse', { assign: 'chosen', boards: [] }, { boards: [] }],
    ['weightBy without a weighted roll-up, left out', { rollup: 'mean', weightBy: 'pupils' }, { rollup: 'mean', weightBy: undefined }],
    ['no roll-up chosen, left out', { rollup: '' }, { rollup: undefined }],
  ])('sends %s', (_what, typed, sent) => {
    const form = toGoalsForm(stored);
    Object.assign(form.directionGoals[0]!.areaGoals[0]!.indicators[0]!, typed);
    const indicator = (goalsOf(form) as CouncilGoals).directionGoals[0]!.areaGoals[0]!.indicators[0]! as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(sent)) {
      if (value === undefined) expect(indicator).not.toHaveProperty(field);
      else expect(indicator[field]).toEqual(value);
    }
  });

  it('gives every row its own key', () => {
    const form = toGoalsForm(stored);
    const keys = form.directionGoals.flatMap((d) => [d.key, ...d.areaGoals.flatMap((a) => [a.key, ...a.indicators.map((i) => i.key)])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('fieldIdForGoalsPath', () => {
  const form = toGoalsForm(stored);
  const [d1, d2] = form.directionGoals;
  const [a1] = d1!.areaGoals;
  const [k1, k2] = a1!.indicators;
  it.each([
    ['directionGoals.0.id', goalFieldId(d1!.key, 'id')],
    ['body.directionGoals.1.title', goalFieldId(d2!.key, 'title')],
    ['directionGoals.0.areaGoals.0.title', goalFieldId(a1!.key, 'title')],
    ['directionGoals.0.areaGoals.0.indicators.1.target', goalFieldId(k2!.key, 'target')],
    ['directionGoals.0.areaGoals.0.indicators.0.weightBy', goalFieldId(k1!.key, 'weightBy')],
    ['directionGoals.0.areaGoals.0.indicators.1.boards.1', goalFieldId(k2!.key, 'boards', 'kista')],
    ['directionGoals.0.areaGoals.0.indicators.1.boards', goalFieldId(k2!.key, 'boards')],
    ['directionGoals.0.areaGoals', goalFieldId(d1!.key, 'areaGoals')],
    ['directionGoals', 'cg-tree'],
    ['somethingElse', undefined],
  ])('%s → %s', (path, id) => expect(fieldIdForGoalsPath(path, form)).toBe(id));
});

describe('rows', () => {
  it.each([
    ['an indicator down', (f: GoalsForm) => f.directionGoals[0]!.areaGoals[0]!.indicators[0]!.key, 1, [['D1', [['D1.1', ['KF-2', 'KF-1']], ['D1.2', []]]], ['D2', []]]],
    ['an area goal up', (f: GoalsForm) => f.directionGoals[0]!.areaGoals[1]!.key, -1, [['D1', [['D1.2', []], ['D1.1', ['KF-1', 'KF-2']]]], ['D2', []]]],
    ['a direction goal down', (f: GoalsForm) => f.directionGoals[0]!.key, 1, [['D2', []], ['D1', [['D1.1', ['KF-1', 'KF-2']], ['D1.2', []]]]]],
  ] as const)('moves %s', (_what, keyOf, by, order) => {
    const form = toGoalsForm(stored);
    expect(keysOf(moveRow(form, keyOf(form), by))).toEqual(order);
    expect(keysOf(form)).toEqual([['D1', [['D1.1', ['KF-1', 'KF-2']], ['D1.2', []]]], ['D2', []]]);
  });

  it.each([
    ['the first up', 0, -1],
    ['the last down', 1, 1],
  ] as const)('leaves the form as it is when moving %s', (_what, index, by) => {
    const form = toGoalsForm(stored);
    expect(moveRow(form, form.directionGoals[index]!.key, by)).toBe(form);
  });

  it('removes a row with what is below it, and puts it back in its place', () => {
    const form = toGoalsForm(stored);
    const { form: without, removed } = removeRow(form, form.directionGoals[0]!.areaGoals[0]!.key);
    expect(keysOf(without)).toEqual([['D1', [['D1.2', []]]], ['D2', []]]);
    expect(keysOf(restoreRow(without, removed!))).toEqual(keysOf(form));
  });

  it('puts a removed row back at the end when rows before it went meanwhile', () => {
    const form = toGoalsForm(stored);
    const { form: without, removed } = removeRow(form, form.directionGoals[1]!.key);
    const fewer = removeRow(without, without.directionGoals[0]!.key).form;
    expect(keysOf(restoreRow(fewer, removed!))).toEqual([['D2', []]]);
  });

  it('does not put back an indicator whose area goal is gone', () => {
    const form = toGoalsForm(stored);
    const { form: without, removed } = removeRow(form, form.directionGoals[0]!.areaGoals[0]!.indicators[0]!.key);
    const noArea = removeRow(without, without.directionGoals[0]!.areaGoals[0]!.key).form;
    expect(restoreRow(noArea, removed!)).toBe(noArea);
  });

  it('finds a row by its key, with its level and id', () => {
    const form = toGoalsForm(stored);
    expect(rowOf(form, form.directionGoals[0]!.areaGoals[0]!.indicators[1]!.key)).toEqual({ level: 'indicator', id: 'KF-2' });
    expect(rowOf(form, form.directionGoals[0]!.areaGoals[1]!.key)).toEqual({ level: 'area', id: 'D1.2' });
    expect(rowOf(form, form.directionGoals[1]!.key)).toEqual({ level: 'direction', id: 'D2' });
    expect(rowOf(form, 'nowhere')).toBeUndefined();
  });

  it('suggests ids no row uses, at any level', () => {
    const form = toGoalsForm(stored);
    expect(allIds(form)).toEqual(['D1', 'D1.1', 'KF-1', 'KF-2', 'D1.2', 'D2']);
    expect(freeId('KF-', form)).toBe('KF-3');
    expect(freeId('D', form)).toBe('D3');
    expect(newArea(form, form.directionGoals[0]!).id).toBe('D1.3');
    expect(newIndicator(form)).toMatchObject({ id: 'KF-3', assign: 'all', direction: 'higher', target: '' });
  });
});

describe('approvedPlans', () => {
  const cell = (status: string, approvedUnits = 0) => ({ status, due: '2027-01-31', late: false, units: { total: 3, approved: approvedUnits, late: 0 } });
  const row = (name: string, plan: ReturnType<typeof cell>) => ({ boardId: name.toLowerCase(), name, documents: { plan, t1: cell('not_started'), t2: cell('not_started'), annual: cell('not_started') } });
  it.each([
    ['no matrix', undefined, { boards: [], units: 0 }],
    ['no plan approved', [row('Bromma', cell('in_review')), row('Kista', cell('draft'))], { boards: [], units: 0 }],
    ["a board's plan", [row('Bromma', cell('approved')), row('Kista', cell('draft'))], { boards: ['Bromma'], units: 0 }],
    ["only units' plans, below a board whose own is not", [row('Bromma', cell('draft', 2))], { boards: [], units: 2 }],
  ])('with %s', (_what, boards, expected) => {
    expect(approvedPlans(boards === undefined ? undefined : ({ boards } as never))).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { councilGoalsProblems } from '../../../shared/domain/councilGoals';
import { councilGoalsSchema } from '../../../shared/schemas/councilGoals';
import { checkCouncilGoals } from './councilGoalsCheck';
import { goalFieldId, goalsOf, toGoalsForm, type GoalsForm, type IndicatorRow } from './councilGoalsForm';
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
            { id: 'KF-1', name: 'Behöriga', unit: '%', direction: 'higher', target: 86 },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, boards: ['bromma'] },
          ],
        },
      ],
    },
  ],
};
const boards = new Set(['bromma', 'kista']);

/** The form with the last indicator typed as given (a duplicate is named where it is used the second time). */
function typed(change: Partial<IndicatorRow> | Readonly<Record<string, unknown>>): { form: GoalsForm; key: string } {
  const form = toGoalsForm(stored);
  const row = form.directionGoals[0]!.areaGoals[0]!.indicators[1]!;
  Object.assign(row, change);
  return { form, key: row.key };
}
const keysOf = (problems: ReturnType<typeof checkCouncilGoals>['problems']) => problems.map((p) => ('key' in p.message ? p.message.key : p.message.text));

describe('checkCouncilGoals', () => {
  it('finds nothing wrong with a stored set, and gives it as the server would store it', () => {
    const result = checkCouncilGoals(toGoalsForm(stored), boards);
    expect(result).toEqual({ goals: stored, problems: [] });
  });

  it.each([
    ['a blank name', { name: ' ' }, 'name', 'goals.check.required'],
    ['a blank target', { target: '' }, 'target', 'goals.check.required'],
    ['a target that is no number', { target: 'sex' }, 'target', 'goals.check.notNumber'],
    ['a target too large to store', { target: '1e300' }, 'target', 'goals.check.notNumber'],
    ['an id with a space', { id: 'KF 1' }, 'id', 'goals.check.id'],
    ['an id used twice', { id: 'KF-1' }, 'id', 'goals.check.duplicateId'],
    ['an id of a goal', { id: 'D1.1' }, 'id', 'goals.check.duplicateId'],
    ['a Kolada KPI in lower case', { koladaKpi: 'n15419' }, 'koladaKpi', 'goals.check.kpi'],
    ['a Kolada KPI too short', { koladaKpi: 'N154' }, 'koladaKpi', 'goals.check.kpi'],
    ['a weighted roll-up without weightBy', { rollup: 'weighted', weightBy: '' }, 'weightBy', 'goals.check.weightByMissing'],
    ['a weightBy with a space', { rollup: 'weighted', weightBy: 'elever i åk 9' }, 'weightBy', 'goals.check.weightBy'],
    ['chosen boards, none chosen', { assign: 'chosen', boards: [] }, 'boards', 'goals.check.boardsEmpty'],
    ['a name too long', { name: 'x'.repeat(301) }, 'name', 'goals.check.tooLong'],
    ['a definition too long', { definition: 'x'.repeat(2001) }, 'definition', 'goals.check.tooLong'],
  ] as const)('names %s at its field', (_what, change, field, key) => {
    const { form, key: rowKey } = typed(change);
    const { goals, problems } = checkCouncilGoals(form, boards);
    expect(goals).toBeUndefined();
    expect(problems.map((p) => p.fieldId)).toEqual([goalFieldId(rowKey, field)]);
    expect(keysOf(problems)).toEqual([key]);
  });

  it.each([
    ['a board that does not exist', ['bromma', 'nowhere'], 'nowhere', 'goals.check.unknownBoard'],
    ['a board chosen twice', ['kista', 'kista'], 'kista', 'goals.check.boardTwice'],
  ])('names %s at its checkbox', (_what, chosen, boardId, key) => {
    const { form, key: rowKey } = typed({ assign: 'chosen', boards: chosen });
    const { problems } = checkCouncilGoals(form, boards);
    expect(problems).toEqual([{ fieldId: goalFieldId(rowKey, 'boards', boardId), message: { key, vars: { board: boardId } } }]);
  });

  it('calls no board unknown while the boards are not read yet', () => {
    const { form } = typed({ assign: 'chosen', boards: ['nowhere'] });
    expect(checkCouncilGoals(form, undefined).problems).toEqual([]);
  });

  it('names a duplicate id while another field is still blank (the schema and the domain both speak)', () => {
    const { form, key } = typed({ id: 'KF-1', name: '' });
    expect(checkCouncilGoals(form, boards).problems.map((p) => p.fieldId)).toEqual([goalFieldId(key, 'name'), goalFieldId(key, 'id')]);
  });

  it('says the duplicate first used where, by its id as typed', () => {
    const { form } = typed({ id: 'D1' });
    expect(checkCouncilGoals(form, boards).problems[0]!.message).toEqual({ key: 'goals.check.duplicateId', vars: { id: 'D1', first: 'En stad för alla' } });
  });

  it.each([
    ['a valid set', {}],
    ['a blank name', { name: '' }],
    ['an unknown board', { assign: 'chosen' as const, boards: ['nowhere'] }],
    ['a duplicate id', { id: 'KF-1' }],
    ['a wrong Kolada KPI', { koladaKpi: '15419' }],
    ['a weighted roll-up without weightBy', { rollup: 'weighted' as const }],
  ])('finds a problem exactly when the server would, for %s', (_what, change) => {
    const { form } = typed(change);
    const body = councilGoalsSchema.safeParse(goalsOf(form));
    const serverRefuses = !body.success || councilGoalsProblems(body.data, boards).length > 0;
    expect(checkCouncilGoals(form, boards).problems.length > 0).toBe(serverRefuses);
  });
});

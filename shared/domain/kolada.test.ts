import { describe, expect, it } from 'vitest';
import { ValidationFailed } from './errors';
import { koladaMappingProblems, mapKoladaOutcomes, mergeOutcomes, type KoladaImportContext } from './kolada';
import { testGoals } from '../../test/support/testGoals';
import { koladaImportResultSchema, koladaMappingSchema, koladaPayloadSchema, type KoladaMapping } from '../schemas/kolada';
import { reportContentSchema } from '../schemas/documents';

const mapping: KoladaMapping = {
  indicators: [
    { kpi: 'N15428', indicatorId: 'KF-1' },
    { kpi: 'N00090', indicatorId: 'KF-2' },
  ],
  boards: [
    { municipality: '0180', boardId: 'utbildning' },
    { ou: 'V15E018000101', boardId: 'bromma' },
  ],
};
const context: KoladaImportContext = { source: 'Kolada (RKA)', fetchedAt: '2028-01-20T08:00:00.000Z', year: 2027, goals: testGoals };

/** Kolada's `data` answer, as it comes over the wire (parsed by the schema first). */
const payload = koladaPayloadSchema.parse({
  count: 9,
  next_page: null,
  values: [
    { kpi: 'N15428', municipality: '0180', period: 2027, values: [{ gender: 'T', count: 1, status: '', value: 87.5 }, { gender: 'K', count: 1, status: '', value: 90 }, { gender: 'M', count: 1, status: '', value: 85 }] },
    { kpi: 'N15428', ou: 'V15E018000101', period: '2027', values: [{ gender: 'T', count: 1, status: '', value: 91.2 }] },
    { kpi: 'N00090', ou: 'V15E018000101', period: 2027, values: [{ gender: 'K', value: 6 }, { gender: 'T', value: 5.1 }] },
    { kpi: 'N99999', municipality: '0180', period: 2027, values: [{ gender: 'T', value: 1 }] },
    { kpi: 'N15428', municipality: '1480', period: 2027, values: [{ gender: 'T', value: 70 }] },
    { kpi: 'N15428', municipality: '0180', period: 2026, values: [{ gender: 'T', value: 80 }] },
    { kpi: 'N00090', municipality: '0180', period: 2027, values: [{ gender: 'T', count: 0, status: 'Missing', value: null }] },
    { kpi: 'N15428', municipality: '0180', period: 2027, values: [{ gender: 'T', value: 87.5 }] },
    { kpi: 'N15428', period: 2027, values: [{ gender: 'T', value: 3 }] },
  ],
});

describe('the Kolada payload schema', () => {
  it.each([
    [{ values: [] }, []],
    [{ values: [{ kpi: 'N1', municipality: '0180', period: 2027, values: [{ gender: 'X', value: 1 }] }] }, ['values.0.values.0.gender']],
    [{ values: [{ kpi: 'N1', municipality: '0180', period: '27', values: [] }] }, ['values.0.period']],
    [{ values: [{ kpi: 'N1', municipality: '0180', period: 2027, values: [{ gender: 'T', value: '1' }] }] }, ['values.0.values.0.value']],
    [{}, ['values']],
  ])('%j gives problems at %j', (body, paths) => {
    expect(koladaPayloadSchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? []).toEqual(paths);
  });
});

describe('the mapping schema', () => {
  it.each([
    [mapping, []],
    [{ ...mapping, boards: [{ municipality: '0180', ou: 'V1', boardId: 'bromma' }] }, ['boards.0']],
    [{ ...mapping, boards: [{ boardId: 'bromma' }] }, ['boards.0']],
    [{ ...mapping, indicators: [] }, ['indicators']],
    [{ ...mapping, boards: [{ municipality: '0180', boardId: 'Bromma!' }] }, ['boards.0.boardId']],
  ])('%j gives problems at %j', (body, paths) => {
    expect(koladaMappingSchema.safeParse(body).error?.issues.map((i) => i.path.join('.')) ?? []).toEqual(paths);
  });
});

describe('koladaMappingProblems', () => {
  it.each([
    ['a good mapping', mapping, undefined, []],
    ['an indicator the council does not have', { ...mapping, indicators: [{ kpi: 'N1', indicatorId: 'KF-99' }] }, undefined, ['indicators.0.indicatorId']],
    ['a KPI mapped twice', { ...mapping, indicators: [{ kpi: 'N1', indicatorId: 'KF-1' }, { kpi: 'N1', indicatorId: 'KF-2' }] }, undefined, ['indicators.1.kpi']],
    ['an indicator fed by two KPIs', { ...mapping, indicators: [{ kpi: 'N1', indicatorId: 'KF-1' }, { kpi: 'N2', indicatorId: 'KF-1' }] }, undefined, ['indicators.1.indicatorId']],
    ['a unit mapped twice', { ...mapping, boards: [{ ou: 'V1', boardId: 'bromma' }, { ou: 'V1', boardId: 'kista' }] }, undefined, ['boards.1']],
    ['a board fed by two units', { ...mapping, boards: [{ ou: 'V1', boardId: 'bromma' }, { municipality: '0180', boardId: 'bromma' }] }, undefined, ['boards.1.boardId']],
    ['the same id as municipality and as unit', { ...mapping, boards: [{ ou: '0180', boardId: 'bromma' }, { municipality: '0180', boardId: 'kista' }] }, undefined, []],
    ['a board that does not exist', mapping, new Set(['bromma']), ['boards.0.boardId']],
  ] as const)('%s: problems at %j', (_, m, boardIds, paths) => {
    expect(koladaMappingProblems(m as KoladaMapping, testGoals, boardIds).map((p) => p.path)).toEqual(paths);
  });

  it('tells the admin what to do', () => {
    const [problem] = koladaMappingProblems({ ...mapping, indicators: [{ kpi: 'N1', indicatorId: 'KF-99' }] }, testGoals);
    expect(problem.message).toMatch(/no indicator KF-99.*correct the id or remove/);
  });
});

describe('mapKoladaOutcomes', () => {
  const result = mapKoladaOutcomes(payload, mapping, context);

  it('answers the result schema', () => expect(koladaImportResultSchema.parse(result)).toEqual(result));

  it('turns each mapped entry of the year into an outcome with the total as the value', () => {
    expect(result.outcomes).toEqual([
      { boardId: 'utbildning', indicatorId: 'KF-1', period: 2027, value: 87.5, byGender: { T: 87.5, K: 90, M: 85 }, kpi: 'N15428', unit: '0180', source: 'Kolada (RKA)', fetchedAt: '2028-01-20T08:00:00.000Z' },
      { boardId: 'bromma', indicatorId: 'KF-1', period: 2027, value: 91.2, byGender: { T: 91.2, K: null, M: null }, kpi: 'N15428', unit: 'V15E018000101', source: 'Kolada (RKA)', fetchedAt: '2028-01-20T08:00:00.000Z' },
      { boardId: 'bromma', indicatorId: 'KF-2', period: 2027, value: 5.1, byGender: { T: 5.1, K: 6, M: null }, kpi: 'N00090', unit: 'V15E018000101', source: 'Kolada (RKA)', fetchedAt: '2028-01-20T08:00:00.000Z' },
    ]);
  });

  it('lists what it skipped and why', () => {
    expect(result.skipped).toEqual([
      { reason: 'kpi_not_mapped', kpi: 'N99999', unit: '0180', period: 2027 },
      { reason: 'unit_not_mapped', kpi: 'N15428', unit: '1480', period: 2027 },
      { reason: 'other_period', kpi: 'N15428', unit: '0180', period: 2026 },
      { reason: 'no_total_value', kpi: 'N00090', unit: '0180', period: 2027 },
      { reason: 'duplicate', kpi: 'N15428', unit: '0180', period: 2027 },
      { reason: 'no_unit', kpi: 'N15428', unit: null, period: 2027 },
    ]);
  });

  it('refuses a mapping naming an unknown indicator, before reading anything (422)', () => {
    const bad = { ...mapping, indicators: [...mapping.indicators, { kpi: 'N1', indicatorId: 'KF-404' }] };
    expect(() => mapKoladaOutcomes(payload, bad, context)).toThrow(ValidationFailed);
    try {
      mapKoladaOutcomes(payload, bad, context);
    } catch (e) {
      expect((e as ValidationFailed).status).toBe(422);
      expect((e as ValidationFailed).errors?.map((p) => p.path)).toEqual(['indicators.2.indicatorId']);
    }
  });

  it('refuses a mapping to a board that does not exist when the boards are given', () => {
    expect(() => mapKoladaOutcomes(payload, mapping, { ...context, boardIds: new Set(['bromma']) })).toThrow(
      expect.objectContaining({ status: 422, errors: [expect.objectContaining({ path: 'boards.0.boardId', message: expect.stringMatching(/no board utbildning/) })] }),
    );
  });
});

describe('mergeOutcomes', () => {
  const { outcomes } = mapKoladaOutcomes(payload, mapping, context);
  const draft = reportContentSchema.parse({
    indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 90, comment: 'egen kommentar' }],
    goals: [{ goalId: 'N1', assessment: 'partly' }],
    analysis: 'Text',
  });

  it("writes the board's outcomes into its draft, keeping forecasts, comments and the rest", () => {
    const merged = mergeOutcomes(draft, 'bromma', outcomes);
    expect(merged.content).toEqual({
      ...draft,
      indicators: [
        { indicatorId: 'KF-1', outcome: 91.2, forecast: 90, comment: 'egen kommentar' },
        { indicatorId: 'KF-2', outcome: 5.1 },
      ],
    });
    expect(merged.changed).toEqual([
      { indicatorId: 'KF-1', from: 80, to: 91.2 },
      { indicatorId: 'KF-2', from: null, to: 5.1 },
    ]);
    expect(draft.indicators[0].outcome).toBe(80);
  });

  it('changes nothing when the values are already there', () => {
    const once = mergeOutcomes(draft, 'bromma', outcomes).content;
    expect(mergeOutcomes(once, 'bromma', outcomes).changed).toEqual([]);
  });

  it("ignores other boards' outcomes", () => expect(mergeOutcomes(draft, 'kista', outcomes).changed).toEqual([]));
});

import { describe, expect, it } from 'vitest';
import { NotFound } from './errors';
import { buildMeters, indicatorSeries, meetsTarget, meterStatus, worstStatus, type MetersInput } from './meters';
import { testGoals } from '../../test/support/testGoals';
import { indicatorSeriesSchema, metersResponseSchema } from '../schemas/meters';
import type { ReportContent } from '../schemas/documents';

const boards = [
  { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' as const },
  { boardId: 'kista', name: 'Kista stadsdelsnämnd', kind: 'district' as const },
  { boardId: 'utbildning', name: 'Utbildningsnämnden', kind: 'specialist' as const },
];

const report = (indicators: ReportContent['indicators']) => ({ indicators });

/** Bromma: plan approved, t1 and annual approved. Kista: plan approved, t2 approved. Utbildning: nothing approved. */
const input: MetersInput = {
  year: 2027,
  goals: testGoals,
  boards,
  approvedPlans: [
    { boardId: 'bromma', content: { targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5 }] } },
    { boardId: 'kista', status: 'approved', content: { targets: [{ indicatorId: 'KF-1', target: 90 }, { indicatorId: 'KF-3', target: 1.4 }] } },
  ],
  approvedReports: [
    { boardId: 'bromma', kind: 't1', status: 'approved', content: report([{ indicatorId: 'KF-1', outcome: 80, forecast: 91 }, { indicatorId: 'KF-2', forecast: 5.5 }]) },
    { boardId: 'bromma', kind: 'annual', status: 'approved', content: report([{ indicatorId: 'KF-1', outcome: 93 }, { indicatorId: 'KF-2', outcome: 5.5 }]) },
    { boardId: 'kista', kind: 't2', status: 'approved', content: report([{ indicatorId: 'KF-1', outcome: 70, forecast: 88 }, { indicatorId: 'KF-3', forecast: 1.4 }]) },
  ],
};

describe('meetsTarget', () => {
  it.each([
    ['higher', 90, 90, true],
    ['higher', 90.1, 90, true],
    ['higher', 89.9, 90, false],
    ['lower', 6, 6, true],
    ['lower', 5.9, 6, true],
    ['lower', 6.1, 6, false],
    ['lower', -3, -2, true],
  ] as const)('%s is better: %d against %d meets: %s', (direction, value, target, expected) => {
    expect(meetsTarget(direction, value, target)).toBe(expected);
  });
});

describe('meterStatus', () => {
  it.each([
    // direction, target, period, outcome, forecast, status
    ['higher', 90, 'annual', 90, null, 'met'],
    ['higher', 90, 'annual', 89, 95, 'not_met'], // the annual outcome decides, not a forecast
    ['lower', 6, 'annual', 5, null, 'met'],
    ['lower', 6, 'annual', 7, null, 'not_met'],
    ['higher', 90, 't1', 50, 90, 'on_track'], // the forecast decides during the year
    ['higher', 90, 't2', 95, 85, 'not_met'],
    ['higher', 90, 't2', 91, null, 'on_track'], // no forecast: the outcome so far
    ['lower', 6, 't1', null, 6, 'on_track'],
    ['lower', 6, 't1', null, 6.5, 'not_met'],
    ['higher', 90, 'annual', null, 92, 'on_track'], // an annual report with only a forecast is judged like a tertial one
    ['higher', 90, null, null, null, null],
  ] as const)('%s is better, target %d, %s outcome %s forecast %s: %s', (direction, target, period, outcome, forecast, expected) => {
    expect(meterStatus(direction, target, { period, outcome, forecast })).toBe(expected);
  });
});

describe('worstStatus', () => {
  it.each([
    [[], null],
    [[null, null], null],
    [['met', null], 'met'],
    [['met', 'on_track'], 'on_track'],
    [['on_track', 'not_met', 'met'], 'not_met'],
  ] as const)('%j → %s', (statuses, expected) => expect(worstStatus(statuses)).toBe(expected));
});

describe('buildMeters', () => {
  const result = buildMeters(input);
  const meter = (id: string) => result.meters.find((m) => m.indicatorId === id)!;
  const row = (id: string, boardId: string) => meter(id).boards.find((b) => b.boardId === boardId);

  it('answers the public contract', () => {
    expect(metersResponseSchema.parse(result)).toEqual(result);
    expect(result.year).toBe(2027);
    expect(result.meters.map((m) => m.indicatorId)).toEqual(['KF-1', 'KF-2', 'KF-3']);
    expect(meter('KF-1')).toMatchObject({
      name: 'Andel behöriga lärare',
      unit: '%',
      direction: 'higher',
      councilTarget: 90,
      goal: { directionGoalId: 'D1', directionGoalTitle: 'En stad där alla kan leva ett gott liv', areaGoalId: 'D1.1', areaGoalTitle: 'Skolan' },
    });
  });

  it('lists the boards assigned to each indicator, in the order given', () => {
    expect(meter('KF-1').boards.map((b) => b.boardId)).toEqual(['bromma', 'kista', 'utbildning']);
    expect(meter('KF-2').boards.map((b) => b.boardId)).toEqual(['bromma']);
    expect(meter('KF-3').boards.map((b) => b.boardId)).toEqual(['kista', 'utbildning']);
  });

  it.each([
    // indicator, board, target, outcome, forecast, period, status
    ['KF-1', 'bromma', 92, 93, null, 'annual', 'met'],
    ['KF-2', 'bromma', 5, 5.5, null, 'annual', 'not_met'],
    ['KF-1', 'kista', 90, 70, 88, 't2', 'not_met'],
    ['KF-3', 'kista', 1.4, null, 1.4, 't2', 'on_track'],
    ['KF-1', 'utbildning', null, null, null, null, null],
    ['KF-3', 'utbildning', null, null, null, null, null],
  ] as const)('%s for %s: target %s, outcome %s, forecast %s, period %s, status %s', (id, boardId, target, outcome, forecast, period, status) => {
    expect(row(id, boardId)).toMatchObject({ target, outcome, forecast, period, status });
  });

  it("names each board and its kind", () => expect(row('KF-1', 'utbildning')).toMatchObject({ name: 'Utbildningsnämnden', kind: 'specialist' }));

  it.each([
    // indicator, status, value, valueBasis, reporting
    ['KF-1', 'not_met', 90.5, 'forecast', { boards: 3, withValue: 2 }], // bromma 93 (annual), kista forecast 88 → mean 90.5; kista misses 90
    ['KF-2', 'met', 5.5, 'outcome', { boards: 1, withValue: 1 }], // bromma misses its own 5 but meets the council's 6
    ['KF-3', 'on_track', 1.4, 'forecast', { boards: 2, withValue: 1 }],
  ] as const)('%s as a whole: %s, value %d (%s)', (id, status, value, valueBasis, reporting) => {
    expect(meter(id)).toMatchObject({ status, value, valueBasis, reporting });
  });

  it('has no trend without a previous year', () => expect(result.meters.every((m) => m.trend === null)).toBe(true));

  it('uses the board target, or the council target when the board has none', () => {
    const noPlan = buildMeters({ ...input, approvedPlans: [] });
    // kista forecast 88 against the council's 90
    expect(noPlan.meters[0].boards.find((b) => b.boardId === 'kista')).toMatchObject({ target: null, status: 'not_met' });
    // bromma 93 against the council's 90: met
    expect(noPlan.meters[0].boards.find((b) => b.boardId === 'bromma')).toMatchObject({ target: null, status: 'met' });
  });

  it('takes the latest approved report that has a value for the indicator', () => {
    const meters = buildMeters({
      ...input,
      approvedReports: [
        { boardId: 'bromma', kind: 't1', status: 'approved', content: report([{ indicatorId: 'KF-1', outcome: 40, forecast: 91 }]) },
        { boardId: 'bromma', kind: 't2', status: 'approved', content: report([{ indicatorId: 'KF-2', forecast: 5 }]) },
      ],
    });
    expect(meters.meters[0].boards[0]).toMatchObject({ boardId: 'bromma', period: 't1', outcome: 40, forecast: 91, status: 'not_met' }); // below its own 92
    expect(meters.meters[1].boards[0]).toMatchObject({ boardId: 'bromma', period: 't2', outcome: null, forecast: 5, status: 'on_track' });
  });

  describe('never publishes what is not approved', () => {
    const secret = 12345;
    it.each(['draft', 'in_review', 'returned', 'not_started'] as const)('a %s report or plan never leaks', (status) => {
      const meters = buildMeters({
        ...input,
        approvedPlans: [{ boardId: 'utbildning', status, content: { targets: [{ indicatorId: 'KF-1', target: secret }] } }, ...input.approvedPlans],
        approvedReports: [
          { boardId: 'utbildning', kind: 'annual', status, content: report([{ indicatorId: 'KF-1', outcome: secret, forecast: secret }]) },
          { boardId: 'bromma', kind: 't2', status, content: report([{ indicatorId: 'KF-1', outcome: secret, forecast: secret }]) },
          ...input.approvedReports,
        ],
      });
      expect(JSON.stringify(meters)).not.toContain(String(secret));
      expect(meters).toEqual(result);
    });

    it('a draft of a board without any approved document does not even list the board', () => {
      const meters = buildMeters({
        ...input,
        boards: [],
        approvedPlans: [{ boardId: 'ghost', status: 'draft', content: { targets: [{ indicatorId: 'KF-2', target: 1 }] } }],
        approvedReports: [{ boardId: 'ghost', kind: 't1', status: 'draft', content: report([{ indicatorId: 'KF-2', forecast: 1 }]) }],
      });
      expect(meters.meters[1].boards).toEqual([]);
    });
  });

  it('lists a board that took on an indicator it was not assigned, and a board missing from the list by its id', () => {
    const meters = buildMeters({
      ...input,
      boards: boards.filter((b) => b.boardId !== 'kista'),
      approvedPlans: [...input.approvedPlans, { boardId: 'utbildning', content: { targets: [{ indicatorId: 'KF-2', target: 4 }] } }],
    });
    expect(meters.meters[1].boards.map((b) => b.boardId)).toEqual(['bromma', 'utbildning']);
    expect(meters.meters[0].boards.map((b) => [b.boardId, b.name])).toEqual([
      ['bromma', 'Bromma stadsdelsnämnd'],
      ['utbildning', 'Utbildningsnämnden'],
      ['kista', 'kista'],
    ]);
  });

  describe('trend against the previous year', () => {
    it.each([
      // indicator (direction), previous value, this year's value, change, improving
      ['KF-1', 88, 90.5, 2.5, true], // higher is better, up
      ['KF-1', 91, 90.5, -0.5, false],
      ['KF-1', 90.5, 90.5, 0, false], // no change is not improving
      ['KF-2', 6, 5.5, -0.5, true], // lower is better, down
      ['KF-2', 5.2, 5.5, 0.3, false],
      ['KF-3', 1.5, 1.4, -0.1, true], // no binary noise: 1.4 - 1.5 is -0.1
    ] as const)('%s from %d to %d: change %d, improving %s', (id, previousValue, value, change, improving) => {
      const meters = buildMeters({ ...input, previousYear: { year: 2026, meters: [{ indicatorId: id, value: previousValue }] } });
      const m = meters.meters.find((x) => x.indicatorId === id)!;
      expect(m.value).toBe(value);
      expect(m.trend).toEqual({ previousYear: 2026, previousValue, change, improving });
    });

    it('has none when the indicator did not exist or had no value the previous year', () => {
      const meters = buildMeters({ ...input, previousYear: { year: 2026, meters: [{ indicatorId: 'KF-1', value: null }, { indicatorId: 'OLD-9', value: 3 }] } });
      expect(meters.meters.map((m) => m.trend)).toEqual([null, null, null]);
    });

    it('has none when this year has no value yet', () => {
      const meters = buildMeters({ ...input, approvedReports: [], previousYear: { year: 2026, meters: [{ indicatorId: 'KF-1', value: 80 }] } });
      expect(meters.meters[0]).toMatchObject({ value: null, valueBasis: null, status: null, trend: null });
    });

    it("chains: last year's meters are this year's previousYear", () => {
      const last = buildMeters({ ...input, year: 2026 });
      const now = buildMeters({ ...input, previousYear: last });
      expect(now.meters[1].trend).toEqual({ previousYear: 2026, previousValue: 5.5, change: 0, improving: false });
    });
  });
});

describe('indicatorSeries', () => {
  const y2026 = buildMeters({ ...input, year: 2026, approvedReports: [] });
  const y2027 = buildMeters(input);
  const renamed = buildMeters({
    ...input,
    year: 2028,
    goals: { directionGoals: [{ ...testGoals.directionGoals[0], areaGoals: [{ ...testGoals.directionGoals[0].areaGoals[0], indicators: [{ id: 'KF-1', name: 'Behöriga lärare', unit: '%', direction: 'higher', target: 95 }] }] }] },
  });

  it('gives one point per year that had the indicator, oldest first, named as in the newest', () => {
    const answer = indicatorSeries('KF-1', [renamed, y2026, y2027]);
    expect(answer).toMatchObject({
      indicatorId: 'KF-1',
      name: 'Behöriga lärare',
      unit: '%',
      direction: 'higher',
      councilTarget: 95,
      goal: { directionGoalId: 'D1', areaGoalId: 'D1.1', areaGoalTitle: 'Skolan' },
      series: [
        { year: 2026, councilTarget: 90, value: null, valueBasis: null, status: null },
        { year: 2027, councilTarget: 90, value: 90.5, valueBasis: 'forecast', status: 'not_met' },
        { year: 2028, councilTarget: 95, value: 90.5, valueBasis: 'forecast', status: 'not_met' },
      ],
    });
    expect(indicatorSeriesSchema.parse(answer)).toEqual(answer);
  });

  it('tells the status and the trend of the series, by domain/trend', () => {
    const answer = indicatorSeries('KF-1', [renamed, y2026, y2027]);
    expect(answer.status).toEqual({ status: 'not_reached', year: 2028, basis: 'forecast' });
    // Two years with a value: too few for a line.
    expect(answer.trend).toMatchObject({ verdict: 'too_few_years', since: 2027, years: 2, method: { kind: 'least_squares', minimumYears: 3 } });
  });

  it('lists the boards of the newest year, and the newest approval as the last update', () => {
    const answer = indicatorSeries('KF-1', [
      { ...y2026, lastApprovedAt: '2026-12-01T10:00:00.000Z' },
      { ...y2027, lastApprovedAt: '2027-05-02T09:00:00.000Z' },
      { ...renamed, lastApprovedAt: null },
    ]);
    expect(answer.boards.map((b) => b.boardId)).toEqual(['bromma', 'kista', 'utbildning']);
    expect(answer.boards[0]).toEqual({ boardId: 'bromma', name: 'Bromma stadsdelsnämnd' });
    expect(answer.lastUpdated).toBe('2027-05-02T09:00:00.000Z');
    expect(indicatorSeries('KF-1', [y2027]).lastUpdated).toBeNull();
  });

  it('takes the definition and the source from the newest year that has them', () => {
    const described = (definition: string | undefined, source: string) => ({
      directionGoals: [
        { ...testGoals.directionGoals[0], areaGoals: [{ ...testGoals.directionGoals[0].areaGoals[0], indicators: [{ ...testGoals.directionGoals[0].areaGoals[0].indicators[0], ...(definition ? { definition } : {}), source, koladaKpi: 'N15419' }] }] },
      ],
    });
    const answer = indicatorSeries('KF-1', [
      { ...y2026, goals: described('Andel lärare med legitimation', 'Skolverket') },
      { ...y2027, goals: described(undefined, 'Kolada (RKA)') },
      renamed,
    ]);
    expect(answer).toMatchObject({ definition: 'Andel lärare med legitimation', source: 'Kolada (RKA)', koladaKpi: 'N15419' });
    expect(indicatorSeries('KF-1', [y2027])).not.toHaveProperty('definition');
  });

  it('skips the years without it', () => expect(indicatorSeries('KF-3', [renamed, y2027]).series.map((p) => p.year)).toEqual([2027]));

  it('is NotFound for an indicator no year has', () => {
    expect(() => indicatorSeries('KF-404', [y2026, y2027])).toThrow(NotFound);
    expect(() => indicatorSeries('KF-404', [])).toThrow(/KF-404/);
  });
});

import { describe, expect, it } from 'vitest';
import { deviationOf, economyFindings, economyProblems, forecastFindings, sectionProblems, sectionsFor } from './economy';

describe('deviationOf', () => {
  it.each([
    // budget, value, amount, percent, needsComment
    [1000, 1010, 10, 1, false],
    [1000, 1010.5, 10.5, 1.05, true],
    [1000, 989, -11, -1.1, true],
    [1000, 990, -10, -1, false],
    [1000, 1000, 0, 0, false],
    [0, 0, 0, null, false],
    [0, 5, 5, null, true],
  ])('budget %d, value %d: %d tkr (%s %%), comment %s', (budget, value, amount, percent, needsComment) => {
    const deviation = deviationOf(budget, value);
    expect(deviation.amount).toBe(amount);
    if (percent === null) expect(deviation.percent).toBeNull();
    else expect(deviation.percent).toBeCloseTo(percent, 6);
    expect(deviation.needsComment).toBe(needsComment);
  });

  it('keeps sheet decimals free of floating-point dust', () => {
    expect(deviationOf(0.3, 0.1 + 0.2).amount).toBe(0);
  });
});

describe('economyProblems', () => {
  const line = { boardId: 'bromma', netCost: 1000 };
  it('asks nothing of a board without a budget', () => {
    expect(economyProblems('t1', undefined, undefined)).toEqual([]);
  });
  it.each([
    ['t1', undefined, ['economy']],
    ['t1', {}, ['economy.outcomeToDate', 'economy.forecast']],
    ['t1', { outcomeToDate: 300, forecast: 1000 }, []],
    ['t1', { outcomeToDate: 300, forecast: 1020 }, ['economy.comment']],
    ['t1', { outcomeToDate: 300, forecast: 1020, comment: '  ' }, ['economy.comment']],
    ['t1', { outcomeToDate: 300, forecast: 1020, comment: 'Fler elever' }, []],
    ['t2', { outcomeToDate: 600, forecast: 970 }, ['economy.comment']],
    ['annual', { forecast: 1000 }, ['economy.outcome']],
    ['annual', { outcome: 1011 }, ['economy.comment']],
    ['annual', { outcome: 1005 }, []],
  ] as const)('%s with %j: %j', (kind, economy, paths) => {
    expect(economyProblems(kind, line, economy).map((p) => p.path)).toEqual(paths);
  });
  it('asks a company for its return beside its net cost', () => {
    const company = { boardId: 'hamn', netCost: 0, returnRequirement: 4 };
    expect(economyProblems('t1', company, { outcomeToDate: 0, forecast: 0 }).map((p) => p.path)).toEqual(['economy.returnForecast']);
    expect(economyProblems('annual', company, { outcome: 0, returnOutcome: 3.5 })).toEqual([]);
  });
  it('names the deviation in the message', () => {
    expect(economyProblems('t1', line, { outcomeToDate: 1, forecast: 1020 })[0].message).toContain('20 tkr (+2.0 %)');
  });
});

describe('economyFindings', () => {
  const line = { boardId: 'hamn', netCost: 1000, returnRequirement: 4 };
  it.each([
    ['t1', { forecast: 1000, returnForecast: 4 }, []],
    ['t1', { forecast: 1001, returnForecast: 4 }, [{ code: 'FORECAST_DEFICIT', budget: 1000, forecast: 1001, deviation: 1, basis: 'forecast' }]],
    ['t1', { forecast: 900, returnForecast: 3.9 }, [{ code: 'RETURN_BELOW_REQUIREMENT', requirement: 4, forecast: 3.9, basis: 'forecast' }]],
    ['annual', { forecast: 2000, outcome: 1200 }, [{ code: 'FORECAST_DEFICIT', budget: 1000, forecast: 1200, deviation: 200, basis: 'outcome' }]],
  ] as const)('%s with %j', (kind, economy, findings) => {
    expect(economyFindings(kind, line, economy)).toEqual(findings);
  });
  it('finds nothing without a budget', () => {
    expect(economyFindings('t1', undefined, { forecast: 5 })).toEqual([]);
  });
});

describe('forecastFindings', () => {
  const indicators = [
    { id: 'KF-1', direction: 'higher' as const, target: 90 },
    { id: 'KF-2', direction: 'lower' as const, target: 10 },
    { id: 'N1-1', direction: 'higher' as const },
  ];
  it.each([
    ['t1', [{ indicatorId: 'KF-1', forecast: 89 }], ['KF-1']],
    ['t1', [{ indicatorId: 'KF-1', forecast: 90 }], []],
    ['t1', [{ indicatorId: 'KF-2', forecast: 11 }], ['KF-2']],
    ['t1', [{ indicatorId: 'KF-2', forecast: 9 }], []],
    ['t1', [{ indicatorId: 'KF-1', outcome: 80 }], []],
    ['annual', [{ indicatorId: 'KF-1', outcome: 80, forecast: 95 }], ['KF-1']],
    ['t2', [{ indicatorId: 'N1-1', forecast: 0 }], []],
  ] as const)('%s %j', (kind, values, ids) => {
    const findings = forecastFindings(kind, indicators, { indicators: values.map((v) => ({ ...v })) });
    expect(findings.map((f) => (f.code === 'FORECAST_BELOW_TARGET' ? f.indicatorId : f.code))).toEqual(ids);
  });
  it('says which value fell short and of what', () => {
    expect(forecastFindings('t1', indicators, { indicators: [{ indicatorId: 'KF-2', forecast: 12 }] })).toEqual([
      { code: 'FORECAST_BELOW_TARGET', indicatorId: 'KF-2', target: 10, forecast: 12, direction: 'lower', basis: 'forecast' },
    ]);
  });
});

describe('report sections', () => {
  const sections = [
    { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['annual' as const], required: true },
    { id: 'agenda2030', title: 'Agenda 2030', kinds: ['t2' as const, 'annual' as const], required: false },
    { id: 'bolag', title: 'Ägardirektiv', kinds: ['annual' as const], required: true, boardKinds: ['company' as const] },
  ];
  it('keeps the sections of the report and the kind of board, in order', () => {
    expect(sectionsFor('annual', 'district', sections).map((s) => s.id)).toEqual(['jamstalldhet', 'agenda2030']);
    expect(sectionsFor('annual', 'company', sections).map((s) => s.id)).toEqual(['jamstalldhet', 'agenda2030', 'bolag']);
    expect(sectionsFor('t1', 'district', sections)).toEqual([]);
  });
  it('asks for a required section, refuses unknown or repeated ones', () => {
    expect(sectionProblems('annual', 'district', sections, undefined).map((p) => p.message)).toEqual([
      'write the section "Jämställdhet" (jamstalldhet): the city asks every board for it',
    ]);
    expect(sectionProblems('annual', 'district', sections, [{ sectionId: 'jamstalldhet', text: 'Ja.' }])).toEqual([]);
    expect(
      sectionProblems('t2', 'district', sections, [
        { sectionId: 'agenda2030', text: 'a' },
        { sectionId: 'agenda2030', text: 'b' },
        { sectionId: 'jamstalldhet', text: 'c' },
      ]).map((p) => p.path),
    ).toEqual(['sections.1.sectionId', 'sections.2.sectionId']);
  });
});

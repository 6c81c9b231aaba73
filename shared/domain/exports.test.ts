import { describe, expect, it } from 'vitest';
import { excelSwedish } from './csv';
import { boardYearCsv, boardYearExport, indicatorSeriesCsv, indicatorSeriesCsvHeader, metersCsv, metersCsvHeader, type BoardYearInput } from './exports';
import { buildMeters } from './meters';
import { testGoals } from '../../test/support/testGoals';
import { boardYearExportSchema } from '../schemas/exports';
import { planContentSchema, reportContentSchema } from '../schemas/documents';

const lines = (csv: string) => csv.split('\r\n').slice(0, -1);

describe('metersCsv', () => {
  const meters = buildMeters({
    year: 2027,
    goals: testGoals,
    boards: [
      { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
      { boardId: 'kista', name: '=Kista, "norr"', kind: 'district' },
    ],
    approvedPlans: [{ boardId: 'bromma', content: { targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5 }] } }],
    approvedReports: [{ boardId: 'bromma', kind: 'annual', status: 'approved', content: { indicators: [{ indicatorId: 'KF-1', outcome: 93 }, { indicatorId: 'KF-2', outcome: -0.5 }] } }],
    previousYear: { year: 2026, meters: [{ indicatorId: 'KF-1', value: 91 }] },
  });

  it('writes one row per indicator × board after the header', () => {
    const rows = lines(metersCsv(meters));
    expect(rows[0]).toBe(metersCsvHeader.join(','));
    expect(rows).toEqual([
      metersCsvHeader.join(','),
      '2027,KF-1,Andel behöriga lärare,%,higher,90,D1 En stad där alla kan leva ett gott liv,D1.1 Skolan,bromma,Bromma stadsdelsnämnd,92,93,,annual,met,improving,met,93,91,2',
      `2027,KF-1,Andel behöriga lärare,%,higher,90,D1 En stad där alla kan leva ett gott liv,D1.1 Skolan,kista,"'=Kista, ""norr""",,,,,,improving,met,93,91,2`,
      '2027,KF-2,Sjukfrånvaro,%,lower,6,D1 En stad där alla kan leva ett gott liv,D1.1 Skolan,bromma,Bromma stadsdelsnämnd,5,-0.5,,annual,met,,met,-0.5,,',
      '2027,KF-3,Utsläpp per invånare,ton,lower,1.5,D2 En klimatsmart stad,D2.1 Klimat,kista,"\'=Kista, ""norr""",,,,,,,,,,',
    ]);
  });

  it('writes an indicator without boards as one row with the board columns empty', () => {
    const rows = lines(metersCsv({ ...meters, meters: [{ ...meters.meters[0], boards: [] }] }));
    expect(rows).toHaveLength(2);
    expect(rows[1].split(',').slice(8, 15)).toEqual(['', '', '', '', '', '', '']);
  });

  it.each([
    [{ previousYear: 2026, previousValue: 91, change: 2, improving: true }, 'improving'],
    [{ previousYear: 2026, previousValue: 95, change: -2, improving: false }, 'worsening'],
    [{ previousYear: 2026, previousValue: 93, change: 0, improving: false }, 'unchanged'],
    [null, ''],
  ])('trend %j is written as %j', (trend, word) => {
    const rows = lines(metersCsv({ ...meters, meters: [{ ...meters.meters[0], trend }] }));
    expect(rows[1].split(',')[15]).toBe(word);
  });

  it('writes the Swedish Excel profile', () => {
    const csv = metersCsv(meters, excelSwedish);
    expect(csv.startsWith('\uFEFFyear;indicatorId;')).toBe(true);
    expect(csv).toContain(';-0,5;');
  });
});

describe('a board year', () => {
  const plan = planContentSchema.parse({
    targets: [{ indicatorId: 'KF-1', target: 92 }],
    goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: ['Rekrytera', '@Fortbilda'] }],
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Antal mentorer', unit: 'st', direction: 'higher', target: 10 }],
    risks: [{ id: 'R1', title: 'Lärarbrist', probability: 3, consequence: 4 }, { id: 'R2', title: 'Ej bedömd' }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av behörighet', frequency: 'tertial' }],
  });
  const t1 = reportContentSchema.parse({
    indicators: [{ indicatorId: 'KF-1', outcome: 85, forecast: 91, comment: 'Rekrytering pågår' }, { indicatorId: 'N1-1', forecast: 9 }],
    goals: [{ goalId: 'N1', assessment: 'partly' }],
    analysis: 'Svårt att rekrytera; "fler" insatser behövs.',
  });
  const annual = reportContentSchema.parse({
    indicators: [{ indicatorId: 'KF-1', outcome: 93 }],
    goals: [{ goalId: 'N1', assessment: 'fulfilled', comment: 'Klart' }],
    internalControl: { assessment: 'partly_sufficient', comment: 'En kontroll gjordes inte' },
  });
  const input: BoardYearInput = {
    year: 2027,
    goals: testGoals,
    board: { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
    plan: { status: 'approved', version: 4, content: plan },
    reports: { t1: { status: 'approved', version: 2, content: t1 }, annual: { status: 'draft', version: 1, content: annual } },
  };

  it('exports the JSON shape', () => {
    const exported = boardYearExport(input, '2028-02-20T10:00:00.000Z');
    expect(boardYearExportSchema.parse(exported)).toEqual(exported);
    expect(exported).toMatchObject({
      year: 2027,
      board: { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
      plan: { status: 'approved', version: 4 },
      reports: { t1: { status: 'approved' }, t2: null, annual: { status: 'draft' } },
      exportedAt: '2028-02-20T10:00:00.000Z',
    });
  });

  it('writes every part of the year as section, id, name, field, value', () => {
    expect(lines(boardYearCsv(input))).toEqual([
      'section,id,name,field,value',
      'board,bromma,Bromma stadsdelsnämnd,year,2027',
      'board,bromma,Bromma stadsdelsnämnd,kind,district',
      'documents,plan,operations plan,status,approved',
      'documents,plan,operations plan,version,4',
      'documents,t1,tertial report 1,status,approved',
      'documents,t1,tertial report 1,version,2',
      'documents,t2,tertial report 2,status,not_started',
      'documents,annual,annual report,status,draft',
      'documents,annual,annual report,version,1',
      'plan.targets,KF-1,Andel behöriga lärare,councilTarget,90',
      'plan.targets,KF-1,Andel behöriga lärare,target,92',
      'plan.goals,N1,Fler behöriga lärare,areaGoalId,D1.1',
      'plan.goals,N1,Fler behöriga lärare,activity,Rekrytera',
      "plan.goals,N1,Fler behöriga lärare,activity,'@Fortbilda",
      'plan.ownIndicators,N1-1,Antal mentorer,goalId,N1',
      'plan.ownIndicators,N1-1,Antal mentorer,unit,st',
      'plan.ownIndicators,N1-1,Antal mentorer,direction,higher',
      'plan.ownIndicators,N1-1,Antal mentorer,target,10',
      'plan.risks,R1,Lärarbrist,probability,3',
      'plan.risks,R1,Lärarbrist,consequence,4',
      'plan.risks,R1,Lärarbrist,score,12',
      'plan.risks,R2,Ej bedömd,probability,',
      'plan.risks,R2,Ej bedömd,consequence,',
      'plan.risks,R2,Ej bedömd,score,',
      'plan.controls,C1,Uppföljning av behörighet,riskId,R1',
      'plan.controls,C1,Uppföljning av behörighet,frequency,tertial',
      't1.indicators,KF-1,Andel behöriga lärare,outcome,85',
      't1.indicators,KF-1,Andel behöriga lärare,forecast,91',
      't1.indicators,KF-1,Andel behöriga lärare,comment,Rekrytering pågår',
      't1.indicators,N1-1,Antal mentorer,outcome,',
      't1.indicators,N1-1,Antal mentorer,forecast,9',
      't1.goals,N1,Fler behöriga lärare,assessment,partly',
      't1.analysis,,,analysis,"Svårt att rekrytera; ""fler"" insatser behövs."',
      'annual.indicators,KF-1,Andel behöriga lärare,outcome,93',
      'annual.indicators,KF-1,Andel behöriga lärare,forecast,',
      'annual.goals,N1,Fler behöriga lärare,assessment,fulfilled',
      'annual.goals,N1,Fler behöriga lärare,comment,Klart',
      'annual.internalControl,,,assessment,partly_sufficient',
      'annual.internalControl,,,comment,En kontroll gjordes inte',
    ]);
  });

  it('writes only the board and document rows when nothing is started', () => {
    const rows = lines(boardYearCsv({ ...input, plan: null, reports: {} }));
    expect(rows.map((r) => r.split(',')[0])).toEqual(['section', 'board', 'board', 'documents', 'documents', 'documents', 'documents']);
    expect(rows.slice(3).map((r) => r.split(',').at(-1))).toEqual(['not_started', 'not_started', 'not_started', 'not_started']);
  });
});

describe('indicatorSeriesCsv', () => {
  it('writes one row per year with the trend of the whole series', () => {
    const csv = indicatorSeriesCsv({
      indicatorId: 'KF-1',
      name: 'Andel behöriga lärare',
      unit: '%',
      direction: 'higher',
      source: 'Skolverket',
      councilTarget: 90,
      goal: { directionGoalId: 'D1', directionGoalTitle: 'En stad', areaGoalId: 'D1.1', areaGoalTitle: 'Skolan' },
      boards: [],
      status: { status: 'reached', year: 2026, basis: 'outcome' },
      trend: { verdict: 'improving', since: 2024, until: 2026, years: 3, slopePerYear: 2, relativeChange: 0.05, method: { kind: 'least_squares', minimumYears: 3, tolerance: 0.02 } },
      lastUpdated: null,
      series: [
        { year: 2024, councilTarget: 90, value: 86, valueBasis: 'outcome', status: 'not_met' },
        { year: 2026, councilTarget: 90, value: 90, valueBasis: 'outcome', status: 'met' },
      ],
    });
    const rows = csv.trim().split(/\r?\n/);
    expect(rows[0]).toBe(indicatorSeriesCsvHeader.join(','));
    expect(rows.slice(1)).toEqual([
      'KF-1,Andel behöriga lärare,%,higher,2024,90,86,outcome,not_met,D1 En stad,D1.1 Skolan,Skolverket,improving,2024,2',
      'KF-1,Andel behöriga lärare,%,higher,2026,90,90,outcome,met,D1 En stad,D1.1 Skolan,Skolverket,improving,2024,2',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../test/support/compiledReportYear';
import { compileReport, type CompiledIndicator, type CompiledKind } from './compiledReport';

const indicatorOf = (kind: CompiledKind, id: string): CompiledIndicator =>
  compileReport(fixtureInput(kind))
    .directionGoals.flatMap((d) => d.areaGoals.flatMap((a) => a.indicators))
    .find((indicator) => indicator.id === id)!;

describe('compileReport on the fixture year', () => {
  const annual = compileReport(fixtureInput('annual'));

  it.each([
    // indicator, kind, [board, target, value, reached] per assigned board, judged, reached
    ['KF-1', 'annual', [['bromma', 91, 92, true], ['kista', 90, 89, false], ['skarpnack', 90, 90, true], ['utbildning', null, null, null], ['stockholmshem', 92, 93, true], ['stadsholmen', 90, 85, false]], 5, 3],
    ['KF-2', 'annual', [['bromma', 5, 5.5, false]], 1, 0],
    ['KF-3', 'annual', [['kista', 1.4, 1.3, true], ['utbildning', null, null, null]], 1, 1],
    // Tertial reports are judged by the forecast, not the outcome so far (the fixture's outcome is one lower).
    ['KF-1', 't2', [['bromma', 91, 92, true], ['kista', 90, 89, false], ['skarpnack', 90, 90, true], ['utbildning', null, null, null], ['stockholmshem', 92, 93, true], ['stadsholmen', 90, 85, false]], 5, 3],
  ] as const)('%s in %s: each assigned board target, value and whether it reached it', (id, kind, rows, judged, reached) => {
    const indicator = indicatorOf(kind, id);
    expect(indicator.boards.map((row) => [row.boardId, row.target, row.value, row.reached])).toEqual(rows);
    expect([indicator.judged, indicator.reached]).toEqual([judged, reached]);
  });

  it('takes the council target, the direction and the goal tree from the council goals', () => {
    expect(annual.directionGoals.map((d) => [d.id, d.areaGoals.map((a) => [a.id, a.indicators.map((i) => [i.id, i.councilTarget, i.direction])])])).toEqual([
      ['D1', [['D1.1', [['KF-1', 90, 'higher'], ['KF-2', 6, 'lower']]]]],
      ['D2', [['D2.1', [['KF-3', 1.5, 'lower']]]]],
    ]);
  });

  it.each([
    ['total', annual.goalAssessments, { fulfilled: 4, partly: 2, not: 1, total: 7 }],
    ['D1.1', annual.directionGoals[0]!.areaGoals[0]!.assessments, { fulfilled: 2, partly: 1, not: 1, total: 4 }],
    ['D2.1', annual.directionGoals[1]!.areaGoals[0]!.assessments, { fulfilled: 2, partly: 1, not: 0, total: 3 }],
  ])('counts the goal assessments (%s), each under the area goal its plan links it to', (_, counts, expected) => {
    expect(counts).toEqual(expected);
  });

  it('counts internal control and names the boards below sufficient with their own reasons, the insufficient first', () => {
    expect(annual.internalControl).toEqual({
      assessed: 5,
      sufficient: 3,
      partly_sufficient: 1,
      insufficient: 1,
      below: [
        { boardId: 'stadsholmen', name: 'Stadsholmen AB', assessment: 'insufficient', reason: 'Attestordningen följdes inte vid tre upphandlingar.' },
        { boardId: 'kista', name: 'Kista stadsdelsnämnd', assessment: 'partly_sufficient', reason: 'Två av sex kontroller genomfördes inte på grund av vakanser.' },
      ],
    });
  });

  it('lists the plans returned for targets below the council and how each ended', () => {
    expect(annual.returnedPlans).toEqual([
      {
        boardId: 'kista',
        name: 'Kista stadsdelsnämnd',
        returns: 1,
        ended: 'approved',
        status: 'approved',
        indicators: [{ indicatorId: 'KF-1', name: 'Andel behöriga lärare', unit: '%', councilTarget: 90, returnedTarget: 85, finalTarget: 90, meetsCouncil: true }],
      },
      {
        boardId: 'utbildning',
        name: 'Utbildningsnämnden',
        returns: 1,
        ended: 'open',
        status: 'returned',
        indicators: [{ indicatorId: 'KF-1', name: 'Andel behöriga lärare', unit: '%', councilTarget: 90, returnedTarget: 80, finalTarget: null, meetsCouncil: null }],
      },
    ]);
  });

  it.each([
    ['a return that named no council indicator and held no low target', { comments: [{ at: '2027-01-20T09:00:00.000Z', decision: 'return' as const, indicatorComments: [] }], previousSubmission: { targets: [{ indicatorId: 'KF-1', target: 95 }] } }, []],
    ['a plan never returned, even with a low target', { comments: [], content: { targets: [{ indicatorId: 'KF-1', target: 70 }], goals: [] } }, []],
    [
      'an approved plan that stayed below the council',
      {
        comments: [{ at: '2027-01-20T09:00:00.000Z', decision: 'return' as const, indicatorComments: [] }],
        previousSubmission: { targets: [{ indicatorId: 'KF-1', target: 80 }] },
      },
      [{ indicatorId: 'KF-1', returnedTarget: 80, finalTarget: 88, meetsCouncil: false }],
    ],
  ])('returned plans: %s', (_, patch, expected) => {
    const input = fixtureInput('annual');
    const plans = [{ boardId: 'bromma', status: 'approved' as const, content: { targets: [{ indicatorId: 'KF-1', target: 88 }], goals: [] }, ...patch }];
    const figures = [{ boardId: 'bromma', kind: 'plan' as const, targets: [{ indicatorId: 'KF-1', target: 88 }] }];
    const report = compileReport({ ...input, plans, figures });
    expect(report.returnedPlans.flatMap((plan) => plan.indicators.map(({ indicatorId, returnedTarget, finalTarget, meetsCouncil }) => ({ indicatorId, returnedTarget, finalTarget, meetsCouncil })))).toEqual(expected);
  });

  it("gives the executive board's purpose review in the annual report only", () => {
    expect(annual.purposeReview).toEqual({
      signedOff: true,
      comment: 'Året är avslutat.',
      within: 1,
      reviewed: 2,
      companies: [
        { boardId: 'stockholmshem', name: 'AB Stockholmshem', withinPurpose: true },
        { boardId: 'stadsholmen', name: 'Stadsholmen AB', withinPurpose: false, comment: 'Bolaget har bedrivit hotellverksamhet utan stöd i ägardirektivet.' },
      ],
    });
    expect(compileReport(fixtureInput('t2')).purposeReview).toBeUndefined();
    expect(compileReport(fixtureInput('annual', { signoff: undefined })).purposeReview).toMatchObject({ signedOff: false, reviewed: 0 });
  });

  it('sets each budget beside the approved forecast or outcome, with the deviation, the explanation and the city total', () => {
    expect(annual.economy.boards.map((row) => [row.boardId, row.budget, row.value, row.deviation, row.needsComment, row.explanation ?? null])).toEqual([
      ['bromma', 1_000_000, 1_012_000, 12_000, true, 'Fler barn i förskolan än budgeterat.'],
      ['kista', 800_000, 790_000, -10_000, true, 'Vakanta tjänster.'],
      ['skarpnack', 500_000, 500_000, 0, false, null],
      ['utbildning', 2_000_000, null, null, false, null],
    ]);
    expect(annual.economy.total).toEqual({ budget: 4_300_000, reportedBudget: 2_300_000, value: 2_302_000, deviation: 2_000, deviationPercent: (2_000 / 2_300_000) * 100, reported: 3, budgeted: 4 });
    expect(annual.economy.deficits).toBe(1);
  });

  it.each([
    ['annual', [['jamstalldhet', 5, ['bromma', 'kista', 'skarpnack', 'stockholmshem', 'stadsholmen']], ['innovation', 3, ['bromma']]]],
    ['t2', [['jamstalldhet', 5, ['bromma', 'kista', 'skarpnack', 'stockholmshem', 'stadsholmen']]]],
    ['t1', []],
  ] as const)('gathers each section the city asks for in %s, from the boards of the kinds asked', (kind, expected) => {
    expect(compileReport(fixtureInput(kind)).sections.map((s) => [s.id, s.asked, s.texts.map((t) => t.boardId)])).toEqual(expected);
  });

  it('names the late boards and counts the approved reports', () => {
    expect(annual.late).toEqual([{ boardId: 'utbildning', name: 'Utbildningsnämnden', status: 'not_started', due: '2028-02-15' }]);
    expect(annual.boards).toEqual({ total: 6, approved: 5 });
  });

  it("leaves out a unit's figures: the report is the top-level boards'", () => {
    const input = fixtureInput('annual');
    const report = compileReport({ ...input, figures: [...input.figures, { boardId: 'bromma-skola', kind: 'annual', indicators: [{ indicatorId: 'KF-1', outcome: 10 }] }], reports: [...input.reports, { boardId: 'bromma-skola', content: { indicators: [], goals: [], internalControl: { assessment: 'insufficient' } } }] });
    expect(report.internalControl.assessed).toBe(5);
    expect(report.directionGoals[0]!.areaGoals[0]!.indicators[0]!.boards.map((row) => row.boardId)).not.toContain('bromma-skola');
  });
});

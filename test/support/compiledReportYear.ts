/**
 * The fixture year of the compiled report's tests (issue 17): six boards under testGoals, their plans (one returned
 * for a low target and approved after, one returned and still open), their approved reports with internal control,
 * economy and sections, the budget, the city's sections, the sign-off and a late board. The pure tests compile it
 * directly; the Word and PDF tests render it; the integration test writes the same year through the API.
 */
import type { CompiledKind, CompiledReportInput, PlanRead } from '../../shared/domain/compiledReport';
import { reportedValuesOf, type ApprovedFigures } from '../../shared/domain/summary';
import type { BoardKind } from '../../shared/schemas/boards';
import type { PlanContent, ReportContent } from '../../shared/schemas/documents';
import type { BudgetLine, ReportSection } from '../../shared/schemas/economy';
import { testGoals } from './testGoals';

export const FIXTURE_YEAR = 2027;

export const fixtureBoards: Array<{ boardId: string; name: string; kind: BoardKind }> = [
  { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
  { boardId: 'kista', name: 'Kista stadsdelsnämnd', kind: 'district' },
  { boardId: 'skarpnack', name: 'Skarpnäcks stadsdelsnämnd', kind: 'district' },
  { boardId: 'utbildning', name: 'Utbildningsnämnden', kind: 'specialist' },
  { boardId: 'stockholmshem', name: 'AB Stockholmshem', kind: 'company' },
  { boardId: 'stadsholmen', name: 'Stadsholmen AB', kind: 'company' },
];

const goal = (id: string, areaGoalId: string) => ({ id, title: `Nämndmål ${id}`, areaGoalId, activities: [] });
const plan = (targets: Record<string, number>, goals: PlanContent['goals']): PlanContent => ({
  targets: Object.entries(targets).map(([indicatorId, target]) => ({ indicatorId, target })),
  goals,
  ownIndicators: [],
  risks: [],
  controls: [],
});

/** The plans as they stand: kista came back from 85 to 90 for KF-1; utbildning is still returned for 80. */
export const fixturePlans: PlanRead[] = [
  { boardId: 'bromma', status: 'approved', content: plan({ 'KF-1': 91, 'KF-2': 5 }, [goal('B1', 'D1.1'), goal('B2', 'D1.1')]), comments: [] },
  {
    boardId: 'kista',
    status: 'approved',
    content: plan({ 'KF-1': 90, 'KF-3': 1.4 }, [goal('K1', 'D1.1'), goal('K2', 'D2.1')]),
    comments: [
      { at: '2027-01-20T09:00:00.000Z', decision: 'return', indicatorComments: [{ indicatorId: 'KF-1', comment: 'Målet är lägre än fullmäktiges.' }] },
      { at: '2027-02-01T09:00:00.000Z', decision: 'approve', indicatorComments: [] },
    ],
    previousSubmission: plan({ 'KF-1': 85, 'KF-3': 1.4 }, []),
    submittedContent: plan({ 'KF-1': 90, 'KF-3': 1.4 }, []),
  },
  { boardId: 'skarpnack', status: 'approved', content: plan({ 'KF-1': 90 }, [goal('S1', 'D1.1')]), comments: [] },
  {
    boardId: 'utbildning',
    status: 'returned',
    content: plan({ 'KF-1': 80, 'KF-3': 1.5 }, [goal('U1', 'D1.1')]),
    comments: [{ at: '2027-01-25T09:00:00.000Z', decision: 'return', indicatorComments: [] }],
    submittedContent: plan({ 'KF-1': 80, 'KF-3': 1.5 }, []),
  },
  { boardId: 'stockholmshem', status: 'approved', content: plan({ 'KF-1': 92 }, [goal('H1', 'D2.1')]), comments: [] },
  { boardId: 'stadsholmen', status: 'approved', content: plan({ 'KF-1': 90 }, [goal('SH1', 'D2.1')]), comments: [] },
];

export const fixtureBudget: BudgetLine[] = [
  { boardId: 'bromma', netCost: 1_000_000 },
  { boardId: 'kista', netCost: 800_000 },
  { boardId: 'skarpnack', netCost: 500_000 },
  { boardId: 'utbildning', netCost: 2_000_000 },
];

export const fixtureSections: ReportSection[] = [
  { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['t2', 'annual'], required: true },
  { id: 'innovation', title: 'Innovation', kinds: ['annual'], required: false, boardKinds: ['district'] },
];

const report = (content: Partial<ReportContent>): ReportContent => ({ indicators: [], goals: [], ...content });

/** The approved reports: the same values serve as outcomes (annual) and forecasts (tertial). */
export function fixtureReports(kind: CompiledKind): Array<{ boardId: string; content: ReportContent }> {
  const values = (entries: Record<string, number>) =>
    Object.entries(entries).map(([indicatorId, v]) => (kind === 'annual' ? { indicatorId, outcome: v } : { indicatorId, forecast: v, outcome: v - 1 }));
  const money = (amount: number, comment?: string) =>
    kind === 'annual' ? { outcome: amount, ...(comment ? { comment } : {}) } : { outcomeToDate: Math.round(amount / 3), forecast: amount, ...(comment ? { comment } : {}) };
  return [
    {
      boardId: 'bromma',
      content: report({
        indicators: values({ 'KF-1': 92, 'KF-2': 5.5 }),
        goals: [{ goalId: 'B1', assessment: 'fulfilled' }, { goalId: 'B2', assessment: 'partly' }],
        internalControl: { assessment: 'sufficient' },
        economy: money(1_012_000, 'Fler barn i förskolan än budgeterat.'),
        sections: [
          { sectionId: 'jamstalldhet', text: 'Bromma har jämställdhetsintegrerat sin budget.' },
          { sectionId: 'innovation', text: 'Bromma prövar digitala bokningar.' },
        ],
      }),
    },
    {
      boardId: 'kista',
      content: report({
        indicators: values({ 'KF-1': 89, 'KF-3': 1.3 }),
        goals: [{ goalId: 'K1', assessment: 'fulfilled' }, { goalId: 'K2', assessment: 'fulfilled' }],
        internalControl: { assessment: 'partly_sufficient', comment: 'Två av sex kontroller genomfördes inte på grund av vakanser.' },
        economy: money(790_000, 'Vakanta tjänster.'),
        sections: [{ sectionId: 'jamstalldhet', text: 'Kista har kartlagt löneskillnader.' }],
      }),
    },
    {
      boardId: 'skarpnack',
      content: report({
        indicators: values({ 'KF-1': 90 }),
        goals: [{ goalId: 'S1', assessment: 'not' }],
        internalControl: { assessment: 'sufficient' },
        economy: money(500_000),
        sections: [{ sectionId: 'jamstalldhet', text: 'Skarpnäck har utbildat chefer i jämställdhet.' }],
      }),
    },
    {
      boardId: 'stockholmshem',
      content: report({
        indicators: values({ 'KF-1': 93 }),
        goals: [{ goalId: 'H1', assessment: 'fulfilled' }],
        internalControl: { assessment: 'sufficient' },
        sections: [{ sectionId: 'jamstalldhet', text: 'Stockholmshem har jämn könsfördelning i styrelsen.' }],
      }),
    },
    {
      boardId: 'stadsholmen',
      content: report({
        indicators: values({ 'KF-1': 85 }),
        goals: [{ goalId: 'SH1', assessment: 'partly' }],
        internalControl: { assessment: 'insufficient', comment: 'Attestordningen följdes inte vid tre upphandlingar.' },
        sections: [{ sectionId: 'jamstalldhet', text: 'Stadsholmen har en jämställdhetsplan.' }],
      }),
    },
  ];
}

/** The year summary's figures for the fixture: the approved plans' targets and the approved reports' values. */
export function fixtureFigures(kind: CompiledKind): ApprovedFigures[] {
  return [
    ...fixturePlans.filter((p) => p.status === 'approved').map((p): ApprovedFigures => ({ boardId: p.boardId, kind: 'plan', targets: p.content.targets })),
    ...fixtureReports(kind).map((r): ApprovedFigures => ({ boardId: r.boardId, kind, indicators: reportedValuesOf(r.content) })),
  ];
}

export const fixtureSignoff = {
  comment: 'Året är avslutat.',
  companies: [
    { boardId: 'stockholmshem', withinPurpose: true },
    { boardId: 'stadsholmen', withinPurpose: false, comment: 'Bolaget har bedrivit hotellverksamhet utan stöd i ägardirektivet.' },
  ],
};

export function fixtureInput(kind: CompiledKind, patch: Partial<CompiledReportInput> = {}): CompiledReportInput {
  return {
    year: FIXTURE_YEAR,
    kind,
    goals: testGoals,
    boards: fixtureBoards,
    figures: fixtureFigures(kind),
    reports: fixtureReports(kind),
    plans: fixturePlans,
    budget: fixtureBudget,
    sections: fixtureSections,
    ...(kind === 'annual' ? { signoff: fixtureSignoff } : {}),
    late: [{ boardId: 'utbildning', status: 'not_started', due: kind === 'annual' ? '2028-02-15' : kind === 't1' ? '2027-05-15' : '2027-09-15' }],
    ...patch,
  };
}

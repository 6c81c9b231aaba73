import type { Actor } from '../shared/domain/actor';
import type { Deps } from '../shared/composition/deps';
import { putBoard } from '../shared/features/boards/putBoard';
import { createCycle, putCouncilGoals } from '../shared/features/cycles/cycles';
import { decideDocument } from '../shared/features/documents/decideDocument';
import { saveDocument } from '../shared/features/documents/saveDocument';
import { submitDocument } from '../shared/features/documents/submitDocument';
import type { BoardBody } from '../shared/schemas/boards';
import type { CouncilGoals } from '../shared/schemas/councilGoals';
import type { CreateCycleBody } from '../shared/schemas/cycles';
import type { PlanContent } from '../shared/schemas/documents';
import type { BudgetLine, ReportSection } from '../shared/schemas/economy';
import { clockAt, openCurrentYear, seedCurrentYear, seedPreviousYear, type LivedInput } from './seedLived';

/** Stockholm's reporting bodies, as named in the seeds: the 13 district boards, specialist boards and companies. */
export const demoBoards: Array<{ boardId: string } & BoardBody> = [
  ...[
    ['rinkeby-kista', 'Rinkeby-Kista'],
    ['spanga-tensta', 'Spånga-Tensta'],
    ['hasselby-vallingby', 'Hässelby-Vällingby'],
    ['bromma', 'Bromma'],
    ['kungsholmen', 'Kungsholmen'],
    ['norrmalm', 'Norrmalm'],
    ['ostermalm', 'Östermalm'],
    ['sodermalm', 'Södermalm'],
    ['enskede-arsta-vantor', 'Enskede-Årsta-Vantör'],
    ['skarpnack', 'Skarpnäck'],
    ['farsta', 'Farsta'],
    ['alvsjo-hagersten', 'Hägersten-Älvsjö'],
    ['skarholmen', 'Skärholmen'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: `${name} stadsdelsnämnd`,
    kind: 'district' as const,
    contacts: [`namndsekreterare@${boardId}.stockholm.example`],
  })),
  ...[
    ['utbildning', 'Utbildningsnämnden'],
    ['social', 'Socialnämnden'],
    ['kultur', 'Kulturnämnden'],
    ['aldre', 'Äldrenämnden'],
    ['miljo-halsa', 'Miljö- och hälsoskyddsnämnden'],
    ['trafik', 'Trafiknämnden'],
    ['stadsbyggnad', 'Stadsbyggnadsnämnden'],
    ['exploatering', 'Exploateringsnämnden'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: name!,
    kind: 'specialist' as const,
    contacts: [`kansli@${boardId}.stockholm.example`],
  })),
  ...[
    ['sisab', 'Skolfastigheter i Stockholm AB (SISAB)'],
    ['stockholmshem', 'AB Stockholmshem'],
    ['svenska-bostader', 'AB Svenska Bostäder'],
    ['familjebostader', 'AB Familjebostäder'],
  ].map(([boardId, name]) => ({
    boardId: boardId!,
    name: name!,
    kind: 'company' as const,
    contacts: [`styrelse@${boardId}.stockholm.example`],
    locale: boardId === 'sisab' ? ('en' as const) : undefined,
  })),
];

/**
 * A handful of units (enheter) below Bromma and Utbildningsnämnden, each with the size a weighted roll-up needs
 * (pupils, children, beds). The web app's demo people are editors of these ids.
 */
export const demoUnits: Array<{ boardId: string } & BoardBody> = [
  ['bromma', 'bromma-alviksskolan', 'Alviksskolan', { pupils: 540 }, 'rektor@alviksskolan'],
  ['bromma', 'bromma-abrahamsbergsskolan', 'Abrahamsbergsskolan', { pupils: 380 }, 'rektor@abrahamsbergsskolan'],
  ['bromma', 'bromma-forskolor-vast', 'Bromma förskolor väst', { children: 420 }, 'forskolechef@bromma-forskolor-vast'],
  ['bromma', 'bromma-riksby-vobo', 'Riksby vård- och omsorgsboende', { beds: 64 }, 'enhetschef@riksby-vobo'],
  ['utbildning', 'utbildning-kungsholmens-gymnasium', 'Kungsholmens gymnasium', { pupils: 1150 }, 'rektor@kungsholmensgymnasium'],
  ['utbildning', 'utbildning-norra-real', 'Norra Real', { pupils: 1050 }, 'rektor@norrareal'],
  ['utbildning', 'utbildning-sodra-latin', 'Södra Latins gymnasium', { pupils: 1100 }, 'rektor@sodralatin'],
].map(([parentId, boardId, name, attributes, contact]) => ({
  boardId: boardId as string,
  name: name as string,
  kind: 'unit' as const,
  parentId: parentId as string,
  attributes: attributes as Record<string, number>,
  contacts: [`${contact as string}.stockholm.example`],
}));

const companies = demoBoards.filter((board) => board.kind === 'company').map((board) => board.boardId);
const housingCompanies = ['stockholmshem', 'svenska-bostader', 'familjebostader'];

/**
 * The council's 2026 budget, in thousands of kronor (tkr): each board's net cost, on the scale of Stockholm's (a district
 * board of 1.4–3.1 billion kronor, Utbildningsnämnden's twenty), the units' shares of their boards' budgets by their
 * size, and each company's return requirement (direct return, percent) with no net cost of its own.
 */
const netCosts2026: Record<string, number> = {
  'rinkeby-kista': 2_912_400,
  'spanga-tensta': 1_876_300,
  'hasselby-vallingby': 2_604_800,
  bromma: 2_731_500,
  kungsholmen: 1_948_200,
  norrmalm: 1_812_600,
  ostermalm: 1_795_100,
  sodermalm: 2_903_700,
  'enskede-arsta-vantor': 3_118_900,
  skarpnack: 1_824_000,
  farsta: 2_086_400,
  'alvsjo-hagersten': 3_021_300,
  skarholmen: 1_412_700,
  utbildning: 20_512_000,
  social: 1_698_500,
  kultur: 1_251_300,
  aldre: 903_600,
  'miljo-halsa': 161_200,
  trafik: 1_702_900,
  stadsbyggnad: 182_400,
  exploatering: 118_700,
  'bromma-alviksskolan': 51_300,
  'bromma-abrahamsbergsskolan': 36_100,
  'bromma-forskolor-vast': 67_200,
  'bromma-riksby-vobo': 67_200,
  'utbildning-kungsholmens-gymnasium': 126_500,
  'utbildning-norra-real': 115_500,
  'utbildning-sodra-latin': 121_000,
};
const returnRequirements: Record<string, number> = { sisab: 3.0, stockholmshem: 3.5, 'svenska-bostader': 3.5, familjebostader: 3.5 };

/** The budget of a year: 2026's as above; an earlier year's a step smaller (3 % a year), without the units (they start in 2026). */
export function demoBudget(year: number): BudgetLine[] {
  const scale = 1.03 ** (year - 2026);
  const units = new Set(demoUnits.map((unit) => unit.boardId));
  return [...demoBoards, ...demoUnits]
    .filter((board) => year >= 2026 || !units.has(board.boardId))
    .map((board) =>
      board.kind === 'company'
        ? { boardId: board.boardId, netCost: 0, returnRequirement: returnRequirements[board.boardId]! }
        : { boardId: board.boardId, netCost: Math.round((netCosts2026[board.boardId] ?? 0) * scale / 100) * 100 },
    );
}

/**
 * The text sections the city asks the boards and companies to write, as in Stockholm's annual report (units write
 * none: their boards gather what they do). Most are the annual report's; gender equality is also asked in T2.
 */
export const demoReportSections: ReportSection[] = [
  {
    id: 'kvalitetsutveckling',
    title: 'Kvalitetsutveckling',
    help: 'Hur har nämnden arbetat systematiskt med kvaliteten: uppföljning, brukarnas synpunkter, förbättringar som gjorts och deras effekt?',
    kinds: ['annual'],
    required: true,
    boardKinds: ['district', 'specialist', 'company'],
  },
  {
    id: 'innovation',
    title: 'Innovation',
    help: 'Nya arbetssätt, digitala tjänster och samarbeten som prövats under året, och vad de gav.',
    kinds: ['annual'],
    required: false,
    boardKinds: ['district', 'specialist', 'company'],
  },
  {
    id: 'agenda-2030',
    title: 'Agenda 2030',
    help: 'Hur verksamheten bidrar till de globala målen för hållbar utveckling; ange vilka mål det gäller.',
    kinds: ['annual'],
    required: true,
    boardKinds: ['district', 'specialist', 'company'],
  },
  {
    id: 'jamstalldhet',
    title: 'Jämställdhet',
    help: 'Hur nämnden har jämställdhetsintegrerat verksamheten: könsuppdelad statistik, analyser och åtgärder.',
    kinds: ['t2', 'annual'],
    required: true,
    boardKinds: ['district', 'specialist', 'company'],
  },
  {
    id: 'barnets-rattigheter',
    title: 'Barnets rättigheter',
    help: 'Hur barnkonventionen har beaktats i beslut och verksamhet, och hur barn och unga har fått komma till tals.',
    kinds: ['annual'],
    required: true,
    boardKinds: ['district', 'specialist'],
  },
  {
    id: 'nationella-minoriteter',
    title: 'Nationella minoriteter',
    help: 'Arbetet med de nationella minoriteternas rättigheter, särskilt inom förvaltningsområdet för finska, meänkieli och samiska.',
    kinds: ['annual'],
    required: false,
    boardKinds: ['district', 'specialist'],
  },
  {
    id: 'internationellt-arbete',
    title: 'Internationellt arbete',
    help: 'Nätverk, projekt och utbyten med andra städer och organisationer, och vad staden fått ut av dem.',
    kinds: ['annual'],
    required: false,
    boardKinds: ['specialist'],
  },
];

/** The 2026 cycle on Stockholm's rhythm. */
export const demoCycle: CreateCycleBody = {
  year: 2026,
  reviewerContacts: ['granskning@stadsledningskontoret.stockholm.example'],
  calendar: {
    planDue: '2026-01-31',
    t1Due: '2026-05-15',
    t2Due: '2026-09-15',
    annualDue: '2027-02-15',
    signoffDue: '2027-04-15',
    reminderDaysBefore: 7,
    escalateEveryDays: 7,
    timeZone: 'Europe/Stockholm',
  },
};

/** The council's goals for 2026: three direction goals, their area goals and indicators with annual targets. */
export const demoCouncilGoals: CouncilGoals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En modern storstad med möjligheter och valfrihet för alla',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Alla elever når kunskapsmålen',
          indicators: [
            // A share of pupils: the schools' values weigh by their pupils (units without pupils do not count).
            { id: 'KF-ELEV-1', name: 'Andel elever i åk 9 som är behöriga till gymnasiet', definition: 'Andel elever i årskurs 9 som är behöriga till ett nationellt program i gymnasieskolan, av alla elever som avslutat årskurs 9 under läsåret', source: 'Skolverket, via Kolada', koladaKpi: 'N15428', unit: '%', direction: 'higher', target: 86, rollup: 'weighted', weightBy: 'pupils' },
          ],
        },
        {
          id: 'D1.2',
          title: 'Äldre har en trygg och meningsfull vardag',
          // A share of residents: the care homes weigh by their beds.
          indicators: [{ id: 'KF-ALD-1', name: 'Andel äldre som är nöjda med sitt särskilda boende', definition: 'Andel svarande boende i särskilt boende som är ganska eller mycket nöjda med sitt boende som helhet', source: 'Socialstyrelsens brukarundersökning Vad tycker de äldre om äldreomsorgen?', unit: '%', direction: 'higher', target: 85, rollup: 'weighted', weightBy: 'beds' }],
        },
      ],
    },
    {
      id: 'D2',
      title: 'En hållbart växande och dynamisk storstad',
      areaGoals: [
        {
          id: 'D2.1',
          title: 'Stockholm är en klimatsmart stad',
          indicators: [
            // Per inhabitant of the whole city: no unit's figure adds up to it.
            { id: 'KF-KLIM-1', name: 'Växthusgasutsläpp per invånare', definition: 'Utsläpp av växthusgaser inom kommunens geografiska område, i ton koldioxidekvivalenter per invånare', source: 'Nationella emissionsdatabasen (RUS)', unit: 'ton CO2e', direction: 'lower', target: 1.5, boards: ['miljo-halsa', 'trafik'], rollup: 'none' },
            // Per square metre: a subsidiary weighs by its floor area ({ area: m² }).
            { id: 'KF-KLIM-2', name: 'Energianvändning i fastigheterna', definition: 'Levererad energi för värme, varmvatten och fastighetsel per kvadratmeter uppvärmd area (Atemp)', source: 'Bolagens energideklarationer och årsrapporter', unit: 'kWh/m²', direction: 'lower', target: 110, boards: companies, rollup: 'weighted', weightBy: 'area' },
          ],
        },
        {
          id: 'D2.2',
          title: 'Det byggs bostäder för alla',
          // A count: the subsidiaries' homes add up.
          indicators: [{ id: 'KF-BOST-1', name: 'Antal färdigställda hyresbostäder', definition: 'Hyresbostäder som fått slutbesked under året', source: 'Bolagens rapportering till stadsledningskontoret', unit: 'st', direction: 'higher', target: 1200, boards: housingCompanies, rollup: 'sum' }],
        },
      ],
    },
    {
      id: 'D3',
      title: 'En ekonomiskt hållbar och innovativ storstad',
      areaGoals: [
        {
          id: 'D3.1',
          title: 'Staden är en attraktiv arbetsgivare med god ekonomi',
          indicators: [
            // Shares per workplace, whose staff the demo's units do not give: their plain mean.
            { id: 'KF-PERS-1', name: 'Sjukfrånvaro bland medarbetarna', definition: 'Sjukfrånvaro i procent av ordinarie arbetstid, alla tillsvidare- och visstidsanställda', source: 'Stadens personalsystem', unit: '%', direction: 'lower', target: 6.5, rollup: 'mean' },
            { id: 'KF-EKON-1', name: 'Budgetföljsamhet, avvikelse från budget', definition: 'Nettokostnadens avvikelse från budget, i procent av budgeten', source: 'Stadens ekonomisystem', unit: '%', direction: 'lower', target: 1, rollup: 'mean' },
          ],
        },
      ],
    },
  ],
};

const seeder: Actor = { sub: 'demo-seed', role: 'admin', boards: [] };

/** The demo's people: the same as the web app's demo users (web/src/lib/auth.ts), and the sign-in hints. */
export const demoPeople = {
  admin: { sub: 'anna.admin', role: 'admin', boards: [], name: 'Anna Controller', email: 'anna@stockholm.example' },
  brommaEditor: { sub: 'erik.bromma', role: 'editor', boards: ['bromma'], name: 'Erik Berg', email: 'erik@bromma.example' },
  utbildningEditor: { sub: 'ulla.utbildning', role: 'editor', boards: ['utbildning'], name: 'Ulla Ek', email: 'ulla@utbildning.example' },
  unitEditor: { sub: 'lena.alvik', role: 'editor', boards: ['bromma-alviksskolan'], name: 'Lena Alvik', email: 'lena@alviksskolan.example' },
  norraRealEditor: { sub: 'olof.norrareal', role: 'editor', boards: ['utbildning-norra-real'], name: 'Olof Norén', email: 'olof@norrareal.example' },
  reviewer: { sub: 'rut.reviewer', role: 'reviewer', boards: [], name: 'Rut Analys', email: 'rut@stockholm.example' },
  executive: { sub: 'ks.executive', role: 'executive', boards: [], name: 'Kommunstyrelsen' },
} satisfies Record<string, Actor>;

const risksAndControls = (risk: string, control: string): Pick<PlanContent, 'risks' | 'controls'> => ({
  risks: [
    { id: 'R1', title: risk, probability: 3, consequence: 3 },
    { id: 'R2', title: 'Kostnaderna växer snabbare än budgeten', probability: 2, consequence: 4 },
  ],
  controls: [
    { id: 'C1', riskId: 'R1', description: control, frequency: 'tertial' },
    { id: 'C2', riskId: 'R2', description: 'Månadsuppföljning av ekonomin mot budget', frequency: 'monthly' },
  ],
});

/**
 * The approved 2026 plans of the two boards with units: what their units plan against. Each sets a target for
 * every council indicator assigned to it, and its own indicators carry their roll-up rule too.
 */
export const demoBoardPlans: Array<{ boardId: string; editor: Actor; content: PlanContent }> = [
  {
    boardId: 'bromma',
    editor: demoPeople.brommaEditor,
    content: {
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 88 },
        { indicatorId: 'KF-ALD-1', target: 87 },
        { indicatorId: 'KF-PERS-1', target: 6.2 },
        { indicatorId: 'KF-EKON-1', target: 0.5 },
      ],
      goals: [
        { id: 'N1', title: 'Fler elever i Bromma går ut nian med behörighet till gymnasiet', areaGoalId: 'D1.1', activities: ['Lovskola i alla skolor', 'Tidiga insatser i läsning i förskoleklass'] },
        { id: 'N2', title: 'Äldre i Bromma trivs på sitt boende', areaGoalId: 'D1.2', activities: ['Kontaktmannaskap på alla boenden', 'Aktiviteter varje dag'] },
        { id: 'N3', title: 'Friska medarbetare och en budget i balans', areaGoalId: 'D3.1', activities: ['Friskvårdstimme', 'Månadsuppföljning i varje enhet'] },
      ],
      ownIndicators: [
        { id: 'N1-1', goalId: 'N1', name: 'Elever som deltar i lovskola', unit: 'st', direction: 'higher', target: 300, rollup: 'sum' },
        { id: 'N2-1', goalId: 'N2', name: 'Andel boende med en aktuell genomförandeplan', unit: '%', direction: 'higher', target: 95, rollup: 'weighted', weightBy: 'beds' },
      ],
      ...risksAndControls('Svårt att rekrytera behöriga lärare och förskollärare', 'Uppföljning av rekryteringsläget per enhet'),
    },
  },
  {
    boardId: 'utbildning',
    editor: demoPeople.utbildningEditor,
    content: {
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 87 },
        { indicatorId: 'KF-ALD-1', target: 85 },
        { indicatorId: 'KF-PERS-1', target: 5.8 },
        { indicatorId: 'KF-EKON-1', target: 0.5 },
      ],
      goals: [
        { id: 'N1', title: 'Fler elever tar examen från gymnasiet', areaGoalId: 'D1.1', activities: ['Studiestöd i varje skola', 'Uppföljning av frånvaro varje vecka'] },
        { id: 'N2', title: 'Skolorna är attraktiva arbetsplatser', areaGoalId: 'D3.1', activities: ['Kompetensutveckling för lärare'] },
      ],
      ownIndicators: [
        { id: 'N1-1', goalId: 'N1', name: 'Andel elever med examen inom tre år', unit: '%', direction: 'higher', target: 82, rollup: 'weighted', weightBy: 'pupils' },
        { id: 'N2-1', goalId: 'N2', name: 'Andel legitimerade lärare', unit: '%', direction: 'higher', target: 90, rollup: 'mean' },
      ],
      ...risksAndControls('Lärarbrist i bristämnen', 'Uppföljning av lärarbehörigheten per skola'),
    },
  },
];

/**
 * Units whose 2026 plan is a draft (the rest have not started): one target for each indicator of the parent's
 * approved plan, and goals that make the parent's concrete. Alviksskolan's sickness-absence target is less
 * ambitious than Bromma's, so that its office sees a TARGET_BELOW_PARENT finding on the first walk up.
 */
export const demoUnitDrafts: Array<{ boardId: string; editor: Actor; content: PlanContent }> = [
  {
    boardId: 'bromma-alviksskolan',
    editor: demoPeople.unitEditor,
    content: {
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 90 },
        { indicatorId: 'KF-ALD-1', target: 87 },
        { indicatorId: 'KF-PERS-1', target: 6.4 },
        { indicatorId: 'KF-EKON-1', target: 0.5 },
        { indicatorId: 'N1-1', target: 60 },
        { indicatorId: 'N2-1', target: 95 },
      ],
      goals: [
        { id: 'E1', title: 'Alla elever i åk 9 på Alviksskolan når behörighet', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Lovskola på sport- och sommarlovet', 'Mentorssamtal varje månad i åk 8–9'] },
        { id: 'E2', title: 'Lägre sjukfrånvaro bland personalen', areaGoalId: 'D3.1', parentGoalId: 'N3', activities: ['Arbetsmiljöronder varje termin'] },
      ],
      ownIndicators: [{ id: 'E1-1', goalId: 'E1', name: 'Elever i åk 9 med stödplan', unit: 'st', direction: 'higher', target: 40 }],
      ...risksAndControls('Vakanta lärartjänster i matematik', 'Rektor följer upp bemanningen varje månad'),
    },
  },
  {
    boardId: 'utbildning-norra-real',
    editor: demoPeople.norraRealEditor,
    content: {
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 95 },
        { indicatorId: 'KF-ALD-1', target: 85 },
        { indicatorId: 'KF-PERS-1', target: 5 },
        { indicatorId: 'KF-EKON-1', target: 0.5 },
        { indicatorId: 'N1-1', target: 90 },
        { indicatorId: 'N2-1', target: 95 },
      ],
      goals: [{ id: 'E1', title: 'Fler elever tar examen på tre år', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: ['Studieverkstad två eftermiddagar i veckan'] }],
      ownIndicators: [],
      ...risksAndControls('Stora elevgrupper i de naturvetenskapliga kurserna', 'Uppföljning av kursresultaten varje tertial'),
    },
  },
];

type SeedDeps = Pick<Deps, 'boards' | 'cycles' | 'documents' | 'clock' | 'scheduler' | 'workflow' | 'sent' | 'idempotency' | 'outbox'>;

export interface SeedOptions {
  /**
   * Also file the boards' approved 2026 plans and the units' drafts (npm start does), so that a unit's plan can be
   * walked up to its board at once. Left out by tests that file Bromma's plan themselves, or replace the council's
   * goals (which an approved plan freezes).
   */
  plans?: boolean;
  /**
   * The lived demo (npm start): 2025 signed off with outcomes, and 2026 in flight as on 2026-12-04 (every board's plan
   * filed, reports in every status), each step dated when it happened (local/seedLived.ts). Implies `plans`; wants a
   * clock at 2026-12-04 or later (steps are never dated after the clock).
   */
  lived?: boolean;
  /** How long to wait for a review workflow to reach its reviewer before deciding anyway (default 20 s). */
  settleWithinMs?: number;
}

/** Seeds the demo into an empty table; does nothing when boards exist already. */
export async function seedDemo(deps: SeedDeps, options: SeedOptions = {}): Promise<{ seeded: boolean }> {
  if ((await deps.boards.list()).length > 0) return { seeded: false };
  // The lived demo's organisation was there before its first year (2025) was opened.
  const as = { ...deps, actor: seeder, ...(options.lived ? { clock: clockAt('2024-11-04T08:00:00Z', deps.clock) } : {}) };
  // Side by side (each board is its own item), the units after the boards: a parent must exist first.
  await Promise.all(demoBoards.map(({ boardId, ...body }) => putBoard({ boardId, body }, as)));
  await Promise.all(demoUnits.map(({ boardId, ...body }) => putBoard({ boardId, body }, as)));
  if (options.lived) {
    await seedLived(deps, options.settleWithinMs ?? 20_000);
    return { seeded: true };
  }
  if (!(await deps.cycles.get(demoCycle.year))) {
    await createCycle(demoCycle, as);
    await putCouncilGoals({ year: demoCycle.year, goals: demoCouncilGoals }, as);
  }
  if (options.plans) await seedPlans(deps, options.settleWithinMs ?? 20_000);
  return { seeded: true };
}

/**
 * Files the boards' plans the way people do, through the same use cases as the API (so the history, the year's
 * summary and the review workflow are as they would be): the board's editor saves and submits, the city's reviewer
 * approves once the workflow waits for the decision. Then the units' editors save their drafts.
 */
async function seedPlans(deps: SeedDeps, settleWithinMs: number): Promise<void> {
  const year = demoCycle.year;
  await Promise.all(
    demoBoardPlans.map(async ({ boardId, editor, content }) => {
      const address = { year, boardId, kind: 'plan' as const };
      await saveDocument({ ...address, ifMatch: 0, content }, { ...deps, actor: editor });
      await submitDocument(address, { ...deps, actor: editor });
      await reviewerIsAwaited(deps, boardId, settleWithinMs);
      await decideDocument({ ...address, body: { decision: 'approve', comment: 'Godkänd. Enheterna kan planera mot nämndens mål.' } }, { ...deps, actor: demoPeople.reviewer });
    }),
  );
  for (const { boardId, editor, content } of demoUnitDrafts) {
    await saveDocument({ year, boardId, kind: 'plan', ifMatch: 0, content }, { ...deps, actor: editor });
  }
}

/** The board secretaries the web app's sign-in page lists beside Erik and Ulla (web/src/lib/auth.ts): their boards' history names them. */
const signInEditors: Actor[] = [
  { sub: 'fatima.farsta', role: 'editor', boards: ['farsta'], name: 'Fatima Ali', email: 'fatima@farsta.example' },
  { sub: 'mira.miljo', role: 'editor', boards: ['miljo-halsa'], name: 'Mira Lind', email: 'mira@miljo.example' },
  { sub: 'sam.stockholmshem', role: 'editor', boards: ['stockholmshem'], name: 'Sam Holm', email: 'sam@stockholmshem.example' },
];

/** The editor of a top-level board in the lived demo: one of the demo's named people where there is one. */
export function livedEditorOf(boardId: string): Actor {
  const named = [demoPeople.brommaEditor, demoPeople.utbildningEditor, ...signInEditors].find((person) => person.boards.includes(boardId));
  if (named) return named;
  const board = demoBoards.find((candidate) => candidate.boardId === boardId);
  return { sub: `editor.${boardId}`, role: 'editor', boards: [boardId], name: `Nämndsekreterare, ${board?.name ?? boardId}` };
}

/**
 * 2025 filed and signed off, then 2026 in flight: Bromma's and Utbildningsnämnden's plans are the ones the plain seed
 * files, and their units' drafts are saved last, in late November.
 */
async function seedLived(deps: SeedDeps, settleWithinMs: number): Promise<void> {
  const input: LivedInput = {
    deps,
    people: { admin: demoPeople.admin, reviewer: demoPeople.reviewer, executive: demoPeople.executive, editorOf: livedEditorOf },
    boards: demoBoards.map(({ boardId, name, kind }) => ({ boardId, name, kind })),
    goals2026: demoCouncilGoals,
    cycle2026: demoCycle,
    plans2026: Object.fromEntries(demoBoardPlans.map((plan) => [plan.boardId, plan.content])),
    budget: demoBudget,
    sections: demoReportSections,
    settleWithinMs,
  };
  // The two years side by side: nothing of 2026 reads 2025 (a year's trend is read when asked).
  await Promise.all([seedPreviousYear(input), openCurrentYear(input).then(() => seedCurrentYear(input))]);
  await Promise.all(
    demoUnitDrafts.map(({ boardId, editor, content }, i) =>
      saveDocument({ year: demoCycle.year, boardId, kind: 'plan', ifMatch: 0, content }, { ...deps, actor: editor, clock: clockAt(`2026-11-2${3 + i}T10:15:00Z`, deps.clock) }),
    ),
  );
}

/**
 * Waits until the plan's review workflow has registered its wait for the reviewer, so that the decision completes
 * that wait (the usual path). Should it not get there in time, the decision is recorded anyway: the workflow's
 * callback step finds the document decided and goes on at once (shared/features/review/reviewSteps.ts).
 */
async function reviewerIsAwaited(deps: Pick<Deps, 'documents'>, boardId: string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const record = await deps.documents.get(demoCycle.year, boardId, 'plan');
    if (record?.waitingFor?.step === 'review' && record.taskToken) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How to sign in as each role, printed by `npm start`. */
export function signInHints(url: string): string {
  const token = ({ sub, role, boards, name, email }: Actor) =>
    `curl -s -X POST ${url}/api/dev/token -H 'content-type: application/json' -d '${JSON.stringify({ sub, role, ...(boards.length ? { boards } : {}), name, ...(email ? { email } : {}) })}'`;
  return [
    'Sign in as (local tokens; send them as Authorization: Bearer <token>):',
    `  admin        ${token(demoPeople.admin)}`,
    `  editor       ${token(demoPeople.brommaEditor)}`,
    `  unit editor  ${token(demoPeople.unitEditor)}`,
    `  reviewer     ${token(demoPeople.reviewer)}`,
    `  executive    ${token(demoPeople.executive)}`,
    '2025 is signed off (its public meters have outcomes); in 2026 the tertial reports wait in the review queue, and some are late.',
    "Bromma's and Utbildningsnämnden's 2026 plans are approved; Alviksskolan's plan is a draft: submit it as the unit editor,",
    "and decide it as Bromma's editor (a board's office decides on its units).",
    `Move the demo clock (forward only): curl -s -X POST ${url}/api/dev/clock -H 'content-type: application/json' -d '{"now":"2027-01-20T08:00:00Z"}'`,
  ].join('\n');
}

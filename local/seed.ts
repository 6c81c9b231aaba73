import type { Actor } from '../shared/domain/actor';
import type { Deps } from '../shared/composition/deps';
import { putBoard } from '../shared/features/boards/putBoard';
import { createCycle, putCouncilGoals } from '../shared/features/cycles/cycles';
import type { BoardBody } from '../shared/schemas/boards';
import type { CouncilGoals } from '../shared/schemas/councilGoals';
import type { CreateCycleBody } from '../shared/schemas/cycles';

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

const companies = demoBoards.filter((board) => board.kind === 'company').map((board) => board.boardId);
const housingCompanies = ['stockholmshem', 'svenska-bostader', 'familjebostader'];

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
            { id: 'KF-ELEV-1', name: 'Andel elever i åk 9 som är behöriga till gymnasiet', unit: '%', direction: 'higher', target: 86 },
          ],
        },
        {
          id: 'D1.2',
          title: 'Äldre har en trygg och meningsfull vardag',
          indicators: [{ id: 'KF-ALD-1', name: 'Andel äldre som är nöjda med sitt särskilda boende', unit: '%', direction: 'higher', target: 85 }],
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
            { id: 'KF-KLIM-1', name: 'Växthusgasutsläpp per invånare', unit: 'ton CO2e', direction: 'lower', target: 1.5, boards: ['miljo-halsa', 'trafik'] },
            { id: 'KF-KLIM-2', name: 'Energianvändning i fastigheterna', unit: 'kWh/m²', direction: 'lower', target: 110, boards: companies },
          ],
        },
        {
          id: 'D2.2',
          title: 'Det byggs bostäder för alla',
          indicators: [{ id: 'KF-BOST-1', name: 'Antal färdigställda hyresbostäder', unit: 'st', direction: 'higher', target: 1200, boards: housingCompanies }],
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
            { id: 'KF-PERS-1', name: 'Sjukfrånvaro bland medarbetarna', unit: '%', direction: 'lower', target: 6.5 },
            { id: 'KF-EKON-1', name: 'Budgetföljsamhet, avvikelse från budget', unit: '%', direction: 'lower', target: 1 },
          ],
        },
      ],
    },
  ],
};

const seeder: Actor = { sub: 'demo-seed', role: 'admin', boards: [] };

/** Seeds the demo into an empty table; does nothing when boards exist already. */
export async function seedDemo(deps: Pick<Deps, 'boards' | 'cycles' | 'documents' | 'clock' | 'scheduler' | 'workflow' | 'sent'>): Promise<{ seeded: boolean }> {
  if ((await deps.boards.list()).length > 0) return { seeded: false };
  const as = { ...deps, actor: seeder };
  for (const { boardId, ...body } of demoBoards) {
    await putBoard({ boardId, body }, as);
  }
  if (!(await deps.cycles.get(demoCycle.year))) {
    await createCycle(demoCycle, as);
    await putCouncilGoals({ year: demoCycle.year, goals: demoCouncilGoals }, as);
  }
  return { seeded: true };
}

/** How to sign in as each role, printed by `npm start`. */
export function signInHints(url: string): string {
  const token = (body: object) => `curl -s -X POST ${url}/api/dev/token -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
  return [
    'Sign in as (local tokens; send them as Authorization: Bearer <token>):',
    `  admin      ${token({ sub: 'anna.admin', role: 'admin', name: 'Anna Controller', email: 'anna@stockholm.example' })}`,
    `  editor     ${token({ sub: 'erik.bromma', role: 'editor', boards: ['bromma'], name: 'Erik Berg', email: 'erik@bromma.example' })}`,
    `  reviewer   ${token({ sub: 'rut.reviewer', role: 'reviewer', name: 'Rut Analys', email: 'rut@stockholm.example' })}`,
    `  executive  ${token({ sub: 'ks.executive', role: 'executive', name: 'Kommunstyrelsen' })}`,
    `Move the demo clock: curl -s -X POST ${url}/api/dev/clock -H 'content-type: application/json' -d '{"now":"2026-02-01T08:00:00Z"}'`,
  ].join('\n');
}

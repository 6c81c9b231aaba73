import type { Actor } from '../shared/domain/actor';
import { allIndicators } from '../shared/domain/councilGoals';
import { planIndicatorsOf, type PlanIndicator } from '../shared/domain/report';
import type { Deps } from '../shared/composition/deps';
import type { Clock } from '../shared/ports/clock';
import type { Scheduler } from '../shared/ports/scheduler';
import type { WorkflowEngine } from '../shared/ports/workflow';
import { createCycle, putCouncilGoals } from '../shared/features/cycles/cycles';
import { putBudget, putReportSections } from '../shared/features/economy/settings';
import { deviationOf, sectionsFor } from '../shared/domain/economy';
import { signOff } from '../shared/features/cycles/signOff';
import { decideDocument } from '../shared/features/documents/decideDocument';
import { saveDocument } from '../shared/features/documents/saveDocument';
import { submitDocument } from '../shared/features/documents/submitDocument';
import { syncPeriodSchedules } from '../shared/features/periods/periods';
import type { DocumentKind } from '../shared/schemas/common';
import type { CouncilGoals } from '../shared/schemas/councilGoals';
import type { CreateCycleBody } from '../shared/schemas/cycles';
import type { DecisionBody, PlanContent, ReportContent } from '../shared/schemas/documents';
import type { BudgetLine, ReportEconomy, ReportSection } from '../shared/schemas/economy';

/**
 * The lived demo: 2025 signed off with its outcomes, and 2026 in flight as it stands on LIVED_DEMO_TODAY. Everything is
 * filed through the same use cases as the API (save, submit, decide, sign off), each step with a clock fixed at the
 * moment the step happened, so the history, the review comments and the summaries carry believable dates. The review
 * workflows run on the stack's engine (and its clock, today): each decision waits until its workflow awaits the
 * reviewer, as a real decision does.
 */

/** The day the lived demo's story is told up to: npm start's clock starts here (or later) on a fresh DATA_DIR. */
export const LIVED_DEMO_TODAY = new Date('2026-12-04T08:00:00Z');

export type LivedDeps = Pick<Deps, 'boards' | 'cycles' | 'documents' | 'clock' | 'scheduler' | 'workflow' | 'sent' | 'idempotency' | 'outbox'>;

export interface LivedPeople {
  reviewer: Actor;
  executive: Actor;
  admin: Actor;
  /** The editor of each top-level board (the demo's named people for Bromma and Utbildningsnämnden). */
  editorOf(boardId: string): Actor;
}

export interface LivedBoard {
  boardId: string;
  name: string;
  kind: 'district' | 'specialist' | 'company' | 'unit';
}

/** A clock that stands at the moment a step happened, but never after the stack's own clock (nothing is filed in the future). */
export function clockAt(iso: string, real: Clock): Clock {
  const at = new Date(iso);
  return { now: () => (at.getTime() < real.now().getTime() ? at : real.now()) };
}

/**
 * Opening a past year starts its periods' workflows, which run on the engine's clock (today): a 2025 period opened now
 * closes at once and would find every board late. The cycle is opened with its schedules held back, and they are
 * synced once the year's documents are filed (as a calendar change would), so each period closes on what was handed in.
 */
const heldBack: { scheduler: Scheduler; workflow: WorkflowEngine } = {
  scheduler: { upsert: async () => undefined, remove: async () => undefined },
  workflow: { start: async (_workflow, executionName) => ({ executionArn: `held-back:${executionName}` }), completeTask: async () => undefined },
};

/** The 2025 cycle on the same rhythm as 2026. */
export const previousCycle: CreateCycleBody = {
  year: 2025,
  reviewerContacts: ['granskning@stadsledningskontoret.stockholm.example'],
  calendar: {
    planDue: '2025-01-31',
    t1Due: '2025-05-15',
    t2Due: '2025-09-15',
    annualDue: '2026-02-15',
    signoffDue: '2026-04-15',
    reminderDaysBefore: 7,
    escalateEveryDays: 7,
    timeZone: 'Europe/Stockholm',
  },
};

/** The council's 2025 targets: the same goals and indicators, a step less ambitious than 2026's. */
const targets2025: Record<string, number> = { 'KF-ELEV-1': 85, 'KF-ALD-1': 84, 'KF-KLIM-1': 1.7, 'KF-KLIM-2': 115, 'KF-BOST-1': 1100, 'KF-PERS-1': 6.8, 'KF-EKON-1': 1 };

export function previousCouncilGoals(goals: CouncilGoals): CouncilGoals {
  return {
    directionGoals: goals.directionGoals.map((direction) => ({
      ...direction,
      areaGoals: direction.areaGoals.map((area) => ({
        ...area,
        indicators: area.indicators.map((indicator) => ({ ...indicator, target: targets2025[indicator.id] ?? indicator.target })),
      })),
    })),
  };
}

// ── How each board is doing ───────────────────────────────────────────────────

/**
 * How well a board does, from -1 (well short of its targets) to +1 (well beyond): the districts as their
 * circumstances suggest, the others in between. Outcomes, forecasts and assessments follow from it.
 */
const standing: Record<string, number> = {
  'rinkeby-kista': -0.9,
  'spanga-tensta': -0.7,
  'hasselby-vallingby': -0.2,
  bromma: 0.6,
  kungsholmen: 0.5,
  norrmalm: 0.4,
  ostermalm: 0.8,
  sodermalm: 0.3,
  'enskede-arsta-vantor': -0.3,
  skarpnack: -0.1,
  farsta: -0.4,
  'alvsjo-hagersten': 0.1,
  skarholmen: -0.6,
  utbildning: 0.2,
  social: -0.5,
  kultur: 0.4,
  aldre: -0.1,
  'miljo-halsa': 0.3,
  trafik: -0.3,
  stadsbyggnad: 0.1,
  exploatering: -0.6,
  sisab: 0.5,
  stockholmshem: 0.2,
  'svenska-bostader': -0.2,
  familjebostader: 0.0,
};

/** A small, fixed wobble per board and indicator, in [-0.5, 0.5): the same on every start. */
function wobble(...parts: string[]): number {
  let hash = 2166136261;
  for (const char of parts.join('#')) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return ((hash >>> 0) % 1000) / 1000 - 0.5;
}

/** How far one step of standing moves an indicator, relative to its target. */
const spread: Record<string, number> = { 'KF-ELEV-1': 0.09, 'KF-ALD-1': 0.06, 'KF-KLIM-1': 0.12, 'KF-KLIM-2': 0.08, 'KF-BOST-1': 0.25, 'KF-PERS-1': 0.14, 'KF-EKON-1': 0.9 };

function rounded(value: number, unit: string): number {
  const decimals = unit === 'st' ? 0 : unit === 'kWh/m²' ? 0 : unit === 'ton CO2e' ? 2 : 1;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The year's outcome of an indicator for a board: beyond the target when the board stands well, short of it when not. */
function outcomeOf(year: number, boardId: string, indicator: PlanIndicator): number {
  const target = indicator.target ?? indicator.councilTarget ?? 0;
  const better = (standing[boardId] ?? 0) + (year - 2025) * 0.15 + wobble(String(year), boardId, indicator.id) * 0.9;
  const sign = indicator.direction === 'higher' ? 1 : -1;
  const value = target * (1 + sign * better * (spread[indicator.id] ?? 0.06));
  const bounded = indicator.unit === '%' ? Math.min(99.5, value) : value;
  return rounded(Math.max(indicator.unit === 'st' ? 0 : 0.1, bounded), indicator.unit);
}

const reached = (indicator: PlanIndicator, value: number) =>
  indicator.direction === 'higher' ? value >= (indicator.target ?? 0) : value <= (indicator.target ?? 0);

/** A forecast in the year: the target early on, closer to the outcome with each tertial. */
function forecastOf(kind: 't1' | 't2', outcome: number, indicator: PlanIndicator): number {
  const target = indicator.target ?? outcome;
  return rounded(target + (kind === 't1' ? 0.45 : 0.85) * (outcome - target), indicator.unit);
}

// ── The plans ─────────────────────────────────────────────────────────────────

/** Which of the council's area goals a board's own goals make concrete, by what it does. */
function areaGoalsOf(board: LivedBoard): Array<{ areaGoalId: string; title: string; activities: string[] }> {
  const staff = { areaGoalId: 'D3.1', title: 'Friska medarbetare och en ekonomi i balans', activities: ['Månadsuppföljning av ekonomin i varje verksamhet', 'Hälsofrämjande insatser på arbetsplatserna'] };
  if (board.kind === 'district') {
    return [
      { areaGoalId: 'D1.1', title: 'Fler elever går ut grundskolan med behörighet till gymnasiet', activities: ['Lovskola i alla skolor', 'Läsfrämjande insatser i förskoleklass'] },
      { areaGoalId: 'D1.2', title: 'Äldre känner sig trygga och trivs på sitt boende', activities: ['Kontaktmannaskap på alla boenden', 'Dagliga aktiviteter'] },
      staff,
    ];
  }
  if (board.kind === 'company') {
    const homes = ['stockholmshem', 'svenska-bostader', 'familjebostader'].includes(board.boardId);
    return [
      { areaGoalId: 'D2.1', title: 'Lägre energianvändning i fastighetsbeståndet', activities: ['Byte till frånluftsvärmepumpar', 'Injustering av värmesystem'] },
      ...(homes ? [{ areaGoalId: 'D2.2', title: 'Fler hyresbostäder färdigställs', activities: ['Nyproduktion enligt ägardirektivet', 'Förtätning på egen mark'] }] : []),
      staff,
    ];
  }
  const area: Record<string, { areaGoalId: string; title: string; activities: string[] }> = {
    utbildning: { areaGoalId: 'D1.1', title: 'Fler elever tar examen från gymnasiet', activities: ['Studiestöd i varje skola', 'Uppföljning av frånvaro varje vecka'] },
    social: { areaGoalId: 'D1.2', title: 'Stödet till utsatta är tryggt och samordnat', activities: ['Samordnad individuell plan', 'Uppsökande arbete'] },
    kultur: { areaGoalId: 'D1.1', title: 'Barn och unga läser mer', activities: ['Läsfrämjande på biblioteken', 'Skolbibliotek i samverkan'] },
    aldre: { areaGoalId: 'D1.2', title: 'Äldre har inflytande över sin vardag', activities: ['Brukarundersökning med uppföljning', 'Anhörigstöd'] },
    'miljo-halsa': { areaGoalId: 'D2.1', title: 'Utsläppen av växthusgaser minskar', activities: ['Klimathandlingsplan', 'Tillsyn av energianvändning'] },
    trafik: { areaGoalId: 'D2.1', title: 'Fler reser hållbart', activities: ['Utbyggnad av cykelstråk', 'Laddinfrastruktur'] },
    stadsbyggnad: { areaGoalId: 'D2.2', title: 'Planberedskap för bostäder', activities: ['Detaljplaner för 5 000 bostäder', 'Kortare handläggningstider'] },
    exploatering: { areaGoalId: 'D2.2', title: 'Markanvisningar för hyresrätter', activities: ['Markanvisningstävlingar', 'Uppföljning av byggstarter'] },
  };
  return [area[board.boardId] ?? { areaGoalId: 'D1.1', title: 'Verksamheten når sina mål', activities: ['Verksamhetsuppföljning'] }, staff];
}

/** The council's target for every indicator assigned to the board, a touch more ambitious where it stands well. */
function boardTargets(goals: CouncilGoals, boardId: string): Array<{ indicatorId: string; target: number }> {
  return allIndicators(goals)
    .map((row) => row.indicator)
    .filter((indicator) => indicator.boards === undefined || indicator.boards.includes(boardId))
    .map((indicator) => {
      const ambition = Math.max(0, standing[boardId] ?? 0) * 0.02;
      const sign = indicator.direction === 'higher' ? 1 : -1;
      const target =
        indicator.id === 'KF-BOST-1'
          ? ({ stockholmshem: 450, 'svenska-bostader': 400, familjebostader: 350 } as Record<string, number>)[boardId] ?? 400
          : rounded(indicator.target * (1 + sign * ambition), indicator.unit);
      return { indicatorId: indicator.id, target };
    });
}

export function livedPlan(goals: CouncilGoals, board: LivedBoard): PlanContent {
  const goalRows = areaGoalsOf(board).map((goal, i) => ({ id: `N${i + 1}`, title: goal.title, areaGoalId: goal.areaGoalId, activities: goal.activities }));
  return {
    targets: boardTargets(goals, board.boardId),
    goals: goalRows,
    ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Andel genomförda aktiviteter i verksamhetsplanen', unit: '%', direction: 'higher', target: 90, rollup: 'mean' }],
    risks: [
      { id: 'R1', title: board.kind === 'company' ? 'Kostnaderna för underhåll ökar' : 'Svårt att rekrytera och behålla personal', probability: 3, consequence: 3 },
      { id: 'R2', title: 'Kostnaderna växer snabbare än budgeten', probability: 2, consequence: 4 },
    ],
    controls: [
      { id: 'C1', riskId: 'R1', description: board.kind === 'company' ? 'Underhållsplanen följs upp mot utfall' : 'Uppföljning av bemanning och personalomsättning', frequency: 'tertial' },
      { id: 'C2', riskId: 'R2', description: 'Månadsuppföljning av ekonomin mot budget', frequency: 'monthly' },
    ],
  };
}

// ── The reports ───────────────────────────────────────────────────────────────

/** The internal control of 2025's annual reports that was not sufficient, and why. */
const internalControl2025: Record<string, { assessment: 'partly_sufficient' | 'insufficient'; comment: string }> = {
  farsta: {
    assessment: 'partly_sufficient',
    comment: 'Granskningen av attesträtterna visade att behörigheter inte togs bort när chefer slutade. Rutinen är ändrad och följs upp varje tertial 2026.',
  },
  social: {
    assessment: 'partly_sufficient',
    comment: 'Kontrollen av utbetalningar av ekonomiskt bistånd gjordes inte under sommaren på grund av vakanser. Kontrollen är nu bemannad året runt.',
  },
  exploatering: {
    assessment: 'insufficient',
    comment: 'Avtalsuppföljningen av markanvisningar saknades för hälften av avtalen. Nämnden har beslutat om en ny uppföljningsrutin och en kontroll varje månad.',
  },
};

/** The city's asks of a year's reports: the budget lines and the report sections. */
interface YearAsks {
  budget: readonly BudgetLine[];
  sections: readonly ReportSection[];
}

function reportOf(kind: 't1' | 't2' | 'annual', year: number, board: LivedBoard, goals: CouncilGoals, plan: PlanContent, asks: YearAsks): ReportContent {
  const indicators = planIndicatorsOf(goals, board.boardId, plan);
  const line = asks.budget.find((entry) => entry.boardId === board.boardId);
  const economy = line && economyOf(kind, year, board, line);
  const rows = indicators.map((indicator) => {
    // The council's budget indicator is the report's own deviation from the budget, in percent of it.
    const fromBudget = indicator.id === 'KF-EKON-1' && line && line.netCost > 0 ? budgetDeviationPercent(kind, line, economy) : undefined;
    const outcome = fromBudget ?? outcomeOf(year, board.boardId, indicator);
    if (kind === 'annual') {
      return { indicatorId: indicator.id, outcome, ...(reached(indicator, outcome) ? {} : { comment: `Målet ${indicator.target} ${indicator.unit} nåddes inte; åtgärderna fortsätter nästa år.` }) };
    }
    const forecast = fromBudget ?? forecastOf(kind, outcome, indicator);
    return { indicatorId: indicator.id, forecast, ...(reached(indicator, forecast) ? {} : { comment: 'Prognosen pekar under målet; insatserna förstärks under hösten.' }) };
  });
  const reachedBy = (goalId: string, areaGoalId: string) => {
    const council = new Set(allIndicators(goals).filter((row) => row.areaGoal.id === areaGoalId).map((row) => row.indicator.id));
    const linked = indicators.filter((indicator) => council.has(indicator.id) || plan.ownIndicators.some((own) => own.id === indicator.id && own.goalId === goalId));
    const values = new Map(rows.map((row) => [row.indicatorId, 'outcome' in row ? row.outcome : row.forecast]));
    if (linked.length === 0) return (standing[board.boardId] ?? 0) >= 0 ? 1 : 0.5;
    return linked.filter((indicator) => reached(indicator, values.get(indicator.id)!)).length / linked.length;
  };
  const goalRows = plan.goals.map((goal) => {
    const share = reachedBy(goal.id, goal.areaGoalId);
    const assessment = share >= 0.75 ? ('fulfilled' as const) : share >= 0.4 ? ('partly' as const) : ('not' as const);
    const comment = { fulfilled: 'Målet är uppfyllt.', partly: 'Målet är delvis uppfyllt: en del av indikatorerna når målnivån.', not: 'Målet är inte uppfyllt; nämnden har beslutat om åtgärder.' }[assessment];
    return { goalId: goal.id, assessment, comment };
  });
  const shortfall = rows.filter((row) => row.comment).length;
  const analysis =
    kind === 'annual'
      ? `${board.name} når ${rows.length - shortfall} av ${rows.length} mål för indikatorerna ${year}.${shortfall ? ' Där målen inte nås redovisas orsaker och åtgärder per indikator.' : ''}`
      : `Prognosen för helåret ${year} efter ${kind === 't1' ? 'första' : 'andra'} tertialet: ${rows.length - shortfall} av ${rows.length} indikatorer väntas nå målet.`;
  const control =
    kind === 'annual'
      ? { internalControl: (year === 2025 && internalControl2025[board.boardId]) || { assessment: 'sufficient' as const, comment: 'Kontrollerna i internkontrollplanen är genomförda utan väsentliga avvikelser.' } }
      : {};
  const texts = sectionsFor(kind, board.kind, asks.sections)
    .filter((section) => section.required || wobble('section', String(year), board.boardId, section.id) < 0.2)
    .map((section) => ({ sectionId: section.id, text: sectionText(section.id, board, year, kind) }));
  return {
    indicators: rows,
    goals: kind === 't1' ? [] : goalRows,
    ...control,
    analysis,
    ...(economy ? { economy } : {}),
    ...(texts.length ? { sections: texts } : {}),
  };
}

// ── The money ─────────────────────────────────────────────────────────────────

/**
 * How far a board's net cost ends from its budget, as a share of it: over the budget where it stands badly (the
 * districts with the greatest needs), under where it stands well, a little worse in 2026; from about -2.6 % to +3 %.
 */
function costShare(year: number, boardId: string): number {
  return -(standing[boardId] ?? 0) * 0.02 + wobble('economy', String(year), boardId) * 0.022 + (year - 2025) * 0.004;
}

/**
 * A report's money: the net cost so far and the forecast for the year in a tertial report (the forecast nearer the
 * outcome with each tertial), the year's outcome in the annual report; a company its return against the owner's
 * requirement. A deviation past the threshold is explained, as the city asks.
 */
function economyOf(kind: 't1' | 't2' | 'annual', year: number, board: LivedBoard, line: BudgetLine): ReportEconomy {
  if (line.returnRequirement !== undefined) {
    const achieved = Math.round((line.returnRequirement + (standing[board.boardId] ?? 0) * 1.2 + wobble('return', String(year), board.boardId) * 0.9) * 10) / 10;
    const drift = kind === 't1' ? 0.5 : kind === 't2' ? 0.85 : 1;
    const value = Math.round((line.returnRequirement + drift * (achieved - line.returnRequirement)) * 10) / 10;
    const comment =
      value < line.returnRequirement
        ? 'Avkastningen blir lägre än ägarens krav: räntekostnaderna har stigit och eftersatt underhåll tidigareläggs. Bolaget ser över underhållsplanen och takten i nyproduktionen.'
        : undefined;
    return kind === 'annual'
      ? { outcome: 0, returnOutcome: value, ...(comment ? { comment } : {}) }
      : { outcomeToDate: 0, forecast: 0, returnForecast: value, ...(comment ? { comment } : {}) };
  }
  const share = costShare(year, board.boardId);
  const tkr = (n: number) => Math.round(n);
  const figure = (drift: number) => tkr(line.netCost * (1 + drift * share));
  const economy: ReportEconomy =
    kind === 'annual'
      ? { outcome: figure(1) }
      : { outcomeToDate: tkr(line.netCost * (kind === 't1' ? 4 : 8) / 12 * (1 + share)), forecast: figure(kind === 't1' ? 0.6 : 0.9) };
  const value = kind === 'annual' ? economy.outcome! : economy.forecast!;
  const deviation = deviationOf(line.netCost, value);
  if (!deviation.needsComment) return economy;
  return { ...economy, comment: deviationComment(board, kind, deviation.amount, deviation.percent ?? 0) };
}

/** The deviation the council's budget indicator (KF-EKON-1) reports: absolute, in percent of the budget, one decimal. */
function budgetDeviationPercent(kind: 't1' | 't2' | 'annual', line: BudgetLine, economy: ReportEconomy | undefined): number {
  const value = kind === 'annual' ? economy?.outcome : economy?.forecast;
  return Math.round(Math.abs(deviationOf(line.netCost, value ?? line.netCost).percent ?? 0) * 10) / 10;
}

const swedishTkr = (n: number) => Math.round(Math.abs(n)).toLocaleString('sv-SE');

/** Why a board's money strays from its budget, in its board's words. */
function deviationComment(board: LivedBoard, kind: 't1' | 't2' | 'annual', amount: number, percent: number): string {
  const what = kind === 'annual' ? 'Årets nettokostnad' : 'Prognosen för helåret';
  const size = `${swedishTkr(amount)} tkr (${Math.abs(percent).toFixed(1).replace('.', ',')} %)`;
  if (amount > 0) {
    const why =
      board.kind === 'district'
        ? 'främst inom ekonomiskt bistånd och placeringar av barn och unga, där behoven har ökat mer än budgeterat'
        : board.boardId === 'utbildning'
          ? 'främst av fler elever i gymnasieskolan än budgeterat och högre kostnader för skolskjuts'
          : 'främst av högre kostnader för entreprenader och köpta tjänster efter prisökningarna';
    const action =
      kind === 'annual'
        ? 'Nämnden har beslutat om en åtgärdsplan för nästa år.'
        : 'Nämnden har beslutat om åtgärder: vakanser tillsätts restriktivt, inköp prövas mot behov och placeringarna följs upp varje månad.';
    return `${what} överskrider budgeten med ${size}, ${why}. ${action}`;
  }
  return `${what} understiger budgeten med ${size}: vakanta tjänster har varit svåra att tillsätta och två projekt har senarelagts. Medlen behövs när projekten genomförs nästa år.`;
}

/** What a board writes in one of the city's sections: short, in its own words. */
function sectionText(sectionId: string, board: LivedBoard, year: number, kind: 't1' | 't2' | 'annual'): string {
  const texts: Record<string, string> = {
    kvalitetsutveckling: `${board.name} har följt upp kvaliteten med brukarundersökningar och egenkontroller. Resultaten har gåtts igenom på varje arbetsplats, och förbättringar har gjorts där synpunkterna var flest.`,
    innovation: `Under ${year} har ${board.name} prövat digitala ansökningar och schemaläggning med stöd av stadens innovationsfond; tiden för handläggning har minskat.`,
    'agenda-2030': `Verksamheten bidrar särskilt till de globala målen 4 (god utbildning), 10 (minskad ojämlikhet) och 13 (bekämpa klimatförändringarna); målen är kopplade till nämndens egna mål i verksamhetsplanen.`,
    jamstalldhet:
      kind === 't2'
        ? `Statistiken är könsuppdelad i uppföljningen efter andra tertialet; analysen visar skillnader i hur insatser beviljas som följs upp under hösten.`
        : `${board.name} redovisar all statistik om individer uppdelad på kön. Analysen under året ledde till ändrade rutiner för hur insatser fördelas.`,
    'barnets-rattigheter': `Barnkonventionen har beaktats genom barnkonsekvensanalyser inför beslut som rör barn. Barn och unga har fått komma till tals genom dialoger i skolor och på fritidsgårdar.`,
    'nationella-minoriteter': `Inom förvaltningsområdet för finska, meänkieli och samiska har nämnden erbjudit information och samråd på minoritetsspråken.`,
    'internationellt-arbete': `${board.name} deltar i Eurocities och har utbytt erfarenheter med Helsingfors och Oslo om uppföljning och styrning.`,
  };
  return texts[sectionId] ?? `${board.name} redovisar arbetet inom området i verksamhetsberättelsen.`;
}

// ── The story ─────────────────────────────────────────────────────────────────

/** What became of one board's document: approved at last, or where it stands today. */
type Fate = 'approved' | 'in_review' | 'returned' | 'draft' | 'not_started';

/** 2026 as it stands on 2026-12-04; a board not named has its plan and T1 approved, its T2 approved too. */
const fates2026: Record<string, Partial<Record<'plan' | 't1' | 't2', Fate>>> = {
  // Returned for a sickness-absence target less ambitious than the council's; the board has not answered yet.
  skarpnack: { plan: 'returned', t1: 'not_started', t2: 'not_started' },
  social: { t1: 'in_review', t2: 'draft' },
  bromma: { t2: 'in_review' },
  'enskede-arsta-vantor': { t2: 'in_review' },
  trafik: { t2: 'in_review' },
  stadsbyggnad: { t2: 'in_review' },
  'svenska-bostader': { t2: 'in_review' },
  'alvsjo-hagersten': { t2: 'in_review' },
  'spanga-tensta': { t2: 'returned' },
  familjebostader: { t2: 'returned' },
  farsta: { t2: 'draft' },
  exploatering: { t2: 'not_started' },
};

/** Rounds that went back once before their approval (the board answered the reviewer, and it went through). */
const returnedOnce: Record<number, Partial<Record<string, DocumentKind>>> = {
  2025: { skarholmen: 'plan', trafik: 't2', 'svenska-bostader': 'annual' },
  2026: { trafik: 'plan' },
};

/** A date in the period for the board: the boards hand in over a couple of weeks, a few at the deadline. */
function dated(base: string, days: number, index: number, hour = 9): string {
  const day = new Date(`${base}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  day.setUTCHours(hour, (index * 7) % 60);
  return day.toISOString();
}

interface Milestones {
  saved: string;
  submitted: string;
  decided: string;
  /** A return and the answer, for a round that went back once. */
  resaved: string;
  resubmitted: string;
  approved: string;
}

/** When the board saved, submitted and had its document decided: spread over the boards by their order. */
function milestones(year: number, kind: DocumentKind, index: number): Milestones {
  const spreadDays = index % 12;
  const start = { plan: `${year}-01-05`, t1: `${year}-04-27`, t2: `${year}-08-31`, annual: `${year + 1}-01-19` }[kind];
  const saved = dated(start, spreadDays, index, 9);
  const submitted = dated(start, spreadDays + 5, index, 14);
  const decided = dated(start, spreadDays + 12, index, 10);
  return { saved, submitted, decided, resaved: dated(start, spreadDays + 16, index, 11), resubmitted: dated(start, spreadDays + 17, index, 15), approved: dated(start, spreadDays + 23, index, 10) };
}

const returnComment: Record<DocumentKind, string> = {
  plan: 'Nämndens mål för sjukfrånvaro och elevers behörighet ligger under kommunfullmäktiges. Höj målnivåerna eller motivera avvikelsen.',
  t1: 'Prognoserna saknar kommentarer där målen inte nås. Komplettera.',
  t2: 'Prognosen för budgetföljsamhet saknar en åtgärdsplan. Komplettera med vad nämnden gör för att nå balans.',
  annual: 'Analysen av internkontrollen behöver utvecklas: vilka kontroller gav avvikelser och vad görs?',
};

/** Everything the lived demo needs from the seed around it. */
export interface LivedInput {
  deps: LivedDeps;
  people: LivedPeople;
  /** The top-level boards (units are not part of the story: they start in 2026, in the plain seed). */
  boards: LivedBoard[];
  goals2026: CouncilGoals;
  cycle2026: CreateCycleBody;
  /** The 2026 plans the plain seed files for Bromma and Utbildningsnämnden: the rest get one of their kind. */
  plans2026: Record<string, PlanContent>;
  /** The council's budget of a year (each board's net cost, each company's return requirement). */
  budget(year: number): BudgetLine[];
  /** The sections the city asks the boards to write, the same both years. */
  sections: ReportSection[];
  settleWithinMs: number;
}

/** The office sets the year's budget and report sections once the council has adopted them, before the boards report. */
async function setEconomy(input: LivedInput, year: number, iso: string): Promise<YearAsks> {
  const as = { ...input.deps, actor: input.people.admin, clock: clockAt(iso, input.deps.clock) };
  const budget = await putBudget({ year, body: { unit: 'tkr', boards: input.budget(year) } }, as);
  const sections = await putReportSections({ year, body: { sections: input.sections } }, as);
  return { budget: budget.boards, sections: sections.sections };
}

/**
 * A review that ended long ago goes through the same use cases, with its workflow held back: it would have ended then
 * (waited for the decision, told the board, done), so on today's engine it would only send a notice dated today, and
 * the hundred and fifty of them cost most of the start. What it leaves on the document (the execution's name, the
 * decisions, the history, the summaries) is as it would be. The documents still in flight run on the stack's engine.
 */
function settledLongAgo(input: LivedInput): LivedInput {
  return { ...input, deps: { ...input.deps, workflow: heldBack.workflow }, settleWithinMs: 0 };
}

/** Files 2025, every review of it settled long ago (see settledLongAgo), and signs it off. */
export async function seedPreviousYear(input: LivedInput): Promise<void> {
  const { people, deps: live } = input;
  input = settledLongAgo(input);
  const { deps } = input;
  const year = previousCycle.year;
  const goals = previousCouncilGoals(input.goals2026);
  const asAdmin = (iso: string) => ({ ...deps, ...heldBack, actor: people.admin, clock: clockAt(iso, deps.clock) });
  const cycle = await createCycle(previousCycle, asAdmin('2024-11-18T08:00:00Z'));
  await putCouncilGoals({ year, goals }, asAdmin('2024-11-18T09:30:00Z'));
  const asks = await setEconomy(input, year, '2024-11-25T10:00:00Z');

  await inTurns(input.boards, async (board, index) => {
      const plan = livedPlan(goals, board);
      // Skärholmen's first plan sets a lower target for pupils' eligibility than the council's, and is returned for it.
      const first = returnedOnce[year]![board.boardId] === 'plan' ? lowered(plan) : plan;
      await file(input, { year, board, kind: 'plan', index, content: first, answer: plan, fate: 'approved' });
      for (const kind of ['t1', 't2', 'annual'] as const) {
        await file(input, { year, board, kind, index, content: reportOf(kind, year, board, goals, plan, asks), fate: 'approved' });
      }
  });
  // Its periods now open and close on what was handed in (see heldBack), on the stack's engine.
  await syncPeriodSchedules(cycle, live);
  const companies = input.boards.filter((board) => board.kind === 'company');
  await signOff(
    {
      year,
      body: {
        comment: 'Kommunstyrelsen har prövat nämndernas och bolagens årsrapporter för 2025 och godkänner årets uppföljning.',
        companies: companies.map((company) => ({
          boardId: company.boardId,
          withinPurpose: true,
          comment:
            company.boardId === 'sisab'
              ? 'Verksamheten har bedrivits inom det kommunala ändamålet och kompetensen. Kommunstyrelsen noterar de ökade underhållskostnaderna.'
              : 'Verksamheten har bedrivits inom det kommunala ändamålet och de kommunala befogenheterna.',
        })),
      },
    },
    { ...deps, actor: people.executive, clock: clockAt('2026-04-14T10:00:00Z', deps.clock) },
  );
}

/** The 2026 cycle with the council's goals, opened in November 2025 with its periods held back (see heldBack). */
export async function openCurrentYear(input: LivedInput): Promise<void> {
  const { deps, people } = input;
  const asAdmin = (iso: string) => ({ ...deps, ...heldBack, actor: people.admin, clock: clockAt(iso, deps.clock) });
  await createCycle(input.cycle2026, asAdmin('2025-11-20T08:00:00Z'));
  await putCouncilGoals({ year: input.cycle2026.year, goals: input.goals2026 }, asAdmin('2025-11-20T09:30:00Z'));
  await setEconomy(input, input.cycle2026.year, '2025-11-27T10:00:00Z');
}

/** Files 2026 as it stands today, then lets its periods catch up with the calendar. */
export async function seedCurrentYear(input: LivedInput): Promise<void> {
  const { deps } = input;
  const year = input.cycle2026.year;
  const goals = input.goals2026;
  const asks = { budget: input.budget(year), sections: input.sections };
  await inTurns(input.boards, async (board, index) => {
      const plan = input.plans2026[board.boardId] ?? livedPlan(goals, board);
      const fates = fates2026[board.boardId] ?? {};
      const planFate = fates.plan ?? 'approved';
      const returnsPlan = planFate === 'returned' || returnedOnce[year]![board.boardId] === 'plan';
      // Bromma's and Utbildningsnämnden's plans run on the engine, as the plain seed files them (their boards get the notice).
      const onEngine = (kind: DocumentKind, fate: Fate) => fate !== 'approved' || (kind === 'plan' && board.boardId in input.plans2026);
      const by = (kind: DocumentKind, fate: Fate) => (onEngine(kind, fate) ? input : settledLongAgo(input));
      await file(by('plan', planFate), { year, board, kind: 'plan', index, content: returnsPlan ? lowered(plan) : plan, answer: plan, fate: planFate });
      for (const kind of ['t1', 't2'] as const) {
        const fate = fates[kind] ?? 'approved';
        await file(by(kind, fate), { year, board, kind, index, content: reportOf(kind, year, board, goals, plan, asks), fate });
      }
  });
  const cycle = await deps.cycles.get(year);
  if (cycle) await syncPeriodSchedules(cycle, deps);
}

/** How many boards file at once, per year: more only queue up on DynamoDB Local and the engine (two cores). */
const BOARDS_AT_ONCE = 8;

/** Runs `work` for every item, at most BOARDS_AT_ONCE at a time, in the items' order. */
async function inTurns<T>(items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BOARDS_AT_ONCE, items.length) }, worker));
}

/** The plan with its first targets below the council's: pupils' eligibility and sickness absence. */
function lowered(plan: PlanContent): PlanContent {
  const worse: Record<string, number> = { 'KF-ELEV-1': -2, 'KF-PERS-1': 0.5 };
  return { ...plan, targets: plan.targets.map((target) => (worse[target.indicatorId] ? { ...target, target: Math.round((target.target + worse[target.indicatorId]!) * 10) / 10 } : target)) };
}

/**
 * One document's life through the use cases: saved, submitted, and decided by the city's reviewer, with a return
 * and an answer on the way when the story has one. `fate` says where it stops.
 */
async function file(
  input: LivedInput,
  step: { year: number; board: LivedBoard; kind: DocumentKind; index: number; content: PlanContent | ReportContent; answer?: PlanContent | ReportContent; fate: Fate },
): Promise<void> {
  const { deps, people } = input;
  const { year, board, kind, fate } = step;
  if (fate === 'not_started') return;
  const editor = people.editorOf(board.boardId);
  const when = milestones(year, kind, step.index);
  const address = { year, boardId: board.boardId, kind };
  const as = (actor: Actor, iso: string) => ({ ...deps, actor, clock: clockAt(iso, deps.clock) });
  const version = async () => (await deps.documents.get(year, board.boardId, kind))?.document.version ?? 0;

  await saveDocument({ ...address, ifMatch: 0, content: step.content }, as(editor, when.saved));
  if (fate === 'draft') {
    // Still being written: saved again lately, not handed in.
    await saveDocument({ ...address, ifMatch: await version(), content: step.content }, as(editor, '2026-11-26T13:20:00Z'));
    return;
  }
  // A T2 still in review in December was handed in late, in November.
  const lateHandIn = fate === 'in_review' && kind === 't2' ? dated('2026-11-16', step.index % 10, step.index, 14) : undefined;
  await submitDocument(address, as(editor, lateHandIn ?? when.submitted));
  if (fate === 'in_review' && kind !== 't1') return;
  const goesBack = fate === 'returned' || returnedOnce[year]?.[board.boardId] === kind || (fate === 'in_review' && kind === 't1');
  if (goesBack) {
    await decide(input, address, { decision: 'return', comment: returnComment[kind], ...(kind === 'plan' ? { indicatorComments: returnedTargets(step.content as PlanContent) } : {}) }, when.decided);
    if (fate === 'returned') {
      if (kind !== 'plan') await saveDocument({ ...address, ifMatch: await version(), content: step.content }, as(editor, '2026-11-12T10:05:00Z'));
      return;
    }
    await awaited(deps, address, 'resubmission', input.settleWithinMs);
    // A T1 in review in December: returned in the spring and answered only now.
    const resubmittedAt = fate === 'in_review' ? '2026-11-30T15:40:00Z' : when.resubmitted;
    await saveDocument({ ...address, ifMatch: await version(), content: step.answer ?? step.content }, as(editor, fate === 'in_review' ? '2026-11-30T15:10:00Z' : when.resaved));
    await submitDocument(address, as(editor, resubmittedAt));
    if (fate === 'in_review') return;
  }
  await decide(input, address, { decision: 'approve', comment: kind === 'plan' ? 'Godkänd.' : 'Godkänd. Tack för en tydlig rapport.' }, goesBack ? when.approved : when.decided);
}

/** The targets of a plan below the council's, commented on when it is returned. */
function returnedTargets(plan: PlanContent): DecisionBody['indicatorComments'] {
  const below = plan.targets.filter((target) => ['KF-ELEV-1', 'KF-PERS-1'].includes(target.indicatorId));
  return below.map((target) => ({ indicatorId: target.indicatorId, comment: 'Målnivån är lägre än kommunfullmäktiges.' }));
}

async function decide(input: LivedInput, address: { year: number; boardId: string; kind: DocumentKind }, body: DecisionBody, iso: string): Promise<void> {
  await awaited(input.deps, address, 'review', input.settleWithinMs);
  await decideDocument({ ...address, body }, { ...input.deps, actor: input.people.reviewer, clock: clockAt(iso, input.deps.clock) });
}

/**
 * Waits until the document's review workflow has registered its wait (for the reviewer, or for the board's
 * resubmission), so that the next step completes that wait as a person's would. Should it not get there in time the
 * step is taken anyway: the workflow's callback step finds it done and goes on (shared/features/review/reviewSteps.ts).
 */
export async function awaited(
  deps: Pick<Deps, 'documents'>,
  address: { year: number; boardId: string; kind: DocumentKind },
  step: 'review' | 'resubmission',
  withinMs: number,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const record = await deps.documents.get(address.year, address.boardId, address.kind);
    if (record?.waitingFor?.step === step && record.taskToken) return;
    // Not too often: two dozen boards wait side by side, on the same DynamoDB Local as the engine they wait for.
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

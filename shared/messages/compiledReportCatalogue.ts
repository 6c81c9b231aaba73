/**
 * Every sentence the compiled report writes, as a template per language (issue 17). Placeholders are `{{name}}`;
 * a template whose verb follows the count has a `one` and an `other` form (English: "judges"/"judge"). The values
 * come from the report model (domain/compiledReport); no sentence is made up anywhere else. What a board wrote
 * itself (its reasons, its section texts) is quoted beside these, never rewritten.
 */
import type { Locale } from '../schemas/boards';

export type Plural = { one: string; other: string };
export type Template = string | Plural;

export const reportMessages = {
  // ── Cover and frame ──
  title: { sv: '{{documentName}} {{year}}', en: '{{documentName}} {{year}}' },
  subtitle: {
    sv: 'Stadens samlade {{documentName}}, sammanställd ur nämndernas godkända rapporter',
    en: "The city's compiled {{documentName}}, written from the boards' approved reports",
  },
  coverage: {
    sv: '{{subject}} har en godkänd {{documentName}}.',
    en: { one: '{{subject}} has an approved {{documentName}}.', other: '{{subject}} have an approved {{documentName}}.' },
  },
  compiledAt: { sv: 'Sammanställd {{date}}.', en: 'Compiled on {{date}}.' },
  contents: { sv: 'Innehåll', en: 'Contents' },

  // ── Goals and indicators ──
  goalsChapter: { sv: 'Mål och indikatorer', en: 'Goals and indicators' },
  directionGoalHeading: { sv: 'Inriktningsmål {{id}}: {{title}}', en: 'Direction goal {{id}}: {{title}}' },
  areaGoalHeading: { sv: 'Mål för verksamhetsområdet {{id}}: {{title}}', en: 'Area goal {{id}}: {{title}}' },
  indicatorHeading: { sv: '{{name}} ({{unit}})', en: '{{name}} ({{unit}})' },
  councilTargetHigher: { sv: 'Kommunfullmäktiges årsmål är {{target}} {{unit}}, och högre är bättre.', en: "The council's annual target is {{target}} {{unit}}, and higher is better." },
  councilTargetLower: { sv: 'Kommunfullmäktiges årsmål är {{target}} {{unit}}, och lägre är bättre.', en: "The council's annual target is {{target}} {{unit}}, and lower is better." },
  reachedOutcome: {
    sv: '{{subject}} har nått sitt årsmål.',
    en: { one: '{{subject}} has reached its annual target.', other: '{{subject}} have reached their annual targets.' },
  },
  reachedForecast: {
    sv: '{{subject}} räknar med att nå sitt årsmål.',
    en: { one: '{{subject}} expects to reach its annual target.', other: '{{subject}} expect to reach their annual targets.' },
  },
  noneJudgedOutcome: { sv: 'Ingen nämnd har ännu både ett årsmål och ett godkänt utfall.', en: 'No board has both an annual target and an approved outcome yet.' },
  noneJudgedForecast: { sv: 'Ingen nämnd har ännu både ett årsmål och en godkänd prognos.', en: 'No board has both an annual target and an approved forecast yet.' },
  indicatorCaption: {
    sv: '{{name}}: nämndernas årsmål och {{basis}} (kommunfullmäktige: {{target}} {{unit}})',
    en: "{{name}}: the boards' annual targets and {{basis}} (the council: {{target}} {{unit}})",
  },
  chartDescription: {
    sv: 'Diagram över {{name}} per nämnd: årsmål och {{basis}}, med kommunfullmäktiges årsmål {{target}} {{unit}}. Samma värden står i tabellen.',
    en: 'Chart of {{name}} per board: annual target and {{basis}}, with the council’s annual target {{target}} {{unit}}. The table gives the same values.',
  },
  basisOutcome: { sv: 'utfall', en: 'outcomes' },
  basisForecast: { sv: 'prognos', en: 'forecasts' },
  columnBoard: { sv: 'Nämnd', en: 'Board' },
  columnTarget: { sv: 'Årsmål', en: 'Annual target' },
  columnOutcome: { sv: 'Utfall', en: 'Outcome' },
  columnForecast: { sv: 'Prognos', en: 'Forecast' },
  columnReached: { sv: 'Årsmålet nås', en: 'Target reached' },
  seriesTarget: { sv: 'Nämndens årsmål', en: "The board's target" },
  seriesCouncil: { sv: 'Kommunfullmäktiges årsmål', en: "The council's target" },
  yes: { sv: 'Ja', en: 'Yes' },
  no: { sv: 'Nej', en: 'No' },
  missing: { sv: '–', en: '–' },
  areaAssessmentsOutcome: {
    sv: 'Nämnderna bedömer {{total}} mål under målet (uppfyllda: {{fulfilled}}, delvis uppfyllda: {{partly}}, ej uppfyllda: {{not}}).',
    en: {
      one: 'The boards assess one goal under this area goal (fulfilled: {{fulfilled}}, partly fulfilled: {{partly}}, not fulfilled: {{not}}).',
      other: 'The boards assess {{total}} goals under this area goal (fulfilled: {{fulfilled}}, partly fulfilled: {{partly}}, not fulfilled: {{not}}).',
    },
  },
  areaAssessmentsForecast: {
    sv: 'Nämnderna bedömer hur {{total}} mål under målet uppfylls vid årets slut (uppfyllda: {{fulfilled}}, delvis uppfyllda: {{partly}}, ej uppfyllda: {{not}}).',
    en: {
      one: 'The boards assess how one goal under this area goal will be met by the end of the year (fulfilled: {{fulfilled}}, partly: {{partly}}, not: {{not}}).',
      other: 'The boards assess how {{total}} goals under this area goal will be met by the end of the year (fulfilled: {{fulfilled}}, partly: {{partly}}, not: {{not}}).',
    },
  },

  // ── The goal assessments counted ──
  assessmentsChapter: { sv: 'Nämndernas målbedömningar', en: "The boards' goal assessments" },
  assessmentsNone: { sv: 'Ingen godkänd rapport bedömer ännu nämndernas mål.', en: "No approved report assesses the boards' goals yet." },
  assessmentsFulfilled: {
    sv: '{{subject}} bedöms som uppfyllda.',
    en: { one: '{{subject}} is assessed as fulfilled.', other: '{{subject}} are assessed as fulfilled.' },
  },
  assessmentsFulfilledForecast: {
    sv: '{{subject}} bedöms bli uppfyllda under året.',
    en: { one: '{{subject}} is expected to be fulfilled this year.', other: '{{subject}} are expected to be fulfilled this year.' },
  },
  columnAssessment: { sv: 'Bedömning', en: 'Assessment' },
  columnCount: { sv: 'Antal mål', en: 'Goals' },
  fulfilled: { sv: 'Uppfyllt', en: 'Fulfilled' },
  partly: { sv: 'Delvis uppfyllt', en: 'Partly fulfilled' },
  not: { sv: 'Ej uppfyllt', en: 'Not fulfilled' },
  total: { sv: 'Totalt', en: 'Total' },
  assessmentsCaption: { sv: 'Nämndernas mål efter bedömning', en: "The boards' goals by assessment" },

  // ── Internal control ──
  internalControlChapter: { sv: 'Intern kontroll', en: 'Internal control' },
  internalControlSufficientYear: {
    sv: '{{subject}} bedömer att den interna kontrollen har varit tillräcklig under året.',
    en: {
      one: '{{subject}} judges its internal control to have been sufficient during the year.',
      other: '{{subject}} judge their internal control to have been sufficient during the year.',
    },
  },
  internalControlSufficientSoFar: {
    sv: '{{subject}} bedömer att den interna kontrollen hittills under året har varit tillräcklig.',
    en: {
      one: '{{subject}} judges its internal control to have been sufficient so far this year.',
      other: '{{subject}} judge their internal control to have been sufficient so far this year.',
    },
  },
  internalControlNone: { sv: 'Ingen nämnd har ännu bedömt den interna kontrollen i en godkänd rapport.', en: 'No board has assessed its internal control in an approved report yet.' },
  internalControlBelow: { sv: '{{boardName}} bedömer den interna kontrollen som {{level}}.', en: '{{boardName}} judges its internal control {{level}}.' },
  partly_sufficient: { sv: 'delvis tillräcklig', en: 'partly sufficient' },
  insufficient: { sv: 'ej tillräcklig', en: 'insufficient' },
  reasons: { sv: 'Nämndens skäl: {{reason}}', en: "The board's reasons: {{reason}}" },
  noReasons: { sv: 'Nämnden har inte angett några skäl.', en: 'The board gave no reasons.' },

  // ── Plans returned for targets below the council's ──
  returnedChapter: { sv: 'Återremitterade verksamhetsplaner', en: 'Returned operations plans' },
  returnedIntro: {
    sv: 'I de fall nämnderna hade angivit för låga årsmål för indikatorer har de uppmanats att återkomma med mer ambitiösa värden.',
    en: 'Where the boards had set annual targets for indicators that were too low, they were asked to come back with more ambitious values.',
  },
  returnedCount: {
    sv: '{{subject}} återremitterades för årsmål under kommunfullmäktiges.',
    en: { one: "{{subject}} was returned for targets below the council's.", other: "{{subject}} were returned for targets below the council's." },
  },
  returnedNone: { sv: 'Ingen verksamhetsplan återremitterades för årsmål under kommunfullmäktiges.', en: "No operations plan was returned for targets below the council's." },
  returnedApproved: {
    sv: '{{boardName}} återkom med årsmålet {{target}} {{unit}} för {{indicatorName}} (kommunfullmäktige: {{councilTarget}} {{unit}}), och planen godkändes.',
    en: '{{boardName}} came back with the annual target {{target}} {{unit}} for {{indicatorName}} (the council: {{councilTarget}} {{unit}}), and the plan was approved.',
  },
  returnedApprovedBelow: {
    sv: '{{boardName}}: planen godkändes med årsmålet {{target}} {{unit}} för {{indicatorName}}, under kommunfullmäktiges {{councilTarget}} {{unit}}.',
    en: "{{boardName}}: the plan was approved with the annual target {{target}} {{unit}} for {{indicatorName}}, below the council's {{councilTarget}} {{unit}}.",
  },
  returnedApprovedWithout: {
    sv: '{{boardName}}: planen godkändes utan årsmål för {{indicatorName}}.',
    en: '{{boardName}}: the plan was approved without an annual target for {{indicatorName}}.',
  },
  returnedOpen: {
    sv: '{{boardName}} har ännu inte återkommit med en godkänd verksamhetsplan (status: {{status}}).',
    en: '{{boardName}} has not yet come back with an approved operations plan (status: {{status}}).',
  },
  not_started: { sv: 'ej påbörjad', en: 'not started' },
  draft: { sv: 'utkast', en: 'draft' },
  in_review: { sv: 'under granskning', en: 'in review' },
  approved: { sv: 'godkänd', en: 'approved' },
  returned: { sv: 'återremitterad', en: 'returned' },

  // ── The executive board's review of the companies (annual) ──
  purposeChapter: { sv: 'Kommunstyrelsens prövning av bolagens verksamhet', en: "The executive board's review of the companies" },
  purposeIntro: {
    sv: 'Kommunstyrelsen har prövat om bolagen under året har bedrivit sin verksamhet inom ramen för det kommunala ändamålet och de kommunala befogenheterna.',
    en: 'The executive board has reviewed whether the companies acted within their municipal purpose and powers during the year.',
  },
  purposeCount: {
    sv: '{{subject}} har bedrivit verksamheten inom ramen för det kommunala ändamålet och befogenheterna.',
    en: { one: '{{subject}} has acted within its municipal purpose and powers.', other: '{{subject}} have acted within their municipal purpose and powers.' },
  },
  purposePending: {
    sv: 'Kommunstyrelsen har ännu inte prövat bolagens verksamhet; det gör den när året avslutas.',
    en: 'The executive board has not yet reviewed the companies; it does so when it signs off the year.',
  },
  purposeNoCompanies: { sv: 'Staden har inga bolag att pröva.', en: 'The city has no companies to review.' },
  purposeComment: { sv: 'Kommunstyrelsens kommentar: {{comment}}', en: "The executive board's comment: {{comment}}" },
  columnCompany: { sv: 'Bolag', en: 'Company' },
  columnDecision: { sv: 'Beslut', en: 'Decision' },
  columnComment: { sv: 'Kommentar', en: 'Comment' },
  withinPurpose: { sv: 'Inom ändamålet och befogenheterna', en: 'Within its purpose and powers' },
  outsidePurpose: { sv: 'Inte inom ändamålet och befogenheterna', en: 'Not within its purpose and powers' },
  notReviewed: { sv: 'Ej prövat', en: 'Not reviewed' },
  purposeCaption: { sv: 'Kommunstyrelsens beslut per bolag', en: "The executive board's decision per company" },

  // ── The economy ──
  economyChapter: { sv: 'Ekonomi', en: 'The economy' },
  economyNoBudget: { sv: 'Ingen budget är fastställd för året.', en: 'No budget is set for the year.' },
  economyCoverage: {
    sv: '{{subject}} har redovisat sin ekonomi i en godkänd rapport.',
    en: { one: '{{subject}} has reported its economy in an approved report.', other: '{{subject}} have reported their economy in an approved report.' },
  },
  economyTotalForecast: {
    sv: 'De nämnder som har redovisat har en budget på sammanlagt {{budget}} tkr och en prognos på {{value}} tkr, en avvikelse på {{deviation}} tkr ({{percent}}).',
    en: 'The boards that have reported have a budget of {{budget}} tkr in total and a forecast of {{value}} tkr, a deviation of {{deviation}} tkr ({{percent}}).',
  },
  economyTotalOutcome: {
    sv: 'De nämnder som har redovisat har en budget på sammanlagt {{budget}} tkr och ett utfall på {{value}} tkr, en avvikelse på {{deviation}} tkr ({{percent}}).',
    en: 'The boards that have reported have a budget of {{budget}} tkr in total and an outcome of {{value}} tkr, a deviation of {{deviation}} tkr ({{percent}}).',
  },
  economyDeficitsForecast: {
    sv: '{{subject}} räknar med ett underskott mot budgeten.',
    en: { one: '{{subject}} expects a deficit against its budget.', other: '{{subject}} expect deficits against their budgets.' },
  },
  economyDeficitsOutcome: {
    sv: '{{subject}} redovisar ett underskott mot budgeten.',
    en: { one: '{{subject}} reports a deficit against its budget.', other: '{{subject}} report deficits against their budgets.' },
  },
  columnBudget: { sv: 'Budget (tkr)', en: 'Budget (tkr)' },
  columnForecastTkr: { sv: 'Prognos (tkr)', en: 'Forecast (tkr)' },
  columnOutcomeTkr: { sv: 'Utfall (tkr)', en: 'Outcome (tkr)' },
  columnDeviation: { sv: 'Avvikelse (tkr)', en: 'Deviation (tkr)' },
  columnDeviationPercent: { sv: 'Avvikelse (%)', en: 'Deviation (%)' },
  columnExplanation: { sv: 'Förklaring', en: 'Explanation' },
  cityTotal: { sv: 'Staden totalt', en: 'The city in total' },
  economyCaption: { sv: 'Nämndernas budget och {{basis}}', en: "The boards' budgets and {{basis}}" },

  // ── The city's report sections ──
  sectionNone: { sv: 'Ingen nämnd har skrivit om avsnittet i en godkänd rapport.', en: 'No board has written on this section in an approved report.' },
  sectionCoverage: {
    sv: '{{subject}} har skrivit om avsnittet.',
    en: { one: '{{subject}} has written on this section.', other: '{{subject}} have written on this section.' },
  },

  // ── Late documents ──
  lateChapter: { sv: 'Sena dokument', en: 'Late documents' },
  lateNone: { sv: 'Ingen nämnd har varit sen med sin {{documentName}}.', en: 'No board has been late with its {{documentName}}.' },
  lateCount: {
    sv: '{{subject}} lämnade inte in sin {{documentName}} i tid.',
    en: { one: '{{subject}} did not submit its {{documentName}} on time.', other: '{{subject}} did not submit their {{documentName}} on time.' },
  },
  columnDue: { sv: 'Sista dag', en: 'Due' },
  columnStatus: { sv: 'Status', en: 'Status' },
  lateCaption: { sv: 'Nämnder som inte lämnade in i tid', en: 'Boards that did not submit on time' },

  // ── A board's own plan or report as a Word file ──
  documentTitle: { sv: '{{documentName}} {{year}}', en: '{{documentName}} {{year}}' },
  documentStatus: { sv: '{{boardName}}. Dokumentets status: {{status}}.', en: '{{boardName}}. Status of the document: {{status}}.' },
  planTargetsChapter: { sv: 'Årsmål för kommunfullmäktiges indikatorer', en: "Annual targets for the council's indicators" },
  columnIndicator: { sv: 'Indikator', en: 'Indicator' },
  columnCouncilTarget: { sv: 'Kommunfullmäktiges årsmål', en: "The council's target" },
  columnBoardTarget: { sv: 'Nämndens årsmål', en: "The board's target" },
  planGoalsChapter: { sv: 'Nämndens mål och aktiviteter', en: "The board's goals and activities" },
  planGoalArea: { sv: 'Målet konkretiserar {{areaGoal}}.', en: 'The goal makes {{areaGoal}} concrete.' },
  planActivity: { sv: 'Aktivitet: {{activity}}', en: 'Activity: {{activity}}' },
  ownIndicatorsChapter: { sv: 'Nämndens egna indikatorer', en: "The board's own indicators" },
  columnUnit: { sv: 'Enhet', en: 'Unit' },
  columnDirection: { sv: 'Riktning', en: 'Direction' },
  higherIsBetter: { sv: 'Högre är bättre', en: 'Higher is better' },
  lowerIsBetter: { sv: 'Lägre är bättre', en: 'Lower is better' },
  risksChapter: { sv: 'Väsentlighets- och riskanalys', en: 'Materiality and risk analysis' },
  columnRisk: { sv: 'Risk', en: 'Risk' },
  columnProbability: { sv: 'Sannolikhet', en: 'Probability' },
  columnConsequence: { sv: 'Konsekvens', en: 'Consequence' },
  columnScore: { sv: 'Riskvärde', en: 'Score' },
  controlsChapter: { sv: 'Internkontrollplan', en: 'Internal control plan' },
  columnControl: { sv: 'Kontroll', en: 'Control' },
  columnFrequency: { sv: 'Frekvens', en: 'Frequency' },
  reportIndicatorsChapter: { sv: 'Indikatorer', en: 'Indicators' },
  columnOutcomeSoFar: { sv: 'Utfall hittills', en: 'Outcome so far' },
  reportGoalsChapter: { sv: 'Målbedömningar', en: 'Goal assessments' },
  columnGoal: { sv: 'Mål', en: 'Goal' },
  boardInternalControl: { sv: 'Nämnden bedömer den interna kontrollen som {{level}}.', en: 'The board judges its internal control {{level}}.' },
  sufficient: { sv: 'tillräcklig', en: 'sufficient' },
  boardEconomy: { sv: 'Nämndens ekonomi (tkr)', en: "The board's economy (tkr)" },
  columnOutcomeToDateTkr: { sv: 'Utfall hittills (tkr)', en: 'Outcome so far (tkr)' },
  analysisChapter: { sv: 'Analys', en: 'Analysis' },
  nothingYet: { sv: 'Inget är ifyllt ännu.', en: 'Nothing is filled in yet.' },
} as const satisfies Record<string, Record<Locale, Template>>;

export type ReportMessageKey = keyof typeof reportMessages;

/** The report's documents, as a title (capitalised) and in the middle of a sentence. */
export const reportDocumentNames: Record<Locale, Record<'plan' | 't1' | 't2' | 'annual', { title: string; inSentence: string }>> = {
  sv: {
    plan: { title: 'Verksamhetsplan', inSentence: 'verksamhetsplan' },
    t1: { title: 'Tertialrapport 1', inSentence: 'tertialrapport 1' },
    t2: { title: 'Tertialrapport 2', inSentence: 'tertialrapport 2' },
    annual: { title: 'Verksamhetsberättelse', inSentence: 'verksamhetsberättelse' },
  },
  en: {
    plan: { title: 'Operations plan', inSentence: 'operations plan' },
    t1: { title: 'Tertial report 1', inSentence: 'tertial report 1' },
    t2: { title: 'Tertial report 2', inSentence: 'tertial report 2' },
    annual: { title: 'Annual report', inSentence: 'annual report' },
  },
};

/** What is counted, in each language: its singular and plural, and its word for "one" (Swedish has two genders). */
export const countNouns = {
  board: {
    sv: { one: 'nämnd', other: 'nämnder', the: 'Den enda nämnden', both: 'Båda nämnderna', none: 'Ingen nämnd', neuter: false },
    en: { one: 'board', other: 'boards', the: 'The only board', both: 'Both boards', none: 'No board', neuter: false },
  },
  company: {
    sv: { one: 'bolag', other: 'bolag', the: 'Det enda bolaget', both: 'Båda bolagen', none: 'Inget bolag', neuter: true },
    en: { one: 'company', other: 'companies', the: 'The only company', both: 'Both companies', none: 'No company', neuter: false },
  },
  plan: {
    sv: { one: 'verksamhetsplan', other: 'verksamhetsplaner', the: 'Den enda verksamhetsplanen', both: 'Båda verksamhetsplanerna', none: 'Ingen verksamhetsplan', neuter: false },
    en: { one: 'operations plan', other: 'operations plans', the: 'The only operations plan', both: 'Both operations plans', none: 'No operations plan', neuter: false },
  },
  goal: {
    sv: { one: 'mål', other: 'mål', the: 'Det enda målet', both: 'Båda målen', none: 'Inget mål', neuter: true },
    en: { one: 'goal', other: 'goals', the: 'The only goal', both: 'Both goals', none: 'No goal', neuter: false },
  },
} as const;
export type CountNoun = keyof typeof countNouns;

/** Numbers up to twelve are written as words, as Swedish and English style guides ask. */
export const numberWords: Record<Locale, { common: readonly string[]; neuter: readonly string[] }> = {
  sv: {
    common: ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
    neuter: ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'],
  },
  en: {
    common: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    neuter: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  },
};

/** "All boards but two", "Alla nämnder utom två": how each language says all but a few. */
export const countPatterns: Record<Locale, { all: string; allBut: string; of: string }> = {
  sv: { all: 'Alla {{other}}', allBut: 'Alla {{other}} utom {{missing}}', of: '{{n}} av {{total}} {{noun}}' },
  en: { all: 'All {{other}}', allBut: 'All {{other}} but {{missing}}', of: '{{n}} of {{total}} {{noun}}' },
};

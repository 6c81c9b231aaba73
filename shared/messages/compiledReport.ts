/**
 * The compiled report worded: the model (domain/compiledReport) turned into blocks (headings, sentences, the boards'
 * own words quoted, tables and charts) in one language. The Word file (features/reports/docx) and the print page
 * render the same blocks, so they say the same. Every sentence comes from the catalogue (compiledReportCatalogue).
 */
import type { CompiledReport, CompiledIndicator, AssessmentCounts } from '../domain/compiledReport';
import type { Locale } from '../schemas/boards';
import {
  countNouns,
  countPatterns,
  numberWords,
  reportDocumentNames,
  reportMessages,
  type CountNoun,
  type ReportMessageKey,
  type Template,
} from './compiledReportCatalogue';

export type ReportBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; id: string }
  | { type: 'paragraph'; text: string }
  /** A board's own words (its reasons, its section text), shown as quoted, never rewritten. */
  | { type: 'quote'; text: string }
  | { type: 'table'; caption: string; columns: string[]; rows: string[][]; numeric: boolean[]; totalRow?: boolean }
  | { type: 'chart'; title: string; description: string; categories: string[]; series: Array<{ name: string; values: Array<number | null>; line?: boolean }> };

export interface ComposedReport {
  lang: Locale;
  year: number;
  kind: CompiledReport['kind'];
  title: string;
  subtitle: string;
  /** The sentences on the cover under the title. */
  cover: string[];
  blocks: ReportBlock[];
}

type Values = Record<string, string | number>;

/** Fills a template of the catalogue; `plural` picks the form of a template whose verb follows a count. */
export function say(key: ReportMessageKey, locale: Locale, values: Values = {}, plural = false): string {
  const template: Template = reportMessages[key][locale];
  const text = typeof template === 'string' ? template : plural ? template.other : template.one;
  return fill(text, values);
}

function fill(text: string, values: Values): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the report template needs {{${name}}}`);
    return String(value);
  });
}

/**
 * The subject of a counted sentence: "Alla nämnder utom två", "All boards but two", "En av fem nämnder", "No board",
 * with whether the verb is plural. All, both, none and all-but-a-few are said as such; numbers to twelve as words.
 */
export function countSubject(n: number, total: number, noun: CountNoun, locale: Locale): { text: string; plural: boolean } {
  const words = countNouns[noun][locale];
  const numbers = numberWords[locale][words.neuter ? 'neuter' : 'common'];
  const word = (k: number) => numbers[k] ?? formatNumber(k, locale);
  const patterns = countPatterns[locale];
  if (n === 0) return { text: words.none, plural: false };
  if (n === total && total === 1) return { text: words.the, plural: false };
  if (n === total && total === 2) return { text: words.both, plural: true };
  if (n === total) return { text: fill(patterns.all, { other: words.other }), plural: true };
  const missing = total - n;
  if (missing <= 3 && n > missing) return { text: fill(patterns.allBut, { other: words.other, missing: word(missing) }), plural: true };
  return { text: capitalise(fill(patterns.of, { n: word(n), total: word(total), noun: total === 1 ? words.one : words.other })), plural: n !== 1 };
}

/** A counted sentence: the subject from countSubject, the verb's form to match. */
function counted(key: ReportMessageKey, locale: Locale, n: number, total: number, noun: CountNoun, values: Values = {}): string {
  const subject = countSubject(n, total, noun, locale);
  return say(key, locale, { ...values, subject: subject.text }, subject.plural);
}

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  sv: new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};

/** A number as the language writes it: "1 234,5" or "1,234.5" (with a plain space and minus, so that text searches find it). */
export function formatNumber(n: number, locale: Locale): string {
  return numberFormats[locale].format(n).replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}

function signed(n: number, locale: Locale): string {
  return `${n > 0 ? '+' : ''}${formatNumber(n, locale)}`;
}

function percent(n: number | null, locale: Locale): string {
  if (n === null) return say('missing', locale);
  return `${signed(Math.round(n * 10) / 10, locale)} %`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function value(n: number | null, locale: Locale): string {
  return n === null ? say('missing', locale) : formatNumber(n, locale);
}

/** Words the whole report in one language. */
export function composeReport(report: CompiledReport, locale: Locale, options: { compiledOn?: string } = {}): ComposedReport {
  const names = reportDocumentNames[locale][report.kind];
  const documentName = names.inSentence;
  const outcome = report.basis === 'outcome';
  const blocks: ReportBlock[] = [];
  const heading = (level: 1 | 2 | 3, text: string, id: string) => blocks.push({ type: 'heading', level, text, id });
  const paragraph = (text: string) => blocks.push({ type: 'paragraph', text });

  // Goals and indicators.
  heading(1, say('goalsChapter', locale), 'goals');
  for (const direction of report.directionGoals) {
    heading(2, say('directionGoalHeading', locale, { id: direction.id, title: direction.title }), `goal-${direction.id}`);
    for (const area of direction.areaGoals) {
      heading(3, say('areaGoalHeading', locale, { id: area.id, title: area.title }), `goal-${area.id}`);
      if (area.assessments.total > 0) paragraph(areaAssessments(area.assessments, outcome, locale));
      for (const indicator of area.indicators) blocks.push(...indicatorBlocks(indicator, outcome, locale));
    }
  }

  // The goal assessments counted.
  heading(1, say('assessmentsChapter', locale), 'assessments');
  const counts = report.goalAssessments;
  if (counts.total === 0) paragraph(say('assessmentsNone', locale));
  else {
    paragraph(counted(outcome ? 'assessmentsFulfilled' : 'assessmentsFulfilledForecast', locale, counts.fulfilled, counts.total, 'goal'));
    blocks.push({
      type: 'table',
      caption: say('assessmentsCaption', locale),
      columns: [say('columnAssessment', locale), say('columnCount', locale)],
      numeric: [false, true],
      rows: [
        [say('fulfilled', locale), formatNumber(counts.fulfilled, locale)],
        [say('partly', locale), formatNumber(counts.partly, locale)],
        [say('not', locale), formatNumber(counts.not, locale)],
        [say('total', locale), formatNumber(counts.total, locale)],
      ],
      totalRow: true,
    });
  }

  // Internal control.
  heading(1, say('internalControlChapter', locale), 'internal-control');
  const control = report.internalControl;
  if (control.assessed === 0) paragraph(say('internalControlNone', locale));
  else {
    paragraph(counted(outcome ? 'internalControlSufficientYear' : 'internalControlSufficientSoFar', locale, control.sufficient, control.assessed, 'board'));
    for (const board of control.below) {
      paragraph(say('internalControlBelow', locale, { boardName: board.name, level: say(board.assessment, locale) }));
      if (board.reason) blocks.push({ type: 'quote', text: say('reasons', locale, { reason: board.reason }) });
      else paragraph(say('noReasons', locale));
    }
  }

  // Plans returned for targets below the council's.
  heading(1, say('returnedChapter', locale), 'returned-plans');
  if (report.returnedPlans.length === 0) paragraph(say('returnedNone', locale));
  else {
    paragraph(say('returnedIntro', locale));
    paragraph(counted('returnedCount', locale, report.returnedPlans.length, report.boards.total, 'plan'));
    for (const plan of report.returnedPlans) {
      if (plan.ended === 'open') {
        paragraph(say('returnedOpen', locale, { boardName: plan.name, status: say(plan.status, locale) }));
        continue;
      }
      for (const indicator of plan.indicators) {
        const values = { boardName: plan.name, indicatorName: indicator.name, unit: indicator.unit, councilTarget: formatNumber(indicator.councilTarget, locale) };
        if (indicator.finalTarget === null) paragraph(say('returnedApprovedWithout', locale, values));
        else paragraph(say(indicator.meetsCouncil ? 'returnedApproved' : 'returnedApprovedBelow', locale, { ...values, target: formatNumber(indicator.finalTarget, locale) }));
      }
    }
  }

  // The executive board's review of the companies.
  if (report.purposeReview) {
    const review = report.purposeReview;
    heading(1, say('purposeChapter', locale), 'purpose-review');
    if (review.companies.length === 0) paragraph(say('purposeNoCompanies', locale));
    else if (!review.signedOff) paragraph(say('purposePending', locale));
    else {
      paragraph(say('purposeIntro', locale));
      paragraph(counted('purposeCount', locale, review.within, review.reviewed, 'company'));
      blocks.push({
        type: 'table',
        caption: say('purposeCaption', locale),
        columns: [say('columnCompany', locale), say('columnDecision', locale), say('columnComment', locale)],
        numeric: [false, false, false],
        rows: review.companies.map((company) => [
          company.name,
          say(company.withinPurpose === null ? 'notReviewed' : company.withinPurpose ? 'withinPurpose' : 'outsidePurpose', locale),
          company.comment ?? '',
        ]),
      });
      if (review.comment) blocks.push({ type: 'quote', text: say('purposeComment', locale, { comment: review.comment }) });
    }
  }

  // The economy.
  heading(1, say('economyChapter', locale), 'economy');
  const economy = report.economy;
  if (economy.boards.length === 0) paragraph(say('economyNoBudget', locale));
  else {
    paragraph(counted('economyCoverage', locale, economy.total.reported, economy.total.budgeted, 'board'));
    if (economy.total.value !== null) {
      paragraph(
        say(outcome ? 'economyTotalOutcome' : 'economyTotalForecast', locale, {
          budget: formatNumber(economy.total.reportedBudget, locale),
          value: formatNumber(economy.total.value, locale),
          deviation: signed(economy.total.deviation ?? 0, locale),
          percent: percent(economy.total.deviationPercent, locale),
        }),
      );
      paragraph(counted(outcome ? 'economyDeficitsOutcome' : 'economyDeficitsForecast', locale, economy.deficits, economy.total.reported, 'board'));
    }
    blocks.push({
      type: 'table',
      caption: say('economyCaption', locale, { basis: say(outcome ? 'basisOutcome' : 'basisForecast', locale) }),
      columns: [
        say('columnBoard', locale),
        say('columnBudget', locale),
        say(outcome ? 'columnOutcomeTkr' : 'columnForecastTkr', locale),
        say('columnDeviation', locale),
        say('columnDeviationPercent', locale),
        say('columnExplanation', locale),
      ],
      numeric: [false, true, true, true, true, false],
      rows: [
        ...economy.boards.map((row) => [
          row.name,
          formatNumber(row.budget, locale),
          value(row.value, locale),
          row.deviation === null ? say('missing', locale) : signed(row.deviation, locale),
          row.deviation === null ? say('missing', locale) : percent(row.deviationPercent, locale),
          row.explanation ?? '',
        ]),
        [
          say('cityTotal', locale),
          formatNumber(economy.total.budget, locale),
          value(economy.total.value, locale),
          economy.total.deviation === null ? say('missing', locale) : signed(economy.total.deviation, locale),
          percent(economy.total.deviationPercent, locale),
          '',
        ],
      ],
      totalRow: true,
    });
  }

  // One chapter per section the city asks for.
  for (const section of report.sections) {
    heading(1, section.title, `section-${section.id}`);
    if (section.texts.length === 0) paragraph(say('sectionNone', locale));
    else {
      paragraph(counted('sectionCoverage', locale, section.texts.length, section.asked, 'board'));
      for (const text of section.texts) {
        heading(2, text.name, `section-${section.id}-${text.boardId}`);
        blocks.push({ type: 'quote', text: text.text });
      }
    }
  }

  // Late documents.
  heading(1, say('lateChapter', locale), 'late');
  if (report.late.length === 0) paragraph(say('lateNone', locale, { documentName }));
  else {
    paragraph(counted('lateCount', locale, report.late.length, report.boards.total, 'board', { documentName }));
    blocks.push({
      type: 'table',
      caption: say('lateCaption', locale),
      columns: [say('columnBoard', locale), say('columnDue', locale), say('columnStatus', locale)],
      numeric: [false, false, false],
      rows: report.late.map((entry) => [entry.name, entry.due, say(entry.status, locale)]),
    });
  }

  const cover = [counted('coverage', locale, report.boards.approved, report.boards.total, 'board', { documentName })];
  if (options.compiledOn) cover.push(say('compiledAt', locale, { date: options.compiledOn }));
  return {
    lang: locale,
    year: report.year,
    kind: report.kind,
    title: say('title', locale, { documentName: names.title, year: report.year }),
    subtitle: say('subtitle', locale, { documentName }),
    cover,
    blocks,
  };
}

function areaAssessments(counts: AssessmentCounts, outcome: boolean, locale: Locale): string {
  return say(
    outcome ? 'areaAssessmentsOutcome' : 'areaAssessmentsForecast',
    locale,
    { total: formatNumber(counts.total, locale), fulfilled: formatNumber(counts.fulfilled, locale), partly: formatNumber(counts.partly, locale), not: formatNumber(counts.not, locale) },
    counts.total !== 1,
  );
}

function indicatorBlocks(indicator: CompiledIndicator, outcome: boolean, locale: Locale): ReportBlock[] {
  const target = formatNumber(indicator.councilTarget, locale);
  const basis = say(outcome ? 'basisOutcome' : 'basisForecast', locale);
  const blocks: ReportBlock[] = [
    { type: 'heading', level: 3, text: say('indicatorHeading', locale, { name: indicator.name, unit: indicator.unit }), id: `indicator-${indicator.id}` },
    { type: 'paragraph', text: say(indicator.direction === 'higher' ? 'councilTargetHigher' : 'councilTargetLower', locale, { target, unit: indicator.unit }) },
    {
      type: 'paragraph',
      text:
        indicator.judged === 0
          ? say(outcome ? 'noneJudgedOutcome' : 'noneJudgedForecast', locale)
          : counted(outcome ? 'reachedOutcome' : 'reachedForecast', locale, indicator.reached, indicator.judged, 'board'),
    },
    {
      type: 'table',
      caption: say('indicatorCaption', locale, { name: indicator.name, basis, target, unit: indicator.unit }),
      columns: [say('columnBoard', locale), say('columnTarget', locale), say(outcome ? 'columnOutcome' : 'columnForecast', locale), say('columnReached', locale)],
      numeric: [false, true, true, false],
      rows: indicator.boards.map((row) => [
        row.name,
        value(row.target, locale),
        value(row.value, locale),
        row.reached === null ? say('missing', locale) : say(row.reached ? 'yes' : 'no', locale),
      ]),
    },
  ];
  // The chart draws the boards with a target or a value; the table above lists every board assigned the indicator.
  const drawn = indicator.boards.filter((row) => row.target !== null || row.value !== null);
  if (drawn.length > 0) {
    blocks.push({
      type: 'chart',
      title: say('indicatorHeading', locale, { name: indicator.name, unit: indicator.unit }),
      description: say('chartDescription', locale, { name: indicator.name, basis, target, unit: indicator.unit }),
      categories: drawn.map((row) => row.name),
      series: [
        { name: say('seriesTarget', locale), values: drawn.map((row) => row.target) },
        { name: say(outcome ? 'columnOutcome' : 'columnForecast', locale), values: drawn.map((row) => row.value) },
        { name: say('seriesCouncil', locale), values: drawn.map(() => indicator.councilTarget), line: true },
      ],
    });
  }
  return blocks;
}

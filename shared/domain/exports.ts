/**
 * Downloads for spreadsheets: the public meters as CSV, and a board's whole year as CSV and JSON. The CSV is written
 * by domain/csv (RFC 4180, formula-injection guard); pass `excelSwedish` as options for Swedish Excel.
 */
import type { BoardKind } from '../schemas/boards';
import type { CouncilGoals } from '../schemas/councilGoals';
import type { BoardYearExport, ExportedPlan, ExportedReport } from '../schemas/exports';
import type { IndicatorSeries, MetersResponse, MeterTrend } from '../schemas/meters';
import { findIndicator } from './councilGoals';
import { toCsv, type CsvCell, type CsvOptions } from './csv';
import { planIndicatorsOf, type ReportKind } from './report';

// ── Meters ──────────────────────────────────────────────────────────────────

export const metersCsvHeader = [
  'year',
  'indicatorId',
  'name',
  'unit',
  'direction',
  'councilTarget',
  'directionGoal',
  'areaGoal',
  'boardId',
  'boardName',
  'target',
  'outcome',
  'forecast',
  'period',
  'status',
  'trend',
  'indicatorStatus',
  'indicatorValue',
  'previousValue',
  'change',
] as const;

/** improving, worsening or unchanged (direction-aware); empty without a trend. */
function trendWord(trend: MeterTrend | null): string {
  if (!trend) return '';
  if (trend.change === 0) return 'unchanged';
  return trend.improving ? 'improving' : 'worsening';
}

/**
 * GET /api/public/cycles/{year}/meters.csv: one row per indicator × board, the indicator's columns repeated on each
 * of its rows (an indicator without boards gets one row with the board columns empty). `status` is the board's;
 * `indicatorStatus`, `indicatorValue`, `trend`, `previousValue` and `change` are the indicator's. Goals are written as
 * "id title".
 */
export function metersCsv(meters: MetersResponse, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [];
  for (const m of meters.meters) {
    const indicator: CsvCell[] = [meters.year, m.indicatorId, m.name, m.unit, m.direction, m.councilTarget, `${m.goal.directionGoalId} ${m.goal.directionGoalTitle}`, `${m.goal.areaGoalId} ${m.goal.areaGoalTitle}`];
    const whole: CsvCell[] = [trendWord(m.trend), m.status, m.value, m.trend?.previousValue, m.trend?.change];
    const boards = m.boards.length > 0 ? m.boards : [undefined];
    for (const b of boards) {
      rows.push([...indicator, b?.boardId, b?.name, b?.target, b?.outcome, b?.forecast, b?.period, b?.status, ...whole]);
    }
  }
  return toCsv(metersCsvHeader, rows, options);
}

/** GET /api/public/indicators/{id}/series.csv: one row per year, the indicator's columns repeated on each. */
export const indicatorSeriesCsvHeader = [
  'indicatorId',
  'name',
  'unit',
  'direction',
  'year',
  'councilTarget',
  'value',
  'valueBasis',
  'status',
  'directionGoal',
  'areaGoal',
  'source',
  'trend',
  'trendSince',
  'slopePerYear',
] as const;

/** The series of one meter, oldest year first; the trend columns are the whole series' (domain/trend). */
export function indicatorSeriesCsv(series: IndicatorSeries, options: CsvOptions = {}): string {
  const { goal, trend } = series;
  const rows: CsvCell[][] = series.series.map((point) => [
    series.indicatorId,
    series.name,
    series.unit,
    series.direction,
    point.year,
    point.councilTarget,
    point.value,
    point.valueBasis,
    point.status,
    `${goal.directionGoalId} ${goal.directionGoalTitle}`,
    `${goal.areaGoalId} ${goal.areaGoalTitle}`,
    series.source,
    trend.verdict,
    trend.since,
    trend.slopePerYear,
  ]);
  return toCsv(indicatorSeriesCsvHeader, rows, options);
}

// ── A board's year ──────────────────────────────────────────────────────────

export interface BoardYearInput {
  year: number;
  goals: CouncilGoals;
  board: { boardId: string; name: string; kind?: BoardKind };
  /** The documents as they stand; leave one out (or null) when it does not exist yet. Who may see drafts is the caller's rule. */
  plan?: ExportedPlan | null;
  reports: Partial<Record<ReportKind, ExportedReport | null>>;
}

const reportKinds: readonly ReportKind[] = ['t1', 't2', 'annual'];

/** GET .../boards/{boardId}/export (JSON): the year's documents as stored, stamped with `exportedAt` (an ISO instant). */
export function boardYearExport(input: BoardYearInput, exportedAt: string): BoardYearExport {
  return {
    year: input.year,
    board: { boardId: input.board.boardId, name: input.board.name, ...(input.board.kind ? { kind: input.board.kind } : {}) },
    plan: input.plan ?? null,
    reports: { t1: input.reports.t1 ?? null, t2: input.reports.t2 ?? null, annual: input.reports.annual ?? null },
    exportedAt,
  };
}

export const boardYearCsvHeader = ['section', 'id', 'name', 'field', 'value'] as const;

const documentNames: Record<'plan' | ReportKind, string> = {
  plan: 'operations plan',
  t1: 'tertial report 1',
  t2: 'tertial report 2',
  annual: 'annual report',
};

/**
 * A board's year as one long ("tidy") table, one value per row, so a spreadsheet can filter and pivot it:
 * `section, id, name, field, value`. Sections, in this order:
 *
 * | section                 | id            | name                    | fields                                      |
 * |-------------------------|---------------|-------------------------|---------------------------------------------|
 * | board                   | board id      | board name              | year, kind                                  |
 * | documents               | plan/t1/t2/annual | document name       | status, version, updatedAt                  |
 * | plan.targets            | indicator id  | council indicator name  | councilTarget, target                       |
 * | plan.goals              | goal id       | title                   | areaGoalId, activity (one row each)         |
 * | plan.ownIndicators      | indicator id  | name                    | goalId, unit, direction, target             |
 * | plan.risks              | risk id       | title                   | probability, consequence, score (p × c)     |
 * | plan.controls           | control id    | description             | riskId, frequency                           |
 * | {t1,t2,annual}.indicators | indicator id | name (from the plan)   | outcome, forecast, comment                  |
 * | {t1,t2,annual}.goals    | goal id       | title (from the plan)   | assessment, comment                         |
 * | {t1,t2,annual}.internalControl |        |                         | assessment, comment                         |
 * | {t1,t2,annual}.analysis |               |                         | analysis                                    |
 *
 * Missing documents have a `documents` row with status not_started and no content rows. Optional text (comments) is
 * written only when present; outcome and forecast always, empty when not given.
 */
export function boardYearCsv(input: BoardYearInput, options: CsvOptions = {}): string {
  const rows: CsvCell[][] = [];
  const add = (section: string, id: CsvCell, name: CsvCell, field: string, value: CsvCell) => rows.push([section, id, name, field, value]);
  const { board, plan } = input;

  add('board', board.boardId, board.name, 'year', input.year);
  if (board.kind) add('board', board.boardId, board.name, 'kind', board.kind);

  const documents: Array<['plan' | ReportKind, ExportedPlan | ExportedReport | null | undefined]> = [
    ['plan', plan],
    ...reportKinds.map((k): [ReportKind, ExportedReport | null | undefined] => [k, input.reports[k]]),
  ];
  for (const [kind, doc] of documents) {
    add('documents', kind, documentNames[kind], 'status', doc?.status ?? 'not_started');
    if (doc?.version !== undefined) add('documents', kind, documentNames[kind], 'version', doc.version);
    if (doc?.updatedAt) add('documents', kind, documentNames[kind], 'updatedAt', doc.updatedAt);
  }

  if (plan) {
    const c = plan.content;
    for (const t of c.targets) {
      const council = findIndicator(input.goals, t.indicatorId)?.indicator;
      add('plan.targets', t.indicatorId, council?.name, 'councilTarget', council?.target);
      add('plan.targets', t.indicatorId, council?.name, 'target', t.target);
    }
    for (const g of c.goals) {
      add('plan.goals', g.id, g.title, 'areaGoalId', g.areaGoalId);
      for (const activity of g.activities) add('plan.goals', g.id, g.title, 'activity', activity);
    }
    for (const o of c.ownIndicators) {
      for (const field of ['goalId', 'unit', 'direction', 'target'] as const) add('plan.ownIndicators', o.id, o.name, field, o[field]);
    }
    for (const r of c.risks) {
      add('plan.risks', r.id, r.title, 'probability', r.probability);
      add('plan.risks', r.id, r.title, 'consequence', r.consequence);
      add('plan.risks', r.id, r.title, 'score', r.probability !== undefined && r.consequence !== undefined ? r.probability * r.consequence : null);
    }
    for (const k of c.controls) {
      add('plan.controls', k.id, k.description, 'riskId', k.riskId);
      add('plan.controls', k.id, k.description, 'frequency', k.frequency);
    }
  }

  const indicatorNames = new Map(
    planIndicatorsOf(input.goals, board.boardId, plan?.content ?? { targets: [], ownIndicators: [] }).map((i) => [i.id, i.name]),
  );
  const goalTitles = new Map(plan?.content.goals.map((g) => [g.id, g.title]));
  for (const kind of reportKinds) {
    const report = input.reports[kind];
    if (!report) continue;
    const c = report.content;
    for (const i of c.indicators) {
      const name = indicatorNames.get(i.indicatorId) ?? findIndicator(input.goals, i.indicatorId)?.indicator.name;
      add(`${kind}.indicators`, i.indicatorId, name, 'outcome', i.outcome);
      add(`${kind}.indicators`, i.indicatorId, name, 'forecast', i.forecast);
      if (i.comment) add(`${kind}.indicators`, i.indicatorId, name, 'comment', i.comment);
    }
    for (const g of c.goals) {
      add(`${kind}.goals`, g.goalId, goalTitles.get(g.goalId), 'assessment', g.assessment);
      if (g.comment) add(`${kind}.goals`, g.goalId, goalTitles.get(g.goalId), 'comment', g.comment);
    }
    if (c.internalControl) {
      add(`${kind}.internalControl`, null, null, 'assessment', c.internalControl.assessment);
      if (c.internalControl.comment) add(`${kind}.internalControl`, null, null, 'comment', c.internalControl.comment);
    }
    if (c.analysis) add(`${kind}.analysis`, null, null, 'analysis', c.analysis);
  }
  return toCsv(boardYearCsvHeader, rows, options);
}

/**
 * The goals of issue 13 (read paths that scale), judged on a year's figures: the year-wide read routes against
 * reading one document, their read units per board, the reminder job's share of the year's reads, the wall time of
 * the 1,000-board year against the figure recorded before the change, and the growth per board between scales.
 */
import type { LevelsResult, YearResult } from './run';

export const READ_PATH_GOALS = {
  /** p50 of a year route ÷ p50 of GET one document. */
  latencyRatio: 3,
  rruPerBoard: 0.1,
  reminderShare: 0.2,
  quietReminderRru: 5,
  /** The 1,000-board year before issue 13 (bench of 2026-11-23, commit e5f860a, same machine kind). */
  wallMsBefore: { boards: 1000, ms: 863_000, commit: 'e5f860a' },
  wallFactor: 1 / 3,
};

/** Days of the simulated year on which AWS runs the daily reminder job (2025-12-02 to 2027-04-20). */
export const YEAR_DAYS = 505;

export const yearRoutes = [
  'GET /api/cycles/{year}/status',
  'GET /api/cycles/{year}/late',
  'GET /api/public/cycles/{year}/meters',
  'GET /api/public/cycles/{year}/meters.csv',
  'GET /api/public/indicators/{id}',
] as const;
const oneDocument = 'GET /api/cycles/{year}/boards/{boardId}/documents/{kind}';

export interface GoalRow {
  figure: string;
  value: string;
  goal: string;
  met: boolean;
  why?: string;
}

const f = (value: number, digits = 1) => (Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const short = (route: string) => route.replace('GET /api', '').replace('/cycles/{year}', '').replace('/public', ' public');

/** `noun`: what `year.boards` counts (boards, or reporting bodies in the levels year). */
export function readPathGoals(year: YearResult, noun = 'boards'): GoalRow[] {
  const rows: GoalRow[] = [];
  const document = year.routes[oneDocument]?.latency.p50;
  const measured = yearRoutes.filter((route) => year.routes[route] && document);
  if (measured.length) {
    const ratios = measured.map((route) => ({ route, ratio: year.routes[route]!.latency.p50 / document! }));
    const over = ratios.filter((r) => r.ratio > READ_PATH_GOALS.latencyRatio);
    rows.push({
      figure: `Year read routes, p50 ÷ p50 of one document (${f(year.boards, 0)} ${noun})`,
      value: ratios.map((r) => `${short(r.route)} ${f(r.ratio)}`).join(', '),
      goal: `≤ ${READ_PATH_GOALS.latencyRatio}`,
      met: over.length === 0,
      why: over.length ? `**Year read routes**: ${over.map((r) => `${short(r.route)} ${f(r.ratio)}×`).join(', ')} one document's p50 (${f(document!)} ms).` : undefined,
    });
    const units = measured.map((route) => {
      const server = year.server.routes[route];
      return { route, perBoard: server && server.handler.n ? server.rru / server.handler.n / year.boards : NaN };
    });
    const heavy = units.filter((u) => !(u.perBoard <= READ_PATH_GOALS.rruPerBoard));
    rows.push({
      figure: `Year read routes, read units per request per board (${f(year.boards, 0)} ${noun})`,
      value: units.map((u) => `${short(u.route)} ${f(u.perBoard, 3)}`).join(', '),
      goal: `≤ ${READ_PATH_GOALS.rruPerBoard}`,
      met: heavy.length === 0,
      why: heavy.length ? `**Read units**: ${heavy.map((u) => `${short(u.route)} ${f(u.perBoard, 3)}`).join(', ')} per ${noun === 'boards' ? 'board' : 'body'}.` : undefined,
    });
  }
  const functions = Object.values(year.server.functions);
  const reminders = year.server.functions.SendReminders;
  if (reminders) {
    // The days the local clock skipped are runs in AWS: each at the cost of the run measured on a quiet day.
    const quietRuns = year.quietReminderRun ? Math.max(0, YEAR_DAYS - reminders.invocations) : 0;
    const quietRru = quietRuns * (year.quietReminderRun?.rru ?? 0);
    const total = functions.reduce((sum, fn) => sum + fn.rru, 0) + quietRru || 1;
    const share = (reminders.rru + quietRru) / total;
    rows.push({
      figure: `Reminder job's share of the year's read units (${f(year.boards, 0)} ${noun})`,
      value: `${f(100 * share)} % (${f(reminders.invocations, 0)} full runs, at most ${f(reminders.maxRru)} RRU in one, and ${f(quietRuns, 0)} quiet days at ${f(year.quietReminderRun?.rru ?? NaN)} RRU)`,
      goal: `≤ ${100 * READ_PATH_GOALS.reminderShare} %`,
      met: share <= READ_PATH_GOALS.reminderShare,
    });
  }
  if (year.quietReminderRun) {
    rows.push({
      figure: `Reminder job on a day when nothing is due (${f(year.boards, 0)} ${noun})`,
      value: `${f(year.quietReminderRun.rru)} RRU, ${f(year.quietReminderRun.calls, 0)} DynamoDB calls`,
      goal: `≤ ${READ_PATH_GOALS.quietReminderRru} RRU`,
      met: year.quietReminderRun.rru <= READ_PATH_GOALS.quietReminderRru,
    });
  }
  if (year.clockProbe) {
    const ratio = year.clockProbe.fiveYearsMs / year.clockProbe.oneDayMs;
    rows.push({
      figure: 'Moving the clock five years ÷ one day',
      value: `${f(ratio)} (${f(year.clockProbe.fiveYearsMs, 0)} ms ÷ ${f(year.clockProbe.oneDayMs, 0)} ms)`,
      goal: '≤ 20',
      met: ratio <= 20,
    });
  }
  if (year.boards === READ_PATH_GOALS.wallMsBefore.boards) {
    const factor = year.wallMs / READ_PATH_GOALS.wallMsBefore.ms;
    rows.push({
      figure: `Wall time of the ${f(year.boards, 0)}-board year ÷ before issue 13`,
      value: `${f(factor, 2)} (${f(year.wallMs / 1000)} s ÷ ${f(READ_PATH_GOALS.wallMsBefore.ms / 1000)} s at ${READ_PATH_GOALS.wallMsBefore.commit}; the only ratio here across runs)`,
      goal: `≤ ${f(READ_PATH_GOALS.wallFactor, 2)}`,
      met: factor <= READ_PATH_GOALS.wallFactor,
    });
  }
  return rows;
}

/**
 * The read-path goals in the organisation-levels year, from its probes (one request at a time, after the year): each
 * read against one document's p50, and its read units per request per reporting body; then the reminder rows.
 */
export function levelsReadPathGoals(levels: LevelsResult): GoalRow[] {
  const rows: GoalRow[] = [];
  const bodies = levels.boards;
  const [document, ...reads] = levels.probes;
  if (document && reads.length) {
    const ratios = reads.map((probe) => ({ name: probe.name, ratio: probe.latency.p50 / document.latency.p50 }));
    const over = ratios.filter((r) => r.ratio > READ_PATH_GOALS.latencyRatio);
    rows.push({
      figure: `Levels: each read, p50 ÷ p50 of one document (${f(bodies, 0)} bodies, one request at a time)`,
      value: ratios.map((r) => `${r.name} ${f(r.ratio)}`).join('; '),
      goal: `≤ ${READ_PATH_GOALS.latencyRatio}`,
      met: over.length === 0,
      why: over.length ? `**Levels, latency**: ${over.map((r) => `${r.name} ${f(r.ratio)}×`).join(', ')} one document's p50 (${f(document.latency.p50)} ms).` : undefined,
    });
    const units = reads.map((probe) => ({ name: probe.name, perBody: probe.rruPerRequest / bodies }));
    const heavy = units.filter((u) => !(u.perBody <= READ_PATH_GOALS.rruPerBoard));
    rows.push({
      figure: `Levels: read units per request per body (${f(bodies, 0)} bodies)`,
      value: units.map((u) => `${u.name} ${f(u.perBody, 3)}`).join('; '),
      goal: `≤ ${READ_PATH_GOALS.rruPerBoard}`,
      met: heavy.length === 0,
      why: heavy.length ? `**Levels, read units**: ${heavy.map((u) => `${u.name} ${f(u.perBody, 3)}`).join(', ')} per body.` : undefined,
    });
  }
  // The reminder job's rows as in the flat years; the year routes' rows mix the top level and the drill-down, so the probes stand for them.
  rows.push(...readPathGoals(levels, 'bodies').filter((row) => !row.figure.startsWith('Year read routes') && !row.figure.startsWith('Wall time')).map((row) => ({ ...row, figure: `Levels: ${row.figure}` })));
  return rows;
}

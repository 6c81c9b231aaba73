/**
 * Outcomes from Kolada as a DRAFT input for boards: the values are written as draft outcomes in a board's report
 * (mergeOutcomes) and the board checks, comments and submits them as usual. Nothing here approves anything.
 *
 * Rules of the mapping (checked before anything is read, 422 naming each problem):
 *   - each Kolada KPI maps to one council indicator, and each indicator from one KPI;
 *   - each municipality or unit maps to one board, and each board from one municipality or unit
 *     (Kolada values are not summed: a board fed by two units would get two competing values);
 *   - the indicator must be one of the council's; the board must exist when the caller names the boards.
 *
 * Of the payload, an entry becomes an outcome when its KPI and unit are mapped, its period is the year imported and
 * it has a total (gender T). Everything else is listed in `skipped` with the reason; an entry repeated (the same KPI,
 * unit and year, e.g. from overlapping pages) is kept once.
 */
import type { CouncilGoals } from '../schemas/councilGoals';
import type { ReportContent } from '../schemas/documents';
import type { ImportedOutcome, KoladaEntry, KoladaImportResult, KoladaMapping, KoladaPayload, KoladaSkipped } from '../schemas/kolada';
import { allIndicators } from './councilGoals';
import { ValidationFailed, type FieldError } from './errors';
import { pathOf } from './problems';

export interface KoladaImportContext {
  /** Where the values came from, e.g. `Kolada (RKA), https://api.kolada.se/v3/data/...`; Kolada's terms ask that it be named. */
  source: string;
  /** When they were fetched (ISO instant). */
  fetchedAt: string;
  /** The year imported: entries for other periods are skipped. */
  year: number;
  /** The year's council goals: mapped indicators must be among them. */
  goals: CouncilGoals;
  /** The boards that exist; when given, a mapping to any other board is a problem. */
  boardIds?: ReadonlySet<string>;
}

const unitKey = (b: { municipality?: string; ou?: string }) => (b.ou !== undefined ? `ou:${b.ou}` : `municipality:${b.municipality}`);
const unitLabel = (b: { municipality?: string; ou?: string }) => (b.ou !== undefined ? `unit ${b.ou}` : `municipality ${b.municipality}`);

/** Every problem in an admin's mapping (see the rules at the top of this file). */
export function koladaMappingProblems(mapping: KoladaMapping, goals: CouncilGoals, boardIds?: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  const councilIds = new Set(allIndicators(goals).map((r) => r.indicator.id));

  const kpiAt = new Map<string, number>();
  const indicatorAt = new Map<string, number>();
  mapping.indicators.forEach((m, i) => {
    const kpiFirst = kpiAt.get(m.kpi);
    if (kpiFirst !== undefined) {
      problems.push({ path: pathOf('indicators', i, 'kpi'), message: `KPI ${m.kpi} is already mapped at indicators.${kpiFirst}; map each KPI to one indicator` });
    } else kpiAt.set(m.kpi, i);
    if (!councilIds.has(m.indicatorId)) {
      problems.push({ path: pathOf('indicators', i, 'indicatorId'), message: `the council has no indicator ${m.indicatorId} this year; correct the id or remove the mapping of KPI ${m.kpi}` });
    }
    const indicatorFirst = indicatorAt.get(m.indicatorId);
    if (indicatorFirst !== undefined) {
      problems.push({
        path: pathOf('indicators', i, 'indicatorId'),
        message: `indicator ${m.indicatorId} is already fed by KPI ${mapping.indicators[indicatorFirst].kpi} (indicators.${indicatorFirst}); map one KPI per indicator`,
      });
    } else indicatorAt.set(m.indicatorId, i);
  });

  const unitAt = new Map<string, number>();
  const boardAt = new Map<string, number>();
  mapping.boards.forEach((b, i) => {
    const key = unitKey(b);
    const unitFirst = unitAt.get(key);
    if (unitFirst !== undefined) {
      problems.push({ path: pathOf('boards', i), message: `${unitLabel(b)} is already mapped at boards.${unitFirst}; map each municipality or unit to one board` });
    } else unitAt.set(key, i);
    if (boardIds && !boardIds.has(b.boardId)) {
      problems.push({ path: pathOf('boards', i, 'boardId'), message: `there is no board ${b.boardId}; create it (PUT /api/boards/${b.boardId}) or correct the id` });
    }
    const boardFirst = boardAt.get(b.boardId);
    if (boardFirst !== undefined) {
      problems.push({
        path: pathOf('boards', i, 'boardId'),
        message: `board ${b.boardId} is already fed by ${unitLabel(mapping.boards[boardFirst])} (boards.${boardFirst}); Kolada values are not summed, so map one municipality or unit per board`,
      });
    } else boardAt.set(b.boardId, i);
  });
  return problems;
}

/** Throws ValidationFailed (422) naming every problem in the mapping. */
export function validateKoladaMapping(mapping: KoladaMapping, goals: CouncilGoals, boardIds?: ReadonlySet<string>): void {
  const problems = koladaMappingProblems(mapping, goals, boardIds);
  if (problems.length > 0) {
    throw new ValidationFailed(
      `The Kolada mapping has ${problems.length} problem${problems.length === 1 ? '' : 's'}; fix each one listed in errors and import again.`,
      problems,
    );
  }
}

/** The Kolada payload as draft outcomes per board and indicator, and what was skipped and why. */
export function mapKoladaOutcomes(payload: KoladaPayload, mapping: KoladaMapping, context: KoladaImportContext): KoladaImportResult {
  validateKoladaMapping(mapping, context.goals, context.boardIds);
  const indicatorOf = new Map(mapping.indicators.map((m) => [m.kpi, m.indicatorId]));
  const boardOf = new Map(mapping.boards.map((b) => [unitKey(b), b.boardId]));

  const outcomes: ImportedOutcome[] = [];
  const skipped: KoladaSkipped[] = [];
  const seen = new Set<string>();
  for (const entry of payload.values) {
    const period = Number(entry.period);
    const unit = entry.ou ?? entry.municipality ?? null;
    const skip = (reason: KoladaSkipped['reason']) => skipped.push({ reason, kpi: entry.kpi, unit, period });

    const indicatorId = indicatorOf.get(entry.kpi);
    if (indicatorId === undefined) {
      skip('kpi_not_mapped');
      continue;
    }
    if (unit === null) {
      skip('no_unit');
      continue;
    }
    const boardId = boardOf.get(unitKey(entry));
    if (boardId === undefined) {
      skip('unit_not_mapped');
      continue;
    }
    if (period !== context.year) {
      skip('other_period');
      continue;
    }
    const byGender = genderValues(entry);
    if (byGender.T === null) {
      skip('no_total_value');
      continue;
    }
    const key = `${boardId}#${indicatorId}`;
    if (seen.has(key)) {
      skip('duplicate');
      continue;
    }
    seen.add(key);
    outcomes.push({ boardId, indicatorId, period, value: byGender.T, byGender, kpi: entry.kpi, unit, source: context.source, fetchedAt: context.fetchedAt });
  }
  return { outcomes, skipped };
}

function genderValues(entry: KoladaEntry): ImportedOutcome['byGender'] {
  const pick = (gender: 'T' | 'K' | 'M') => entry.values.find((v) => v.gender === gender)?.value ?? null;
  return { T: pick('T'), K: pick('K'), M: pick('M') };
}

/**
 * A board's report with imported outcomes written in as draft values: each indicator's `outcome` is set (the entry is
 * added when the report has none), its forecast and comment kept. `changed` lists what moved, for the history.
 * Only the board's own outcomes are used; call it on a report the board may still edit.
 */
export function mergeOutcomes(
  content: ReportContent,
  boardId: string,
  outcomes: readonly ImportedOutcome[],
): { content: ReportContent; changed: Array<{ indicatorId: string; from: number | null; to: number }> } {
  const indicators = content.indicators.map((i) => ({ ...i }));
  const changed: Array<{ indicatorId: string; from: number | null; to: number }> = [];
  for (const o of outcomes) {
    if (o.boardId !== boardId) continue;
    const existing = indicators.find((i) => i.indicatorId === o.indicatorId);
    const from = existing?.outcome ?? null;
    if (from === o.value) continue;
    if (existing) existing.outcome = o.value;
    else indicators.push({ indicatorId: o.indicatorId, outcome: o.value });
    changed.push({ indicatorId: o.indicatorId, from, to: o.value });
  }
  return { content: { ...content, indicators }, changed };
}

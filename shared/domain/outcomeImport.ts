/**
 * Importing outcomes at /cycles/{year}/imports: a paste or a file (Kolada JSON, a CSV or Excel sheet) becomes, row by
 * row, either a draft outcome of a board's report or a skipped row with its reason. The same plan answers the preview
 * and drives the apply, so what the person saw (every replacement: old → new) is what is written.
 *
 * Mapping rules:
 *   - a sheet names a board by id or by name (case and spacing ignored), an indicator by id or by name: the council's
 *     indicators, or the board's own indicators of its plan;
 *   - a Kolada entry's KPI maps to the council indicator whose `koladaKpi` it is; its municipality or unit maps to the
 *     board the person chose for it (`units`); only the total (gender T) of the year imported is taken;
 *   - a row's value must be a number (decimal comma or point, spaces as thousands separators);
 *   - the report must still take draft values (not_started, draft, returned: never in_review or approved);
 *   - the board must have a target for the indicator in its plan (a report follows up the plan's targets);
 *   - a board and indicator given twice keep the first row; the later ones are skipped as duplicates.
 */
import type { StoredBoard } from '../ports/boardRepository';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { CouncilGoals } from '../schemas/councilGoals';
import type { PlanContent, ReportContent } from '../schemas/documents';
import type { KoladaEntry, KoladaPayload } from '../schemas/kolada';
import { koladaPayloadSchema } from '../schemas/kolada';
import type { ImportedRow, ImportSkipReason, ImportSkipped, ImportUnit, OutcomeImportPlan, ReportKind } from '../schemas/imports';
import { allIndicators } from './councilGoals';
import { ValidationFailed } from './errors';
import { isUnsubmitted } from './lifecycle';
import { splitDelimited } from './csv';

export type SheetCell = string | number | boolean | null;

/** One row of what was pasted or uploaded, before it is resolved to a board and indicator. */
export interface ImportCandidate {
  /** The sheet's row number (the header is row 1), or the entry's number across the pasted Kolada pages. */
  row: number;
  /** The board as written (an id or a name), or the Kolada unit (`0180`, `V15E018000101`). */
  board: string;
  /** The indicator as written (an id or a name), or the Kolada KPI. */
  indicator: string;
  value: SheetCell;
  period?: SheetCell;
  kind?: SheetCell;
  /** Set for Kolada entries: already resolved through `koladaKpi` and the units' mapping. */
  boardId?: string;
  indicatorId?: string;
  source?: { kpi: string; unit: string; byGender: { T: number | null; K: number | null; M: number | null } };
}

// ── Values ──────────────────────────────────────────────────────────────────

const spaces = /[\s\u00a0\u202f\u2009]/g;

/** A cell as a number: numbers as they are; text with a decimal comma or point, spaces between thousands, a trailing %. */
export function parseOutcomeValue(cell: SheetCell): number | 'missing' | 'not_a_number' {
  if (cell === null || cell === undefined) return 'missing';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not_a_number';
  if (typeof cell === 'boolean') return 'not_a_number';
  const text = cell.replace(spaces, '').replace(/%$/, '').replace(/^\u2212/, '-');
  if (text === '') return cell.trim() === '' ? 'missing' : 'not_a_number';
  if (text.includes(',') && text.includes('.')) return 'not_a_number';
  const normal = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return 'not_a_number';
  return Number(normal);
}

const kindWords: Record<string, ReportKind> = {
  t1: 't1',
  'tertial 1': 't1',
  tertial1: 't1',
  'tertialrapport 1': 't1',
  t2: 't2',
  'tertial 2': 't2',
  tertial2: 't2',
  'tertialrapport 2': 't2',
  annual: 'annual',
  'annual report': 'annual',
  år: 'annual',
  helår: 'annual',
  årsrapport: 'annual',
  verksamhetsberättelse: 'annual',
};

/** A sheet's report kind (`t1`, `T1`, `tertial 1`, `annual`, `helår`, `verksamhetsberättelse` …), or undefined. */
export function parseReportKind(cell: SheetCell): ReportKind | undefined {
  if (typeof cell !== 'string') return undefined;
  return kindWords[cell.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/** A sheet's or Kolada's period as a year, or undefined when it names none. */
export function parseYear(cell: SheetCell): number | undefined {
  const text = typeof cell === 'number' ? String(cell) : typeof cell === 'string' ? cell.trim() : '';
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

const blank = (cell: SheetCell | undefined) => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
const cellText = (cell: SheetCell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());

// ── Sheets ──────────────────────────────────────────────────────────────────

/** The names a sheet's header may give each column (compared in lower case, spacing ignored). */
export const sheetColumns = {
  board: ['board', 'boardid', 'board id', 'nämnd', 'styrelse', 'nämnd/styrelse', 'organisation', 'enhet', 'unit'],
  indicator: ['indicator', 'indicatorid', 'indicator id', 'indikator', 'indikator-id', 'indikatorid', 'nyckeltal'],
  value: ['value', 'outcome', 'värde', 'utfall'],
  period: ['period', 'year', 'år'],
  kind: ['kind', 'report', 'report kind', 'rapport', 'uppföljning'],
} as const;
type Column = keyof typeof sheetColumns;

const headerKey = (cell: SheetCell) => cellText(cell).toLowerCase().replace(/\s+/g, ' ');

/**
 * A sheet's rows (the first non-empty row names the columns) as candidates. Throws ValidationFailed when board,
 * indicator or value has no column, or a column is named twice.
 */
export function sheetCandidates(cells: readonly (readonly SheetCell[])[]): ImportCandidate[] {
  const headerAt = cells.findIndex((row) => row.some((cell) => !blank(cell)));
  if (headerAt < 0) throw new ValidationFailed('The sheet is empty. Its first row names the columns board, indicator and value; each row below is one outcome.', [{ path: 'content', message: 'the sheet has no rows' }]);
  const header = cells[headerAt]!;
  const at: Partial<Record<Column, number>> = {};
  const problems: { path: string; message: string }[] = [];
  header.forEach((cell, i) => {
    const key = headerKey(cell);
    const column = (Object.keys(sheetColumns) as Column[]).find((c) => (sheetColumns[c] as readonly string[]).includes(key));
    if (!column) return;
    if (at[column] !== undefined) problems.push({ path: 'content', message: `the column ${column} is named twice (columns ${at[column]! + 1} and ${i + 1}); keep one` });
    else at[column] = i;
  });
  for (const column of ['board', 'indicator', 'value'] as const) {
    if (at[column] === undefined) problems.push({ path: 'content', message: `the sheet has no column ${column} (its header may also say ${sheetColumns[column].filter((n) => n !== column).slice(0, 3).join(', ')})` });
  }
  if (problems.length > 0) {
    throw new ValidationFailed('The sheet is not a sheet of outcomes: its first row must name the columns board, indicator and value (period and kind may follow).', problems);
  }
  const candidates: ImportCandidate[] = [];
  for (let r = headerAt + 1; r < cells.length; r++) {
    const row = cells[r]!;
    if (row.every(blank)) continue;
    candidates.push({
      row: r + 1,
      board: cellText(row[at.board!]),
      indicator: cellText(row[at.indicator!]),
      value: row[at.value!] ?? null,
      ...(at.period !== undefined ? { period: row[at.period] ?? null } : {}),
      ...(at.kind !== undefined ? { kind: row[at.kind] ?? null } : {}),
    });
  }
  return candidates;
}

/**
 * CSV text (RFC 4180 quoting) as cells. The delimiter is the one of `;`, `,` and tab that the header line uses most
 * (Swedish Excel writes `;`); a byte order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const delimiter = ([';', ',', '\t'] as const).map((d) => [d, unquoted.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const { rows, unclosedQuote } = splitDelimited(source, delimiter);
  if (unclosedQuote) {
    throw new ValidationFailed('The CSV has a quote (") that is never closed. Close it, or save the sheet again as CSV.', [{ path: 'content', message: 'an unclosed quote' }]);
  }
  return rows;
}

// ── Kolada ──────────────────────────────────────────────────────────────────

export interface KoladaPages {
  pages: KoladaPayload[];
  /** v2 pages link with `next_page`/`previous_page`, v3 pages with `next_url`/`previous_url`; null when no page says. */
  version: 'v2' | 'v3' | null;
  /** The last page's link to a further page that is not in the paste (the paste is incomplete), or null. */
  missingNext: string | null;
}

/** Splits text holding JSON values one after another (pages pasted below each other) into those values' texts. */
function jsonValuesIn(text: string): string[] {
  const values: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) values.push(text.slice(start, i + 1));
      if (depth < 0) return [];
    } else if (depth === 0 && !/[\s,]/.test(c)) return [];
  }
  return depth === 0 ? values : [];
}

const linkOf = (page: Record<string, unknown>, ...keys: string[]) => {
  for (const key of keys) if (typeof page[key] === 'string' && page[key] !== '') return page[key] as string;
  return null;
};

/**
 * Kolada's `data` answer as pasted: one page (`{ "count", "values": [...] }`), a JSON array of pages, or pages one
 * below the other. Throws ValidationFailed saying what is wrong when the text is not JSON or not Kolada data.
 */
export function parseKoladaPages(text: string): KoladaPages {
  let values: unknown[];
  try {
    values = [JSON.parse(text)];
  } catch {
    const texts = jsonValuesIn(text);
    if (texts.length === 0) {
      throw new ValidationFailed('The text is not JSON. Paste Kolada’s answer as it came (one page or several), or choose the sheet format for CSV.', [
        { path: 'content', message: 'not JSON' },
      ]);
    }
    try {
      values = texts.map((t) => JSON.parse(t) as unknown);
    } catch {
      throw new ValidationFailed('The text is not JSON. Paste Kolada’s answer as it came (one page or several).', [{ path: 'content', message: 'not JSON' }]);
    }
  }
  const raw = values.length === 1 && Array.isArray(values[0]) && (values[0] as unknown[]).every((v) => typeof v === 'object' && v !== null && 'values' in v) ? (values[0] as unknown[]) : values;
  const pages: KoladaPayload[] = [];
  const problems: { path: string; message: string }[] = [];
  raw.forEach((page, p) => {
    const parsed = koladaPayloadSchema.safeParse(page);
    if (parsed.success) pages.push(parsed.data);
    else for (const issue of parsed.error.issues.slice(0, 5)) problems.push({ path: ['content', `page ${p + 1}`, ...issue.path].join('.'), message: issue.message });
  });
  if (problems.length > 0) {
    throw new ValidationFailed(
      'The JSON is not Kolada data: each page is { "values": [ { "kpi", "municipality" or "ou", "period", "values": [ { "gender", "value" } ] } ] }. Paste the answer of Kolada’s /data or /oudata.',
      problems,
    );
  }
  const entries = pages.reduce((n, page) => n + page.values.length, 0);
  if (entries > 20_000) {
    throw new ValidationFailed(`The pages hold ${entries} values; import at most 20000 at a time (fewer KPIs, units or years).`, [{ path: 'content', message: 'too many values' }]);
  }
  const has = (...keys: string[]) => pages.some((page) => keys.some((key) => key in page));
  const version = has('next_url', 'previous_url') ? 'v3' : has('next_page', 'previous_page') ? 'v2' : null;
  const last = pages.at(-1) as Record<string, unknown> | undefined;
  return { pages, version, missingNext: last ? linkOf(last, 'next_url', 'next_page') : null };
}

/** The Kolada unit an entry is for: an organisational unit (`ou`) or a municipality. */
export const koladaUnitOf = (entry: Pick<KoladaEntry, 'municipality' | 'ou'>): ImportUnit | undefined =>
  entry.ou !== undefined ? { ou: entry.ou } : entry.municipality !== undefined ? { municipality: entry.municipality } : undefined;
const unitKey = (unit: ImportUnit) => ('ou' in unit && unit.ou !== undefined ? `ou:${unit.ou}` : `municipality:${unit.municipality}`);

/**
 * Kolada entries as candidates: the KPI resolved through the council indicators' `koladaKpi`, the municipality or unit
 * through the person's `units`. Entries that cannot map are skipped here, with the reason.
 */
export function koladaCandidates(
  pages: readonly KoladaPayload[],
  context: { year: number; goals: CouncilGoals; units: readonly (ImportUnit & { boardId: string })[] },
): { candidates: ImportCandidate[]; skipped: ImportSkipped[]; units: ImportUnit[] } {
  const byKpi = new Map<string, string[]>();
  for (const { indicator } of allIndicators(context.goals)) {
    if (indicator.koladaKpi) byKpi.set(indicator.koladaKpi, [...(byKpi.get(indicator.koladaKpi) ?? []), indicator.id]);
  }
  const boardOf = new Map(context.units.map((u) => [unitKey(u), u.boardId]));
  const candidates: ImportCandidate[] = [];
  const skipped: ImportSkipped[] = [];
  const units = new Map<string, ImportUnit>();
  let row = 0;
  for (const entry of pages.flatMap((page) => page.values)) {
    row++;
    const unit = koladaUnitOf(entry);
    const unitText = unit ? ('ou' in unit && unit.ou !== undefined ? unit.ou : unit.municipality!) : '';
    const total = entry.values.find((v) => v.gender === 'T')?.value ?? null;
    const skip = (reason: ImportSkipReason, detail: string) =>
      skipped.push({ row, reason, detail, board: unitText || null, indicator: entry.kpi, value: total === null ? null : String(total) });
    if (!unit) {
      skip('unknown_board', 'the entry names neither a municipality nor a unit');
      continue;
    }
    units.set(unitKey(unit), unit);
    const indicatorIds = byKpi.get(entry.kpi) ?? [];
    if (indicatorIds.length !== 1) {
      skip(
        'unknown_indicator',
        indicatorIds.length === 0
          ? `no council indicator has the Kolada KPI ${entry.kpi}; set it on the indicator in the council goals`
          : `the council indicators ${indicatorIds.join(' and ')} share the Kolada KPI ${entry.kpi}; keep it on one`,
      );
      continue;
    }
    const boardId = boardOf.get(unitKey(unit));
    if (boardId === undefined) {
      skip('unknown_board', `choose the board that Kolada’s ${'ou' in unit && unit.ou !== undefined ? 'unit' : 'municipality'} ${unitText} reports for`);
      continue;
    }
    if (total === null) {
      skip('not_a_number', `Kolada has no total (gender T) value for ${entry.kpi} in ${unitText}`);
      continue;
    }
    const pick = (gender: 'T' | 'K' | 'M') => entry.values.find((v) => v.gender === gender)?.value ?? null;
    candidates.push({
      row,
      board: unitText,
      indicator: entry.kpi,
      value: total,
      period: entry.period,
      boardId,
      indicatorId: indicatorIds[0]!,
      source: { kpi: entry.kpi, unit: unitText, byGender: { T: total, K: pick('K'), M: pick('M') } },
    });
  }
  return { candidates, skipped, units: [...units.values()] };
}

// ── Resolving and planning ─────────────────────────────────────────────────

const nameKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Resolves a board as written (id, or name) among the boards; ambiguous names resolve to none. */
export function resolveBoard(text: string, boards: readonly Pick<StoredBoard, 'boardId' | 'name' | 'archived'>[]): { boardId: string } | { problem: 'unknown' | 'ambiguous' | 'archived' } {
  const key = nameKey(text);
  const byId = boards.find((b) => b.boardId === text.trim() || b.boardId.toLowerCase() === key);
  const matches = byId ? [byId] : boards.filter((b) => nameKey(b.name) === key);
  if (matches.length === 0) return { problem: 'unknown' };
  if (matches.length > 1) return { problem: 'ambiguous' };
  if (matches[0]!.archived) return { problem: 'archived' };
  return { boardId: matches[0]!.boardId };
}

/** The boards a set of candidates resolves to: the documents the use case reads, one board at a time. */
export function boardsOf(candidates: readonly ImportCandidate[], boards: readonly Pick<StoredBoard, 'boardId' | 'name' | 'archived'>[]): string[] {
  const ids = new Set<string>();
  for (const c of candidates) {
    const resolved = c.boardId !== undefined ? { boardId: c.boardId } : resolveBoard(c.board, boards);
    if ('boardId' in resolved) ids.add(resolved.boardId);
  }
  return [...ids];
}

/** What the planner knows of one board's year: its report of the kind imported, and its plan's targets. */
export interface BoardImportState {
  report: { status: DocumentStatus; version: number; content: ReportContent };
  plan?: PlanContent;
}

export interface ImportPlanContext {
  year: number;
  kind: ReportKind;
  goals: CouncilGoals;
  boards: readonly Pick<StoredBoard, 'boardId' | 'name' | 'archived'>[];
  /** By board id: every board that `boardsOf` named. */
  states: ReadonlyMap<string, BoardImportState>;
}

const statusWord: Record<DocumentStatus, string> = {
  not_started: 'not started',
  draft: 'a draft',
  returned: 'returned',
  in_review: 'in review',
  approved: 'approved',
};

/**
 * The plan of an import: every candidate either mapped (board, indicator, value, and what it replaces) or skipped with
 * its reason, and each report that changes. Pure: the same candidates and states give the same plan.
 */
export function planOutcomeImport(candidates: readonly ImportCandidate[], context: ImportPlanContext): Pick<OutcomeImportPlan, 'mapped' | 'skipped' | 'documents'> {
  const council = allIndicators(context.goals).map((r) => r.indicator);
  const boardName = new Map(context.boards.map((b) => [b.boardId, b.name]));
  const mapped: ImportedRow[] = [];
  const skipped: ImportSkipped[] = [];
  const seen = new Map<string, number>();

  for (const c of candidates) {
    const skip = (reason: ImportSkipReason, detail: string, status?: DocumentStatus) =>
      skipped.push({ row: c.row, reason, detail, board: c.board || null, indicator: c.indicator || null, value: blank(c.value) ? null : cellText(c.value), ...(status ? { status } : {}) });

    let boardId = c.boardId;
    if (boardId === undefined) {
      if (c.board === '') {
        skip('unknown_board', 'the row names no board');
        continue;
      }
      const resolved = resolveBoard(c.board, context.boards);
      if ('problem' in resolved) {
        skip(
          'unknown_board',
          resolved.problem === 'ambiguous'
            ? `more than one board is called ${c.board}; use the board's id`
            : resolved.problem === 'archived'
              ? `${c.board} is archived and reports no more`
              : `there is no board ${c.board}; use a board's id or name as in the organisation`,
        );
        continue;
      }
      boardId = resolved.boardId;
    }
    const state = context.states.get(boardId);
    const ownIndicators = state?.plan?.ownIndicators ?? [];

    let indicatorId = c.indicatorId;
    let indicatorName = indicatorId ? council.find((i) => i.id === indicatorId)?.name : undefined;
    if (indicatorId === undefined) {
      if (c.indicator === '') {
        skip('unknown_indicator', 'the row names no indicator');
        continue;
      }
      const key = nameKey(c.indicator);
      const all = [...council.map((i) => ({ id: i.id, name: i.name })), ...ownIndicators.map((i) => ({ id: i.id, name: i.name }))];
      const byId = all.filter((i) => i.id === c.indicator.trim() || i.id.toLowerCase() === key);
      const matches = byId.length > 0 ? byId : all.filter((i) => nameKey(i.name) === key);
      if (matches.length !== 1) {
        skip(
          'unknown_indicator',
          matches.length === 0
            ? `neither the council nor the board's plan has an indicator ${c.indicator}; use its id or name`
            : `more than one indicator is called ${c.indicator}; use its id`,
        );
        continue;
      }
      indicatorId = matches[0]!.id;
      indicatorName = matches[0]!.name;
    }

    const value = parseOutcomeValue(c.value);
    if (value === 'missing') {
      skip('not_a_number', 'the row has no value');
      continue;
    }
    if (value === 'not_a_number') {
      skip('not_a_number', `${cellText(c.value)} is not a number; write it as e.g. 87,5 or 87.5`);
      continue;
    }
    if (!blank(c.period)) {
      const year = parseYear(c.period ?? null);
      if (year !== context.year) {
        skip('other_period', `the value is for ${cellText(c.period)}, and this import is for ${context.year}`);
        continue;
      }
    }
    if (!blank(c.kind)) {
      const kind = parseReportKind(c.kind ?? null);
      if (kind !== context.kind) {
        skip('other_kind', kind ? `the row is for the ${kind} report, and this import writes into the ${context.kind} report` : `${cellText(c.kind)} is not a report kind (t1, t2 or annual)`);
        continue;
      }
    }
    const key = `${boardId}#${indicatorId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      skip('duplicate', `row ${first} already gives ${boardId} a value for ${indicatorId}; keep one row per board and indicator`);
      continue;
    }
    seen.set(key, c.row);
    if (!state) {
      skip('unknown_board', `there is no board ${c.board}`);
      continue;
    }
    if (!isUnsubmitted(state.report.status)) {
      skip('document_locked', `the ${context.kind} report of ${boardId} is ${statusWord[state.report.status]}; it takes no draft values (return it first)`, state.report.status);
      continue;
    }
    const councilTarget = state.plan?.targets.find((t) => t.indicatorId === indicatorId);
    const ownTarget = ownIndicators.find((i) => i.id === indicatorId);
    if (!councilTarget && !ownTarget) {
      skip('no_target', `the plan of ${boardId} sets no target for ${indicatorId}; its reports follow up only the plan's targets`);
      continue;
    }
    const from = state.report.content.indicators.find((i) => i.indicatorId === indicatorId)?.outcome ?? null;
    mapped.push({
      row: c.row,
      boardId,
      boardName: boardName.get(boardId) ?? boardId,
      indicatorId,
      indicatorName: indicatorName ?? ownTarget?.name ?? indicatorId,
      value,
      from,
      change: from === null ? 'new' : from === value ? 'same' : 'replaces',
      ...(c.source ? { kpi: c.source.kpi, unit: c.source.unit } : {}),
    });
  }

  const documents = [...new Set(mapped.map((m) => m.boardId))].map((boardId) => {
    const report = context.states.get(boardId)!.report;
    return {
      boardId,
      boardName: boardName.get(boardId) ?? boardId,
      kind: context.kind,
      status: report.status,
      version: report.version,
      changes: mapped.filter((m) => m.boardId === boardId && m.change !== 'same').length,
    };
  });
  return { mapped, skipped: skipped.sort((a, b) => a.row - b.row), documents };
}

/**
 * A report with the mapped rows written in as draft outcomes, each with where it came from; forecasts and comments
 * are kept. Rows of other boards, and values already there, change nothing.
 */
export function withImportedOutcomes(
  content: ReportContent,
  boardId: string,
  rows: readonly ImportedRow[],
  source: { name: string; fetchedAt: string; byGender?: ReadonlyMap<number, { T: number | null; K: number | null; M: number | null }> },
): ReportContent {
  const indicators = content.indicators.map((i) => ({ ...i }));
  for (const row of rows) {
    if (row.boardId !== boardId || row.change === 'same') continue;
    const byGender = source.byGender?.get(row.row);
    const origin = { name: source.name, fetchedAt: source.fetchedAt, ...(row.kpi ? { kpi: row.kpi } : {}), ...(row.unit ? { unit: row.unit } : {}), ...(byGender ? { byGender } : {}) };
    const existing = indicators.find((i) => i.indicatorId === row.indicatorId);
    if (existing) Object.assign(existing, { outcome: row.value, source: origin });
    else indicators.push({ indicatorId: row.indicatorId, outcome: row.value, source: origin });
  }
  return { ...content, indicators };
}

/** The report kinds an import writes into. */
export const importKinds: readonly ReportKind[] = ['t1', 't2', 'annual'];
export type { DocumentKind };

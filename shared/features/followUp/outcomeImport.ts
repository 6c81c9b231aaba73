import { signedBy, type Actor } from '../../domain/actor';
import { BadRequest, NotFound, ServiceUnavailable, ValidationFailed } from '../../domain/errors';
import { assertCycleOpen } from '../../domain/lifecycle';
import { allIndicators } from '../../domain/councilGoals';
import {
  boardsOf,
  koladaCandidates,
  parseCsv,
  parseKoladaPages,
  planOutcomeImport,
  sheetCandidates,
  withImportedOutcomes,
  type BoardImportState,
  type ImportCandidate,
} from '../../domain/outcomeImport';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import { CommitRefused, type DocumentStore, type StoredDocument } from '../../ports/documentStore';
import { KoladaUnavailable, type KoladaSource } from '../../ports/koladaSource';
import { UnreadableWorkbook, type WorkbookReader } from '../../ports/workbookReader';
import type { PlanContent, ReportContent } from '../../schemas/documents';
import type {
  KoladaFetchAnswer,
  KoladaFetchBody,
  OutcomeImportApplyBody,
  OutcomeImportBody,
  OutcomeImportPlan,
  OutcomeImportResult,
} from '../../schemas/imports';
import { withSavedContent, notStarted } from '../documents/context';
import { requireCycle } from '../cycles/cycles';

export interface ImportDeps {
  actor: Actor;
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  workbooks: WorkbookReader;
  clock: Clock;
}

interface Planned {
  plan: OutcomeImportPlan;
  /** The reports as read, by board: the apply commits on exactly these versions. */
  reports: Map<string, StoredDocument>;
  byGender: Map<number, { T: number | null; K: number | null; M: number | null }>;
}

/** The candidates in what was pasted or uploaded; bad input is a 422 naming what to fix. */
async function candidatesOf(body: OutcomeImportBody, year: number, goals: Parameters<typeof koladaCandidates>[1]['goals'], workbooks: WorkbookReader) {
  if (body.format === 'kolada') {
    const pages = parseKoladaPages(body.content);
    const { candidates, skipped, units } = koladaCandidates(pages.pages, { year, goals, units: body.units });
    const boardOf = new Map(body.units.map((u) => [('ou' in u && u.ou !== undefined ? `ou:${u.ou}` : `municipality:${u.municipality}`), u.boardId]));
    return {
      candidates,
      skipped,
      read: pages.pages.reduce((n, page) => n + page.values.length, 0),
      kolada: {
        version: pages.version,
        pages: pages.pages.length,
        missingNext: pages.missingNext,
        units: units.map((u) => ({ ...u, boardId: boardOf.get('ou' in u && u.ou !== undefined ? `ou:${u.ou}` : `municipality:${u.municipality}`) ?? null })),
      },
      source: `Kolada (RKA)${pages.version ? `, ${pages.version}` : ''}${body.fileName ? `, ${body.fileName}` : ''}`,
    };
  }
  let cells: (string | number | boolean | null)[][];
  if (body.format === 'csv') {
    if (/^\s*[[{]/.test(body.content)) {
      throw new ValidationFailed('The text looks like JSON, not a CSV sheet. Choose the Kolada JSON format for it.', [{ path: 'content', message: 'JSON, not CSV' }]);
    }
    cells = parseCsv(body.content);
  } else {
    const compact = body.content.replace(/\s/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new BadRequest('The Excel file must be sent base64-encoded in `content`.');
    try {
      cells = await workbooks.firstSheet(Buffer.from(compact, 'base64'));
    } catch (error) {
      if (!(error instanceof UnreadableWorkbook)) throw error;
      throw new ValidationFailed(`The file is not a sheet that can be read: ${error.message}. Save it as .xlsx (Excel) or CSV and upload it again.`, [
        { path: 'content', message: 'not an Excel workbook' },
      ]);
    }
  }
  const candidates = sheetCandidates(cells);
  return { candidates, skipped: [], read: candidates.length, kolada: undefined, source: `${body.format === 'csv' ? 'CSV' : 'Excel'}${body.fileName ? `: ${body.fileName}` : ''}` };
}

async function planned(year: number, body: OutcomeImportBody, deps: ImportDeps): Promise<Planned> {
  const cycle = await requireCycle(year, deps.cycles);
  assertCycleOpen(cycle);
  const goals = await deps.cycles.getCouncilGoals(year);
  if (!goals) throw new NotFound(`The council goals of ${year} are not loaded yet; outcomes map to their indicators. Load them first.`);
  const read = await candidatesOf(body, year, goals, deps.workbooks);
  const boards = await deps.boards.list();
  const boardIds = boardsOf(read.candidates, boards);

  // One board at a time: its report of the kind imported and its plan, never the documents of the whole year.
  const states = new Map<string, BoardImportState>();
  const reports = new Map<string, StoredDocument>();
  for (const boardId of boardIds) {
    const board = boards.find((b) => b.boardId === boardId);
    if (!board) continue;
    const [report, plan] = await Promise.all([deps.documents.get(year, boardId, body.kind), deps.documents.get(year, boardId, 'plan')]);
    const document = report?.document ?? notStarted({ year, boardId, kind: body.kind }, board.parentId);
    reports.set(boardId, document);
    states.set(boardId, { report: { status: document.status, version: document.version, content: document.content as ReportContent }, plan: plan?.document.content as PlanContent | undefined });
  }
  const result = planOutcomeImport(read.candidates, { year, kind: body.kind, goals, boards, states });
  const skipped = [...read.skipped, ...result.skipped].sort((a, b) => a.row - b.row);
  const byGender = new Map(read.candidates.filter((c) => c.source).map((c: ImportCandidate) => [c.row, c.source!.byGender]));
  return {
    reports,
    byGender,
    plan: {
      year,
      kind: body.kind,
      format: body.format,
      source: read.source,
      ...(read.kolada ? { kolada: read.kolada } : {}),
      mapped: result.mapped,
      skipped,
      documents: result.documents,
      counts: {
        read: read.read,
        mapped: result.mapped.length,
        replaces: result.mapped.filter((m) => m.change === 'replaces').length,
        unchanged: result.mapped.filter((m) => m.change === 'same').length,
        skipped: skipped.length,
      },
    },
  };
}

/** What an import would do, row by row; changes nothing. */
export async function previewOutcomeImport(input: { year: number; body: OutcomeImportBody }, deps: ImportDeps): Promise<OutcomeImportPlan> {
  return (await planned(input.year, input.body, deps)).plan;
}

/**
 * Writes the mapped values as draft outcomes, each report through the save path (its next version, a history event,
 * the year's summary in the same transaction). A report is written only at the version the preview showed: one that
 * changed since, or that the preview did not list, is left alone and listed, so no replacement goes unseen.
 */
export async function applyOutcomeImport(input: { year: number; body: OutcomeImportApplyBody }, deps: ImportDeps): Promise<OutcomeImportResult> {
  const { plan, reports, byGender } = await planned(input.year, input.body, deps);
  const previewed = new Map(input.body.documents.map((d) => [d.boardId, d.version]));
  const at = deps.clock.now().toISOString();
  const result: OutcomeImportResult = { year: input.year, kind: plan.kind, applied: [], notApplied: [], skipped: plan.skipped, counts: { ...plan.counts, written: 0 } };

  for (const document of plan.documents) {
    const rows = plan.mapped.filter((m) => m.boardId === document.boardId && m.change !== 'same');
    if (rows.length === 0) continue;
    const seen = previewed.get(document.boardId);
    if (seen === undefined) {
      result.notApplied.push({ boardId: document.boardId, reason: 'not_previewed', detail: `the preview you applied did not list the ${plan.kind} report of ${document.boardId}; preview again` });
      continue;
    }
    if (seen !== document.version) {
      result.notApplied.push({
        boardId: document.boardId,
        reason: 'changed_since_preview',
        detail: `the ${plan.kind} report of ${document.boardId} was saved after your preview (version ${seen}, now ${document.version}); preview again to see what it replaces`,
      });
      continue;
    }
    const current = reports.get(document.boardId)!;
    const content = withImportedOutcomes(current.content as ReportContent, document.boardId, rows, { name: plan.source.slice(0, 200), fetchedAt: at, byGender });
    const next = withSavedContent(current, content, deps.actor, at);
    const replaced = rows.filter((r) => r.change === 'replaces').length;
    try {
      await deps.documents.commit({
        next,
        ...(current.version > 0 ? { previous: current } : {}),
        expectedVersion: current.version,
        event: {
          at,
          ...signedBy(deps.actor),
          action: 'outcomes_imported',
          from: current.status,
          to: next.status,
          comment: `${rows.length} outcome(s) from ${plan.source}${replaced ? `, ${replaced} replaced: ${rows.filter((r) => r.change === 'replaces').map((r) => `${r.indicatorId} ${r.from} → ${r.value}`).join(', ')}` : ''}`.slice(0, 2000),
        },
      });
      result.applied.push({ boardId: document.boardId, version: next.version, outcomes: rows.map((r) => ({ indicatorId: r.indicatorId, from: r.from, to: r.value })) });
      result.counts.written += rows.length;
    } catch (error) {
      if (!(error instanceof CommitRefused)) throw error;
      if (error.reason === 'cycle') throw error;
      result.notApplied.push({ boardId: document.boardId, reason: 'changed_since_preview', detail: `the ${plan.kind} report of ${document.boardId} changed while importing; preview again` });
    }
  }
  return result;
}

/**
 * Kolada's pages for the council's KPIs (or those asked for), for the municipalities and units asked for, in the year
 * (or the years asked for), as text the preview takes. Kolada out of reach is a 503 saying to paste or upload instead.
 */
export async function fetchKoladaPages(
  input: { year: number; body: KoladaFetchBody },
  deps: { cycles: CycleRepository; kolada: KoladaSource; clock: Clock },
): Promise<KoladaFetchAnswer> {
  await requireCycle(input.year, deps.cycles);
  const goals = await deps.cycles.getCouncilGoals(input.year);
  const kpis = input.body.kpis ?? [...new Set(goals ? allIndicators(goals).flatMap((r) => (r.indicator.koladaKpi ? [r.indicator.koladaKpi] : [])) : [])];
  if (kpis.length === 0) {
    throw new ValidationFailed(`No council indicator of ${input.year} has a Kolada KPI; set them in the council goals, or name the KPIs.`, [{ path: 'kpis', message: 'no KPIs to fetch' }]);
  }
  try {
    const fetched = await deps.kolada.fetchData({ kpis, municipalities: input.body.municipalities, ous: input.body.ous, years: input.body.years ?? [input.year] });
    return {
      source: `Kolada (RKA), v3: ${fetched.urls.join(' ')}`.slice(0, 2000),
      fetchedAt: deps.clock.now().toISOString(),
      pages: fetched.pages.length,
      content: fetched.pages.map((page) => JSON.stringify(page)).join('\n'),
    };
  } catch (error) {
    if (!(error instanceof KoladaUnavailable)) throw error;
    if (error.reason === 'offline') {
      throw new ServiceUnavailable('Kolada cannot be reached from this installation (the local stack has no internet). Paste Kolada’s JSON or upload a file instead.', 3600);
    }
    throw new ServiceUnavailable(`Kolada gave no usable answer: ${error.message}. Try again later, or paste Kolada’s JSON or upload a file instead.`, 30);
  }
}

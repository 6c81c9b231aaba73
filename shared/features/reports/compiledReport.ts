import { isLate, localDate, dueDateFor } from '../../domain/calendar';
import { compileReport, type CompiledKind, type CompiledReport, type PlanRead } from '../../domain/compiledReport';
import { NotFound } from '../../domain/errors';
import { inYear } from '../../domain/levels';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { DocumentStatus } from '../../schemas/common';
import type { PlanContent, ReportContent } from '../../schemas/documents';
import { inBatches } from '../common/inBatches';
import { requireCycle } from '../cycles/cycles';

export interface CompiledReportDeps {
  cycles: CycleRepository;
  boards: BoardRepository;
  documents: DocumentStore;
  clock: Clock;
}

/** Documents read at once: enough to be quick for Stockholm's ~45 boards, few enough not to flood the table. */
const READS_IN_FLIGHT = 16;

/**
 * The city's compiled report of a kind, once per request:
 *   1. the cycle, the council goals, the board directory, the year summary (statuses and approved figures), the
 *      budget, the report sections and the periods: the lean data, each one read;
 *   2. each top-level board's plan and its report of the kind, each read once, in batches (the internal-control
 *      reasons, the goal assessments, the economy and section texts, the returned plans' rounds live only there);
 *   3. the pure model (domain/compiledReport) from those.
 * Units are left out: the report is the city's, of the boards directly below the council.
 */
export async function compiledReport(year: number, kind: CompiledKind, deps: CompiledReportDeps): Promise<{ report: CompiledReport; today: string }> {
  const [cycle, goals, entries, statuses, figures, budget, sections, periods] = await Promise.all([
    requireCycle(year, deps.cycles),
    deps.cycles.getCouncilGoals(year),
    deps.boards.directory(),
    deps.documents.statuses(year),
    deps.documents.approvedFigures(year),
    deps.cycles.getSetting(year, 'budget'),
    deps.cycles.getSetting(year, 'reportSections'),
    deps.cycles.periods(year),
  ]);
  if (!goals) throw new NotFound(`The council goals of ${year} are not loaded yet, so there is no report to compile. Load them first (PUT /api/cycles/${year}/council-goals).`);

  const withDocuments = new Set(statuses.map((entry) => entry.boardId));
  const boards = entries
    .filter((board) => !board.parentId && inYear(board, withDocuments))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((board) => ({ boardId: board.boardId, name: board.name, kind: board.kind }));
  const statusOf = new Map(statuses.map((entry) => [`${entry.boardId}#${entry.kind}`, entry.status]));
  const withDocument = (boardId: string, documentKind: 'plan' | CompiledKind) => statusOf.has(`${boardId}#${documentKind}`);

  // Only documents the summary knows of are read: a board that never saved one has nothing to read.
  const [plans, reports] = await Promise.all([
    inBatches(
      boards.filter((board) => withDocument(board.boardId, 'plan')),
      READS_IN_FLIGHT,
      async (board): Promise<PlanRead | undefined> => {
        const record = await deps.documents.get(year, board.boardId, 'plan');
        if (!record) return undefined;
        const document = record.document;
        return {
          boardId: board.boardId,
          status: document.status,
          content: document.content as PlanContent,
          comments: document.comments,
          ...(document.submittedContent ? { submittedContent: document.submittedContent as PlanContent } : {}),
          ...(document.previousSubmission ? { previousSubmission: document.previousSubmission as PlanContent } : {}),
        };
      },
    ),
    inBatches(
      boards.filter((board) => statusOf.get(`${board.boardId}#${kind}`) === 'approved'),
      READS_IN_FLIGHT,
      async (board) => {
        const record = await deps.documents.get(year, board.boardId, kind);
        return record?.document.status === 'approved' ? { boardId: board.boardId, content: record.document.content as ReportContent } : undefined;
      },
    ),
  ]);

  // Late: the boards the period's workflow found unsubmitted when it closed, and those past the due date today.
  const today = localDate(deps.clock.now(), cycle.calendar.timeZone);
  const due = dueDateFor(cycle.calendar, kind);
  const closedLate = new Set(periods.find((period) => period.kind === kind)?.late ?? []);
  const late = boards
    .map((board) => ({ boardId: board.boardId, status: (statusOf.get(`${board.boardId}#${kind}`) ?? 'not_started') as DocumentStatus }))
    .filter((entry) => closedLate.has(entry.boardId) || isLate(cycle.calendar, kind, entry.status, today))
    .map((entry) => ({ ...entry, due }));

  return {
    today,
    report: compileReport({
      year,
      kind,
      goals,
      boards,
      figures,
      reports: reports.filter((report) => report !== undefined),
      plans: plans.filter((plan) => plan !== undefined),
      ...(budget ? { budget: budget.boards } : {}),
      ...(sections ? { sections: sections.sections } : {}),
      ...(cycle.signoff ? { signoff: cycle.signoff } : {}),
      late,
    }),
  };
}

/** The file name a download gets: "arshjul-2027-verksamhetsberattelse.docx", ASCII so every browser keeps it. */
export function reportFileName(year: number, title: string, extra?: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `arshjul-${year}-${[extra, title.replace(String(year), '')].filter(Boolean).map((part) => slug(part!)).join('-')}.docx`;
}

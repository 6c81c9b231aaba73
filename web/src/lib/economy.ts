/**
 * What the city asks of a board's report besides its goals, as the board's pages read it: the year's budget
 * (GET /api/cycles/{year}/budget) and the city's report sections (GET /api/cycles/{year}/report-sections).
 */
import { sectionsFor, type ReportKind } from '../../../shared/domain/economy';
import type { BoardKind } from '../../../shared/schemas/boards';
import type { Budget, BudgetLine, EconomyOverview, ReportSection } from '../../../shared/schemas/economy';
import { api, ApiError } from './api';
import { loadDirectory } from './levels';

export type { Budget, BudgetLine, EconomyOverview, ReportSection };

export interface ReportSettings {
  /** Every board's budget line; empty before the office has entered a budget. */
  budget: BudgetLine[];
  /** The city's sections, in its order, for every kind of report and board (sectionsFor picks). */
  sections: ReportSection[];
}

/** A setting the year does not have (404) is an empty one: no budget, no sections asked. */
async function orEmpty<T>(load: Promise<{ data: T }>, empty: T): Promise<T> {
  try {
    return (await load).data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return empty;
    throw error;
  }
}

export async function loadReportSettings(year: number): Promise<ReportSettings> {
  const [budget, sections] = await Promise.all([
    orEmpty(api<Pick<Budget, 'boards'>>('GET', `/cycles/${year}/budget`), { boards: [] }),
    orEmpty(api<{ sections: ReportSection[] }>('GET', `/cycles/${year}/report-sections`), { sections: [] }),
  ]);
  return { budget: budget.boards, sections: sections.sections };
}

export const budgetLineOf = (settings: ReportSettings | undefined, boardId: string): BudgetLine | undefined =>
  settings?.budget.find((line) => line.boardId === boardId);

/** What the city asks of one board's report: its budget line (none: no money asked), the sections for its kind. */
export interface ReportAsks {
  line?: BudgetLine;
  /** The city's sections for this report and this kind of board, in the city's order. */
  asked: ReportSection[];
  /** Every section of the year, for the titles of texts the city no longer asks for here. */
  sections: ReportSection[];
  boardKind?: BoardKind;
}

export async function loadReportAsks(year: number, boardId: string, kind: ReportKind): Promise<ReportAsks> {
  const [settings, directory] = await Promise.all([loadReportSettings(year), loadDirectory().catch(() => undefined)]);
  const boardKind = directory?.byId.get(boardId)?.kind;
  const line = budgetLineOf(settings, boardId);
  return { ...(line ? { line } : {}), asked: sectionsFor(kind, boardKind, settings.sections), sections: settings.sections, ...(boardKind ? { boardKind } : {}) };
}

type OverviewRow = EconomyOverview['boards'][number];
export interface EconomySort {
  key: 'name' | 'budget' | 'deviation' | 'deviationPercent';
  descending: boolean;
}

/** The figures a board is judged by in the overview: its latest approved report's. */
export const latestFigures = (row: OverviewRow) => (row.latest ? row.reports[row.latest] : null);

/** The overview's rows in the order asked; boards without figures go last either way, then by name. */
export function sortEconomyRows(rows: readonly OverviewRow[], sort: EconomySort): OverviewRow[] {
  const valueOf = (row: OverviewRow): number | string | null => {
    if (sort.key === 'name') return row.name;
    if (sort.key === 'budget') return row.budget;
    return latestFigures(row)?.[sort.key] ?? null;
  };
  const byName = (a: OverviewRow, b: OverviewRow) => a.name.localeCompare(b.name, 'sv');
  return [...rows].sort((a, b) => {
    const [x, y] = [valueOf(a), valueOf(b)];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(String(y), 'sv') : x - (y as number);
    return (sort.descending ? -order : order) || byName(a, b);
  });
}

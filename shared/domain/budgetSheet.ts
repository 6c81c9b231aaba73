/**
 * The council's budget as the office has it: a block pasted from a spreadsheet or an uploaded sheet (CSV, Excel),
 * one board a row. Read into lines (a board, its net cost in tkr, a company's return requirement in percent) and
 * the rows that cannot be taken, with their reasons, compared with the budget as stored. Nothing is saved here.
 *
 * Pure and free of Node and zod: the server reads uploads with it (features/economy/budgetPreview), the web app
 * the pasted text (pages/BudgetPage), so both previews say the same thing.
 *
 * Reading rules:
 *   - fields are separated by tabs (a paste from Excel), else semicolons (Swedish CSV), else commas; quotes as in CSV;
 *   - a first row that names its columns (board/nämnd/id/namn, net cost/nettokostnad/budget, return/avkastningskrav)
 *     says where they are; without one the columns are board, net cost, return requirement;
 *   - a board is named by its id or its name (case and spacing ignored); a name two boards share matches none;
 *   - numbers take a decimal comma or point, spaces (also non-breaking) between thousands, a trailing "tkr" or "%";
 *   - a net cost is zero or more; a return requirement is between -100 and 1000 %, and a company has one (or a unit,
 *     a subsidiary below a company), never a district or specialist board (as domain/economySettings says);
 *   - without a return column a company keeps its stored return requirement; with one, a blank cell clears it;
 *   - a board given twice keeps its first row; empty rows are passed over.
 */
import { splitDelimited } from './csv';

export type SheetCell = string | number | boolean | null;

/** What the reader needs to know of a board of the directory. */
export interface BudgetSheetBoard {
  boardId: string;
  name: string;
  kind?: string;
  archived?: boolean;
}

/** A budget line as stored (schemas/economy BudgetLine). */
export interface StoredBudgetLine {
  boardId: string;
  netCost: number;
  returnRequirement?: number;
}

export type BudgetChange = 'new' | 'changed' | 'same';

export interface BudgetSheetLine {
  /** The sheet's row number, counting from 1 (a header row included). */
  row: number;
  /** The board as written in the sheet. */
  board: string;
  boardId: string;
  netCost: number;
  returnRequirement?: number;
  /** Against the stored budget: a board without a line (`new`), one whose figures differ (`changed`), or the same. */
  change: BudgetChange;
  /** The stored line, when there is one. */
  before?: { netCost: number; returnRequirement?: number };
}

export const budgetSheetProblemReasons = [
  'unknown_board',
  'ambiguous_board',
  'archived_board',
  'missing_net_cost',
  'not_a_number',
  'negative',
  'return_out_of_range',
  'return_not_company',
  'duplicate',
] as const;
export type BudgetSheetProblemReason = (typeof budgetSheetProblemReasons)[number];

export interface BudgetSheetProblem {
  row: number;
  board: string;
  reason: BudgetSheetProblemReason;
  /** The cell at fault, as written (a number that is not one, the other row of a duplicate). */
  value?: string;
  column?: 'board' | 'netCost' | 'returnRequirement';
}

export interface BudgetSheetPreview {
  /** Rows with a board and figures, that is, everything but empty rows and the header. */
  read: number;
  /** Whether the first row named the columns (and was not read as a board). */
  header: boolean;
  lines: BudgetSheetLine[];
  problems: BudgetSheetProblem[];
  counts: { lines: number; new: number; changed: number; same: number; problems: number };
}

/** The sheet as a whole cannot be read: it is empty, or a quote is never closed. */
export class UnreadableBudgetSheet extends Error {
  constructor(readonly reason: 'empty' | 'unclosed_quote') {
    super(reason === 'empty' ? 'the sheet has no rows' : 'an unclosed quote');
    this.name = 'UnreadableBudgetSheet';
  }
}

// ── Text into cells ─────────────────────────────────────────────────────────

/** The separator of a pasted block or a CSV file: tab, else semicolon, else comma (outside quotes, on its first line). */
function separatorOf(text: string): string {
  const firstLine = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

/** A pasted block or a CSV file as rows of cells; a byte order mark is dropped. */
export function budgetSheetCells(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const separator = separatorOf(source);
  const { rows, unclosedQuote } = splitDelimited(source, separator, { quoteAfterSpace: true });
  if (unclosedQuote) throw new UnreadableBudgetSheet('unclosed_quote');
  return rows;
}

// ── Cells into numbers ──────────────────────────────────────────────────────

const spaces = /[\s\u00a0\u202f\u2009']/g;

/**
 * A cell as a number: numbers as they are; text with a decimal comma or point, spaces between thousands, a minus
 * sign (also −), a trailing "tkr", "kr" or "%". Both a comma and a point, or several commas, are not read: which
 * one is the decimal is a guess.
 */
export function parseBudgetNumber(cell: SheetCell | undefined): number | 'missing' | 'not_a_number' {
  if (cell === null || cell === undefined) return 'missing';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'not_a_number';
  if (typeof cell === 'boolean') return 'not_a_number';
  if (cell.trim() === '') return 'missing';
  const text = cell
    .trim()
    .replace(/\s*(tkr|kr|%)$/i, '')
    .replace(spaces, '')
    .replace(/^[\u2212\u2013]/, '-');
  if (text.includes(',') && text.includes('.')) return 'not_a_number';
  if ((text.match(/,/g) ?? []).length > 1) return 'not_a_number';
  const normal = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normal)) return 'not_a_number';
  return Number(normal);
}

// ── Columns ─────────────────────────────────────────────────────────────────

const cellText = (cell: SheetCell | undefined) => (cell === null || cell === undefined ? '' : String(cell).trim());
const nameKey = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Header words by column, Swedish and English. An id column wins over a name column for the board. */
const headerWords = {
  boardId: ['id', 'board id', 'boardid', 'nämnd-id', 'nämndid', 'nämnd id'],
  board: ['nämnd', 'board', 'namn', 'name', 'styrelse', 'bolag', 'company', 'enhet', 'unit', 'nämnd/bolag', 'board/company'],
  netCost: ['nettokostnad', 'net cost', 'netcost', 'budget', 'nettokostnad tkr', 'net cost tkr', 'nettokostnad (tkr)', 'net cost (tkr)', 'budget (tkr)', 'budget tkr', 'kostnad'],
  returnRequirement: ['avkastningskrav', 'return requirement', 'returnrequirement', 'avkastningskrav (%)', 'return requirement (%)', 'avkastningskrav %', 'return (%)', 'return', 'avkastning'],
} as const;

interface Columns {
  board: number;
  netCost: number;
  returnRequirement: number;
}

/** The columns named by a first row, or undefined when it names none (it is then read as a board). */
function headerColumns(first: readonly SheetCell[]): Columns | undefined {
  const words = first.map((cell) => nameKey(cellText(cell)));
  const find = (names: readonly string[]) => words.findIndex((w) => names.includes(w));
  const id = find(headerWords.boardId);
  const name = find(headerWords.board);
  const netCost = find(headerWords.netCost);
  if (netCost < 0 || (id < 0 && name < 0)) return undefined;
  return { board: id >= 0 ? id : name, netCost, returnRequirement: find(headerWords.returnRequirement) };
}

// ── Boards ──────────────────────────────────────────────────────────────────

type Resolved = { boardId: string } | { problem: 'unknown_board' | 'ambiguous_board' | 'archived_board' };

/** A board as written (its id, or its name) among the directory's boards; a name two boards share resolves to none. */
export function resolveBudgetBoard(text: string, boards: readonly BudgetSheetBoard[]): Resolved {
  const key = nameKey(text);
  const byId = boards.find((b) => b.boardId === text.trim() || b.boardId.toLowerCase() === key);
  const matches = byId ? [byId] : boards.filter((b) => nameKey(b.name) === key);
  if (matches.length === 0) return { problem: 'unknown_board' };
  if (matches.length > 1) return { problem: 'ambiguous_board' };
  if (matches[0]!.archived) return { problem: 'archived_board' };
  return { boardId: matches[0]!.boardId };
}

// ── The preview ─────────────────────────────────────────────────────────────

/** The kinds of board that never have a return requirement (domain/economySettings budgetProblems). */
const noReturn = new Set(['district', 'specialist']);

const sameNumber = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? a === b : Math.abs(a - b) < 1e-9);

/**
 * The lines a sheet gives and the rows it cannot, each against the stored budget. A row with any problem gives no
 * line: the office fixes the sheet (or the table) rather than saving half a row.
 */
export function previewBudgetSheet(
  cells: readonly (readonly SheetCell[])[],
  context: { boards: readonly BudgetSheetBoard[]; stored?: readonly StoredBudgetLine[] },
): BudgetSheetPreview {
  const rows = cells.map((row, index) => ({ row, number: index + 1 })).filter(({ row }) => row.some((cell) => cellText(cell) !== ''));
  if (rows.length === 0) throw new UnreadableBudgetSheet('empty');
  const named = headerColumns(rows[0]!.row);
  const columns: Columns = named ?? { board: 0, netCost: 1, returnRequirement: 2 };
  const body = named ? rows.slice(1) : rows;
  // A sheet without a return column leaves the companies' return requirements as stored; with one, a blank clears it.
  const hasReturnColumn = named ? columns.returnRequirement >= 0 : body.some(({ row }) => cellText(row[2]) !== '');
  const stored = new Map((context.stored ?? []).map((line) => [line.boardId, line]));
  const kindOf = new Map(context.boards.map((b) => [b.boardId, b.kind]));
  const seen = new Map<string, number>();
  const lines: BudgetSheetLine[] = [];
  const problems: BudgetSheetProblem[] = [];

  for (const { row, number } of body) {
    const board = cellText(row[columns.board]);
    const problem = (reason: BudgetSheetProblemReason, extra: Pick<BudgetSheetProblem, 'value' | 'column'> = {}) => problems.push({ row: number, board, reason, ...extra });
    if (board === '') {
      problem('unknown_board', { column: 'board' });
      continue;
    }
    const resolved = resolveBudgetBoard(board, context.boards);
    if ('problem' in resolved) {
      problem(resolved.problem, { column: 'board' });
      continue;
    }
    const netCostCell = row[columns.netCost];
    const netCost = parseBudgetNumber(netCostCell);
    if (netCost === 'missing') {
      problem('missing_net_cost', { column: 'netCost' });
      continue;
    }
    if (netCost === 'not_a_number') {
      problem('not_a_number', { column: 'netCost', value: cellText(netCostCell) });
      continue;
    }
    if (netCost < 0) {
      problem('negative', { column: 'netCost', value: cellText(netCostCell) });
      continue;
    }
    const before = stored.get(resolved.boardId);
    const returnCell = hasReturnColumn ? row[columns.returnRequirement] : before?.returnRequirement ?? null;
    const returnRequirement = parseBudgetNumber(returnCell);
    if (returnRequirement === 'not_a_number') {
      problem('not_a_number', { column: 'returnRequirement', value: cellText(returnCell) });
      continue;
    }
    if (returnRequirement !== 'missing' && (returnRequirement < -100 || returnRequirement > 1000)) {
      problem('return_out_of_range', { column: 'returnRequirement', value: cellText(returnCell) });
      continue;
    }
    if (hasReturnColumn && returnRequirement !== 'missing' && noReturn.has(kindOf.get(resolved.boardId) ?? '')) {
      problem('return_not_company', { column: 'returnRequirement', value: cellText(returnCell) });
      continue;
    }
    const first = seen.get(resolved.boardId);
    if (first !== undefined) {
      problem('duplicate', { column: 'board', value: String(first) });
      continue;
    }
    seen.set(resolved.boardId, number);
    const line: BudgetSheetLine = {
      row: number,
      board,
      boardId: resolved.boardId,
      netCost,
      ...(returnRequirement !== 'missing' ? { returnRequirement } : {}),
      change: !before ? 'new' : sameNumber(before.netCost, netCost) && sameNumber(before.returnRequirement, returnRequirement === 'missing' ? undefined : returnRequirement) ? 'same' : 'changed',
      ...(before ? { before: { netCost: before.netCost, ...(before.returnRequirement !== undefined ? { returnRequirement: before.returnRequirement } : {}) } } : {}),
    };
    lines.push(line);
  }
  const count = (change: BudgetChange) => lines.filter((l) => l.change === change).length;
  return {
    read: body.length,
    header: named !== undefined,
    lines,
    problems,
    counts: { lines: lines.length, new: count('new'), changed: count('changed'), same: count('same'), problems: problems.length },
  };
}

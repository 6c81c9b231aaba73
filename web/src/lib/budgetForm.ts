/**
 * The budget page's form (pages/BudgetPage): the directory as the table's rows, what the office typed (numbers as
 * text) as the PUT's body with the problems that stop it, each at its field, and the server's 422 paths mapped to
 * the same fields. Read with the same number rules as a pasted sheet (shared/domain/budgetSheet).
 */
import { parseBudgetNumber } from '../../../shared/domain/budgetSheet';
import type { Budget, BudgetBody, BudgetLine } from '../../../shared/schemas/economy';
import { numberToInput, t, type Key, type Vars } from '../i18n';
import type { FieldProblem, Message } from './forms';
import type { Directory } from './levels';
import type { Board } from './types';

const k = (key: Key, vars?: Vars): Message => ({ key, ...(vars ? { vars } : {}) });
/** A message in the current language (components/ui `text`, which a lib does not import). */
const text = (message: Message) => ('key' in message ? t(message.key, message.vars) : message.text);

// ── The rows of the table ───────────────────────────────────────────────────
export interface Row {
  board: Board;
  depth: number;
  /** A company, or a unit below one (a subsidiary), or a board whose stored line has one: the return column. */
  takesReturn: boolean;
}

/**
 * The directory as the table's rows: the boards at the top as the city's budget lists them (district boards, specialist
 * boards, companies), by name within each, each followed by the units below it (indented).
 * An archived board is left out unless the budget has a line for it.
 */
export function rowsOf(directory: Directory, budget: Budget): Row[] {
  const budgeted = new Set(budget.boards.map((line) => line.boardId));
  const withReturn = new Set(budget.boards.filter((line) => line.returnRequirement !== undefined).map((line) => line.boardId));
  const takesReturn = (board: Board) =>
    board.kind === 'company' || withReturn.has(board.boardId) || (board.kind === 'unit' && directory.ancestors(board.boardId).some((id) => directory.byId.get(id)?.kind === 'company'));
  const shown = directory.boards.filter((b) => !b.archived || budgeted.has(b.boardId));
  const shownIds = new Set(shown.map((b) => b.boardId));
  const kindOrder = ['district', 'specialist', 'company', 'unit'];
  const byName = (a: Board, b: Board) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name, 'sv');
  const below = new Map<string, Board[]>();
  for (const board of shown) {
    const parent = board.parentId && shownIds.has(board.parentId) ? board.parentId : '';
    below.set(parent, [...(below.get(parent) ?? []), board]);
  }
  const rows: Row[] = [];
  const visit = (parent: string, depth: number) => {
    for (const board of (below.get(parent) ?? []).sort(byName)) {
      rows.push({ board, depth, takesReturn: takesReturn(board) });
      if (depth < 10) visit(board.boardId, depth + 1);
    }
  };
  visit('', 0);
  return rows;
}

// ── The form ────────────────────────────────────────────────────────────────
export type Values = Record<string, { netCost: string; returnRequirement: string }>;

export const fieldIdOf = (boardId: string, field: 'netCost' | 'returnRequirement') => `budget-${boardId}-${field}`;

export function valuesOf(lines: readonly BudgetLine[]): Values {
  return Object.fromEntries(lines.map((line) => [line.boardId, { netCost: numberToInput(line.netCost), returnRequirement: numberToInput(line.returnRequirement) }]));
}

/** What the table says, as the body of the PUT, and the problems that stop it being saved, each at its field. */
/** A problem in the list above the table names its board; beside the field (`atField`) it need not. */
export type Problem = FieldProblem & { atField?: Message };

export function checkValues(values: Values, rows: readonly Row[]): { body: BudgetBody; problems: Problem[] } {
  const boards: BudgetLine[] = [];
  const problems: Problem[] = [];
  for (const { board, takesReturn } of rows) {
    const value = values[board.boardId];
    if (!value) continue;
    const found: Problem[] = [];
    const at = (field: 'netCost' | 'returnRequirement', message: Message) =>
      found.push({ fieldId: fieldIdOf(board.boardId, field), message: k('budget.error.at', { board: board.name, problem: text(message) }), atField: message });
    const netCost = parseBudgetNumber(value.netCost);
    const hasReturn = takesReturn && value.returnRequirement.trim() !== '';
    const returnRequirement = hasReturn ? parseBudgetNumber(value.returnRequirement) : 'missing';
    if (netCost === 'missing' && hasReturn) at('netCost', k('budget.error.returnWithoutNetCost'));
    else if (netCost === 'not_a_number') at('netCost', k('budget.error.number', { value: value.netCost.trim() }));
    else if (typeof netCost === 'number' && netCost < 0) at('netCost', k('budget.error.negative'));
    if (returnRequirement === 'not_a_number') at('returnRequirement', k('budget.error.number', { value: value.returnRequirement.trim() }));
    else if (typeof returnRequirement === 'number' && (returnRequirement < -100 || returnRequirement > 1000)) at('returnRequirement', k('budget.error.returnRange'));
    problems.push(...found);
    if (found.length === 0 && typeof netCost === 'number') boards.push({ boardId: board.boardId, netCost, ...(typeof returnRequirement === 'number' ? { returnRequirement } : {}) });
  }
  return { body: { unit: 'tkr', boards }, problems };
}

export const totalOf = (lines: readonly { netCost: number }[]) => lines.reduce((sum, line) => sum + line.netCost, 0);

/** A problem the server named at `boards.<i>.<field>`, shown at that board's field (the board from the body sent). */
export function fieldIdForServerPath(path: string, sent: BudgetBody): string {
  const match = /^boards\.(\d+)(?:\.(\w+))?/.exec(path);
  const line = match ? sent.boards[Number(match[1])] : undefined;
  if (!line) return 'budget-table';
  return fieldIdOf(line.boardId, match![2] === 'returnRequirement' ? 'returnRequirement' : 'netCost');
}

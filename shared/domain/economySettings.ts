/**
 * What the office may set as a year's budget and report sections (api.md 1.1). The schemas check each line's shape
 * (a negative net cost is refused there); these rules need the board directory or the whole list: a line for a
 * board that does not exist, a board given twice, a return requirement for a board that is not a company, a
 * section id used twice.
 */
import type { BoardKind } from '../schemas/boards';
import type { BudgetBody, ReportSectionsBody } from '../schemas/economy';
import type { FieldError } from './errors';
import { duplicateIdProblems, pathOf } from './problems';

/** The boards a budget may name, as the directory has them. */
export interface BudgetableBoard {
  boardId: string;
  kind: BoardKind;
}

/**
 * Every reason the budget table cannot be stored. A return requirement belongs to a company, or to a unit (a
 * subsidiary below a company); a district or specialist board has a net cost only.
 */
export function budgetProblems(body: BudgetBody, boards: readonly BudgetableBoard[]): FieldError[] {
  const kinds = new Map(boards.map((board) => [board.boardId, board.kind]));
  const problems: FieldError[] = duplicateIdProblems(body.boards, (line) => line.boardId, 'boards', 'boardId', 'a budget line for board');
  body.boards.forEach((line, i) => {
    const kind = kinds.get(line.boardId);
    if (!kind) {
      problems.push({ path: pathOf('boards', i, 'boardId'), message: `there is no board ${line.boardId}; correct the id or create the board first` });
    } else if (line.returnRequirement !== undefined && (kind === 'district' || kind === 'specialist')) {
      problems.push({ path: pathOf('boards', i, 'returnRequirement'), message: `${line.boardId} is a ${kind} board: only a company has a return requirement; leave it out` });
    }
  });
  return problems;
}

/** Every reason the list of report sections cannot be stored: each section needs its own id. */
export function reportSectionListProblems(body: ReportSectionsBody): FieldError[] {
  return duplicateIdProblems(body.sections, (section) => section.id, 'sections', 'id', 'section id');
}

/** Net costs added, tkr, without floating-point dust (sheets give decimals). */
export function totalNetCost(lines: ReadonlyArray<{ netCost: number }>): number {
  return Math.round(lines.reduce((sum, line) => sum + line.netCost, 0) * 1000) / 1000;
}

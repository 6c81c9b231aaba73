/**
 * What an uploaded budget sheet would put into the year's budget (POST /api/cycles/{year}/budget/preview): the lines
 * matched to boards of the directory, the rows that cannot be taken and why, each against the stored budget. It saves
 * nothing; the office puts the lines into its table and saves the table with If-Match (PUT /api/cycles/{year}/budget).
 */
import type { Actor } from '../../domain/actor';
import { budgetSheetCells, previewBudgetSheet, UnreadableBudgetSheet, type SheetCell } from '../../domain/budgetSheet';
import { BadRequest, ValidationFailed } from '../../domain/errors';
import type { BoardRepository } from '../../ports/boardRepository';
import type { CycleRepository } from '../../ports/cycleRepository';
import { UnreadableWorkbook, type WorkbookReader } from '../../ports/workbookReader';
import type { BudgetPreview, BudgetPreviewBody } from '../../schemas/budgetPreview';
import { requireCycle } from '../cycles/cycles';

export interface BudgetPreviewDeps {
  actor: Actor;
  cycles: CycleRepository;
  boards: BoardRepository;
  workbooks: WorkbookReader;
}

const unreadable = {
  empty: { detail: 'The sheet is empty. Give one board a row: the board (id or name), its net cost in tkr and, for a company, its return requirement in percent.', message: 'the sheet has no rows' },
  unclosed_quote: { detail: 'The sheet has a quote (") that is never closed. Close it, or save the sheet again as CSV.', message: 'an unclosed quote' },
} as const;

/** The cells of the upload: CSV text as it is, a workbook's first sheet through the reader. */
async function cellsOf(body: BudgetPreviewBody, workbooks: WorkbookReader): Promise<SheetCell[][]> {
  if (body.format === 'csv') return budgetSheetCells(body.content);
  const compact = body.content.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw new BadRequest('The Excel file must be sent base64-encoded in `content`.');
  try {
    return await workbooks.firstSheet(Buffer.from(compact, 'base64'));
  } catch (error) {
    if (!(error instanceof UnreadableWorkbook)) throw error;
    throw new ValidationFailed(`The file is not a sheet that can be read: ${error.message}. Save it as .xlsx (Excel) or CSV and upload it again.`, [
      { path: 'content', message: 'not an Excel workbook' },
    ]);
  }
}

export async function previewBudget(input: { year: number; body: BudgetPreviewBody }, deps: BudgetPreviewDeps): Promise<BudgetPreview> {
  // 1. The year must exist (a signed-off year is read too: the preview changes nothing, and the save says no).
  await requireCycle(input.year, deps.cycles);
  // 2. The sheet's cells, the directory and the stored budget.
  const [cells, boards, stored] = await Promise.all([
    cellsOf(input.body, deps.workbooks).catch((error: unknown) => {
      if (!(error instanceof UnreadableBudgetSheet)) throw error;
      throw new ValidationFailed(unreadable[error.reason].detail, [{ path: 'content', message: unreadable[error.reason].message }]);
    }),
    deps.boards.list(),
    deps.cycles.getSetting(input.year, 'budget'),
  ]);
  // 3. The lines and problems, by the same rules as a pasted block in the web app.
  try {
    const preview = previewBudgetSheet(cells, { boards, stored: stored?.boards ?? [] });
    const source = `${input.body.format === 'csv' ? 'CSV' : 'Excel'}${input.body.fileName ? `: ${input.body.fileName}` : ''}`;
    return { year: input.year, version: stored?.version ?? 0, source, ...preview };
  } catch (error) {
    if (!(error instanceof UnreadableBudgetSheet)) throw error;
    throw new ValidationFailed(unreadable[error.reason].detail, [{ path: 'content', message: unreadable[error.reason].message }]);
  }
}

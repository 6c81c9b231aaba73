/** The executive board's sign-off of the year: every annual report approved, a verdict on every company. */
import type { BoardKind } from '../schemas/boards';
import type { DocumentStatus } from '../schemas/common';
import type { CycleState } from '../schemas/cycles';
import type { SignoffBody } from '../schemas/documents';
import { Conflict, type FieldError } from './errors';
import { assertCycleOpen } from './lifecycle';
import { duplicateIdProblems, pathOf } from './problems';

/** Throws Conflict when the year is already signed off, or naming every board whose annual report is not approved. */
export function assertSignoffPossible(cycle: { year: number; state: CycleState }, annualReports: Array<{ boardId: string; status: DocumentStatus }>): void {
  assertCycleOpen(cycle);
  const pending = annualReports.filter((r) => r.status !== 'approved');
  if (pending.length > 0) {
    const list = pending.map((r) => `${r.boardId} (${r.status})`).join(', ');
    throw new Conflict(`The year can be signed off once every annual report is approved. Not approved yet: ${list}.`);
  }
}

/**
 * Problems in the sign-off body: every top-level company board needs a verdict on whether it acted within its
 * municipal purpose (with a comment when it did not), and only those can have one: a subsidiary below a company is
 * the company's to answer for, not the executive board's.
 */
export function signoffProblems(boards: Array<{ boardId: string; kind: BoardKind; parentId?: string | null }>, body: Pick<SignoffBody, 'companies'>): FieldError[] {
  const kindOf = new Map(boards.map((b) => [b.boardId, b.kind]));
  const parentOf = new Map(boards.map((b) => [b.boardId, b.parentId]));
  const problems = duplicateIdProblems(body.companies, (c) => c.boardId, 'companies', 'boardId', 'a verdict on company');
  body.companies.forEach((c, i) => {
    const kind = kindOf.get(c.boardId);
    if (kind === undefined) problems.push({ path: pathOf('companies', i, 'boardId'), message: `there is no board ${c.boardId}; correct the id or remove the verdict` });
    else if (kind !== 'company') problems.push({ path: pathOf('companies', i, 'boardId'), message: `${c.boardId} is a ${kind} board, not a company; remove the verdict` });
    else if (parentOf.get(c.boardId)) {
      problems.push({ path: pathOf('companies', i, 'boardId'), message: `${c.boardId} sits below ${parentOf.get(c.boardId)}: the sign-off judges the top-level companies only; remove the verdict` });
    }
    if (!c.withinPurpose && !c.comment?.trim()) {
      problems.push({ path: pathOf('companies', i, 'comment'), message: `say why ${c.boardId} did not act within its municipal purpose and powers` });
    }
  });
  const judged = new Set(body.companies.map((c) => c.boardId));
  for (const b of boards) {
    if (b.kind === 'company' && !b.parentId && !judged.has(b.boardId)) {
      problems.push({ path: 'companies', message: `company ${b.boardId} has no verdict: say whether it acted within its municipal purpose (withinPurpose)` });
    }
  }
  return problems;
}

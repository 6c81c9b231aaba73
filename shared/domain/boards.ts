/**
 * The organisation's rules for a board's own changes: what a change is called in the board's audit trail, and when a
 * board may be deleted rather than archived.
 */

/** What happened to a board, as its audit trail records it. */
export const boardEventActions = ['created', 'changed', 'archived', 'restored', 'deleted'] as const;
export type BoardEventAction = (typeof boardEventActions)[number];

/** What saving `next` over `previous` (absent: a new board) does to the board, as its audit event names it. */
export function boardChangeOf(previous: { archived?: boolean } | undefined, next: { archived?: boolean }): Exclude<BoardEventAction, 'deleted'> {
  if (!previous) return 'created';
  const was = previous.archived === true;
  const is = next.archived === true;
  if (!was && is) return 'archived';
  if (was && !is) return 'restored';
  return 'changed';
}

/**
 * Why a board cannot be deleted: its years with documents (archive it instead), the years whose council goals name it
 * (take it out of them first: the goals would name a board that is gone), its units (move or delete them first).
 */
export interface DeletionBlockers {
  yearsWithDocuments: number[];
  namedInGoals: number[];
  units: string[];
}

export type DeletionRefusal = { reason: 'hasDocuments'; years: number[] } | { reason: 'namedInGoals'; years: number[] } | { reason: 'hasUnits'; units: string[] };

/** Whether the council goals assign an indicator to the board by name (an indicator without `boards` names none). */
export function goalsName(goals: { directionGoals: ReadonlyArray<{ areaGoals: ReadonlyArray<{ indicators: ReadonlyArray<{ boards?: readonly string[] }> }> }> }, boardId: string): boolean {
  return goals.directionGoals.some((d) => d.areaGoals.some((a) => a.indicators.some((i) => i.boards?.includes(boardId) ?? false)));
}

/**
 * Whether the board may go: only one that never had a document in any year (its history would go with it: such a
 * board is archived instead), that no year's council goals name, and that has no units (they would lose their parent). Documents are named first: a board
 * with both is to be archived, not emptied of its units.
 */
export function deletionRefusal(blockers: DeletionBlockers): DeletionRefusal | undefined {
  if (blockers.yearsWithDocuments.length > 0) return { reason: 'hasDocuments', years: [...blockers.yearsWithDocuments].sort((a, b) => a - b) };
  if (blockers.namedInGoals.length > 0) return { reason: 'namedInGoals', years: [...blockers.namedInGoals].sort((a, b) => a - b) };
  if (blockers.units.length > 0) return { reason: 'hasUnits', units: [...blockers.units].sort() };
  return undefined;
}

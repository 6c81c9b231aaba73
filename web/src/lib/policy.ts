/**
 * What the signed-in person may do, read off the server's own tables: the policy (shared/domain/authorization.ts)
 * and the document lifecycle (shared/domain/lifecycle.ts). The app only shows or hides actions with these; the
 * server checks the same tables on every request and stays the authority.
 *
 * A unit's documents are reached through the boards above it (its parent's office reads and decides on them), so
 * board actions take the board's `ancestors` (nearest first) where the app knows them (lib/levels.ts).
 */
import { isAllowed, type Action } from '../../../shared/domain/authorization';
import { transitions } from '../../../shared/domain/lifecycle';
import type { CycleState } from '../../../shared/schemas/cycles';
import type { DocumentStatus } from '../../../shared/schemas/common';
import type { User } from './auth';

export { isAllowed, type Action } from '../../../shared/domain/authorization';
export { allows, transitionOf, type DocumentAction } from '../../../shared/domain/lifecycle';

/** Whether the person may do the action (to this board, below these boards, for board actions). */
export const may = (user: User | undefined, action: Action, boardId?: string, ancestors?: readonly string[]): boolean =>
  isAllowed(user, action, boardId === undefined ? {} : { boardId, ...(ancestors ? { ancestors } : {}) });

/** The boards whose documents this person fills in: those of their boards they may save documents for. */
export const boardsEditedBy = (user: User | undefined): string[] => (user ? user.boards.filter((boardId) => may(user, 'documents.save', boardId)) : []);

/**
 * Whether the person decides on the documents of units below one of their boards (a board's office): the policy is
 * asked about a unit sitting directly below each of their boards.
 */
export const decidesOnUnits = (user: User | undefined): boolean =>
  !!user && user.boards.some((boardId) => may(user, 'documents.decide', `a unit below ${boardId}`, [boardId]));

/** Whether the person has a review queue: the city's reviewers, and the offices of boards with units. */
export const hasReviewQueue = (user: User | undefined): boolean => may(user, 'queue.read') || decidesOnUnits(user);

/** The lifecycle's rows this person may take from a status, for a board below `ancestors` (lifecycle.transitionsFor, with the chain). */
export function transitionsFor(user: User | undefined, status: DocumentStatus, target: { boardId: string; ancestors?: readonly string[]; cycleState?: CycleState }) {
  if (target.cycleState === 'signed_off') return [];
  return transitions.filter((row) => row.from === status && may(user, row.policy, target.boardId, target.ancestors));
}

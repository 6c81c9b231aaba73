/**
 * What the signed-in person may do, read off the server's own tables: the policy (shared/domain/authorization.ts)
 * and the document lifecycle (shared/domain/lifecycle.ts). The app only shows or hides actions with these; the
 * server checks the same tables on every request and stays the authority.
 */
import { isAllowed, type Action } from '../../../shared/domain/authorization';
import type { User } from './auth';

export { isAllowed, type Action } from '../../../shared/domain/authorization';
export { allows, transitionOf, transitionsFor, type DocumentAction } from '../../../shared/domain/lifecycle';

/** Whether the person may do the action (to this board, for board actions). */
export const may = (user: User | undefined, action: Action, boardId?: string): boolean => isAllowed(user, action, boardId === undefined ? {} : { boardId });

/** The boards whose documents this person fills in: those of their boards they may save documents for. */
export const boardsEditedBy = (user: User | undefined): string[] => (user ? user.boards.filter((boardId) => may(user, 'documents.save', boardId)) : []);

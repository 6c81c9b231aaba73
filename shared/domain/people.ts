/**
 * The rules of the office's people register, pure: what a person's entry may say, and what changed between two
 * entries (the audit event's `changes`). The use cases (shared/features/users) read the board directory and the
 * person, and ask these functions.
 */
import type { Actor, Role } from './actor';
import type { FieldError } from './errors';

export interface PersonEntry {
  userId: string;
  name: string;
  email: string;
  role: Role;
  boards: string[];
  locale: 'sv' | 'en';
  active: boolean;
}

/** The boards a scope may name: every board the directory has, with whether it is archived. */
export type BoardScopeDirectory = ReadonlyMap<string, { archived?: boolean }>;

/** Roles whose board list means something: an editor's boards, a reviewer's optional scope. */
export const scopedRoles: readonly Role[] = ['editor', 'reviewer'];

/**
 * What is wrong with a person's entry, each problem at its field (`body.<field>`), empty when it may be saved:
 * an editor works for at least one board; only editors and reviewers have a board scope; every board exists, and a
 * board newly given is not archived; an e-mail address belongs to one person; and an admin keeps their own admin
 * role (the office must not lock itself out by mistake).
 */
export function personProblems(
  next: PersonEntry,
  context: { actor: Actor; existing?: PersonEntry & { subject?: string }; directory: BoardScopeDirectory; emailOwner?: string },
): FieldError[] {
  const problems: FieldError[] = [];
  const at = (field: string, message: string) => problems.push({ path: `body.${field}`, message });
  if (next.role === 'editor' && next.boards.length === 0) at('boards', 'an editor works for at least one board: choose the boards this person fills in forms for');
  if (!scopedRoles.includes(next.role) && next.boards.length > 0) {
    at('boards', `a person with the role ${next.role} has no board scope: leave boards empty, or choose the role editor or reviewer`);
  }
  const seen = new Set<string>();
  next.boards.forEach((boardId, i) => {
    const board = context.directory.get(boardId);
    if (seen.has(boardId)) at(`boards.${i}`, `${boardId} is listed twice; list each board once`);
    else if (!board) at(`boards.${i}`, `there is no board ${boardId}: choose one of the boards on /admin/boards`);
    else if (board.archived && !context.existing?.boards.includes(boardId)) at(`boards.${i}`, `${boardId} is archived: it takes no new people`);
    seen.add(boardId);
  });
  if (context.emailOwner !== undefined && context.emailOwner !== next.userId) {
    at('email', `${next.email} is already the address of ${context.emailOwner}: each person signs in with an address of their own`);
  }
  if (isSelf(context.actor, next.userId, context.existing?.subject) && next.role !== 'admin' && context.existing?.role === 'admin') {
    at('role', 'you cannot take away your own admin role: ask another admin to do it');
  }
  return problems;
}

/** Whether the actor is this person: the same login id (locally, and in AWS the Cognito subject the adapter also knows). */
export function isSelf(actor: Actor, userId: string, subject?: string): boolean {
  return actor.sub === userId || (subject !== undefined && actor.sub === subject);
}

export type PersonChange = { field: 'name' | 'email' | 'role' | 'boards' | 'locale' | 'active'; from?: string | string[] | boolean; to?: string | string[] | boolean };

const fields = ['name', 'email', 'role', 'boards', 'locale', 'active'] as const;

/** Each field whose value differs, with its value before and after; a new person has only `to`. */
export function changesBetween(before: PersonEntry | undefined, after: PersonEntry): PersonChange[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return fields
    .filter((field) => !before || !same(before[field], after[field]))
    .filter((field) => before || field !== 'active')
    .map((field) => (before ? { field, from: before[field], to: after[field] } : { field, to: after[field] }));
}

/** What an event records the change as. */
export function eventActionOf(before: PersonEntry | undefined, after: PersonEntry): 'invited' | 'changed' | 'reactivated' | 'deactivated' {
  if (!before) return 'invited';
  if (before.active && !after.active) return 'deactivated';
  if (!before.active && after.active) return 'reactivated';
  return 'changed';
}

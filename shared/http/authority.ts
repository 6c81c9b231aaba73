import type { Actor } from '../domain/actor';
import { authorize, needsAncestors, type Target } from '../domain/authorization';
import type { RouteSpec } from './route';

/** What a decision is about: the board the path names, if any, and for a unit the boards above it. */
export type AuthorizationTarget = Target;

/** The boards above a board, nearest first (empty at the top). */
export type AncestorsOf = (boardId: string) => Promise<string[]>;

/**
 * Finds the target of a route's action from its validated path parameters. It may be async, so a later
 * resolver can read a board's ancestor chain from a port before the policy decides.
 */
export type TargetResolver = (params: unknown) => AuthorizationTarget | Promise<AuthorizationTarget>;

/** The default: the board in the path (`{boardId}`), or no board for year-wide and global routes. */
export const boardFromPath: TargetResolver = (params) => {
  const boardId = (params as { boardId?: unknown } | undefined)?.boardId;
  return typeof boardId === 'string' ? { boardId } : {};
};

/**
 * The one authority: before the body is read, the route's declared action is decided for its target, so a
 * caller without the right gets 403 and never field details. Use cases do not authorize again.
 */
export async function decide(
  spec: RouteSpec,
  actor: Actor | undefined,
  params: unknown,
  resolve: TargetResolver = boardFromPath,
  ancestorsOf?: AncestorsOf,
): Promise<void> {
  if (!spec.action) return;
  let target = await resolve(params);
  // The chain above a board is read only when the board alone does not settle it (a board's office on its units).
  if (ancestorsOf && needsAncestors(actor, spec.action, target)) target = { ...target, ancestors: await ancestorsOf(target.boardId!) };
  authorize(actor, spec.action, target);
}

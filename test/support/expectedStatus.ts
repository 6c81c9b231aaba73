/** The answer the authorization matrix test expects of a route, read off the policy table (test support). */
import type { Actor, Role } from '../../shared/domain/actor';
import { isAllowed, type Action } from '../../shared/domain/authorization';

/**
 * The status an authorization check gives, derived from the table: 401 anonymous, 403 refused, 200 allowed.
 * The caller's boards are `[own]` and the target is that board (`ownBoard`) or another one. A reviewer is taken as
 * unscoped (all boards) unless `scopedReviewer` is set.
 */
export function expectedStatus(role: Role | 'anonymous', action: Action, ownBoard: boolean, options: { scopedReviewer?: boolean } = {}): 200 | 401 | 403 {
  if (role === 'anonymous') return 401;
  const scoped = role !== 'reviewer' || options.scopedReviewer === true;
  const actor: Actor = { sub: `${role}-1`, role, boards: scoped ? ['own-board'] : [] };
  return isAllowed(actor, action, { boardId: ownBoard ? 'own-board' : 'other-board' }) ? 200 : 403;
}

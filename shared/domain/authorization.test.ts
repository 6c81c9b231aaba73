import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { actions, authorize, rolesFor, type Action } from './authorization';
import { Forbidden, Unauthorized } from './errors';

type S = 200 | 403;
/**
 * The policy written out by hand, independently of the table in authorization.ts:
 * admin, editor on its own board, editor on another board, reviewer (unscoped), executive. Anonymous is always 401.
 */
const expected: Record<Action, [admin: S, editorOwn: S, editorOther: S, reviewer: S, executive: S]> = {
  'boards.put': [200, 403, 403, 403, 403],
  'boards.list': [200, 200, 200, 200, 200],
  'cycles.create': [200, 403, 403, 403, 403],
  'cycles.read': [200, 200, 200, 200, 200],
  'cycles.history': [200, 200, 200, 200, 200],
  'cycles.calendar.patch': [200, 403, 403, 403, 403],
  'councilGoals.put': [200, 403, 403, 403, 403],
  'councilGoals.read': [200, 200, 200, 200, 200],
  'status.read': [200, 200, 200, 200, 200],
  'documents.read': [200, 200, 403, 200, 200],
  'documents.save': [403, 200, 403, 403, 403],
  'documents.submit': [403, 200, 403, 403, 403],
  'documents.decide': [403, 403, 403, 200, 403],
  'documents.history': [200, 200, 403, 200, 200],
  'late.read': [200, 403, 403, 200, 200],
  signoff: [403, 403, 403, 403, 200],
  'outcomes.import': [200, 403, 403, 403, 403],
  'exports.read': [200, 200, 403, 200, 200],
  'queue.read': [200, 403, 403, 200, 200],
};

/** Board-scoped reviewer (boards: [own]): own board, other board. Only board actions differ from the unscoped reviewer. */
const scopedReviewer: Partial<Record<Action, [own: S, other: S]>> = {
  'documents.read': [200, 403],
  'documents.history': [200, 403],
  'documents.decide': [200, 403],
  'exports.read': [200, 403],
};

const roleList: Role[] = ['admin', 'editor', 'reviewer', 'executive'];
const rows = actions.flatMap((action) =>
  roleList.flatMap((role) =>
    [true, false].map((own) => {
      const [admin, editorOwn, editorOther, reviewer, executive] = expected[action];
      const status = { admin, editor: own ? editorOwn : editorOther, reviewer, executive }[role];
      return { action, role, own, status };
    }),
  ),
);

const actorOf = (role: Role, boards: string[]): Actor => ({ sub: `${role}-1`, role, boards });
const statusOf = (actor: Actor | undefined, action: Action, boardId: string): number => {
  try {
    authorize(actor, action, { boardId });
    return 200;
  } catch (error) {
    if (error instanceof Unauthorized || error instanceof Forbidden) return error.status;
    throw error;
  }
};

describe('policy', () => {
  it('covers exactly the actions written out here', () => expect([...actions].sort()).toEqual(Object.keys(expected).sort()));

  it.each(rows)('$role on $action (own board: $own) → $status', ({ action, role, own, status }) => {
    const actor = actorOf(role, role === 'reviewer' ? [] : ['own-board']);
    expect(statusOf(actor, action, own ? 'own-board' : 'other-board')).toBe(status);
  });

  it.each(actions.flatMap((action) => [true, false].map((own) => ({ action, own }))))('anonymous on $action (own board: $own) → 401', ({ action, own }) => {
    expect(statusOf(undefined, action, own ? 'own-board' : 'other-board')).toBe(401);
  });

  it.each(actions.flatMap((action) => [true, false].map((own) => ({ action, own }))))('board-scoped reviewer on $action (own board: $own)', ({ action, own }) => {
    const [ownStatus, otherStatus] = scopedReviewer[action] ?? [expected[action][3], expected[action][3]];
    const status = own ? ownStatus : otherStatus;
    expect(statusOf(actorOf('reviewer', ['own-board']), action, own ? 'own-board' : 'other-board')).toBe(status);
  });
});

describe('authorize', () => {
  it('an editor with no boards can touch no board document', () => {
    expect(statusOf(actorOf('editor', []), 'documents.read', 'bromma')).toBe(403);
  });

  it('an editor may act on any of several boards', () => {
    expect(statusOf(actorOf('editor', ['bromma', 'kista']), 'documents.save', 'kista')).toBe(200);
  });

  it('refuses a board action without a target board for board-limited roles (fail closed)', () => {
    expect(() => authorize(actorOf('editor', ['bromma']), 'documents.read')).toThrow(Forbidden);
    expect(() => authorize(actorOf('admin', []), 'documents.read')).not.toThrow();
  });

  it('says who may do it instead', () => {
    expect(() => authorize(actorOf('admin', []), 'signoff')).toThrow(/As admin you cannot sign off the year; only executive can/);
    expect(() => authorize(actorOf('reviewer', []), 'boards.put')).toThrow(/only admin can/);
  });

  it('names the boards an editor does have', () => {
    expect(() => authorize(actorOf('editor', ['bromma']), 'documents.save', { boardId: 'kista' })).toThrow(/only for your own boards \(bromma\), not kista/);
  });

  it('asks anonymous callers to sign in', () => {
    expect(() => authorize(undefined, 'boards.list')).toThrow(Unauthorized);
  });

  it('lists the roles allowed for an action', () => {
    expect(rolesFor('documents.read')).toEqual(['admin', 'editor', 'reviewer', 'executive']);
    expect(rolesFor('documents.decide')).toEqual(['reviewer']);
  });
});

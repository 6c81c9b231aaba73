import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { actions, authorize, needsAncestors, rolesFor, type Action } from './authorization';
import { Forbidden, Unauthorized } from './errors';

type S = 200 | 403;
/**
 * The policy written out by hand, independently of the table in authorization.ts:
 * admin, editor on its own board, editor on another board, reviewer (unscoped), executive. Anonymous is always 401.
 */
const expected: Record<Action, [admin: S, editorOwn: S, editorOther: S, reviewer: S, executive: S]> = {
  'boards.put': [200, 403, 403, 403, 403],
  'users.read': [200, 403, 403, 403, 403],
  'users.put': [200, 403, 403, 403, 403],
  'users.deactivate': [200, 403, 403, 403, 403],
  'boards.delete': [200, 403, 403, 403, 403],
  'boards.list': [200, 200, 200, 200, 200],
  'cycles.create': [200, 403, 403, 403, 403],
  'cycles.copyPreview': [200, 403, 403, 403, 403],
  'cycles.read': [200, 200, 200, 200, 200],
  'cycles.history': [200, 200, 200, 200, 200],
  'cycles.calendar.patch': [200, 403, 403, 403, 403],
  'councilGoals.put': [200, 403, 403, 403, 403],
  'councilGoals.read': [200, 200, 200, 200, 200],
  'budget.put': [200, 403, 403, 403, 403],
  'budget.read': [200, 200, 200, 200, 200],
  'reportSections.put': [200, 403, 403, 403, 403],
  'reportSections.read': [200, 200, 200, 200, 200],
  'economy.read': [200, 200, 200, 200, 200],
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
  'queue.read': [200, 200, 200, 200, 200],
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

/**
 * Organisation levels, written out by hand: the unit `bromma-skola` sits below `bromma`, itself at the top.
 * Columns: bromma's editor (its office) on the unit, the unit's own editor on the unit, a reviewer scoped to bromma on
 * the unit, the unit's editor on its parent, bromma's editor on a unit of another board.
 */
const levels: Record<Action, [officeOnUnit: S, unitEditor: S, scopedReviewerOnUnit: S, unitEditorOnParent: S, officeOnOtherUnit: S]> = {
  'boards.put': [403, 403, 403, 403, 403],
  'users.read': [403, 403, 403, 403, 403],
  'users.put': [403, 403, 403, 403, 403],
  'users.deactivate': [403, 403, 403, 403, 403],
  'boards.delete': [403, 403, 403, 403, 403],
  'boards.list': [200, 200, 200, 200, 200],
  'cycles.create': [403, 403, 403, 403, 403],
  'cycles.copyPreview': [403, 403, 403, 403, 403],
  'cycles.read': [200, 200, 200, 200, 200],
  'cycles.history': [200, 200, 200, 200, 200],
  'cycles.calendar.patch': [403, 403, 403, 403, 403],
  'councilGoals.put': [403, 403, 403, 403, 403],
  'councilGoals.read': [200, 200, 200, 200, 200],
  'budget.put': [403, 403, 403, 403, 403],
  'budget.read': [200, 200, 200, 200, 200],
  'reportSections.put': [403, 403, 403, 403, 403],
  'reportSections.read': [200, 200, 200, 200, 200],
  'economy.read': [200, 200, 200, 200, 200],
  'status.read': [200, 200, 200, 200, 200],
  'documents.read': [200, 200, 200, 403, 403],
  'documents.save': [403, 200, 403, 403, 403],
  'documents.submit': [403, 200, 403, 403, 403],
  'documents.decide': [200, 403, 200, 403, 403],
  'documents.history': [200, 200, 200, 403, 403],
  'late.read': [403, 403, 200, 403, 403],
  signoff: [403, 403, 403, 403, 403],
  'outcomes.import': [403, 403, 403, 403, 403],
  'exports.read': [200, 200, 200, 403, 403],
  'queue.read': [200, 200, 200, 200, 200],
};
const unit = { boardId: 'bromma-skola', ancestors: ['bromma'] };
const levelCases = [
  { who: "bromma's editor on its unit", actor: actorOf('editor', ['bromma']), target: unit },
  { who: "the unit's own editor", actor: actorOf('editor', ['bromma-skola']), target: unit },
  { who: 'a reviewer scoped to bromma on its unit', actor: actorOf('reviewer', ['bromma']), target: unit },
  { who: "the unit's editor on its parent", actor: actorOf('editor', ['bromma-skola']), target: { boardId: 'bromma', ancestors: [] } },
  { who: "bromma's editor on another board's unit", actor: actorOf('editor', ['bromma']), target: { boardId: 'kista-skola', ancestors: ['kista'] } },
];
const levelStatus = (actor: Actor, action: Action, target: { boardId: string; ancestors: string[] }): number => {
  try {
    authorize(actor, action, target);
    return 200;
  } catch (error) {
    if (error instanceof Forbidden) return 403;
    throw error;
  }
};

describe('policy across organisation levels', () => {
  it('covers every action', () => expect(Object.keys(levels).sort()).toEqual([...actions].sort()));
  it.each(actions.flatMap((action) => levelCases.map((c, i) => ({ action, ...c, status: levels[action][i] }))))('$who on $action → $status', ({ action, actor, target, status }) => {
    expect(levelStatus(actor, action, target)).toBe(status);
  });

  it("tells a unit's editor whose decision it is", () => {
    expect(() => authorize(actorOf('editor', ['bromma-skola']), 'documents.decide', unit)).toThrow(/belongs to the office of the board above it/);
  });

  it('asks for the chain above a board only when the board alone does not settle it', () => {
    expect(needsAncestors(actorOf('editor', ['bromma']), 'documents.read', { boardId: 'bromma' })).toBe(false);
    expect(needsAncestors(actorOf('editor', ['bromma']), 'documents.read', { boardId: 'bromma-skola' })).toBe(true);
    expect(needsAncestors(actorOf('editor', ['bromma']), 'documents.decide', { boardId: 'bromma-skola' })).toBe(true);
    expect(needsAncestors(actorOf('editor', ['bromma']), 'documents.save', { boardId: 'bromma-skola' })).toBe(false);
    expect(needsAncestors(actorOf('reviewer', []), 'documents.decide', { boardId: 'bromma-skola' })).toBe(false);
    expect(needsAncestors(actorOf('editor', ['bromma']), 'documents.read', unit)).toBe(false);
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
    expect(rolesFor('documents.decide')).toEqual(['editor', 'reviewer']);
  });
});

/**
 * Who may do what: the one policy table every handler and use case goes through.
 *
 * A grant says how far a role reaches:
 * - `all`: any board;
 * - `ownBoards`: only boards in the actor's `boards` (editors);
 * - `ownBoardsAndUnits`: the actor's boards and every unit below them (a board's office reads its units' documents);
 * - `unitsOfOwnBoards`: only units below the actor's boards, never the actor's own (a board's office decides on its
 *   units; a unit's editors never decide on their own documents);
 * - `ownBoardsIfScoped`: any board, unless the actor has a non-empty `boards` list, which then limits it to those
 *   boards and the units below them (reviewers).
 * A role without a grant gets 403. Board limits apply only to actions on a board (`target.boardId`), whose
 * `ancestors` (nearest first) say which boards it sits below.
 */
import type { Actor, Role } from './actor';
import { roles } from './actor';
import { Forbidden, Unauthorized } from './errors';

export type Grant = 'all' | 'ownBoards' | 'ownBoardsAndUnits' | 'unitsOfOwnBoards' | 'ownBoardsIfScoped';

/** What an action is about: a board, and the boards above it when it is a unit. */
export interface Target {
  boardId?: string;
  ancestors?: readonly string[];
}

export interface PolicyEntry {
  /** What the action is, for messages: "save a board's documents". */
  does: string;
  /** Whether the action concerns one board, so that board limits apply. */
  onBoard: boolean;
  grants: Partial<Record<Role, Grant>>;
}

const everyone = { admin: 'all', editor: 'all', reviewer: 'all', executive: 'all' } as const;
const readers = { admin: 'all', reviewer: 'ownBoardsIfScoped', executive: 'all' } as const;
const boardReaders = { admin: 'all', editor: 'ownBoardsAndUnits', reviewer: 'ownBoardsIfScoped', executive: 'all' } as const;

export const policy = {
  'boards.put': { does: 'create or change boards', onBoard: false, grants: { admin: 'all' } },
  'boards.delete': { does: 'delete boards', onBoard: false, grants: { admin: 'all' } },
  'boards.list': { does: 'list the boards', onBoard: false, grants: everyone },
  'users.read': { does: 'see the people who may sign in and their history', onBoard: false, grants: { admin: 'all' } },
  'users.put': { does: 'invite or change people', onBoard: false, grants: { admin: 'all' } },
  'users.deactivate': { does: 'deactivate people', onBoard: false, grants: { admin: 'all' } },
  'cycles.create': { does: 'open a cycle', onBoard: false, grants: { admin: 'all' } },
  'cycles.copyPreview': { does: 'preview what a new year would copy', onBoard: false, grants: { admin: 'all' } },
  'cycles.read': { does: 'read a cycle', onBoard: false, grants: everyone },
  'cycles.history': { does: "read a cycle's history", onBoard: false, grants: everyone },
  'cycles.calendar.patch': { does: "change a cycle's calendar", onBoard: false, grants: { admin: 'all' } },
  'councilGoals.put': { does: "load the council's goals", onBoard: false, grants: { admin: 'all' } },
  'councilGoals.read': { does: "read the council's goals", onBoard: false, grants: everyone },
  'budget.put': { does: "set the year's budget", onBoard: false, grants: { admin: 'all' } },
  'budget.read': { does: "read the year's budget", onBoard: false, grants: everyone },
  'reportSections.put': { does: "set the sections the city asks the boards to write", onBoard: false, grants: { admin: 'all' } },
  'reportSections.read': { does: "read the year's report sections", onBoard: false, grants: everyone },
  'economy.read': { does: "read the city's economy at a glance", onBoard: false, grants: everyone },
  'status.read': { does: 'read the status of all boards', onBoard: false, grants: everyone },
  'documents.read': { does: "read a board's plan or reports", onBoard: true, grants: boardReaders },
  'documents.save': { does: "save a board's plan or reports", onBoard: true, grants: { editor: 'ownBoards' } },
  'documents.submit': { does: "submit a board's plan or reports", onBoard: true, grants: { editor: 'ownBoards' } },
  'documents.decide': { does: 'approve or return a plan or report', onBoard: true, grants: { reviewer: 'ownBoardsIfScoped', editor: 'unitsOfOwnBoards' } },
  'documents.history': { does: "read a document's history", onBoard: true, grants: boardReaders },
  'late.read': { does: 'list the late boards', onBoard: false, grants: readers },
  signoff: { does: 'sign off the year', onBoard: false, grants: { executive: 'all' } },
  'outcomes.import': { does: 'import indicator outcomes', onBoard: false, grants: { admin: 'all' } },
  'exports.read': { does: "export a board's year", onBoard: true, grants: boardReaders },
  // An editor's queue is their office's: it lists only the units below their boards (features/documents/reviewQueue).
  'queue.read': { does: 'read the review queue', onBoard: false, grants: { ...readers, editor: 'unitsOfOwnBoards' } },
} as const satisfies Record<string, PolicyEntry>;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];

function grantOf(role: Role, action: Action): Grant | undefined {
  return (policy[action].grants as Partial<Record<Role, Grant>>)[role];
}

/** The roles that may do an action at all, for messages and docs. */
export function rolesFor(action: Action): Role[] {
  return roles.filter((role) => grantOf(role, action) !== undefined);
}

/** Whether a grant reaches the target board for this actor. */
function reaches(grant: Grant, actor: Actor, entry: PolicyEntry, target: Target): boolean {
  if (!entry.onBoard || grant === 'all') return true;
  if (grant === 'ownBoardsIfScoped' && actor.boards.length === 0) return true;
  const { boardId } = target;
  if (boardId === undefined) return false;
  const own = actor.boards.includes(boardId);
  const above = (target.ancestors ?? []).some((ancestor) => actor.boards.includes(ancestor));
  if (grant === 'ownBoards') return own;
  if (grant === 'unitsOfOwnBoards') return above && !own;
  return own || above;
}

/**
 * Whether knowing the target's ancestors could change the answer: the grant reaches units below the actor's boards
 * and the board alone is not enough. Callers read the ancestor chain only then, so a board's own requests cost nothing more.
 */
export function needsAncestors(actor: Actor | undefined, action: Action, target: Target): boolean {
  if (!actor || target.boardId === undefined || target.ancestors !== undefined || actor.boards.length === 0) return false;
  const entry: PolicyEntry = policy[action];
  const grant = grantOf(actor.role, action);
  if (!entry.onBoard || !grant || grant === 'all' || grant === 'ownBoards') return false;
  return !reaches(grant, actor, entry, target);
}

/** Throws Unauthorized without an actor, Forbidden when the role or its boards do not allow the action. */
export function authorize(actor: Actor | undefined, action: Action, target: Target = {}): void {
  if (!actor) throw new Unauthorized('Sign in first: send a valid token as `Authorization: Bearer <token>`.');
  const entry: PolicyEntry = policy[action];
  const grant = grantOf(actor.role, action);
  if (!grant) {
    const allowed = rolesFor(action).join(' or ');
    throw new Forbidden(`As ${actor.role} you cannot ${entry.does}; only ${allowed} can. Ask someone with that role.`);
  }
  if (!reaches(grant, actor, entry, target)) {
    const yours = actor.boards.length > 0 ? actor.boards.join(', ') : 'none';
    if (grant === 'unitsOfOwnBoards') {
      throw new Forbidden(
        target.boardId !== undefined && actor.boards.includes(target.boardId)
          ? `As ${actor.role} of ${target.boardId} you cannot ${entry.does} of your own board: that decision belongs to the office of the board above it, or to the city's reviewers.`
          : `As ${actor.role} you can ${entry.does} only for the units below your boards (${yours})${target.boardId ? `, and ${target.boardId} is not one of them` : ''}.`,
      );
    }
    throw new Forbidden(
      `As ${actor.role} you can ${entry.does} only for your own boards (${yours})${target.boardId ? `, not ${target.boardId}` : ''}. Ask an admin to give you access if you need it.`,
    );
  }
}

/** Whether the actor may do the action (same rules as authorize, without throwing). */
export function isAllowed(actor: Actor | undefined, action: Action, target: Target = {}): boolean {
  try {
    authorize(actor, action, target);
    return true;
  } catch {
    return false;
  }
}

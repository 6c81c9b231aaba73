import { signedBy } from '../../domain/actor';
import type { Actor } from '../../domain/actor';
import { PreconditionFailed } from '../../domain/errors';
import { assertComplete } from '../../domain/problems';
import { inYear } from '../../domain/levels';
import { assertSignoffPossible, signoffProblems } from '../../domain/signoff';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import { CycleChanged, type CycleRepository, type StoredCycle } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { SignoffBody } from '../../schemas/documents';
import { requireCycle } from './cycles';

/**
 * The executive board closes the year: every top-level board's annual report must be approved (409 names those
 * that are not; units below them and archived boards with nothing this year are not asked), and every company gets a verdict on whether it acted within its municipal purpose.
 * From then on the cycle is `signed_off` and every document of the year is read-only.
 */
export async function signOff(
  input: { year: number; body: SignoffBody },
  deps: { actor: Actor; cycles: CycleRepository; boards: BoardRepository; documents: DocumentStore; clock: Clock },
): Promise<StoredCycle> {
  const cycle = await requireCycle(input.year, deps.cycles);
  const [boards, entries] = await Promise.all([deps.boards.directory(), deps.documents.statuses(input.year)]);
  const annualStatus = new Map(entries.filter((entry) => entry.kind === 'annual').map((entry) => [entry.boardId, entry.status]));
  const withDocuments = new Set(entries.map((entry) => entry.boardId));
  // The city signs off its top-level boards' annual reports; a unit's reports are its parent's to review.
  assertSignoffPossible(
    cycle,
    boards
      .filter((board) => !board.parentId && inYear(board, withDocuments))
      .map((board) => ({ boardId: board.boardId, status: annualStatus.get(board.boardId) ?? 'not_started' })),
  );
  assertComplete('sign-off', signoffProblems(boards, input.body));

  const at = deps.clock.now().toISOString();
  const signed: StoredCycle = {
    ...cycle,
    state: 'signed_off',
    version: cycle.version + 1,
    signedOffAt: at,
    signedOffBy: deps.actor.sub,
    updatedAt: at,
    signoff: { comment: input.body.comment, companies: input.body.companies },
  };
  try {
    await deps.cycles.update(signed, cycle.version, {
      at,
      ...signedBy(deps.actor),
      action: 'signed_off',
      ...(input.body.comment ? { comment: input.body.comment } : {}),
      details: { companies: input.body.companies.length },
    });
  } catch (error) {
    if (error instanceof CycleChanged) {
      throw new PreconditionFailed(`The ${input.year} cycle was changed (or signed off) meanwhile; read it again and repeat the sign-off.`);
    }
    throw error;
  }
  return signed;
}

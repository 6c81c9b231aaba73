import { signedBy, type Actor } from '../../domain/actor';
import { deletionRefusal, goalsName, type DeletionBlockers } from '../../domain/boards';
import { Conflict, NotFound, PreconditionFailed } from '../../domain/errors';
import { BoardChanged, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import type { DocumentStore } from '../../ports/documentStore';
import type { BoardDeletion } from '../../schemas/boards';

type ReadDeps = { boards: BoardRepository; cycles: Pick<CycleRepository, 'list' | 'getCouncilGoals'>; documents: Pick<DocumentStore, 'hasDocuments'> };

/**
 * What stands in the way of deleting a board: the years in which it has a document (one read of one item per year,
 * on the board's own partition of that year), the years whose council goals name it (one item per year) and its
 * direct units (from the board directory). 404 for an unknown board.
 */
export async function deletionCheck(boardId: string, deps: ReadDeps): Promise<{ board: StoredBoard } & DeletionBlockers> {
  const [board, cycles, directory] = await Promise.all([deps.boards.get(boardId), deps.cycles.list(), deps.boards.directory()]);
  if (!board) throw new NotFound(`There is no board ${boardId}. Check the id against GET /api/boards.`);
  const years = cycles.map((cycle) => cycle.year);
  const [has, goals] = await Promise.all([
    Promise.all(years.map((year) => deps.documents.hasDocuments(year, boardId))),
    Promise.all(years.map((year) => deps.cycles.getCouncilGoals(year))),
  ]);
  return {
    board,
    yearsWithDocuments: years.filter((_, i) => has[i]),
    namedInGoals: years.filter((_, i) => goals[i] !== undefined && goalsName(goals[i]!, boardId)),
    units: directory.filter((entry) => entry.parentId === boardId).map((entry) => entry.boardId),
  };
}

/**
 * Deletes a board that never had a document and has no units: the board and its directory entry go, its `deleted`
 * event joins its audit trail, in one transaction. A board with documents keeps its history and is archived instead;
 * one with units has them moved or deleted first (409, nothing changed). A writer that changed the board between the
 * check and the delete wins: 412.
 */
export async function deleteBoard(
  input: { boardId: string; ifMatch?: number },
  deps: ReadDeps & { actor: Actor; clock: Clock },
): Promise<void> {
  const { board, ...blockers } = await deletionCheck(input.boardId, deps);
  if (input.ifMatch !== undefined && input.ifMatch !== board.version) {
    throw new PreconditionFailed(`Board ${input.boardId} is at version ${board.version}, not ${input.ifMatch}: someone changed it meanwhile. Read it again and decide anew.`);
  }
  const refusal = deletionRefusal(blockers);
  if (refusal?.reason === 'hasDocuments') {
    throw new Conflict(
      `Board ${input.boardId} has documents in ${refusal.years.join(', ')}, and its history stays. Archive it instead: it then leaves new years and keeps what it did.`,
      [{ path: 'documents', message: `has documents in ${refusal.years.join(', ')}; archive the board instead` }],
    );
  }
  if (refusal?.reason === 'namedInGoals') {
    throw new Conflict(
      `Board ${input.boardId} is named in the council goals of ${refusal.years.join(', ')}. Take it out of their indicators' boards first, or archive it.`,
      [{ path: 'councilGoals', message: `named in the council goals of ${refusal.years.join(', ')}; take it out of them first, or archive the board` }],
    );
  }
  if (refusal?.reason === 'hasUnits') {
    throw new Conflict(
      `Board ${input.boardId} has units (${refusal.units.join(', ')}). Move them below another board or delete them first.`,
      [{ path: 'units', message: `has units ${refusal.units.join(', ')}; move or delete them first` }],
    );
  }
  const at = deps.clock.now().toISOString();
  try {
    await deps.boards.remove(input.boardId, board.version, { at, ...signedBy(deps.actor), action: 'deleted', version: board.version + 1 });
  } catch (error) {
    if (error instanceof BoardChanged) {
      throw new PreconditionFailed(`Board ${input.boardId} was changed by someone else meanwhile. Read it again and decide anew.`);
    }
    throw error;
  }
}

/** What DELETE would answer for the board: the web app offers the delete only where it can succeed, and says why not. */
export async function boardDeletion(boardId: string, deps: ReadDeps): Promise<BoardDeletion> {
  const { yearsWithDocuments, namedInGoals, units } = await deletionCheck(boardId, deps);
  return { boardId, deletable: deletionRefusal({ yearsWithDocuments, namedInGoals, units }) === undefined, yearsWithDocuments, namedInGoals, units };
}

import type { Role } from '../domain/actor';
import type { BoardEventAction } from '../domain/boards';
import type { Board } from '../schemas/boards';

/** As stored: a board at the top may have no `parentId` at all (boards saved before levels existed). */
export interface StoredBoard extends Omit<Board, 'parentId'> {
  parentId?: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** The board is not at the version the writer read (or exists already when it was to be created). */
export class BoardChanged extends Error {
  constructor(readonly boardId: string) {
    super(`board ${boardId} is not at the expected version`);
    this.name = 'BoardChanged';
  }
}


/** One change of a board; written by `save` or `remove` with the change itself, never alone. */
export interface BoardEvent {
  at: string;
  actor: string;
  actorName?: string;
  role: Role;
  action: BoardEventAction;
  /** The board's version the change produced (for `deleted`: one past the last stored). */
  version: number;
}

/** A board as lists show it: what the status matrix, the meters, the review queue and the level rules need of every board. */
export type BoardEntry = Pick<StoredBoard, 'boardId' | 'name' | 'kind' | 'parentId' | 'archived' | 'attributes'>;

/** The directory entry of a board: only the fields it has, so top-level boards stay as small as before. */
export function entryOf(board: StoredBoard): BoardEntry {
  return {
    boardId: board.boardId,
    name: board.name,
    kind: board.kind,
    ...(board.parentId ? { parentId: board.parentId } : {}),
    ...(board.archived ? { archived: true } : {}),
    ...(board.attributes && Object.keys(board.attributes).length > 0 ? { attributes: board.attributes } : {}),
  };
}

export interface BoardRepository {
  get(boardId: string): Promise<StoredBoard | undefined>;
  /**
   * Writes the board only if it still has `expectedVersion` (0 = must not exist); throws BoardChanged otherwise.
   * With `event`, the board's audit event is written in the same transaction.
   */
  save(board: StoredBoard, expectedVersion: number, event?: BoardEvent): Promise<void>;
  /**
   * Deletes the board and its directory entry, with its `deleted` audit event, in one transaction, only if it still
   * has `expectedVersion`; throws BoardChanged otherwise. Its audit trail stays.
   */
  remove(boardId: string, expectedVersion: number, event: BoardEvent): Promise<void>;
  /** The board's audit trail, oldest first (it outlives the board). */
  events(boardId: string): Promise<BoardEvent[]>;
  /** Every board, whole (contacts too): the office's board list. */
  list(): Promise<StoredBoard[]>;
  /** Every board's entry, from the board directory that `save` keeps in the same transaction: cheap to read whole. */
  directory(): Promise<BoardEntry[]>;
  /** The boards with these ids, whole, in no particular order; ids without a board are left out. */
  getMany(boardIds: readonly string[]): Promise<StoredBoard[]>;
}

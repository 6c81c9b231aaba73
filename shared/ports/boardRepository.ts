import type { Board } from '../schemas/boards';

export interface StoredBoard extends Board {
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

/** A board as lists show it: what the status matrix, the meters and the review queue need of every board. */
export type BoardEntry = Pick<StoredBoard, 'boardId' | 'name' | 'kind'>;

export interface BoardRepository {
  get(boardId: string): Promise<StoredBoard | undefined>;
  /** Writes the board only if it still has `expectedVersion` (0 = must not exist); throws BoardChanged otherwise. */
  save(board: StoredBoard, expectedVersion: number): Promise<void>;
  /** Every board, whole (contacts too): the office's board list. */
  list(): Promise<StoredBoard[]>;
  /** Every board's entry, from the board directory that `save` keeps in the same transaction: cheap to read whole. */
  directory(): Promise<BoardEntry[]>;
  /** The boards with these ids, whole, in no particular order; ids without a board are left out. */
  getMany(boardIds: readonly string[]): Promise<StoredBoard[]>;
}

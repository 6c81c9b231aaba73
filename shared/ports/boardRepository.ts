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

export interface BoardRepository {
  get(boardId: string): Promise<StoredBoard | undefined>;
  /** Writes the board only if it still has `expectedVersion` (0 = must not exist); throws BoardChanged otherwise. */
  save(board: StoredBoard, expectedVersion: number): Promise<void>;
  list(): Promise<StoredBoard[]>;
}

import type { Board } from '../schemas/boards';

export interface StoredBoard extends Board {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface BoardRepository {
  get(boardId: string): Promise<StoredBoard | undefined>;
  /** Writes the board only if it still has `expectedVersion` (0 = must not exist). */
  save(board: StoredBoard, expectedVersion: number): Promise<void>;
  list(): Promise<StoredBoard[]>;
}

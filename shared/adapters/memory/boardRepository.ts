import { BoardChanged, entryOf, type BoardEntry, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import { copy, type MemoryTable } from './table';

export class MemoryBoardRepository implements BoardRepository {
  constructor(private readonly table: MemoryTable) {}

  async get(boardId: string): Promise<StoredBoard | undefined> {
    const board = this.table.boards.get(boardId);
    return board && copy(board);
  }

  async save(board: StoredBoard, expectedVersion: number): Promise<void> {
    const stored = this.table.boards.get(board.boardId);
    if (expectedVersion === 0 ? stored !== undefined : stored?.version !== expectedVersion) throw new BoardChanged(board.boardId);
    this.table.boards.set(board.boardId, copy(board));
  }

  async list(): Promise<StoredBoard[]> {
    return [...this.table.boards.values()].sort((a, b) => (a.boardId < b.boardId ? -1 : 1)).map(copy);
  }

  async directory(): Promise<BoardEntry[]> {
    return (await this.list()).map(entryOf);
  }

  async getMany(boardIds: readonly string[]): Promise<StoredBoard[]> {
    return [...new Set(boardIds)].flatMap((boardId) => {
      const board = this.table.boards.get(boardId);
      return board ? [copy(board)] : [];
    });
  }
}

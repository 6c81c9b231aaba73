import { BoardChanged, entryOf, type BoardEntry, type BoardEvent, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import { byKey, copy, pad, type MemoryTable } from './table';

export class MemoryBoardRepository implements BoardRepository {
  constructor(private readonly table: MemoryTable) {}

  async get(boardId: string): Promise<StoredBoard | undefined> {
    const board = this.table.boards.get(boardId);
    return board && copy(board);
  }

  async save(board: StoredBoard, expectedVersion: number, event?: BoardEvent): Promise<void> {
    const stored = this.table.boards.get(board.boardId);
    if (expectedVersion === 0 ? stored !== undefined : stored?.version !== expectedVersion) throw new BoardChanged(board.boardId);
    this.table.boards.set(board.boardId, copy(board));
    if (event) this.append(board.boardId, event);
  }

  async remove(boardId: string, expectedVersion: number, event: BoardEvent): Promise<void> {
    if (this.table.boards.get(boardId)?.version !== expectedVersion) throw new BoardChanged(boardId);
    this.table.boards.delete(boardId);
    this.append(boardId, event);
  }

  async events(boardId: string): Promise<BoardEvent[]> {
    return byKey(this.table.boardEvents.get(boardId));
  }

  private append(boardId: string, event: BoardEvent): void {
    const events = this.table.boardEvents.get(boardId) ?? new Map<string, BoardEvent>();
    events.set(`board#${event.at}#${pad(event.version)}`, copy(event));
    this.table.boardEvents.set(boardId, events);
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

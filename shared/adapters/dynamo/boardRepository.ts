import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batchGetAll';
import { queryAll } from './queryAll';
import { BoardChanged, entryOf, type BoardEntry, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import { BOARD_DIRECTORY, BOARD_DIRECTORY_CHUNKS, boardKey, boardListIndex, chunkOf, chunkSk, directoryAttribute } from './keys';
import { TransactionRefused, transactWrite } from './transaction';

export class DynamoBoardRepository implements BoardRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(boardId: string): Promise<StoredBoard | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: boardKey(boardId), ConsistentRead: true }));
    return Item ? toBoard(Item) : undefined;
  }

  /** The board and its directory entry, in one transaction. */
  async save(board: StoredBoard, expectedVersion: number): Promise<void> {
    const { boardId: _id, ...entry } = entryOf(board);
    try {
      await transactWrite(this.db, [
        {
          name: 'board',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...boardKey(board.boardId), ...boardListIndex(board.boardId), type: 'board', ...board },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
              ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
            },
          },
        },
        {
          name: 'directory',
          item: {
            Update: {
              TableName: this.tableName,
              Key: { PK: BOARD_DIRECTORY, SK: chunkSk(chunkOf(board.boardId, BOARD_DIRECTORY_CHUNKS)) },
              UpdateExpression: 'SET #entry = :entry',
              ExpressionAttributeNames: { '#entry': directoryAttribute(board.boardId) },
              ExpressionAttributeValues: { ':entry': JSON.stringify(entry) },
            },
          },
        },
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new BoardChanged(board.boardId);
      throw error;
    }
  }

  async list(): Promise<StoredBoard[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'BOARDS' },
    });
    return items.map(toBoard);
  }

  async directory(): Promise<BoardEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': BOARD_DIRECTORY },
      ConsistentRead: true,
    });
    const entries: BoardEntry[] = [];
    for (const item of items) {
      for (const [name, value] of Object.entries(item)) {
        if (name.startsWith('b:')) entries.push({ boardId: name.slice(2), ...(JSON.parse(value as string) as Omit<BoardEntry, 'boardId'>) });
      }
    }
    return entries.sort((a, b) => (a.boardId < b.boardId ? -1 : 1));
  }

  async getMany(boardIds: readonly string[]): Promise<StoredBoard[]> {
    return (await batchGetAll(this.db, this.tableName, [...new Set(boardIds)].map(boardKey))).map(toBoard);
  }
}

function toBoard(item: Record<string, unknown>): StoredBoard {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, type: _type, ...board } = item;
  return board as unknown as StoredBoard;
}

import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batchGetAll';
import { queryAll } from './queryAll';
import { BoardChanged, entryOf, type BoardEntry, type BoardEvent, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import { BOARD_DIRECTORY, BOARD_DIRECTORY_CHUNKS, auditSk, boardChangesPk, boardKey, boardListIndex, chunkOf, chunkSk, directoryAttribute } from './keys';
import { TransactionRefused, transactWrite, type NamedItem } from './transaction';

export class DynamoBoardRepository implements BoardRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(boardId: string): Promise<StoredBoard | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: boardKey(boardId), ConsistentRead: true }));
    return Item ? toBoard(Item) : undefined;
  }

  /** The board and its directory entry (and its audit event), in one transaction. */
  async save(board: StoredBoard, expectedVersion: number, event?: BoardEvent): Promise<void> {
    const { boardId: _id, ...entry } = entryOf(board);
    try {
      await transactWrite<'board' | 'directory' | 'event'>(this.db, [
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
        ...(event ? [this.eventItem(board.boardId, event)] : []),
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new BoardChanged(board.boardId);
      throw error;
    }
  }

  /** The board's item and directory entry go, its `deleted` event is appended, in one transaction. */
  async remove(boardId: string, expectedVersion: number, event: BoardEvent): Promise<void> {
    try {
      await transactWrite<'board' | 'directory' | 'event'>(this.db, [
        {
          name: 'board',
          item: {
            Delete: {
              TableName: this.tableName,
              Key: boardKey(boardId),
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            },
          },
        },
        {
          name: 'directory',
          item: {
            Update: {
              TableName: this.tableName,
              Key: { PK: BOARD_DIRECTORY, SK: chunkSk(chunkOf(boardId, BOARD_DIRECTORY_CHUNKS)) },
              UpdateExpression: 'REMOVE #entry',
              ExpressionAttributeNames: { '#entry': directoryAttribute(boardId) },
            },
          },
        },
        this.eventItem(boardId, event),
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused) throw new BoardChanged(boardId);
      throw error;
    }
  }

  async events(boardId: string): Promise<BoardEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': boardChangesPk(boardId), ':prefix': 'board#' },
      ConsistentRead: true,
    });
    return items.map(({ PK: _pk, SK: _sk, type: _type, ...event }) => event as unknown as BoardEvent);
  }

  /** A board event, appended to the board's own audit partition; the version it produced keeps its sort key unique. */
  private eventItem(boardId: string, event: BoardEvent): NamedItem<'event'> {
    return {
      name: 'event',
      item: {
        Put: {
          TableName: this.tableName,
          Item: { PK: boardChangesPk(boardId), SK: auditSk('board', event.at, event.version), type: 'boardEvent', ...event },
          ConditionExpression: 'attribute_not_exists(SK)',
        },
      },
    };
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

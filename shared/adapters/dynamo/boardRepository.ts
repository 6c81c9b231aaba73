import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './queryAll';
import { BoardChanged, type BoardRepository, type StoredBoard } from '../../ports/boardRepository';
import { isConditionFailure } from './conditional';
import { boardKey, boardListIndex } from './keys';

export class DynamoBoardRepository implements BoardRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(boardId: string): Promise<StoredBoard | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: boardKey(boardId), ConsistentRead: true }));
    return Item ? toBoard(Item) : undefined;
  }

  async save(board: StoredBoard, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...boardKey(board.boardId), ...boardListIndex(board.boardId), type: 'board', ...board },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
          ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new BoardChanged(board.boardId);
      }
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
}

function toBoard(item: Record<string, unknown>): StoredBoard {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, type: _type, ...board } = item;
  return board as unknown as StoredBoard;
}

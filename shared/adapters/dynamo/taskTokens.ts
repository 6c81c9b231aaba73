import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DocumentAddress } from '../../ports/documentStore';
import type { TaskTokens, TaskWait } from '../../ports/taskTokens';
import { isConditionFailure } from './conditional';
import { documentKey } from './keys';

/** Tokens sit on the document item itself, so that a commit can check and consume one in its transaction. */
export class DynamoTaskTokens implements TaskTokens {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async register(address: DocumentAddress, wait: TaskWait): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: documentKey(address.year, address.boardId, address.kind),
          UpdateExpression: 'SET taskToken = :token, waitingFor = :waitingFor',
          ConditionExpression: '#status = :awaited AND submissions = :round',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':token': wait.token,
            ':waitingFor': { step: wait.step, round: wait.round },
            ':awaited': wait.awaitedStatus,
            ':round': wait.round,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}

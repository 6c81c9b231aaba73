import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NotReady, type Readiness } from '../../ports/readiness';

/** Ready once one key read on the table succeeds (the item need not exist). */
export class DynamoTableReadiness implements Readiness {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async check(): Promise<void> {
    try {
      await this.db.send(new GetCommand({ TableName: this.tableName, Key: { PK: 'HEALTH', SK: 'HEALTH' } }));
    } catch {
      throw new NotReady('The table cannot be reached yet; try again in a few seconds.');
    }
  }
}

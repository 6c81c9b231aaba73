import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, AuditLog } from '../../ports/auditLog';
import type { DocumentAddress } from '../../ports/documentStore';
import { queryAll } from './queryAll';
import { boardAuditPk } from './keys';

export class DynamoAuditLog implements AuditLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async documentHistory(address: DocumentAddress): Promise<AuditEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': boardAuditPk(address.year, address.boardId), ':prefix': `${address.kind}#` },
      ConsistentRead: true,
    });
    return items.map(({ PK: _pk, SK: _sk, type: _type, ...event }) => event as unknown as AuditEvent);
  }
}

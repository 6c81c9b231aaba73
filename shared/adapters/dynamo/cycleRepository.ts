import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Conflict, PreconditionFailed } from '../../domain/errors';
import type { CycleEvent, CycleRepository, PeriodRecord, StoredCouncilGoals, StoredCycle } from '../../ports/cycleRepository';
import { cancellationCodes, isConditionFailure } from './conditional';
import { queryAll } from './queryAll';
import { auditSk, councilGoalsKey, cycleAuditPk, cycleKey } from './keys';

export class DynamoCycleRepository implements CycleRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(year: number): Promise<StoredCycle | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cycleKey(year), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as StoredCycle) : undefined;
  }

  async create(cycle: StoredCycle): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...cycleKey(cycle.year), GSI1PK: 'CYCLES', GSI1SK: String(cycle.year), type: 'cycle', ...cycle },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async update(cycle: StoredCycle, expectedVersion: number, event: CycleEvent): Promise<void> {
    const key = cycleKey(cycle.year);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...key, GSI1PK: 'CYCLES', GSI1SK: String(cycle.year), type: 'cycle', ...cycle },
                ConditionExpression: 'version = :expected AND #state = :open',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':expected': expectedVersion, ':open': 'open' },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { PK: cycleAuditPk(cycle.year), SK: auditSk('cycle', event.at, cycle.version), type: 'cycleEvent', ...event },
                ConditionExpression: 'attribute_not_exists(SK)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new PreconditionFailed(`The ${cycle.year} cycle was changed (or signed off) meanwhile; read it again and repeat your change.`);
      }
      throw error;
    }
  }

  async events(year: number): Promise<CycleEvent[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': cycleAuditPk(year), ':prefix': 'cycle#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => strip(item) as unknown as CycleEvent);
  }

  async list(): Promise<StoredCycle[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': 'CYCLES' },
    });
    return items.map((item) => strip(item) as unknown as StoredCycle).sort((a, b) => a.year - b.year);
  }

  async recordPeriod(year: number, kind: string, fields: Omit<PeriodRecord, 'kind'>): Promise<void> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: cycleKey(year).PK, SK: `PERIOD#${kind}` },
        UpdateExpression: `SET #kind = :kind, #type = :type${entries.map(([name]) => `, #${name} = :${name}`).join('')}`,
        ExpressionAttributeNames: { '#kind': 'kind', '#type': 'type', ...Object.fromEntries(entries.map(([name]) => [`#${name}`, name])) },
        ExpressionAttributeValues: { ':kind': kind, ':type': 'period', ...Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])) },
      }),
    );
  }

  async periods(year: number): Promise<PeriodRecord[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': cycleKey(year).PK, ':prefix': 'PERIOD#' },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => strip(item) as unknown as PeriodRecord);
  }

  async getCouncilGoals(year: number): Promise<StoredCouncilGoals | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: councilGoalsKey(year), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as StoredCouncilGoals) : undefined;
  }

  async replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number): Promise<void> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // The approval of a plan increments approvedPlans on the cycle in its own transaction, so this check and
              // an approval can never interleave.
              ConditionCheck: {
                TableName: this.tableName,
                Key: cycleKey(year),
                ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(approvedPlans) OR approvedPlans = :zero) AND #state = :open',
                ExpressionAttributeNames: { '#state': 'state' },
                ExpressionAttributeValues: { ':zero': 0, ':open': 'open' },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: { ...councilGoalsKey(year), type: 'councilGoals', ...goals },
                ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
                ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
              },
            },
          ],
        }),
      );
    } catch (error) {
      const [cycleCode, goalsCode] = cancellationCodes(error);
      if (cycleCode === 'ConditionalCheckFailed') {
        throw new Conflict(`A plan of ${year} has been approved (or the year is signed off) meanwhile, so the council goals can no longer be replaced.`);
      }
      if (goalsCode === 'ConditionalCheckFailed') {
        throw new PreconditionFailed(`The council goals of ${year} were changed by someone else meanwhile. Read them again and repeat your change.`);
      }
      throw error;
    }
  }
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, type: _type, ...rest } = item;
  return rest;
}

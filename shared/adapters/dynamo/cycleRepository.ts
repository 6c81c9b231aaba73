import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  CouncilGoalsRefused,
  CycleChanged,
  type CycleEvent,
  type CycleRepository,
  type CycleSettingName,
  type CycleSettings,
  SettingRefused,
  type PeriodRecord,
  type StoredCouncilGoals,
  type StoredCycle,
} from '../../ports/cycleRepository';
import { queryAll } from './queryAll';
import { councilGoalsKey, cycleAuditPk, cycleKey, cycleSettingKey } from './keys';
import { TransactionRefused, transactWrite, type NamedItem } from './transaction';

/** Fields a change of the cycle may take away (the others are always there). */
const optionalCycleFields = ['reviewerContacts', 'updatedAt', 'signedOffAt', 'signedOffBy', 'signoff'] as const satisfies ReadonlyArray<keyof StoredCycle>;

export class DynamoCycleRepository implements CycleRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(year: number): Promise<StoredCycle | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cycleKey(year), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as StoredCycle) : undefined;
  }

  async create(cycle: StoredCycle, event: CycleEvent): Promise<boolean> {
    return this.putCycle(cycle, event, { ConditionExpression: 'attribute_not_exists(PK)' });
  }

  async update(cycle: StoredCycle, expectedVersion: number, event: CycleEvent): Promise<void> {
    // Set field by field: the approved-plans counter is counted by document commits without a version of its own,
    // so writing the whole item back would undo an approval counted since the read.
    const names: Record<string, string> = { '#state': 'state' };
    const values: Record<string, unknown> = { ':expected': expectedVersion, ':open': 'open' };
    const sets: string[] = [];
    for (const [field, value] of Object.entries(cycle)) {
      if (value === undefined || field === 'approvedPlans' || field === 'summaryChunks' || field === 'year') continue;
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const removes = optionalCycleFields.filter((field) => cycle[field] === undefined);
    for (const field of removes) names[`#${field}`] = field;
    try {
      await transactWrite(this.db, [
        {
          name: 'cycle',
          item: {
            Update: {
              TableName: this.tableName,
              Key: cycleKey(cycle.year),
              UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.map((field) => `#${field}`).join(', ')}` : ''}`,
              ConditionExpression: 'version = :expected AND #state = :open',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
        },
        this.eventItem(cycle.year, event, `cycle#${String(cycle.version).padStart(6, '0')}`),
      ]);
    } catch (error) {
      if (error instanceof TransactionRefused && error.failed.has('cycle')) throw new CycleChanged(cycle.year);
      throw error;
    }
  }

  /**
   * The cycle's new state and its audit event, in one transaction. False when the cycle's own condition refused
   * it; any other refusal or failure is thrown.
   */
  private async putCycle(
    cycle: StoredCycle,
    event: CycleEvent,
    condition: { ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> },
  ): Promise<boolean> {
    try {
      await transactWrite(this.db, [
        {
          name: 'cycle',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...cycleKey(cycle.year), GSI1PK: 'CYCLES', GSI1SK: String(cycle.year), type: 'cycle', ...cycle },
              ...condition,
            },
          },
        },
        this.eventItem(cycle.year, event, `cycle#${String(cycle.version).padStart(6, '0')}`),
      ]);
      return true;
    } catch (error) {
      if (error instanceof TransactionRefused && error.failed.has('cycle')) return false;
      throw error;
    }
  }

  /**
   * A cycle event, appended to the cycle's audit partition. `what` makes the sort key unique per change: the
   * cycle's version it produced, or the council goals' version.
   */
  private eventItem(year: number, event: CycleEvent, what: string): NamedItem<'event'> {
    return {
      name: 'event',
      item: {
        Put: {
          TableName: this.tableName,
          Item: { PK: cycleAuditPk(year), SK: `cycle#${event.at}#${what}`, type: 'cycleEvent', ...event },
          ConditionExpression: 'attribute_not_exists(SK)',
        },
      },
    };
  }

  async events(year: number): Promise<CycleEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': cycleAuditPk(year), ':prefix': 'cycle#' },
      ConsistentRead: true,
    });
    return items.map((item) => strip(item) as unknown as CycleEvent);
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

  async replaceCouncilGoals(year: number, goals: StoredCouncilGoals, expectedVersion: number, event: CycleEvent): Promise<void> {
    try {
      await transactWrite(this.db, [
        {
          // The approval of a plan increments approvedPlans on the cycle in its own transaction, so this check and
          // an approval can never interleave.
          name: 'cycle',
          item: {
            ConditionCheck: {
              TableName: this.tableName,
              Key: cycleKey(year),
              ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(approvedPlans) OR approvedPlans = :zero) AND #state = :open',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':zero': 0, ':open': 'open' },
            },
          },
        },
        {
          name: 'goals',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...councilGoalsKey(year), type: 'councilGoals', ...goals },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
              ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
            },
          },
        },
        this.eventItem(year, event, `goals#${String(goals.version).padStart(6, '0')}`),
      ]);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      throw new CouncilGoalsRefused(error.failed.has('cycle') ? 'cycle' : 'goals');
    }
  }

  async getSetting<N extends CycleSettingName>(year: number, name: N): Promise<CycleSettings[N] | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: cycleSettingKey(year, name), ConsistentRead: true }));
    return Item ? (strip(Item) as unknown as CycleSettings[N]) : undefined;
  }

  async replaceSetting<N extends CycleSettingName>(year: number, name: N, value: CycleSettings[N], expectedVersion: number, event: CycleEvent): Promise<void> {
    try {
      await transactWrite(this.db, [
        {
          name: 'cycle',
          item: {
            ConditionCheck: {
              TableName: this.tableName,
              Key: cycleKey(year),
              ConditionExpression: 'attribute_exists(PK) AND #state = :open',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':open': 'open' },
            },
          },
        },
        {
          name: 'setting',
          item: {
            Put: {
              TableName: this.tableName,
              Item: { ...cycleSettingKey(year, name), type: 'cycleSetting', ...value },
              ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :expected',
              ExpressionAttributeValues: expectedVersion === 0 ? undefined : { ':expected': expectedVersion },
            },
          },
        },
        this.eventItem(year, event, `${name}#${String(value.version).padStart(6, '0')}`),
      ]);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      throw new SettingRefused(name, error.failed.has('cycle') ? 'cycle' : 'version');
    }
  }
}

function strip(item: Record<string, unknown>): Record<string, unknown> {
  const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, type: _type, ...rest } = item;
  return rest;
}

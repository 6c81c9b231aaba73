import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { parseExecutionArn } from './arns';
import type { StoredEvent } from './history';

/**
 * The emulator's own table (pk/sk strings):
 *   SM#<state machine arn>  / EXEC#<name>   one execution, with its checkpoint and suspension
 *   HIST#<execution arn>    / EV#<id>       one history event
 *   TOKEN#<sha256(token)>   / TOKEN         one task token (never the raw token)
 */

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';

export interface Checkpoint {
  /** The top-level state last entered, and its raw input (before InputPath/Parameters) as JSON. */
  state: string;
  input: string;
  /** Counts top-level state entries; tells a suspension of this entry from one of an earlier visit. */
  seq: number;
}

export type Suspension =
  | { kind: 'token'; state: string; seq: number; tokenHash: string }
  | { kind: 'wait'; state: string; seq: number; until: number };

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  input: string;
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  /** Execution-level TimeoutSeconds, as an instant on the local clock. */
  deadline?: number;
  eventCount: number;
  checkpoint?: Checkpoint;
  suspension?: Suspension;
}

export type TokenOutcome =
  | { kind: 'success'; output: string }
  | { kind: 'failure'; error?: string; cause?: string }
  | { kind: 'timeout'; reason: 'timeout' | 'heartbeat' };

export interface TokenRecord {
  hash: string;
  executionArn: string;
  state: string;
  seq: number;
  topLevel: boolean;
  deadline?: number;
  heartbeatSeconds?: number;
  heartbeatDeadline?: number;
  outcome?: TokenOutcome;
}

export interface CloseExecution {
  status: Exclude<ExecutionStatus, 'RUNNING'>;
  stopDate: number;
  output?: string;
  error?: string;
  cause?: string;
}

const pad = (id: number) => String(id).padStart(9, '0');

function executionKey(executionArn: string): { pk: string; sk: string } {
  const parsed = parseExecutionArn(executionArn);
  if (!parsed) throw new Error(`Not an execution ARN: ${executionArn}`);
  return { pk: `SM#${parsed.stateMachineArn}`, sk: `EXEC#${parsed.name}` };
}

const tokenKey = (hash: string) => ({ pk: `TOKEN#${hash}`, sk: 'TOKEN' });
const eventItem = (executionArn: string, event: StoredEvent) => ({
  pk: `HIST#${executionArn}`,
  sk: `EV#${pad(event.id)}`,
  event: JSON.stringify(event),
});

/** A failed condition, as opposed to a transaction conflict or any other error (which are rethrown). */
function isConditionFailure(error: unknown): boolean {
  const { name, CancellationReasons } = (error ?? {}) as { name?: string; CancellationReasons?: Array<{ Code?: string }> };
  if (name === 'ConditionalCheckFailedException') return true;
  return name === 'TransactionCanceledException' && (CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');
}

export class SfnStore {
  private readonly doc: DynamoDBDocumentClient;

  constructor(
    private readonly dynamo: DynamoDBClient,
    private readonly tableName: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  }

  async ensureTable(): Promise<void> {
    try {
      await this.dynamo.send(new DescribeTableCommand({ TableName: this.tableName }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    try {
      await this.dynamo.send(
        new CreateTableCommand({
          TableName: this.tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
  }

  /** Creates the execution with its ExecutionStarted event; returns the existing record if the name is taken. */
  async createExecution(record: ExecutionRecord, started: StoredEvent): Promise<ExecutionRecord | undefined> {
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...executionKey(record.executionArn), kind: 'execution', ...record },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: this.tableName, Item: eventItem(record.executionArn, started) } },
          ],
        }),
      );
      return undefined;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.getExecution(record.executionArn);
      if (!existing) throw error;
      return existing;
    }
  }

  async getExecution(executionArn: string): Promise<ExecutionRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: executionKey(executionArn), ConsistentRead: true }));
    return Item ? toExecution(Item) : undefined;
  }

  async listExecutions(stateMachineArn: string): Promise<ExecutionRecord[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :exec)',
      ExpressionAttributeValues: { ':pk': `SM#${stateMachineArn}`, ':exec': 'EXEC#' },
    });
    return items.map(toExecution);
  }

  async runningExecutions(): Promise<ExecutionRecord[]> {
    const records: ExecutionRecord[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(
        new ScanCommand({
          TableName: this.tableName,
          FilterExpression: '#kind = :kind AND #status = :running',
          ExpressionAttributeNames: { '#kind': 'kind', '#status': 'status' },
          ExpressionAttributeValues: { ':kind': 'execution', ':running': 'RUNNING' },
          ExclusiveStartKey: startKey,
          ConsistentRead: true,
        }),
      );
      records.push(...(page.Items ?? []).map(toExecution));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return records;
  }

  /**
   * Appends history events and records how many there are and (when given) the new checkpoint, in one
   * transaction when they fit (as they nearly always do), so history and checkpoint never disagree.
   */
  async saveProgress(executionArn: string, events: StoredEvent[], eventCount: number, checkpoint?: Checkpoint): Promise<void> {
    const overflow = Math.max(0, events.length - 99);
    for (let start = 0; start < overflow; start += 25) {
      let requests: Record<string, unknown>[] | undefined = events
        .slice(start, Math.min(start + 25, overflow))
        .map((event) => ({ PutRequest: { Item: eventItem(executionArn, event) } }));
      while (requests && requests.length > 0) {
        const result = await this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: requests } }));
        requests = result.UnprocessedItems?.[this.tableName] as Record<string, unknown>[] | undefined;
      }
    }
    // A new checkpoint ends whatever the previous top-level state was suspended on.
    const names: Record<string, string> = { '#n': 'eventCount' };
    const values: Record<string, unknown> = { ':n': eventCount };
    if (checkpoint) {
      names['#c'] = 'checkpoint';
      names['#s'] = 'suspension';
      values[':c'] = checkpoint;
    }
    const update = {
      Update: {
        TableName: this.tableName,
        Key: executionKey(executionArn),
        UpdateExpression: checkpoint ? 'SET #n = :n, #c = :c REMOVE #s' : 'SET #n = :n',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
    const puts = events.slice(overflow).map((event) => ({ Put: { TableName: this.tableName, Item: eventItem(executionArn, event) } }));
    await this.doc.send(new TransactWriteCommand({ TransactItems: [...puts, update] }));
  }

  /** Records what a top-level state waits on (with its token, if any); false if the execution is closed. */
  async setSuspension(executionArn: string, suspension: Suspension, token?: TokenRecord): Promise<boolean> {
    const update = {
      Update: {
        TableName: this.tableName,
        Key: executionKey(executionArn),
        UpdateExpression: 'SET #suspension = :s',
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status', '#suspension': 'suspension' },
        ExpressionAttributeValues: { ':s': suspension, ':running': 'RUNNING' },
      },
    };
    const items = token ? [{ Put: { TableName: this.tableName, Item: tokenItem(token) } }, update] : [update];
    try {
      await this.doc.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async putToken(token: TokenRecord): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.tableName, Item: tokenItem(token) }));
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: tokenKey(hash), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      hash,
      executionArn: Item.executionArn,
      state: Item.state,
      seq: Item.seq,
      topLevel: Item.topLevel,
      deadline: Item.deadline,
      heartbeatSeconds: Item.heartbeatSeconds,
      heartbeatDeadline: Item.heartbeatDeadline,
      outcome: Item.outcome ? (JSON.parse(Item.outcome) as TokenOutcome) : undefined,
    };
  }

  /** Settles a token once; false if it was already settled (or never existed). */
  async settleToken(hash: string, outcome: TokenOutcome): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: tokenKey(hash),
          UpdateExpression: 'SET #outcome = :o',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#outcome)',
          ExpressionAttributeNames: { '#outcome': 'outcome' },
          ExpressionAttributeValues: { ':o': JSON.stringify(outcome) },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async heartbeatToken(hash: string, heartbeatDeadline: number): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: tokenKey(hash),
          UpdateExpression: 'SET #deadline = :d',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#outcome)',
          ExpressionAttributeNames: { '#deadline': 'heartbeatDeadline', '#outcome': 'outcome' },
          ExpressionAttributeValues: { ':d': heartbeatDeadline },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** Closes a RUNNING execution with its final event; false if it was no longer running. */
  async closeExecution(executionArn: string, close: CloseExecution, event: StoredEvent): Promise<boolean> {
    // Attribute names are aliased throughout: `output` and friends are DynamoDB reserved words.
    const names: Record<string, string> = { '#status': 'status', '#stopDate': 'stopDate', '#eventCount': 'eventCount', '#suspension': 'suspension' };
    const values: Record<string, unknown> = { ':status': close.status, ':stop': close.stopDate, ':n': event.id, ':running': 'RUNNING' };
    const sets = ['#status = :status', '#stopDate = :stop', '#eventCount = :n'];
    for (const field of ['output', 'error', 'cause'] as const) {
      if (close[field] !== undefined) {
        sets.push(`#${field} = :${field}`);
        names[`#${field}`] = field;
        values[`:${field}`] = close[field];
      }
    }
    try {
      await this.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.tableName,
                Key: executionKey(executionArn),
                UpdateExpression: `SET ${sets.join(', ')} REMOVE #suspension`,
                ConditionExpression: '#status = :running',
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: values,
              },
            },
            { Put: { TableName: this.tableName, Item: eventItem(executionArn, event) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async history(executionArn: string): Promise<StoredEvent[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `HIST#${executionArn}` },
    });
    return items.map((item) => JSON.parse(item.event as string) as StoredEvent);
  }

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey, ConsistentRead: true }));
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}

function tokenItem(token: TokenRecord): Record<string, unknown> {
  const { hash, outcome, ...rest } = token;
  return { ...tokenKey(hash), kind: 'token', ...rest, outcome: outcome ? JSON.stringify(outcome) : undefined };
}

function toExecution(item: Record<string, unknown>): ExecutionRecord {
  const { pk: _pk, sk: _sk, kind: _kind, ...record } = item;
  return record as unknown as ExecutionRecord;
}

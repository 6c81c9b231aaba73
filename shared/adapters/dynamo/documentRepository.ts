import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { DocumentKind, DocumentStatus } from '../../schemas/common';
import {
  CommitRefused,
  type AuditEvent,
  type DocumentChange,
  type DocumentRecord,
  type DocumentRepository,
  type PendingWorkflowAction,
  type WorkflowAction,
  type StoredDocument,
  type StoredResponse,
} from '../../ports/documentRepository';
import { cancellationCodes, isConditionFailure } from './conditional';
import { queryAll } from './queryAll';
import { auditSk, boardAuditPk, cycleKey, documentKey, idempotencyKey, reviewQueueIndex, yearDocumentsIndex } from './keys';

const PENDING_ACTIONS = 'PENDING_WORKFLOW_ACTIONS';
/** Key of a workflow action waiting to be delivered. */
const pendingActionKey = (doc: { year: number; boardId: string; kind: string; version: number }) => ({
  PK: PENDING_ACTIONS,
  SK: `${doc.year}#${doc.boardId}#${doc.kind}#${String(doc.version).padStart(6, '0')}`,
});
/** Idempotency records are kept a day: long enough for any client retry. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

const documentFields = [
  'year', 'boardId', 'kind', 'status', 'version', 'content', 'findings', 'comments', 'submissions',
  'submittedAt', 'submittedContent', 'previousSubmission', 'updatedAt', 'updatedBy', 'workflow',
] as const satisfies ReadonlyArray<keyof StoredDocument>;

export class DynamoDocumentRepository implements DocumentRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(year: number, boardId: string, kind: DocumentKind): Promise<DocumentRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: documentKey(year, boardId, kind), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      document: pickDocument(Item),
      taskToken: Item.taskToken as string | undefined,
      waitingFor: Item.waitingFor as DocumentRecord['waitingFor'],
    };
  }

  async commit(change: DocumentChange): Promise<void> {
    const { next, event } = change;
    const key = documentKey(next.year, next.boardId, next.kind);
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    const removes: string[] = [];
    const fields: Record<string, unknown> = { ...yearDocumentsIndex(next.year, next.boardId, next.kind), type: 'document' };
    for (const field of documentFields) fields[field] = next[field];
    if (next.status === 'in_review' && next.submittedAt) {
      Object.assign(fields, reviewQueueIndex(next.submittedAt, next.year, next.boardId, next.kind));
    } else {
      removes.push('GSI2PK', 'GSI2SK');
    }
    for (const [name, value] of Object.entries(fields)) {
      if (value === undefined) {
        removes.push(name);
        continue;
      }
      names[`#${name}`] = name;
      values[`:${name}`] = value;
      sets.push(`#${name} = :${name}`);
    }
    if (change.consumeToken) removes.push('taskToken', 'waitingFor');
    const conditions = [change.expectedVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :expectedVersion'];
    if (change.expectedVersion !== 0) values[':expectedVersion'] = change.expectedVersion;
    if (change.seenToken !== undefined) {
      if (change.seenToken === null) conditions.push('attribute_not_exists(taskToken)');
      else {
        conditions.push('taskToken = :seenToken');
        values[':seenToken'] = change.seenToken;
      }
    }
    const removeNames = removes.map((name) => {
      names[`#r_${name}`] = name;
      return `#r_${name}`;
    });

    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: `SET ${sets.join(', ')}${removeNames.length ? ` REMOVE ${removeNames.join(', ')}` : ''}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      {
        Put: {
          TableName: this.tableName,
          Item: { PK: boardAuditPk(next.year, next.boardId), SK: auditSk(next.kind, event.at, next.version), type: 'event', ...event },
          ConditionExpression: 'attribute_not_exists(SK)',
        },
      },
      change.countsApprovedPlan
        ? {
            Update: {
              TableName: this.tableName,
              Key: cycleKey(next.year),
              UpdateExpression: 'ADD approvedPlans :one',
              ConditionExpression: '#state = :open',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':one': 1, ':open': 'open' },
            },
          }
        : {
            ConditionCheck: {
              TableName: this.tableName,
              Key: cycleKey(next.year),
              ConditionExpression: '#state = :open',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':open': 'open' },
            },
          },
    ];
    if (change.idempotency) {
      const { actorSub, key: idempotencyKeyValue, fingerprint, response } = change.idempotency;
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...idempotencyKey(actorSub, idempotencyKeyValue),
            type: 'idempotency',
            fingerprint,
            response,
            expiresAt: Math.floor(Date.parse(event.at) / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      });
    }
    if (change.workflowAction) {
      items.push({
        Put: {
          TableName: this.tableName,
          Item: {
            ...pendingActionKey(next),
            type: 'pendingWorkflowAction',
            year: next.year,
            boardId: next.boardId,
            kind: next.kind,
            version: next.version,
            action: change.workflowAction,
          },
        },
      });
    }

    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const codes = cancellationCodes(error);
      if (codes[3] === 'ConditionalCheckFailed' && change.idempotency) throw new CommitRefused('idempotency');
      if (codes[0] === 'ConditionalCheckFailed') throw new CommitRefused('document');
      if (codes[2] === 'ConditionalCheckFailed') throw new CommitRefused('cycle');
      throw new CommitRefused('document');
    }
  }

  async listYear(year: number): Promise<StoredDocument[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': `YEAR#${year}#DOCS` },
    });
    return items.map(pickDocument);
  }

  async reviewQueue(): Promise<StoredDocument[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': 'QUEUE#in_review' },
      ScanIndexForward: true,
    });
    return items.map(pickDocument);
  }

  async history(year: number, boardId: string, kind: DocumentKind): Promise<AuditEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': boardAuditPk(year, boardId), ':prefix': `${kind}#` },
      ConsistentRead: true,
    });
    return items.map(({ PK: _pk, SK: _sk, type: _type, ...event }) => event as unknown as AuditEvent);
  }

  async getIdempotent(actorSub: string, key: string): Promise<{ fingerprint: string; response: StoredResponse } | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(actorSub, key), ConsistentRead: true }));
    return Item ? { fingerprint: Item.fingerprint as string, response: Item.response as StoredResponse } : undefined;
  }

  async rememberIdempotent(actorSub: string, key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...idempotencyKey(actorSub, key),
            type: 'idempotency',
            fingerprint,
            response,
            expiresAt: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async registerTaskToken(
    year: number,
    boardId: string,
    kind: DocumentKind,
    wait: { token: string; step: 'review' | 'resubmission'; round: number; awaitedStatus: DocumentStatus },
  ): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: documentKey(year, boardId, kind),
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

  async recordWorkflow(year: number, boardId: string, kind: DocumentKind, fields: Partial<Pick<StoredDocument, 'workflow' | 'findings'>>): Promise<void> {
    const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: documentKey(year, boardId, kind),
        UpdateExpression: `SET ${entries.map(([name]) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
      }),
    );
  }

  async pendingWorkflowActions(): Promise<PendingWorkflowAction[]> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': PENDING_ACTIONS },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((item) => ({
      year: item.year as number,
      boardId: item.boardId as string,
      kind: item.kind as DocumentKind,
      version: item.version as number,
      action: item.action as WorkflowAction,
    }));
  }

  async clearWorkflowAction(pending: Pick<PendingWorkflowAction, 'year' | 'boardId' | 'kind' | 'version'>): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: pendingActionKey(pending) }));
  }
}

function pickDocument(item: Record<string, unknown>): StoredDocument {
  const document: Record<string, unknown> = {};
  for (const field of documentFields) if (item[field] !== undefined) document[field] = item[field];
  return document as unknown as StoredDocument;
}

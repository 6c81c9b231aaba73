import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../../ports/clock';
import { CommitRefused, type DocumentAddress, type DocumentChange, type DocumentRecord, type DocumentStore, type StoredDocument } from '../../ports/documentStore';
import type { DocumentKind } from '../../schemas/common';
import { idempotencyItem } from './idempotencyStore';
import type { ApprovedFigures, DocumentStatusEntry } from '../../domain/summary';
import { auditSk, boardAuditPk, boardYearPk, cycleKey, documentKey, reviewQueueIndex } from './keys';
import { TransactionRefused, transactWrite, type NamedItem } from './transaction';
import { pendingActionItem } from './workflowOutbox';
import { YearSummaryTable, type SummaryItem } from './yearSummary';
import { RollupItems } from './rollupItems';
import type { UnitFigures } from '../../domain/rollup';

const documentFields = [
  'year', 'boardId', 'kind', 'status', 'version', 'content', 'findings', 'comments', 'submissions',
  'submittedAt', 'submittedContent', 'previousSubmission', 'updatedAt', 'updatedBy', 'workflow', 'parentId',
] as const satisfies ReadonlyArray<keyof StoredDocument>;

/** The items of a document commit, by what each stands for. */
type CommitItem = 'document' | 'audit' | 'cycle' | 'idempotency' | 'outbox' | 'rollup' | SummaryItem;

export class DynamoDocumentStore implements DocumentStore {
  private readonly summary: YearSummaryTable;
  private readonly rollups: RollupItems;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {
    this.summary = new YearSummaryTable(db, tableName);
    this.rollups = new RollupItems(db, tableName);
  }

  async get(year: number, boardId: string, kind: DocumentKind): Promise<DocumentRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: documentKey(year, boardId, kind), ConsistentRead: true }));
    if (!Item) return undefined;
    return {
      document: pickDocument(Item),
      taskToken: Item.taskToken as string | undefined,
      waitingFor: Item.waitingFor as DocumentRecord['waitingFor'],
    };
  }

  /** One query on the board's year partition, for its first document only (Limit 1 on the key: at most one item read). */
  async hasDocuments(year: number, boardId: string): Promise<boolean> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :doc)',
        ExpressionAttributeValues: { ':pk': boardYearPk(year, boardId), ':doc': 'DOC#' },
        ProjectionExpression: 'PK',
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return (Items?.length ?? 0) > 0;
  }

  statuses(year: number): Promise<DocumentStatusEntry[]> {
    return this.summary.statuses(year);
  }

  approvedFigures(year: number): Promise<ApprovedFigures[]> {
    return this.summary.approvedFigures(year);
  }

  unitFigures(year: number, parentId: string, kind: 't1' | 't2' | 'annual'): Promise<UnitFigures[] | undefined> {
    return this.rollups.unitFigures(year, parentId, kind);
  }

  async commit(change: DocumentChange): Promise<void> {
    const { next, event } = change;
    const items: NamedItem<CommitItem>[] = [
      { name: 'document', item: { Update: { TableName: this.tableName, ...documentUpdate(change) } } },
      {
        name: 'audit',
        item: {
          Put: {
            TableName: this.tableName,
            Item: { PK: boardAuditPk(next.year, next.boardId), SK: auditSk(next.kind, event.at, next.version), type: 'event', ...event },
            ConditionExpression: 'attribute_not_exists(SK)',
          },
        },
      },
      {
        name: 'cycle',
        item: change.countsApprovedPlan
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
      },
    ];
    items.push(...(await this.summary.itemsFor(change)));
    items.push(...this.rollups.itemsFor(change));
    if (change.idempotency) {
      items.push({
        name: 'idempotency',
        item: { Put: { TableName: this.tableName, Item: idempotencyItem(change.idempotency, this.clock.now()), ConditionExpression: 'attribute_not_exists(PK)' } },
      });
    }
    if (change.workflowAction) {
      const address = { year: next.year, boardId: next.boardId, kind: next.kind };
      items.push({ name: 'outbox', item: { Put: { TableName: this.tableName, Item: pendingActionItem({ ...address, version: next.version, action: change.workflowAction }) } } });
    }

    try {
      await transactWrite(this.db, items);
    } catch (error) {
      if (!(error instanceof TransactionRefused)) throw error;
      const failed = error.failed as ReadonlySet<CommitItem>;
      // An answered key wins: the caller gets that answer, whatever else changed since.
      if (failed.has('idempotency')) throw new CommitRefused('idempotency');
      if (failed.has('cycle') && !failed.has('document')) throw new CommitRefused('cycle');
      throw new CommitRefused('document');
    }
  }

  async recordWorkflow(address: DocumentAddress, fields: Partial<Pick<StoredDocument, 'workflow' | 'findings'>>): Promise<void> {
    const entries: Array<[string, unknown]> = Object.entries(fields).filter(([, value]) => value !== undefined);
    if (entries.length === 0) return;
    // The review queue's index shows the count, not the findings.
    if (fields.findings) entries.push(['findingsCount', fields.findings.length]);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: documentKey(address.year, address.boardId, address.kind),
        UpdateExpression: `SET ${entries.map(([name]) => `#${name} = :${name}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name]) => [`#${name}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([name, value]) => [`:${name}`, value])),
      }),
    );
  }
}

/** The conditional update of the document item: its fields, its index entries and its token change. */
function documentUpdate(change: DocumentChange) {
  const { next } = change;
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  const fields: Record<string, unknown> = { type: 'document', findingsCount: next.findings.length };
  for (const field of documentFields) fields[field] = next[field];
  // The review queue's index entry exists only while the document is in review.
  if (next.status === 'in_review' && next.submittedAt) Object.assign(fields, reviewQueueIndex(next.submittedAt, next.year, next.boardId, next.kind));
  else removes.push('GSI2PK', 'GSI2SK');
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
  if (change.seenToken === null) conditions.push('attribute_not_exists(taskToken)');
  else if (change.seenToken !== undefined) {
    conditions.push('taskToken = :seenToken');
    values[':seenToken'] = change.seenToken;
  }
  const removeNames = removes.map((name) => {
    names[`#r_${name}`] = name;
    return `#r_${name}`;
  });
  return {
    Key: documentKey(next.year, next.boardId, next.kind),
    UpdateExpression: `SET ${sets.join(', ')}${removeNames.length ? ` REMOVE ${removeNames.join(', ')}` : ''}`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** The document's own fields of a stored item (no keys, no token). */
export function pickDocument(item: Record<string, unknown>): StoredDocument {
  const document: Record<string, unknown> = {};
  for (const field of documentFields) if (item[field] !== undefined) document[field] = item[field];
  return document as unknown as StoredDocument;
}

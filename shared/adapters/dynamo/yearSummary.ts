import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { approvedFiguresOf, statusEntryOf, type ApprovedFigures, type DocumentStatusEntry } from '../../domain/summary';
import type { DocumentChange, StoredDocument } from '../../ports/documentStore';
import { documentKinds, type DocumentKind } from '../../schemas/common';
import { chunkOf, chunkSk, cycleKey, summaryAttribute, yearFiguresPk, yearStatusPk } from './keys';
import { queryAll } from './queryAll';
import type { NamedItem } from './transaction';

/**
 * The year's summary in the table: `CYCLE#<year>#STATUS` and `CYCLE#<year>#FIGURES`, each spread over the cycle's
 * `summaryChunks` items, one attribute per document (`d:<boardId>:<kind>`) holding its entry as compact JSON. A
 * commit sets (or removes) its document's attribute in the same transaction as the document: no read first, and two
 * boards' commits never overwrite each other's entries. Reading a year is one query per partition.
 */
export type SummaryItem = 'status' | 'figures';

type StatusValue = Omit<DocumentStatusEntry, 'boardId' | 'kind'>;
type FiguresValue = Omit<ApprovedFigures, 'boardId' | 'kind'>;

export class YearSummaryTable {
  /** A year's chunk count never changes once the year is open: read once per process. */
  private readonly chunks = new Map<number, Promise<number>>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The updates that keep the summary in step with `change`; none where an entry stays as it was. */
  async itemsFor(change: DocumentChange): Promise<NamedItem<SummaryItem>[]> {
    const { next, previous } = change;
    const items: NamedItem<SummaryItem>[] = [];
    const status = encode(statusValue(next));
    const wasStatus = previous ? encode(statusValue(previous)) : undefined;
    const figures = figuresValue(next);
    const wasFigures = previous ? figuresValue(previous) : undefined;
    const figuresChange = figures
      ? wasFigures && encode(wasFigures) === encode(figures)
        ? 'none'
        : 'set'
      : previous && !wasFigures
        ? 'none'
        : 'remove';
    if (status === wasStatus && figuresChange === 'none') return items;

    const chunk = chunkOf(next.boardId, await this.chunksOf(next.year));
    const attribute = summaryAttribute(next.boardId, next.kind);
    if (status !== wasStatus) {
      items.push({
        name: 'status',
        item: {
          Update: {
            TableName: this.tableName,
            Key: { PK: yearStatusPk(next.year), SK: chunkSk(chunk) },
            UpdateExpression: 'SET #entry = :entry',
            ExpressionAttributeNames: { '#entry': attribute },
            ExpressionAttributeValues: { ':entry': status },
          },
        },
      });
    }
    if (figuresChange !== 'none') {
      items.push({
        name: 'figures',
        item: {
          Update: {
            TableName: this.tableName,
            Key: { PK: yearFiguresPk(next.year), SK: chunkSk(chunk) },
            ...(figuresChange === 'set'
              ? { UpdateExpression: 'SET #entry = :entry', ExpressionAttributeValues: { ':entry': encode(figures!) } }
              : { UpdateExpression: 'REMOVE #entry' }),
            ExpressionAttributeNames: { '#entry': attribute },
          },
        },
      });
    }
    return items;
  }

  async statuses(year: number): Promise<DocumentStatusEntry[]> {
    return (await this.entries(yearStatusPk(year), true)).map(({ boardId, kind, value }) => ({ boardId, kind, ...(value as StatusValue) }));
  }

  async approvedFigures(year: number): Promise<ApprovedFigures[]> {
    return (await this.entries(yearFiguresPk(year), false)).map(({ boardId, kind, value }) => ({ boardId, kind, ...(value as FiguresValue) }) as ApprovedFigures);
  }

  private async entries(pk: string, consistent: boolean): Promise<Array<{ boardId: string; kind: DocumentKind; value: unknown }>> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ConsistentRead: consistent,
    });
    const entries: Array<{ boardId: string; kind: DocumentKind; value: unknown }> = [];
    for (const item of items) {
      for (const [name, value] of Object.entries(item)) {
        const match = /^d:(.+):([a-z0-9]+)$/.exec(name);
        if (!match || !(documentKinds as readonly string[]).includes(match[2]!)) continue;
        entries.push({ boardId: match[1]!, kind: match[2] as DocumentKind, value: JSON.parse(value as string) });
      }
    }
    return entries.sort((a, b) => (a.boardId === b.boardId ? documentKinds.indexOf(a.kind) - documentKinds.indexOf(b.kind) : a.boardId < b.boardId ? -1 : 1));
  }

  private chunksOf(year: number): Promise<number> {
    let known = this.chunks.get(year);
    if (!known) {
      known = this.db
        .send(new GetCommand({ TableName: this.tableName, Key: cycleKey(year), ProjectionExpression: 'summaryChunks, #state', ExpressionAttributeNames: { '#state': 'state' }, ConsistentRead: true }))
        .then(({ Item }) => {
          // No cycle: the commit's own condition refuses it; nothing to remember.
          if (!Item) this.chunks.delete(year);
          return typeof Item?.summaryChunks === 'number' ? Item.summaryChunks : 1;
        });
      // A failed read is not remembered: the next commit asks again.
      known.catch(() => this.chunks.delete(year));
      this.chunks.set(year, known);
    }
    return known;
  }
}

function statusValue(doc: StoredDocument): StatusValue {
  const { boardId: _b, kind: _k, ...value } = statusEntryOf(doc);
  return value;
}

function figuresValue(doc: StoredDocument): FiguresValue | undefined {
  const figures = approvedFiguresOf(doc);
  if (!figures) return undefined;
  const { boardId: _b, kind: _k, ...value } = figures;
  return value;
}

const encode = (value: object) => JSON.stringify(value);

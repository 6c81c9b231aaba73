import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batchGetAll';
import { rollupWrites, type UnitFigures } from '../../domain/rollup';
import type { DocumentChange } from '../../ports/documentStore';
import { rollupAttribute, rollupSk, yearRollupPk } from './keys';
import type { NamedItem } from './transaction';

/**
 * The parents' roll-up items in the table (keys.ts: `CYCLE#<year>#ROLLUP`, `PARENT#<parentId>#<kind>`): a unit
 * document's commit sets or removes its attribute in the same transaction, as the year's summary does, with no read
 * first; two units' commits never overwrite each other's entries. A report's roll-up reads two items.
 */
export class RollupItems {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The updates that keep the parents' roll-up items in step with `change`; none for a document that is no unit's. */
  itemsFor(change: DocumentChange): NamedItem<'rollup'>[] {
    return rollupWrites(change.next, change.previous, change.expectedVersion === 0).map(({ parentId, boardId, kind, figures }) => {
      const { boardId: _b, kind: _k, ...value } = figures ?? { boardId, kind };
      return {
        name: 'rollup',
        item: {
          Update: {
            TableName: this.tableName,
            Key: { PK: yearRollupPk(change.next.year), SK: rollupSk(parentId, kind) },
            ...(figures ? { UpdateExpression: 'SET #entry = :entry', ExpressionAttributeValues: { ':entry': JSON.stringify(value) } } : { UpdateExpression: 'REMOVE #entry' }),
            ExpressionAttributeNames: { '#entry': rollupAttribute(boardId, kind) },
          },
        },
      };
    });
  }

  async unitFigures(year: number, parentId: string, kind: 't1' | 't2' | 'annual'): Promise<UnitFigures[] | undefined> {
    // Eventually consistent, as the public figures: half the cost, and a roll-up may lag an approval by a moment.
    const keys = [{ PK: yearRollupPk(year), SK: rollupSk(parentId, 'plan') }, { PK: yearRollupPk(year), SK: rollupSk(parentId, kind) }];
    const items = await batchGetAll(this.db, this.tableName, keys, undefined, false);
    if (items.length === 0) return undefined;
    const figures: UnitFigures[] = [];
    for (const item of items) {
      for (const [name, value] of Object.entries(item)) {
        const match = /^u:(.+):([a-z0-9]+)$/.exec(name);
        if (!match) continue;
        figures.push({ boardId: match[1]!, kind: match[2], ...JSON.parse(value as string) } as UnitFigures);
      }
    }
    return figures.sort((a, b) => (a.boardId === b.boardId ? (a.kind === 'plan' ? -1 : 1) : a.boardId < b.boardId ? -1 : 1));
  }
}

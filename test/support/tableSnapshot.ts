import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localAwsConfig } from '../../local/dynamodb';

/**
 * The whole content of DynamoDB tables, for "nothing changed" assertions in tests (a Scan: fine in a
 * test, never in the application). Items are keyed by table and primary key, values canonically JSON-encoded.
 */
export type Snapshot = Map<string, string>;

export class TableSnapshots {
  private readonly db: DynamoDBDocumentClient;

  constructor(
    endpoint: string,
    private readonly tables: Array<{ name: string; key: [string, string] }>,
  ) {
    this.db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...localAwsConfig, endpoint }));
  }

  async take(): Promise<Snapshot> {
    const snapshot: Snapshot = new Map();
    const segments = 2;
    await Promise.all(
      this.tables.flatMap(({ name, key }) =>
        Array.from({ length: segments }, async (_, segment) => {
          let ExclusiveStartKey: Record<string, unknown> | undefined;
          do {
            const page = await this.db.send(new ScanCommand({ TableName: name, ConsistentRead: true, Segment: segment, TotalSegments: segments, ExclusiveStartKey }));
            for (const item of page.Items ?? []) snapshot.set(`${name} ${String(item[key[0]])} ${String(item[key[1]])}`, canonical(item));
            ExclusiveStartKey = page.LastEvaluatedKey;
          } while (ExclusiveStartKey);
        }),
      ),
    );
    return snapshot;
  }

  /** Every item as stored (for reading token attributes and the like). */
  async items(table: string): Promise<Array<Record<string, unknown>>> {
    const items: Array<Record<string, unknown>> = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({ TableName: table, ConsistentRead: true, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  destroy(): void {
    this.db.destroy();
  }
}

/** What differs between two snapshots: added, removed and changed item keys. */
export function snapshotDiff(before: Snapshot, after: Snapshot): { added: string[]; removed: string[]; changed: string[] } {
  const added = [...after.keys()].filter((key) => !before.has(key));
  const removed = [...before.keys()].filter((key) => !after.has(key));
  const changed = [...after.keys()].filter((key) => before.has(key) && before.get(key) !== after.get(key));
  return { added, removed, changed };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Set) return { $set: [...item].map(String).sort() };
    if (item instanceof Uint8Array) return { $bytes: Buffer.from(item).toString('base64') };
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return item;
  });
}

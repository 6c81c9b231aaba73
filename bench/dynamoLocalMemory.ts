/**
 * DynamoDB Local's peak memory under a year-like read load, for one heap setting: not part of `npm run bench`
 * (it takes minutes), run to see what the JVM heap cap in local/dynamodb.ts buys.
 *
 *   node --import tsx bench/dynamoLocalMemory.ts [boards=1000] [heapMb=512] [reads=20] [memory|disk]
 *
 * Writes 12 documents of 3 KB per board into one year (as the documents of a year), then reads the whole year
 * `reads` times (as the status matrix did before issue 13), and prints the java process's peak RSS (VmHWM).
 * Pass heapMb=6016 for Java's own default on a 23.5 GB machine (a quarter of its memory).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localAwsConfig, startDynamoDbLocal } from '../local/dynamodb';
import { ensureTable } from '../local/tables';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';

const [boards = 1000, heapMb = 512, reads = 20] = process.argv.slice(2, 5).map(Number);
const mode = process.argv[5] === 'disk' ? 'disk' : 'memory';
const dataDir = mode === 'disk' ? join(fileURLToPath(new URL('./results/tmp/', import.meta.url)), `dynamo-memory-${process.pid}`) : undefined;
const table = 'bench-memory';

const started = Date.now();
const dynamo = await startDynamoDbLocal({ dataDir, maxHeapMb: heapMb });
const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${dynamo.pid}/status`, 'utf8'))![1]) / 1024;
const raw = new DynamoDBClient({ ...localAwsConfig, endpoint: dynamo.endpoint });
try {
  await ensureTable(raw, table, tableDefinition);
  const db = DynamoDBDocumentClient.from(raw);
  const content = 'x'.repeat(3000);
  for (let board = 0; board < boards; board++) {
    const items = Array.from({ length: 12 }, (_, i) => ({
      PutRequest: { Item: { PK: 'YEAR#2026', SK: `DOC#board-${board}#${i}`, GSI1PK: 'YEAR#2026', GSI1SK: `${board}#${i}`, content } },
    }));
    for (let i = 0; i < items.length; i += 25) await db.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25) } }));
  }
  const written = Date.now();
  for (let read = 0; read < reads; read++) {
    let key: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({ TableName: table, KeyConditionExpression: 'PK = :year', ExpressionAttributeValues: { ':year': 'YEAR#2026' }, ExclusiveStartKey: key }),
      );
      key = page.LastEvaluatedKey;
    } while (key);
  }
  process.stdout.write(
    `${mode}, heap ≤ ${heapMb} MB, ${boards} boards: wrote ${boards * 12} items in ${((written - started) / 1000).toFixed(0)} s, ` +
      `read the year ${reads} times in ${((Date.now() - written) / 1000).toFixed(0)} s; DynamoDB Local peak RSS ${peakMb().toFixed(0)} MB\n`,
  );
} finally {
  raw.destroy();
  await dynamo.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

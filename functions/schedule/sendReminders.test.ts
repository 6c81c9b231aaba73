import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { lambdaContext } from '../../local/lambdaContext';
import { localAwsConfig } from '../../local/dynamodb';
import { ensureTable } from '../../local/tables';
import { dynamoPorts } from '../../shared/adapters/dynamo';
import { tableDefinition } from '../../shared/adapters/dynamo/tableDefinition';
import { openedEvent, storedBoard, storedCycle, storedDocument, testClock, YEAR } from '../../shared/adapters/memory/fixtures';
import { MemoryNotifier, MemoryWorkflowEngine } from '../../shared/adapters/memory';
import type { TablePorts } from '../../shared/ports/tablePorts';
import { makeHandler } from './sendReminders';

/**
 * The daily job against DynamoDB Local, counting the read units DynamoDB reports (ReturnConsumedCapacity on every
 * call, as bench/instrument does): a quiet day costs a few, whatever the number of boards; a day something is due
 * reads the year's summary and then only what the boards that owe something need.
 */
const BOARDS = 200;
const OWING = 10;
let readUnits = 0;
const client = new DynamoDBClient({ ...localAwsConfig, endpoint: inject('dynamoEndpoint') });
const reads = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);
client.middlewareStack.add(
  (next, context) => async (args) => {
    if (!reads.has(context.commandName ?? '')) return next(args);
    const input = args.input as Record<string, unknown>;
    input.ReturnConsumedCapacity ??= 'TOTAL';
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
    for (const entry of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) readUnits += (entry as { CapacityUnits?: number }).CapacityUnits ?? 0;
    return result;
  },
  { step: 'initialize', name: 'countReadUnits' },
);
const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });

// The job runs at 07:00 in Stockholm: 06:00 UTC in winter.
const at = (day: string) => `${day}T06:00:00.000Z`;

describe('the daily reminder job on DynamoDB', () => {
  let ports: TablePorts;
  let notifier: MemoryNotifier;
  const run = async (day: string) => {
    const job = makeHandler({ ...ports, notifier, workflow: new MemoryWorkflowEngine() });
    readUnits = 0;
    const result = await (job as unknown as (event: unknown, context: unknown) => Promise<{ sent: number }>)({ scheduledTime: at(day) }, lambdaContext('SendReminders'));
    return { ...result, readUnits };
  };

  beforeAll(async () => {
    const tableName = `reminders-${process.pid}-${Date.now()}`;
    await ensureTable(client, tableName, tableDefinition);
    ports = dynamoPorts(db, tableName, testClock());
    notifier = new MemoryNotifier();
    await ports.cycles.create(storedCycle(YEAR, { summaryChunks: Math.ceil(BOARDS / 16) }), openedEvent());
    const ids = Array.from({ length: BOARDS }, (_, i) => `board-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < ids.length; i += 20) await Promise.all(ids.slice(i, i + 20).map((id) => ports.boards.save(storedBoard(id), 0)));
    // All but OWING boards have had their plan approved.
    const approved = ids.slice(OWING);
    for (let i = 0; i < approved.length; i += 20) {
      await Promise.all(
        approved.slice(i, i + 20).map((boardId) =>
          ports.documents.commit({
            next: storedDocument({ year: YEAR, boardId, kind: 'plan' }, { status: 'approved', submissions: 1 }),
            expectedVersion: 0,
            event: { at: '2027-01-05T08:00:00.000Z', actor: 'reviewer-1', role: 'reviewer', action: 'approved', from: 'in_review', to: 'approved' },
          }),
        ),
      );
    }
  }, 300_000);

  it(`reads at most 5 units on a quiet day with ${BOARDS} boards, and on other days what the owing boards need`, async () => {
    // The first run has nothing to build on: a full run, which sends the plan's reminder to the boards that owe it.
    expect(await run('2027-01-24')).toMatchObject({ sent: OWING });
    const quiet = await run('2027-01-25');
    expect(quiet).toMatchObject({ sent: 0, fullRuns: [] });
    expect(quiet.readUnits).toBeGreaterThan(0);
    expect(quiet.readUnits).toBeLessThanOrEqual(5);

    // The overdue day: the summary and the directory (a few units per hundred boards), then one small query per
    // owing board and the boards written to; never every board or every marker of the year.
    const overdue = await run('2027-02-01');
    expect(overdue).toMatchObject({ sent: OWING, fullRuns: [{ year: YEAR, reason: 'plan step due' }] });
    const summaryAndDirectory = await (async () => {
      readUnits = 0;
      await Promise.all([ports.documents.statuses(YEAR), ports.boards.directory()]);
      return readUnits;
    })();
    expect(overdue.readUnits).toBeLessThanOrEqual(summaryAndDirectory + 5 + 3 * OWING);
  }, 120_000);

  it('stays at 5 units on a quiet day once units owe at a level of their own, and runs in full on their days', async () => {
    // Twenty units below board-000, added (and noted, as putBoard does) after the overdue day's run.
    const units = Array.from({ length: 20 }, (_, i) => `unit-${String(i).padStart(2, '0')}`);
    for (const unitId of units) await ports.sent.boardAdded(unitId, '2027-02-01T10:00:00.000Z');
    await Promise.all(units.map((unitId) => ports.boards.save(storedBoard(unitId, { kind: 'unit', parentId: 'board-000' }), 0)));
    expect(await run('2027-02-02')).toMatchObject({ sent: 0, fullRuns: [{ reason: 'boards added' }] });
    // The units' plan is due 2027-02-14 (unitLeadDays 14): their reminder on 02-07. The days before are quiet.
    for (const day of ['2027-02-03', '2027-02-06']) {
      const quiet = await run(day);
      expect(quiet).toMatchObject({ sent: 0, fullRuns: [] });
      expect(quiet.readUnits).toBeGreaterThan(0);
      expect(quiet.readUnits).toBeLessThanOrEqual(5);
    }
    expect(await run('2027-02-07')).toMatchObject({ sent: units.length, fullRuns: [{ year: YEAR, reason: 'plan step due at level 1' }] });
    expect(notifier.sent.at(-1)).toMatchObject({ kind: 'reminder', documentKind: 'plan' });
  }, 120_000);
});

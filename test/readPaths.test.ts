/**
 * The read paths that concern a whole year (status matrix, late list, meters, indicator series, review queue,
 * sign-off and council-goal checks) must cost the same whatever the year holds: they read the board directory and
 * the year's summary, never the documents. An instrumented DynamoDB client counts what each request reads on
 * DynamoDB Local, in two years of the same stack: one with documents for a quarter of the boards, one with four
 * documents for every board. A path that read documents would read ~150 more items in the second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedDocument } from '../shared/adapters/memory/fixtures';
import type { DocumentKind } from '../shared/schemas/common';
import type { StoredDocument } from '../shared/ports/documentStore';
import { documentKinds } from '../shared/schemas/common';
import { admin, executive, reviewer, startTestStack, type TestStack } from './support/localStack';
import { testGoals } from './support/testGoals';

interface Reads {
  calls: number;
  items: number;
  /** Items that carry a document's content: a year path must read none. */
  documents: number;
  readUnits: number;
}

const BOARDS = 48;
const boardIds = ['bromma', 'kista', 'utbildning', ...Array.from({ length: BOARDS - 3 }, (_, i) => `board-${String(i).padStart(2, '0')}`)];
const calendar = (year: number) => ({
  planDue: `${year}-01-31`,
  t1Due: `${year}-05-15`,
  t2Due: `${year}-09-15`,
  annualDue: `${year + 1}-02-15`,
  signoffDue: `${year + 1}-04-15`,
});

describe('year read paths read the summary, not the documents', () => {
  let t: TestStack;
  let counting: Reads | undefined;

  beforeAll(async () => {
    t = await startTestStack({ clockStart: new Date('2026-11-01T08:00:00Z') });
    const tableName = t.tableName;
    t.stack.db.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { TableName?: string; RequestItems?: Record<string, unknown>; ReturnConsumedCapacity?: string };
        const ours = input.TableName === tableName || (input.RequestItems !== undefined && tableName in input.RequestItems);
        if (!ours || !counting || !/^(Get|Query|Scan|BatchGet|TransactGet)/.test(context.commandName ?? '')) return next(args);
        input.ReturnConsumedCapacity ??= 'TOTAL';
        const result = await next(args);
        const output = result.output as {
          Item?: Record<string, unknown>;
          Items?: Record<string, unknown>[];
          Responses?: Record<string, Record<string, unknown>[]> | Array<{ Item?: Record<string, unknown> }>;
          ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>;
        };
        const items = [
          ...(output.Item ? [output.Item] : []),
          ...(output.Items ?? []),
          ...(Array.isArray(output.Responses) ? output.Responses.flatMap((r) => (r.Item ? [r.Item] : [])) : Object.values(output.Responses ?? {}).flat()),
        ];
        counting.calls += 1;
        counting.items += items.length;
        counting.documents += items.filter((item) => 'content' in item).length;
        const capacity = Array.isArray(output.ConsumedCapacity) ? output.ConsumedCapacity : output.ConsumedCapacity ? [output.ConsumedCapacity] : [];
        counting.readUnits += capacity.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
        return result;
      },
      { step: 'initialize', name: 'readPathCounter' },
    );

    for (const boardId of boardIds) {
      const board = { name: `Nämnd ${boardId}`, kind: boardId === 'utbildning' ? 'specialist' : 'district', contacts: [`${boardId}@example.org`] };
      expect((await t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: board })).status).toBe(201);
    }
    for (const year of [2026, 2027]) {
      expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar: calendar(year) } })).status).toBe(201);
      expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: testGoals, headers: { 'if-match': '"0"' } })).status).toBe(200);
      const budget = { unit: 'tkr', boards: boardIds.map((boardId, i) => ({ boardId, netCost: 100_000 + i * 1000 })) };
      expect((await t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, body: budget, headers: { 'if-match': '"0"' } })).status).toBe(200);
    }
    // 2026: a quarter of the boards have a plan. 2027: every board has all four documents, plans approved with targets.
    const commit = (year: number, boardId: string, kind: DocumentKind, patch: Partial<StoredDocument>) => {
      const next = storedDocument({ year, boardId, kind }, { version: 1, updatedAt: '2026-11-01T08:00:00.000Z', ...patch });
      return t.stack.deps.documents.commit({ next, expectedVersion: 0, event: { at: next.updatedAt, actor: 'seed', role: 'admin', action: 'saved', from: 'not_started', to: next.status } });
    };
    for (const boardId of boardIds.slice(0, BOARDS / 4)) await commit(2026, boardId, 'plan', { status: 'draft' });
    for (const boardId of boardIds) {
      for (const kind of documentKinds) {
        const content = storedDocument({ year: 2027, boardId, kind }).content;
        if (kind === 'plan') await commit(2027, boardId, kind, { status: 'approved', content: { ...content, targets: [{ indicatorId: 'KF-1', target: 91 }] } as StoredDocument['content'] });
        else if (kind === 't1') {
          const economy = { outcomeToDate: 30_000, forecast: 101_500, comment: 'Fler placeringar än budgeterat.' };
          await commit(2027, boardId, kind, { status: 'approved', content: { ...content, indicators: [{ indicatorId: 'KF-1', outcome: 89, forecast: 92 }], economy } as StoredDocument['content'] });
        }
        else await commit(2027, boardId, kind, { status: kind === 't2' ? 'in_review' : 'draft', submittedAt: '2026-11-01T08:00:00.000Z', submissions: 1 });
      }
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function readsOf(method: string, path: string, as = admin, body?: unknown, headers?: Record<string, string>): Promise<Reads & { status: number }> {
    counting = { calls: 0, items: 0, documents: 0, readUnits: 0 };
    try {
      const { status } = await t.api(method, path, { as, body, headers });
      return { ...counting, status };
    } finally {
      counting = undefined;
    }
  }

  const yearPaths = (year: number) => [
    { method: 'GET', path: `/api/cycles/${year}/status`, as: reviewer },
    { method: 'GET', path: `/api/cycles/${year}/status?parent=kista`, as: reviewer },
    { method: 'GET', path: `/api/cycles/${year}/late`, as: reviewer },
    { method: 'GET', path: `/api/public/cycles/${year}/meters`, as: undefined },
    { method: 'GET', path: `/api/public/cycles/${year}/meters.csv`, as: undefined },
    { method: 'GET', path: '/api/public/indicators/KF-1', as: undefined },
    { method: 'GET', path: `/api/review-queue?year=${year}`, as: reviewer },
    { method: 'POST', path: `/api/cycles/${year}/signoff`, as: executive, body: { comment: 'Klart.', companies: [] } },
    { method: 'PUT', path: `/api/cycles/${year}/council-goals`, as: admin, body: testGoals, headers: { 'if-match': '"1"' } },
    { method: 'GET', path: `/api/cycles/${year}/copy-preview?to=2030`, as: admin },
    { method: 'GET', path: `/api/cycles/${year}/economy`, as: executive },
  ];

  it('reads no document on any year path, and hardly more for a full year than for a quiet one', async () => {
    for (const [quiet, full] of yearPaths(2026).map((route, index) => [route, yearPaths(2027)[index]!] as const)) {
      const few = await readsOf(quiet.method, quiet.path, quiet.as as never, quiet.body, quiet.headers);
      const many = await readsOf(full.method, full.path, full.as as never, full.body, full.headers);
      expect(few.status, `${quiet.method} ${quiet.path}`).toBeLessThan(500);
      expect(many.status, `${full.method} ${full.path}`).toBeLessThan(500);
      expect({ path: full.path, documents: many.documents }).toEqual({ path: full.path, documents: 0 });
      // 12 documents against 192: whole documents would be ~180 more items; the summary adds a few at most.
      expect(many.items - few.items, `${full.method} ${full.path}: ${few.items} → ${many.items} items`).toBeLessThanOrEqual(6);
      // A few single-item reads (cycle, goals, the previous year's) plus at most the 0.1 read units per board.
      expect(many.readUnits, `${full.method} ${full.path}`).toBeLessThanOrEqual(8 + 0.1 * BOARDS);
    }
  });

  it('copies a year by reading its approved plans one board at a time: no scan, no query over its documents', async () => {
    const commands: string[] = [];
    t.stack.db.middlewareStack.add((next, context) => async (args) => {
      commands.push(context.commandName ?? '');
      return next(args);
    }, { step: 'initialize', name: 'copyCommandLog' });
    try {
      const copy = await readsOf('POST', '/api/cycles', admin, { year: 2028, copyFrom: 2027 });
      expect(copy.status).toBe(201);
      // Each approved plan of 2027 is read once, whole (every board has one); nothing else that carries content.
      expect(copy.documents).toBe(BOARDS);
      expect(commands.filter((name) => name.startsWith('Scan'))).toEqual([]);
      expect((await t.api('GET', '/api/cycles/2028/status', { as: reviewer })).body.boards.every((b: { documents: { plan: { status: string } } }) => b.documents.plan.status === 'draft')).toBe(true);
    } finally {
      t.stack.db.middlewareStack.remove('copyCommandLog');
    }
  });

  it('shows the full year from the summary: every board, its statuses, and the approved figures only', async () => {
    const matrix = await t.api('GET', '/api/cycles/2027/status', { as: reviewer });
    expect(matrix.body.boards).toHaveLength(BOARDS);
    expect(matrix.body.boards.find((board: { boardId: string }) => board.boardId === 'kista').documents).toMatchObject({
      plan: { status: 'approved' },
      t1: { status: 'approved' },
      t2: { status: 'in_review' },
      annual: { status: 'draft' },
    });
    const meters = await t.api('GET', '/api/public/cycles/2027/meters');
    const kf1 = meters.body.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-1');
    expect(kf1.boards).toHaveLength(BOARDS);
    expect(kf1.boards[0]).toMatchObject({ target: 91, outcome: 89, forecast: 92, period: 't1', status: 'on_track' });
    const economy = await t.api('GET', '/api/cycles/2027/economy', { as: executive });
    expect(economy.body.boards).toHaveLength(BOARDS);
    expect(economy.body.boards.find((board: { boardId: string }) => board.boardId === 'bromma')).toMatchObject({ budget: 100_000, latest: 't1', reports: { t1: { forecast: 101_500, deviation: 1500, needsComment: true } } });
    expect(economy.body.total).toMatchObject({ reported: BOARDS, budgeted: BOARDS });
    const queue = await t.api('GET', '/api/review-queue?year=2027', { as: reviewer });
    expect(queue.body.documents).toHaveLength(BOARDS);
    expect(queue.body.documents[0]).toMatchObject({ kind: 't2', submissions: 1, findings: 0 });
  });

  it('reads one document for one document, and one board for its export', async () => {
    expect(await readsOf('GET', '/api/cycles/2027/boards/kista/documents/plan', admin)).toMatchObject({ status: 200, documents: 1 });
    expect(await readsOf('GET', '/api/cycles/2027/boards/kista/export', admin)).toMatchObject({ status: 200, documents: 4 });
    // A report of a board without units costs one read more than its plan: the roll-up items it does not have.
    const plan = await readsOf('GET', '/api/cycles/2027/boards/kista/documents/plan', admin);
    const report = await readsOf('GET', '/api/cycles/2027/boards/kista/documents/t1', admin);
    expect(report).toMatchObject({ status: 200, documents: 1, calls: plan.calls + 1, items: plan.items });
  });
});

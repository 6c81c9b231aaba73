import { beforeEach, describe, expect, it } from 'vitest';
import { NotFound } from '../../domain/errors';
import { seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { lateList, statusMatrix } from './statusMatrix';

let w: TestWorld;

beforeEach(async () => {
  // 2027-02-10 in Stockholm: the plan (due 2027-01-31) is late unless submitted.
  w = await testWorld({ clock: '2027-02-10T09:00:00.000Z' });
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'in_review', submissions: 1, submittedAt: '2027-01-30T09:00:00.000Z' }));
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'draft' }));
});

describe('statusMatrix', () => {
  it('shows each board × document with its status, due date and lateness today', async () => {
    const matrix = await statusMatrix(YEAR, w);
    expect(matrix.today).toBe('2027-02-10');
    expect(matrix.boards.map((board) => [board.boardId, board.documents.plan])).toEqual([
      ['bromma', { status: 'in_review', due: '2027-01-31', late: false }],
      ['kista', { status: 'draft', due: '2027-01-31', late: true }],
    ]);
    expect(matrix.boards[0]!.documents.t1).toEqual({ status: 'not_started', due: '2027-05-15', late: false });
  });

  it('answers 404 for a year never opened', async () => {
    await expect(statusMatrix(2019, w)).rejects.toThrow(/no 2019 cycle/);
  });
});

describe('lateList', () => {
  it('lists what is past due and unsubmitted, most overdue first', async () => {
    w.clock.set('2027-05-20T09:00:00.000Z');
    const late = await lateList(YEAR, w);
    expect(late.late.map((entry) => [entry.boardId, entry.kind, entry.daysLate])).toEqual([
      ['kista', 'plan', 109],
      ['bromma', 't1', 5],
      ['kista', 't1', 5],
    ]);
  });
});

describe('statusMatrix at every level', () => {
  // bromma → alvik → alvik-fritids, bromma → abacka, bromma → nedlagd (archived, with a plan), bromma → gamla (archived, nothing this year).
  beforeEach(async () => {
    w.clock.set('2027-02-20T09:00:00.000Z');
    await w.boards.save(storedBoard('alvik', { kind: 'unit', parentId: 'bromma' }), 0);
    await w.boards.save(storedBoard('abacka', { kind: 'unit', parentId: 'bromma' }), 0);
    await w.boards.save(storedBoard('alvik-fritids', { kind: 'unit', parentId: 'alvik' }), 0);
    await w.boards.save(storedBoard('nedlagd', { kind: 'unit', parentId: 'bromma', archived: true }), 0);
    await w.boards.save(storedBoard('gamla', { kind: 'unit', parentId: 'bromma', archived: true }), 0);
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'alvik', kind: 'plan' }, { status: 'approved' }));
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'abacka', kind: 'plan' }, { status: 'draft' }));
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'nedlagd', kind: 'plan' }, { status: 'draft' }));
  });

  it('lists the top-level boards, each with its direct units counted and its units at every level below it per cell', async () => {
    const matrix = await statusMatrix(YEAR, w);
    expect(matrix.boards.map((board) => [board.boardId, board.parentId, board.children])).toEqual([
      ['bromma', null, 3],
      ['kista', null, 0],
    ]);
    // Units plan 14 days after their parent (abacka, nedlagd due 2027-02-14, late on the 20th), and 14 more per level (alvik-fritids: 2027-02-28).
    expect(matrix.boards[0]!.documents.plan).toEqual({ status: 'in_review', due: '2027-01-31', late: false, units: { total: 4, approved: 1, late: 2 } });
    expect(matrix.boards[0]!.documents.t1).toEqual({ status: 'not_started', due: '2027-05-15', late: false, units: { total: 4, approved: 0, late: 0 } });
    expect(matrix.boards[1]!.documents.plan).toEqual({ status: 'draft', due: '2027-01-31', late: true });
  });

  it("drills down into a board's direct units, each with its own due dates at its depth", async () => {
    const units = await statusMatrix(YEAR, w, { parent: 'bromma' });
    expect(units.boards.map((board) => [board.boardId, board.parentId, board.children])).toEqual([
      ['abacka', 'bromma', 0],
      ['alvik', 'bromma', 1],
      ['nedlagd', 'bromma', 0],
    ]);
    const alvik = units.boards[1]!;
    expect(alvik.documents.plan).toEqual({ status: 'approved', due: '2027-02-14', late: false, units: { total: 1, approved: 0, late: 0 } });
    // Reports are due earlier below: 14 days before the parent's.
    expect(alvik.documents.t1).toEqual({ status: 'not_started', due: '2027-05-01', late: false, units: { total: 1, approved: 0, late: 0 } });
    expect(units.boards[0]!.documents.plan).toEqual({ status: 'draft', due: '2027-02-14', late: true });
    const below = await statusMatrix(YEAR, w, { parent: 'alvik' });
    expect(below.boards.map((board) => [board.boardId, board.documents.plan.due, board.documents.t1.due, board.children])).toEqual([['alvik-fritids', '2027-02-28', '2027-04-17', 0]]);
    expect((await statusMatrix(YEAR, w, { parent: 'alvik-fritids' })).boards).toEqual([]);
  });

  it('answers 404 for a parent that is not a board', async () => {
    const refused = statusMatrix(YEAR, w, { parent: 'atlantis' });
    await expect(refused).rejects.toBeInstanceOf(NotFound);
    await expect(refused).rejects.toThrow(/no board atlantis/);
  });

  it('stays three reads whatever the year holds: the cycle, the directory and the summary', async () => {
    const calls: string[] = [];
    const count = <T extends object>(port: T, name: string): T =>
      new Proxy(port, {
        get(target, key) {
          const value: unknown = Reflect.get(target, key);
          return typeof value === 'function' ? (...args: unknown[]) => (calls.push(`${name}.${String(key)}`), value.apply(target, args)) : value;
        },
      });
    await statusMatrix(YEAR, { cycles: count(w.cycles, 'cycles'), boards: count(w.boards, 'boards'), documents: count(w.documents, 'documents'), clock: w.clock }, { parent: 'bromma' });
    expect(calls.sort()).toEqual(['boards.directory', 'cycles.get', 'documents.statuses']);
  });

  it("lists late units by their own due date, with their parent", async () => {
    const late = await lateList(YEAR, w);
    expect(late.late.map((entry) => [entry.boardId, entry.parentId, entry.kind, entry.due, entry.daysLate])).toEqual([
      ['kista', null, 'plan', '2027-01-31', 20],
      ['abacka', 'bromma', 'plan', '2027-02-14', 6],
      ['nedlagd', 'bromma', 'plan', '2027-02-14', 6],
    ]);
    // alvik-fritids' t1 is due 2027-04-17, four weeks before the top-level boards'.
    w.clock.set('2027-04-20T09:00:00.000Z');
    expect((await lateList(YEAR, w)).late.filter((entry) => entry.kind === 't1').map((entry) => [entry.boardId, entry.due])).toEqual([['alvik-fritids', '2027-04-17']]);
  });
});

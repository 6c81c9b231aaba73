import { beforeEach, describe, expect, it } from 'vitest';
import { seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
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

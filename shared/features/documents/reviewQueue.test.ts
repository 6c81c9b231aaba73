import { beforeEach, describe, expect, it } from 'vitest';
import { reviewer, seedDocument, storedCycle, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { reviewQueue } from './reviewQueue';

let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
  await w.cycles.create(storedCycle(YEAR + 1), { at: '2027-06-01T00:00:00.000Z', actor: 'a', role: 'admin', action: 'opened' });
  const waiting = (boardId: string, year: number, submittedAt: string) =>
    storedDocument({ year, boardId, kind: 'plan' }, { status: 'in_review', submissions: 1, submittedAt, findings: [{ code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-1', councilTarget: 90, boardTarget: 80, direction: 'higher' }] });
  await seedDocument(w, waiting('bromma', YEAR, '2027-01-09T10:00:00.000Z'));
  await seedDocument(w, waiting('kista', YEAR, '2027-01-09T09:00:00.000Z'));
  await seedDocument(w, waiting('bromma', YEAR + 1, '2027-01-09T11:00:00.000Z'));
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 't1' }));
});

describe('reviewQueue', () => {
  it('lists what waits for review, oldest first, with board names and findings', async () => {
    const queue = await reviewQueue({}, { ...w, actor: reviewer });
    expect(queue.documents.map((doc) => [doc.year, doc.boardId, doc.boardName, doc.findings])).toEqual([
      [YEAR, 'kista', 'Kista nämnd', 1],
      [YEAR, 'bromma', 'Bromma nämnd', 1],
      [YEAR + 1, 'bromma', 'Bromma nämnd', 1],
    ]);
  });

  it('filters by year', async () => {
    expect((await reviewQueue({ year: YEAR + 1 }, { ...w, actor: reviewer })).documents.map((doc) => doc.boardId)).toEqual(['bromma']);
  });

  it('shows a board-scoped reviewer only their boards', async () => {
    const scoped = { ...reviewer, boards: ['kista'] };
    expect((await reviewQueue({}, { ...w, actor: scoped })).documents.map((doc) => doc.boardId)).toEqual(['kista']);
  });
});

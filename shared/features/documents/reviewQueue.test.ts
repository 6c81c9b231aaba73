import { beforeEach, describe, expect, it } from 'vitest';
import { admin, editorOf, executive, reviewer, seedDocument, storedBoard, storedCycle, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { Actor } from '../../domain/actor';
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

describe('reviewQueue in pages', () => {
  it('pages through the queue in order, each entry once, with `next` until the last page', async () => {
    const first = await reviewQueue({ limit: 2 }, { ...w, actor: reviewer });
    expect(first.documents.map((doc) => [doc.year, doc.boardId])).toEqual([
      [YEAR, 'kista'],
      [YEAR, 'bromma'],
    ]);
    expect(first.next).toEqual(expect.any(String));
    const second = await reviewQueue({ limit: 2, after: first.next }, { ...w, actor: reviewer });
    expect(second.documents.map((doc) => [doc.year, doc.boardId])).toEqual([[YEAR + 1, 'bromma']]);
    expect(second.next).toBeUndefined();
  });

  it("fills a caller's page past entries it may not see", async () => {
    const scoped = { ...reviewer, boards: ['bromma'] };
    const first = await reviewQueue({ limit: 1 }, { ...w, actor: scoped });
    expect(first.documents.map((doc) => [doc.year, doc.boardId])).toEqual([[YEAR, 'bromma']]);
    const second = await reviewQueue({ limit: 1, after: first.next }, { ...w, actor: scoped });
    expect(second.documents.map((doc) => [doc.year, doc.boardId])).toEqual([[YEAR + 1, 'bromma']]);
    expect(second.next).toBeUndefined();
  });

  it('refuses a cursor it did not give, with what to do', async () => {
    await expect(reviewQueue({ after: 'bm90LWEtY3Vyc29y' }, { ...w, actor: reviewer })).rejects.toThrow(/not a cursor this queue gave/);
  });
});

describe('reviewQueue across organisation levels', () => {
  // bromma → bromma-skola → bromma-skola-1a, and kista → kista-skola; each unit's plan waits, after the boards' plans.
  beforeEach(async () => {
    await w.boards.save(storedBoard('bromma-skola', { kind: 'unit', parentId: 'bromma' }), 0);
    await w.boards.save(storedBoard('bromma-skola-1a', { kind: 'unit', parentId: 'bromma-skola' }), 0);
    await w.boards.save(storedBoard('kista-skola', { kind: 'unit', parentId: 'kista' }), 0);
    for (const [i, boardId] of ['bromma-skola', 'bromma-skola-1a', 'kista-skola'].entries()) {
      await seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 'plan' }, { status: 'in_review', submissions: 1, submittedAt: `2027-02-0${i + 1}T09:00:00.000Z` }));
    }
  });
  const boardsIn = async (actor: Actor, level?: 'top' | 'units') =>
    (await reviewQueue({ year: YEAR, level }, { ...w, actor })).documents.map((doc) => doc.boardId);

  it.each<[string, Actor, 'top' | 'units' | undefined, string[]]>([
    ["the city's reviewer, by default: the boards at the top only", reviewer, undefined, ['kista', 'bromma']],
    ["the city's reviewer, asking for units: every level", reviewer, 'units', ['kista', 'bromma', 'bromma-skola', 'bromma-skola-1a', 'kista-skola']],
    ["bromma's office: the units below bromma, at every level, not bromma's own plan", editorOf('bromma'), undefined, ['bromma-skola', 'bromma-skola-1a']],
    ["bromma's office, asking for the top level: nothing it decides on", editorOf('bromma'), 'top', []],
    ["a unit's own editor: only the units below it", editorOf('bromma-skola'), undefined, ['bromma-skola-1a']],
    ['an editor of a board without units: nothing', editorOf('farsta'), undefined, []],
    ['a reviewer scoped to bromma: bromma and its units', { ...reviewer, boards: ['bromma'] }, undefined, ['bromma', 'bromma-skola', 'bromma-skola-1a']],
    ['a reviewer scoped to bromma, asking for the top level', { ...reviewer, boards: ['bromma'] }, 'top', ['bromma']],
    ['an admin, who reads but does not decide: the top level', admin, undefined, ['kista', 'bromma']],
    ['an executive, asking for units', executive, 'units', ['kista', 'bromma', 'bromma-skola', 'bromma-skola-1a', 'kista-skola']],
  ])('%s', async (_who, actor, level, expected) => {
    expect(await boardsIn(actor, level)).toEqual(expected);
  });

  it('says where each entry sits: its parent (null at the top) and its kind', async () => {
    const queue = await reviewQueue({ year: YEAR, level: 'units' }, { ...w, actor: reviewer });
    expect(queue.documents.map((doc) => [doc.boardId, doc.parentId, doc.boardKind])).toEqual([
      ['kista', null, 'district'],
      ['bromma', null, 'district'],
      ['bromma-skola', 'bromma', 'unit'],
      ['bromma-skola-1a', 'bromma-skola', 'unit'],
      ['kista-skola', 'kista', 'unit'],
    ]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { NotFound } from '../../domain/errors';
import { completePlan, editorOf, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { documentHistory, readDocument } from './readDocument';
import { saveDocument } from './saveDocument';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
});

describe('readDocument and documentHistory', () => {
  it('reads a never-saved document as not_started at version 0, with no history', async () => {
    expect(await readDocument(plan, w)).toMatchObject({ status: 'not_started', version: 0, submissions: 0 });
    expect(await documentHistory(plan, w)).toEqual([]);
  });

  it('reads what was saved, and its history oldest first', async () => {
    await saveDocument({ ...plan, ifMatch: 0, content: completePlan }, w.as(editorOf('bromma')));
    w.clock.advance(60_000);
    await saveDocument({ ...plan, ifMatch: 1, content: completePlan }, w.as(editorOf('bromma')));
    expect((await readDocument(plan, w)).version).toBe(2);
    const history = await documentHistory(plan, w);
    expect(history.map((event) => event.at)).toEqual(['2027-01-10T09:00:00.000Z', '2027-01-10T09:01:00.000Z']);
    expect(await documentHistory({ ...plan, kind: 't1' }, w)).toEqual([]);
  });

  it.each([
    ['a year that was never opened', { ...plan, year: 2020 }, /no 2020 cycle/],
    ['an unknown board', { ...plan, boardId: 'atlantis' }, /no board atlantis/],
  ])('answers 404 for %s', async (_what, address, message) => {
    await expect(readDocument(address, w)).rejects.toThrow(message);
    await expect(documentHistory(address, w)).rejects.toBeInstanceOf(NotFound);
  });
});

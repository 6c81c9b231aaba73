import { describe, expect, it } from 'vitest';
import { Conflict, NotFound, PreconditionFailed } from '../../domain/errors';
import { admin, seedDocument, storedBoard, storedCycle, storedDocument, openedEvent, testWorld, YEAR } from '../../adapters/memory/fixtures';
import type { DocumentStore } from '../../ports/documentStore';
import { boardDeletion, deleteBoard } from './deleteBoard';
import { putBoard } from './putBoard';

const body = { name: 'Hägersten-Liljeholmen', kind: 'district' as const, contacts: ['hl@example.org'] };

describe('deleteBoard', () => {
  it('deletes a board without documents or units: gone from the board and the directory, its deletion audited after its creation', async () => {
    const w = await testWorld();
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    w.clock.advance(60_000);

    await deleteBoard({ boardId: 'hagersten', ifMatch: 1 }, w.as(admin));

    expect(await w.boards.get('hagersten')).toBeUndefined();
    expect((await w.boards.directory()).map((entry) => entry.boardId)).not.toContain('hagersten');
    expect((await w.boards.events('hagersten')).map(({ action, version, actor }) => ({ action, version, actor }))).toEqual([
      { action: 'created', version: 1, actor: admin.sub },
      { action: 'deleted', version: 2, actor: admin.sub },
    ]);
    // The id is free again: a board of that id starts anew, and its trail goes on.
    w.clock.advance(60_000);
    await putBoard({ boardId: 'hagersten', body, ifMatch: 0 }, w.as(admin));
    expect((await w.boards.events('hagersten')).map((event) => event.action)).toEqual(['created', 'deleted', 'created']);
  });

  it('refuses a board with a document in any year (409 at `documents`: archive it instead), and changes nothing', async () => {
    const w = await testWorld();
    await w.cycles.create(storedCycle(2026), openedEvent());
    await seedDocument(w, storedDocument({ year: 2026, boardId: 'kista', kind: 't1' }));
    const error = await deleteBoard({ boardId: 'kista' }, w.as(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).detail).toMatch(/has documents in 2026.*Archive it instead/);
    expect((error as Conflict).errors).toEqual([{ path: 'documents', message: expect.stringMatching(/archive the board instead/) }]);
    expect(await w.boards.get('kista')).toMatchObject({ version: 1 });
    expect(await w.boards.events('kista')).toEqual([]);
    // kista is also named in testGoals' indicators of 2027.
    expect(await boardDeletion('kista', w)).toEqual({ boardId: 'kista', deletable: false, yearsWithDocuments: [2026], namedInGoals: [YEAR], units: [] });
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    expect(await boardDeletion('hagersten', w)).toEqual({ boardId: 'hagersten', deletable: true, yearsWithDocuments: [], namedInGoals: [], units: [] });
  });

  it('refuses a board with units (409 at `units`: move or delete them first); once its unit is gone it can go', async () => {
    const w = await testWorld();
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    await putBoard({ boardId: 'skola', body: { name: 'Skola', kind: 'unit', contacts: ['rektor@skola.example'], parentId: 'hagersten' } }, w.as(admin));
    const error = await deleteBoard({ boardId: 'hagersten' }, w.as(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).errors).toEqual([{ path: 'units', message: expect.stringMatching(/skola; move or delete them first/) }]);
    expect(await w.boards.get('hagersten')).toBeDefined();

    await deleteBoard({ boardId: 'skola' }, w.as(admin));
    await deleteBoard({ boardId: 'hagersten' }, w.as(admin));
    expect((await w.boards.list()).map((board) => board.boardId)).toEqual(['bromma', 'kista']);
  });

  it("refuses a board that a year's council goals name (409 at `councilGoals`), and not one they leave unnamed", async () => {
    const w = await testWorld();
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    await putBoard({ boardId: 'farsta', body }, w.as(admin));
    const goals = await w.cycles.getCouncilGoals(YEAR);
    const named = structuredClone(goals!);
    named.directionGoals[0]!.areaGoals[0]!.indicators[0]!.boards = ['hagersten'];
    await w.cycles.replaceCouncilGoals(YEAR, { ...named, version: goals!.version + 1 }, goals!.version, { at: w.clock.now().toISOString(), actor: 'admin-1', role: 'admin', action: 'council_goals_replaced' });
    const error = await deleteBoard({ boardId: 'hagersten' }, w.as(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).errors).toEqual([{ path: 'councilGoals', message: expect.stringContaining(String(YEAR)) }]);
    expect(await boardDeletion('hagersten', w)).toMatchObject({ deletable: false, namedInGoals: [YEAR] });
    await deleteBoard({ boardId: 'farsta' }, w.as(admin));
    expect(await w.boards.get('farsta')).toBeUndefined();
  });

  it('answers 404 for an unknown board, and 412 when If-Match is not its version', async () => {
    const w = await testWorld();
    await expect(deleteBoard({ boardId: 'nowhere' }, w.as(admin))).rejects.toBeInstanceOf(NotFound);
    await expect(deleteBoard({ boardId: 'bromma', ifMatch: 7 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    expect(await w.boards.get('bromma')).toBeDefined();
  });

  it('asks each year only whether the board has a document at all, one bounded read per year', async () => {
    const w = await testWorld();
    await w.cycles.create(storedCycle(2026), openedEvent());
    const asked: string[] = [];
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    const documents: Pick<DocumentStore, 'hasDocuments'> = { hasDocuments: (year, boardId) => (asked.push(`${year}:${boardId}`), w.documents.hasDocuments(year, boardId)) };
    await deleteBoard({ boardId: 'hagersten' }, { ...w.as(admin), documents });
    expect(asked.sort()).toEqual([`2026:hagersten`, `${YEAR}:hagersten`]);
  });

  it('answers 412 when another writer changed the board between the check and the delete', async () => {
    const w = await testWorld();
    await putBoard({ boardId: 'hagersten', body }, w.as(admin));
    const racing = { ...w.as(admin), boards: Object.assign(Object.create(Object.getPrototypeOf(w.boards)), w.boards) as typeof w.boards };
    racing.boards.remove = async (id, expected, event) => {
      await w.boards.save(storedBoard(id, { version: expected + 1, name: 'renamed meanwhile' }), expected);
      return w.boards.remove(id, expected, event);
    };
    await expect(deleteBoard({ boardId: 'hagersten' }, racing)).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await w.boards.get('hagersten'))?.name).toBe('renamed meanwhile');
  });
});

describe("putBoard's audit trail", () => {
  it('records created, changed, archived and restored, each with the version it produced and who did it', async () => {
    const w = await testWorld();
    for (const next of [body, { ...body, name: 'H-L' }, { ...body, archived: true }, { ...body, archived: false }]) {
      w.clock.advance(60_000);
      await putBoard({ boardId: 'hagersten', body: next }, w.as({ ...admin, name: 'Anna Controller' }));
    }
    expect((await w.boards.events('hagersten')).map(({ action, version, actorName, role }) => [action, version, actorName, role])).toEqual([
      ['created', 1, 'Anna Controller', 'admin'],
      ['changed', 2, 'Anna Controller', 'admin'],
      ['archived', 3, 'Anna Controller', 'admin'],
      ['restored', 4, 'Anna Controller', 'admin'],
    ]);
  });

  it('answers 412 to an If-Match that is not the version, and saves nothing', async () => {
    const w = await testWorld();
    await expect(putBoard({ boardId: 'bromma', body, ifMatch: 0 }, w.as(admin))).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(putBoard({ boardId: 'nytt', body, ifMatch: 3 }, w.as(admin))).rejects.toThrow(/deleted meanwhile/);
    expect(await w.boards.get('nytt')).toBeUndefined();
    expect((await putBoard({ boardId: 'bromma', body, ifMatch: 1 }, w.as(admin))).board.version).toBe(2);
  });
});

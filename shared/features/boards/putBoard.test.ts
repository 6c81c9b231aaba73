import { describe, expect, it } from 'vitest';
import { PreconditionFailed } from '../../domain/errors';
import { admin, testWorld } from '../../adapters/memory/fixtures';
import type { BoardRepository } from '../../ports/boardRepository';
import { listBoards } from './listBoards';
import { putBoard } from './putBoard';

const body = { name: 'Spånga-Tensta', kind: 'district' as const, contacts: ['spanga@example.org'] };

describe('putBoard and listBoards', () => {
  it('creates a board, then updates it at the next version; lists boards by id', async () => {
    const w = await testWorld();
    expect(await putBoard({ boardId: 'spanga', body }, w.as(admin))).toMatchObject({ created: true, board: { version: 1, updatedBy: admin.sub } });
    expect(await putBoard({ boardId: 'spanga', body: { ...body, name: 'Spånga' } }, w.as(admin))).toMatchObject({ created: false, board: { version: 2, name: 'Spånga' } });
    expect((await listBoards(w)).map((board) => board.boardId)).toEqual(['bromma', 'kista', 'spanga']);
  });

  it('answers 412, worded for a person, when another writer saved the board between its read and its save', async () => {
    const w = await testWorld();
    const racing: BoardRepository = {
      get: (id) => w.boards.get(id),
      list: () => w.boards.list(),
      directory: () => w.boards.directory(),
      getMany: (ids) => w.boards.getMany(ids),
      remove: (id, expected, event) => w.boards.remove(id, expected, event),
      events: (id) => w.boards.events(id),
      save: async (board, expected, event) => {
        await w.boards.save({ ...board, name: 'first writer' }, expected);
        return w.boards.save(board, expected, event);
      },
    };
    const error = await putBoard({ boardId: 'bromma', body }, { ...w.as(admin), boards: racing }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreconditionFailed);
    expect((error as PreconditionFailed).detail).toMatch(/Board bromma was changed by someone else meanwhile/);
    expect((await w.boards.get('bromma'))?.name).toBe('first writer');
  });
});

describe('putBoard, for the reminder job', () => {
  it('notes a board that is new, moves to another parent or comes back from the archive; not a rename or an archiving', async () => {
    const w = await testWorld();
    const unit = { name: 'Skola', kind: 'unit' as const, contacts: ['rektor@skola.example'] };
    const noted = async () => (await w.sent.boardsAddedSince('2000-01-01T00:00:00.000Z')).filter((note) => note.boardId === 'skola').length;
    const steps: Array<[string, typeof unit & { parentId?: string; archived?: boolean }, number]> = [
      ['created below bromma', { ...unit, parentId: 'bromma' }, 1],
      ['renamed', { ...unit, parentId: 'bromma', name: 'Skolan' }, 1],
      ['moved below kista', { ...unit, parentId: 'kista' }, 2],
      ['archived', { ...unit, parentId: 'kista', archived: true }, 2],
      ['taken out of the archive', { ...unit, parentId: 'kista', archived: false }, 3],
      ['moved to the top', unit, 4],
    ];
    for (const [step, next, notes] of steps) {
      w.clock.advance(60_000);
      await putBoard({ boardId: 'skola', body: next }, w.as(admin));
      expect({ step, notes: await noted() }).toEqual({ step, notes });
    }
  });

  it("notes a moved board's units too: their levels move with it", async () => {
    const w = await testWorld();
    const unit = (parentId: string) => ({ name: parentId, kind: 'unit' as const, contacts: [], parentId });
    await putBoard({ boardId: 'skola', body: unit('bromma') }, w.as(admin));
    await putBoard({ boardId: 'klass', body: unit('skola') }, w.as(admin));
    await putBoard({ boardId: 'grupp', body: unit('klass') }, w.as(admin));
    const since = new Date(w.clock.now().getTime() + 1).toISOString();
    w.clock.advance(60_000);
    await putBoard({ boardId: 'skola', body: unit('kista') }, w.as(admin));
    expect((await w.sent.boardsAddedSince(since)).map((note) => note.boardId).sort()).toEqual(['grupp', 'klass', 'skola']);
    w.clock.advance(60_000);
    const later = new Date(w.clock.now().getTime() - 1).toISOString();
    await putBoard({ boardId: 'klass', body: { name: 'klass', kind: 'unit', contacts: [] } }, w.as(admin)); // to the top
    expect((await w.sent.boardsAddedSince(later)).map((note) => note.boardId).sort()).toEqual(['grupp', 'klass']);
  });
});

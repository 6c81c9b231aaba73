import { describe, expect, it } from 'vitest';
import { storedBoard, testWorld } from '../../adapters/memory/fixtures';
import { ancestorBoardsVia, ancestorsVia } from './ancestors';

describe('the chain above a board', () => {
  it('reads the boards above a unit nearest first, one at a time, and nothing above a board at the top', async () => {
    const w = await testWorld();
    await w.boards.save(storedBoard('bromma-skola', { kind: 'unit', parentId: 'bromma' }), 0);
    await w.boards.save(storedBoard('bromma-skola-1a', { kind: 'unit', parentId: 'bromma-skola' }), 0);
    const reads: string[] = [];
    const boards = { get: (id: string) => (reads.push(id), w.boards.get(id)) };

    const { board, ancestors } = await ancestorBoardsVia(boards)('bromma-skola-1a');
    expect([board?.boardId, ancestors.map((above) => above.boardId)]).toEqual(['bromma-skola-1a', ['bromma-skola', 'bromma']]);
    expect(reads).toEqual(['bromma-skola-1a', 'bromma-skola', 'bromma']);
    expect(await ancestorsVia(boards)('bromma-skola-1a')).toEqual(['bromma-skola', 'bromma']);

    // A caller that has read the board already passes it in: a board at the top then costs no read at all.
    const bromma = await w.boards.get('bromma');
    reads.length = 0;
    expect((await ancestorBoardsVia(boards)('bromma', bromma)).ancestors).toEqual([]);
    expect(reads).toEqual([]);
  });
});

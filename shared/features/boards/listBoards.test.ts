import { describe, expect, it } from 'vitest';
import { storedBoard, testWorld } from '../../adapters/memory/fixtures';
import { listBoards } from './listBoards';

describe('listBoards', () => {
  it('answers every board sorted by id, and nothing before any board exists', async () => {
    const w = await testWorld({ empty: true });
    expect(await listBoards(w)).toEqual([]);
    for (const id of ['vasastan', 'bromma', 'kista']) await w.boards.save(storedBoard(id), 0);
    expect((await listBoards(w)).map((board) => board.boardId)).toEqual(['bromma', 'kista', 'vasastan']);
  });
});

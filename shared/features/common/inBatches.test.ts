import { describe, expect, it } from 'vitest';
import { inBatches } from './inBatches';

describe('inBatches', () => {
  it('keeps at most inFlight items running and answers in the items’ order', async () => {
    let running = 0;
    let most = 0;
    const answers = await inBatches([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(answers).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('throws the first failure only once its batch has settled, and starts no later batch', async () => {
    const done: number[] = [];
    const failing = inBatches([1, 2, 3], 2, async (n) => {
      if (n === 1) throw new Error('one failed');
      await new Promise((resolve) => setTimeout(resolve, 5));
      done.push(n);
      return n;
    });
    await expect(failing).rejects.toThrow('one failed');
    expect(done).toEqual([2]);
  });
});

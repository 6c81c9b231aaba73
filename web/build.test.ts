import { describe, expect, it } from 'vitest';
import { buildWebWithResult } from './build';

describe('the web bundle', () => {
  it('reads the shared policy and lifecycle tables, without zod or an AWS SDK', { timeout: 120_000 }, async () => {
    const { inputs } = await buildWebWithResult();
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/shared\/domain\/authorization\.ts$/), expect.stringMatching(/shared\/domain\/lifecycle\.ts$/)]));
    expect(inputs.filter((file) => /node_modules\/(zod|@aws-sdk|@smithy|@aws-lambda-powertools)\//.test(file))).toEqual([]);
  });
});

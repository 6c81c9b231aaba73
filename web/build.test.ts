import { describe, expect, it } from 'vitest';
import { buildWebWithResult } from './build';

describe('the web bundle', () => {
  it('loads the council goals checks (the server\'s zod schema and domain checks) on demand, in a script of their own', { timeout: 120_000 }, async () => {
    const { inputs, chunks } = await buildWebWithResult();
    const checks = chunks.find((chunk) => chunk.inputs.some((file) => file.endsWith('web/src/lib/councilGoalsCheck.ts')));
    expect(checks?.inputs).toEqual(expect.arrayContaining([expect.stringMatching(/shared\/schemas\/councilGoals\.ts$/), expect.stringMatching(/node_modules\/zod\//)]));
    expect(inputs.filter((file) => /councilGoalsCheck|shared\/schemas\/councilGoals\.ts$/.test(file))).toEqual([]);
  });

  it('reads the shared policy and lifecycle tables, without zod or an AWS SDK', { timeout: 120_000 }, async () => {
    const { inputs } = await buildWebWithResult();
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/shared\/domain\/authorization\.ts$/), expect.stringMatching(/shared\/domain\/lifecycle\.ts$/)]));
    expect(inputs.filter((file) => /node_modules\/(zod|@aws-sdk|@smithy|@aws-lambda-powertools)\//.test(file))).toEqual([]);
  });
});

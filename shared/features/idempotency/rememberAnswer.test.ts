import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../domain/errors';
import { admin, testWorld } from '../../adapters/memory/fixtures';
import { rememberAnswer } from './rememberAnswer';

describe('rememberAnswer', () => {
  it("gives a retry with the same key the first successful answer, without running again", async () => {
    const w = await testWorld();
    let runs = 0;
    const run = async () => ({ status: 201, body: { run: ++runs } });
    const options = { actor: admin, key: 'k-1', operation: 'createCycle', request: { year: 2030 }, idempotency: w.idempotency };
    expect(await rememberAnswer(options, run)).toEqual({ status: 201, body: { run: 1 } });
    expect(await rememberAnswer(options, run)).toEqual({ status: 201, body: { run: 1 } });
    expect(runs).toBe(1);
    await expect(rememberAnswer({ ...options, request: { year: 2031 } }, run)).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('remembers nothing without a key, or for a refusal', async () => {
    const w = await testWorld();
    let runs = 0;
    const refused = async () => ({ status: 409, body: { run: ++runs } });
    const options = { actor: admin, key: 'k-2', operation: 'signoff', request: {}, idempotency: w.idempotency };
    await rememberAnswer(options, refused);
    await rememberAnswer(options, refused);
    await rememberAnswer({ ...options, key: undefined }, refused);
    expect(runs).toBe(3);
    expect(await w.idempotency.get(admin.sub, 'k-2')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../domain/errors';
import { testWorld } from '../../adapters/memory/fixtures';
import { fingerprintOf, firstAnswerOrThrow, previousAnswer } from './idempotency';

describe('idempotency helpers', () => {
  it('fingerprints the operation, the address and the body', () => {
    const address = { year: 2027, boardId: 'bromma', kind: 'plan' };
    expect(fingerprintOf('submit', address, null)).toBe(fingerprintOf('submit', { ...address }, null));
    expect(fingerprintOf('submit', address, null)).not.toBe(fingerprintOf('decision', address, null));
    expect(fingerprintOf('submit', address, null)).not.toBe(fingerprintOf('submit', { ...address, boardId: 'kista' }, null));
  });

  it('answers the first answer to a key, none without one, and refuses a key reused for another request', async () => {
    const w = await testWorld();
    await w.idempotency.remember({ actorSub: 'u', key: 'k', fingerprint: 'f', response: { status: 202, body: { ok: true } } });
    expect(await previousAnswer(w.idempotency, 'u', undefined, 'f')).toBeUndefined();
    expect(await previousAnswer(w.idempotency, 'u', 'k', 'f')).toEqual({ status: 202, body: { ok: true } });
    await expect(previousAnswer(w.idempotency, 'u', 'k', 'other')).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('turns a conflict into the first answer only when one exists for the key', async () => {
    const w = await testWorld();
    const conflict = new Conflict('already in review');
    await expect(firstAnswerOrThrow(conflict, w.idempotency, 'u', 'k', 'f')).rejects.toBe(conflict);
    await w.idempotency.remember({ actorSub: 'u', key: 'k', fingerprint: 'f', response: { status: 202, body: {} } });
    expect(await firstAnswerOrThrow(conflict, w.idempotency, 'u', 'k', 'f')).toEqual({ status: 202, body: {} });
    await expect(firstAnswerOrThrow(new Error('boom'), w.idempotency, 'u', 'k', 'f')).rejects.toThrow('boom');
  });
});

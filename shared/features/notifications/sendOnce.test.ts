import { describe, expect, it } from 'vitest';
import { testWorld, YEAR } from '../../adapters/memory/fixtures';
import { sendOnce } from './sendOnce';

const message = { to: ['bromma@example.org'], subject: 'Påminnelse', body: '…', kind: 'reminder' as const };
const target = { year: YEAR, key: 'bromma#plan#reminder@2027-01-24', at: '2027-01-24T06:00:00.000Z' };

describe('sendOnce', () => {
  it('sends a message once, however often it is asked', async () => {
    const w = await testWorld();
    expect(await sendOnce(target, message, w)).toBe(true);
    expect(await sendOnce(target, message, w)).toBe(false);
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('gives the claim back when the send fails, so the next run sends it', async () => {
    const w = await testWorld();
    w.notifier.failing = true;
    await expect(sendOnce(target, message, w)).rejects.toThrow(/refused/);
    expect(await w.sent.claimed(YEAR)).toEqual(new Set());
    w.notifier.failing = false;
    expect(await sendOnce(target, message, w)).toBe(true);
    expect(w.notifier.sent).toHaveLength(1);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { sendDueReminders } from './sendReminders';

let w: TestWorld;
// 06:00 in Stockholm on 2027-01-24: seven days before the plan is due.
const reminderDay = '2027-01-24T05:00:00.000Z';

beforeEach(async () => {
  w = await testWorld();
});

describe('sendDueReminders', () => {
  it('reminds each board whose plan is not submitted, once, however often the job runs', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'in_review', submissions: 1, submittedAt: '2027-01-20T00:00:00.000Z' }));
    const first = await sendDueReminders(reminderDay, w);
    expect(first.sent).toBe(1);
    expect(w.notifier.sent.map((message) => [message.boardId, message.kind, message.documentKind])).toEqual([['bromma', 'reminder', 'plan']]);
    expect(await sendDueReminders(reminderDay, w)).toMatchObject({ sent: 0 });
    expect(w.notifier.sent).toHaveLength(1);
  });

  it('sends what failed on the next run', async () => {
    w.notifier.failing = true;
    await expect(sendDueReminders(reminderDay, w)).rejects.toThrow();
    w.notifier.failing = false;
    expect((await sendDueReminders(reminderDay, w)).sent).toBe(2);
  });
});

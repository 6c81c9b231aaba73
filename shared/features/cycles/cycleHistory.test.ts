import { describe, expect, it } from 'vitest';
import { NotFound } from '../../domain/errors';
import { testGoals } from '../../../test/support/testGoals';
import { admin, executive, seedDocument, storedBoard, storedDocument, testCalendar, testWorld } from '../../adapters/memory/fixtures';
import { changeCalendar, createCycle, putCouncilGoals } from './cycles';
import { cycleHistory } from './cycleHistory';
import { signOff } from './signOff';

describe('cycleHistory', () => {
  it('answers every change of the cycle, oldest first: opened, goals replaced, calendar changed, signed off', async () => {
    const w = await testWorld({ empty: true, clock: '2030-11-01T08:00:00.000Z' });
    for (const boardId of ['bromma', 'kista', 'utbildning']) await w.boards.save(storedBoard(boardId), 0);
    const calendar = { ...testCalendar, planDue: '2031-01-31', t1Due: '2031-05-15', t2Due: '2031-09-15', annualDue: '2032-02-15', signoffDue: '2032-04-15' };
    await createCycle({ year: 2031, calendar }, w.as(admin));
    w.clock.advance(60_000);
    await putCouncilGoals({ year: 2031, goals: testGoals }, w.as(admin));
    w.clock.advance(60_000);
    await changeCalendar({ year: 2031, patch: { planDue: '2031-02-07' } }, w.as(admin));
    for (const boardId of ['bromma', 'kista', 'utbildning']) await seedDocument(w, storedDocument({ year: 2031, boardId, kind: 'annual' }, { status: 'approved' }));
    w.clock.advance(60_000);
    await signOff({ year: 2031, body: { comment: 'Klart', companies: [] } }, w.as(executive));

    expect(await cycleHistory(2031, w)).toEqual({
      year: 2031,
      events: [
        { at: '2030-11-01T08:00:00.000Z', actor: admin.sub, role: 'admin', action: 'opened', details: { timeZone: 'Europe/Stockholm' } },
        { at: '2030-11-01T08:01:00.000Z', actor: admin.sub, role: 'admin', action: 'council_goals_replaced', details: { goals: { version: 1, directionGoals: 2, indicators: 3 } } },
        { at: '2030-11-01T08:02:00.000Z', actor: admin.sub, role: 'admin', action: 'calendar_changed', details: { changes: [{ field: 'planDue', from: '2031-01-31', to: '2031-02-07' }] } },
        { at: '2030-11-01T08:03:00.000Z', actor: executive.sub, role: 'executive', action: 'signed_off', comment: 'Klart', details: { companies: 0 } },
      ],
    });
  });

  it('answers 404 for a year never opened', async () => {
    const w = await testWorld();
    await expect(cycleHistory(2019, w)).rejects.toBeInstanceOf(NotFound);
  });
});

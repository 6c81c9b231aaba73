import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, PreconditionFailed, ValidationFailed } from '../../domain/errors';
import { executive, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { CycleRepository } from '../../ports/cycleRepository';
import { signOff } from './signOff';

let w: TestWorld;
const approveAnnual = (boardId: string) => seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 'annual' }, { status: 'approved' }));

beforeEach(async () => {
  w = await testWorld({ clock: '2028-04-01T08:00:00.000Z' });
  await w.boards.save(storedBoard('stadshus', { kind: 'company' }), 0);
});

describe('signOff', () => {
  it('closes the year once every annual report is approved, with a verdict on each company', async () => {
    for (const boardId of ['bromma', 'kista', 'stadshus']) await approveAnnual(boardId);
    const body = { comment: 'Året är avslutat', companies: [{ boardId: 'stadshus', withinPurpose: true }] };
    const signed = await signOff({ year: YEAR, body }, w.as(executive));
    expect(signed).toMatchObject({ state: 'signed_off', version: 2, signedOffBy: executive.sub, signoff: body });
    expect((await w.cycles.events(YEAR)).at(-1)).toEqual({
      at: '2028-04-01T08:00:00.000Z',
      actor: executive.sub,
      role: 'executive',
      action: 'signed_off',
      comment: 'Året är avslutat',
      details: { companies: 1 },
    });
  });

  it('names the boards whose annual report is not approved', async () => {
    await approveAnnual('bromma');
    await expect(signOff({ year: YEAR, body: { comment: '', companies: [] } }, w.as(executive))).rejects.toThrow(/Not approved yet: kista \(not_started\), stadshus \(not_started\)/);
  });

  it("asks for the top-level boards' annual reports only: not a unit's, nor an archived board's with nothing this year", async () => {
    await w.boards.save(storedBoard('alvik', { kind: 'unit', parentId: 'bromma' }), 0);
    await w.boards.save(storedBoard('stadshus-sub', { kind: 'company', parentId: 'stadshus' }), 0);
    await w.boards.save(storedBoard('gamla', { archived: true }), 0);
    await w.boards.save(storedBoard('nedlagd', { archived: true }), 0);
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'alvik', kind: 'annual' }, { status: 'draft', parentId: 'bromma' }));
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'nedlagd', kind: 'plan' }, { status: 'approved' }));
    for (const boardId of ['bromma', 'kista', 'stadshus']) await approveAnnual(boardId);
    const body = { comment: '', companies: [{ boardId: 'stadshus', withinPurpose: true }] };
    await expect(signOff({ year: YEAR, body }, w.as(executive))).rejects.toThrow(/Not approved yet: nedlagd \(not_started\)\.$/);
    await approveAnnual('nedlagd');
    expect(await signOff({ year: YEAR, body }, w.as(executive))).toMatchObject({ state: 'signed_off' });
  });

  it('needs a verdict on every company', async () => {
    for (const boardId of ['bromma', 'kista', 'stadshus']) await approveAnnual(boardId);
    await expect(signOff({ year: YEAR, body: { comment: '', companies: [] } }, w.as(executive))).rejects.toBeInstanceOf(ValidationFailed);
  });

  it('signs off once: a second sign-off is a conflict, and one racing another answers 412', async () => {
    for (const boardId of ['bromma', 'kista', 'stadshus']) await approveAnnual(boardId);
    const body = { comment: '', companies: [{ boardId: 'stadshus', withinPurpose: true }] };
    const racing: CycleRepository = Object.create(w.cycles);
    racing.update = async (cycle, expected, event) => {
      await w.cycles.update({ ...cycle, signedOffBy: 'the other executive' }, expected, { ...event, at: '2028-04-01T07:59:00.000Z' });
      return w.cycles.update(cycle, expected, event);
    };
    await expect(signOff({ year: YEAR, body }, { ...w.as(executive), cycles: racing })).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await w.cycles.get(YEAR))?.signedOffBy).toBe('the other executive');
    await expect(signOff({ year: YEAR, body }, w.as(executive))).rejects.toBeInstanceOf(Conflict);
  });
});

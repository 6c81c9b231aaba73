import { describe, expect, it } from 'vitest';
import { deferred } from './sfn/scheduling';
import { LocalClock } from './clock';
import { devRoutes } from './devRoutes';
import { MemoryPeopleDirectory } from '../shared/adapters/memory/people';
import type { Outbox } from './outbox';
import type { LocalTokenIssuer } from './tokenIssuer';

/** The dev routes over a clock whose moves finish when the test says. */
function routes(clockAnswerWithinMs: number) {
  const clock = LocalClock.open({ start: new Date('2026-01-01T00:00:00Z'), realNow: () => 0 });
  const moves: Array<{ target: Date; done: ReturnType<typeof deferred<void>> }> = [];
  const handle = devRoutes({
    issuer: {} as LocalTokenIssuer,
    outbox: {} as Outbox,
    people: { list: async () => [] },
    boards: { directory: async () => [] },
    clock,
    clockAnswerWithinMs,
    advanceTo: (target) => {
      const done = deferred<void>();
      moves.push({ target, done });
      return done.promise.then(() => clock.advanceTo(target));
    },
  });
  const call = async (method: string, body?: unknown) => {
    const answer = (await handle({ method, path: '/api/dev/clock', body: body === undefined ? '' : JSON.stringify(body) }))!;
    return { ...answer, json: JSON.parse(String(answer.body)) };
  };
  return { clock, moves, call };
}

describe('POST /api/dev/clock', () => {
  it('answers 200 with the new time when the move ends within the bound', async () => {
    const { moves, call } = routes(60_000);
    const answer = call('POST', { now: '2026-02-01T00:00:00Z' });
    await Promise.resolve();
    moves[0]!.done.resolve();
    expect(await answer).toMatchObject({ status: 200, json: { now: '2026-02-01T00:00:00.000Z' } });
    expect((await call('GET')).json).toEqual({ now: '2026-02-01T00:00:00.000Z', moving: false });
  });

  it('answers 202 with a place to poll when the move takes longer, refuses a second move meanwhile, and reports the end', async () => {
    const { moves, call } = routes(0);
    const accepted = await call('POST', { now: '2031-01-01T00:00:00Z' });
    expect(accepted.status).toBe(202);
    expect(accepted.headers?.location).toBe('/api/dev/clock');
    expect(accepted.json).toEqual({ now: '2026-01-01T00:00:00.000Z', target: '2031-01-01T00:00:00.000Z', moving: true });
    expect((await call('GET')).json).toEqual({ now: '2026-01-01T00:00:00.000Z', target: '2031-01-01T00:00:00.000Z', moving: true });

    const refused = await call('POST', { now: '2032-01-01T00:00:00Z' });
    expect(refused.status).toBe(409);
    expect(refused.headers?.['content-type']).toBe('application/problem+json');
    expect(refused.json.detail).toMatch(/still moving to 2031-01-01T00:00:00.000Z.*GET \/api\/dev\/clock/);
    expect(moves).toHaveLength(1);

    moves[0]!.done.resolve();
    await moves[0]!.done.promise;
    await new Promise((resolve) => setImmediate(resolve));
    expect((await call('GET')).json).toEqual({ now: '2031-01-01T00:00:00.000Z', moving: false });
    expect((await call('POST', { now: '2031-01-02T00:00:00Z' })).status).toBe(202);
  });

  it('says when a move in the background failed, and lets the next one start', async () => {
    const { moves, call } = routes(0);
    expect((await call('POST', { now: '2027-01-01T00:00:00Z' })).status).toBe(202);
    moves[0]!.done.reject(new Error('DynamoDB Local went away'));
    await new Promise((resolve) => setImmediate(resolve));
    const state = (await call('GET')).json;
    expect(state).toMatchObject({ moving: false, failed: expect.stringMatching(/2027-01-01T00:00:00.000Z.*DynamoDB Local went away/) });
    expect((await call('POST', { now: '2027-01-01T00:00:00Z' })).status).toBe(202);
  });
});

describe('GET /api/dev/people', () => {
  it('lists the active people of the store by name, each board named and a unit with the board above it', async () => {
    const people = new MemoryPeopleDirectory();
    const event = { at: '2026-01-01T00:00:00.000Z', actor: 'demo-seed', role: 'admin', action: 'invited' as const, changes: [] };
    const person = (userId: string, name: string, boards: string[], active = true) =>
      people.save({ next: { userId, name, email: `${userId}@x.example`, role: boards.length ? 'editor' : 'reviewer', boards, locale: 'sv', active }, event });
    await person('lena.alvik', 'Lena Alvik', ['bromma-alviksskolan']);
    await person('erik.bromma', 'Erik Berg', ['bromma']);
    await person('gone', 'Anders Gammal', [], false);
    const handle = devRoutes({
      issuer: {} as LocalTokenIssuer,
      outbox: {} as Outbox,
      clock: LocalClock.open({ start: new Date('2026-01-01T00:00:00Z'), realNow: () => 0 }),
      advanceTo: async () => undefined,
      people,
      boards: {
        directory: async () => [
          { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
          { boardId: 'bromma-alviksskolan', name: 'Alviksskolan', kind: 'unit', parentId: 'bromma' },
        ],
      },
    });
    const answer = (await handle({ method: 'GET', path: '/api/dev/people', body: '' }))!;
    expect(answer.status).toBe(200);
    expect(JSON.parse(String(answer.body)).people).toEqual([
      { userId: 'erik.bromma', name: 'Erik Berg', email: 'erik.bromma@x.example', role: 'editor', locale: 'sv', boards: [{ boardId: 'bromma', name: 'Bromma stadsdelsnämnd' }] },
      {
        userId: 'lena.alvik',
        name: 'Lena Alvik',
        email: 'lena.alvik@x.example',
        role: 'editor',
        locale: 'sv',
        boards: [{ boardId: 'bromma-alviksskolan', name: 'Alviksskolan', parent: { boardId: 'bromma', name: 'Bromma stadsdelsnämnd' } }],
      },
    ]);
  });
});

import { z } from 'zod';
import { roles } from '../shared/domain/actor';
import { BadRequest, Conflict, DomainError, ValidationFailed } from '../shared/domain/errors';
import { problemFor } from '../shared/http/problem';
import type { BoardRepository } from '../shared/ports/boardRepository';
import type { PeopleDirectory } from '../shared/ports/people';
import type { LocalClock } from './clock';
import type { LocalResponse } from './httpServer';
import type { Outbox } from './outbox';
import type { LocalTokenIssuer } from './tokenIssuer';

const tokenRequest = z.object({
  sub: z.string().min(1).max(128),
  role: z.enum(roles),
  boards: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/)).max(100).optional(),
  /** The person's name, as Cognito's `name` attribute carries it. */
  name: z.string().trim().min(1).max(200).optional(),
  email: z.email().optional(),
  locale: z.enum(['sv', 'en']).optional(),
});

const clockRequest = z.object({ now: z.iso.datetime({ offset: true }) });

export interface DevRouteDeps {
  issuer: LocalTokenIssuer;
  clock: LocalClock;
  outbox: Outbox;
  /** The local user store, listed by GET /api/dev/people for the sign-in page. */
  people: Pick<PeopleDirectory, 'list'>;
  boards: Pick<BoardRepository, 'directory'>;
  /** Moves the clock forward to `target`, running every scheduled job due on the way, each at its time. */
  advanceTo(target: Date): Promise<void>;
  /** How long POST /api/dev/clock waits for a move before answering 202 and letting it go on (default 20 s). */
  clockAnswerWithinMs?: number;
  log?: (line: string) => void;
}

/** A POST /api/dev/clock waits this long for the move before answering 202. */
export const CLOCK_ANSWER_WITHIN_MS = 20_000;

/**
 * The contract's local-only routes: dev token, clock, outbox, and the people of the local user store. They exist
 * only in `npm start`.
 *
 * GET /api/dev/people lists the active people of the store with their boards (each with its name, and a unit's with
 * the board above it), by name: the local sign-in page offers them.
 *
 * POST /api/dev/clock moves the clock and runs what falls due on the way. A move done within
 * `clockAnswerWithinMs` answers 200 `{ now }`; a longer one answers 202 `{ now, target, moving: true }` with
 * `Location: /api/dev/clock` and goes on in the background: GET /api/dev/clock answers `{ now, target, moving }`
 * (and `failed`, when the last move stopped on an error) until `moving` is false. Another POST while a move runs
 * answers 409.
 */
export function devRoutes(deps: DevRouteDeps) {
  let moving: { target: string } | undefined;
  let failed: string | undefined;
  const clockState = () => ({ now: deps.clock.now().toISOString(), moving: moving !== undefined, ...(moving ? { target: moving.target } : {}), ...(failed ? { failed } : {}) });
  return async (request: { method: string; path: string; body: string }): Promise<LocalResponse | undefined> => {
    if (!request.path.startsWith('/api/dev/')) return undefined;
    try {
      const key = `${request.method} ${request.path}`;
      switch (key) {
        case 'POST /api/dev/token': {
          const claims = parse(tokenRequest, request.body);
          return json(200, { token: await deps.issuer.issue(claims) });
        }
        case 'GET /api/dev/clock':
          return json(200, clockState());
        case 'POST /api/dev/clock': {
          const { now } = parse(clockRequest, request.body);
          const target = new Date(now);
          if (moving) {
            throw new Conflict(`The clock is still moving to ${moving.target}: GET /api/dev/clock until "moving" is false, then ask again.`);
          }
          if (target.getTime() < deps.clock.now().getTime()) {
            throw new Conflict(`The clock only moves forward: it is ${deps.clock.now().toISOString()}; choose a later instant.`);
          }
          moving = { target: target.toISOString() };
          failed = undefined;
          const move = deps.advanceTo(target).then(
            () => 'done' as const,
            (error: unknown) => {
              failed = `The move to ${target.toISOString()} stopped at ${deps.clock.now().toISOString()}: ${(error as Error).message}`;
              deps.log?.(failed);
              throw error;
            },
          );
          void move.finally(() => (moving = undefined)).catch(() => undefined);
          const within = deps.clockAnswerWithinMs ?? CLOCK_ANSWER_WITHIN_MS;
          let timer: NodeJS.Timeout | undefined;
          const answered = await Promise.race([move, new Promise<'moving'>((resolve) => (timer = setTimeout(() => resolve('moving'), Math.max(0, within))))]).finally(() =>
            clearTimeout(timer),
          );
          if (answered === 'done') return json(200, { now: deps.clock.now().toISOString() });
          return { ...json(202, clockState()), headers: { ...json(202, null).headers, location: '/api/dev/clock' } };
        }
        case 'GET /api/dev/people':
          return json(200, { people: await signInPeople(deps) });
        case 'GET /api/dev/outbox':
          return json(200, { messages: await deps.outbox.list() });
        default:
          return undefined;
      }
    } catch (error) {
      const { problem, headers } = problemFor(error);
      if (!(error instanceof DomainError)) process.stderr.write(`dev route failed: ${(error as Error).stack}\n`);
      return { status: problem.status, headers: { 'content-type': 'application/problem+json', ...headers }, body: JSON.stringify(problem) };
    }
  };
}

/** One person the local sign-in page offers: what POST /api/dev/token needs, and the names of their boards. */
export interface SignInPerson {
  userId: string;
  name: string;
  email: string;
  role: string;
  locale: 'sv' | 'en';
  boards: Array<{ boardId: string; name: string; parent?: { boardId: string; name: string } }>;
}

async function signInPeople(deps: Pick<DevRouteDeps, 'people' | 'boards'>): Promise<SignInPerson[]> {
  const [people, directory] = await Promise.all([deps.people.list(), deps.boards.directory()]);
  const byId = new Map(directory.map((board) => [board.boardId, board]));
  const named = (boardId: string) => ({ boardId, name: byId.get(boardId)?.name ?? boardId });
  return people
    .filter((person) => person.active)
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map(({ userId, name, email, role, locale, boards }) => ({
      userId,
      name,
      email,
      role,
      locale,
      boards: boards.map((boardId) => {
        const parentId = byId.get(boardId)?.parentId;
        return { ...named(boardId), ...(parentId ? { parent: named(parentId) } : {}) };
      }),
    }));
}

function parse<T>(schema: z.ZodType<T>, body: string): T {
  let value: unknown;
  try {
    value = JSON.parse(body || 'null');
  } catch {
    throw new BadRequest('The body is not valid JSON.');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ValidationFailed(
      'Some fields are not valid: correct each one listed in errors.',
      result.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
    );
  }
  return result.data;
}

function json(status: number, body: unknown): LocalResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

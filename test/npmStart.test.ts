import { spawn, type ChildProcess } from 'node:child_process';
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../local/ports';
import { demoBoards, demoUnits } from '../local/seed';

/** `npm start` as a user runs it: its own DynamoDB Local, data in DATA_DIR, stopped with SIGTERM. */
describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'arshjul-start-'));
  let child: ChildProcess | undefined;
  let base = '';

  interface StartOptions {
    /** Another DATA_DIR than the suite's (a fresh, empty one). */
    dataDir?: string;
    env?: Record<string, string>;
    /** Called with every health answer while starting; the start waits for it. */
    onHealth?: (answer: Response) => Promise<void>;
  }

  async function start(options: StartOptions = {}) {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts'], {
      env: { ...process.env, PORT: String(port), DATA_DIR: options.dataDir ?? dataDir, VITEST: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    // The lived demo files two years through the use cases on DynamoDB Local's files: a minute on a loaded machine.
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      const answer = await fetch(`${base}/api/health`).catch(() => undefined);
      if (answer) await options.onHealth?.(answer);
      if (answer?.ok && output.includes('Årshjul is running')) return output;
      if (Date.now() > deadline) throw new Error(`not ready within 150 s:\n${output}`);
      // Polled often: a health answer during seeding must not slip between two polls.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function stop() {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
    const answer = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : undefined };
  }

  const token = async (claims: object) => (await call('POST', '/api/dev/token', undefined, claims)).body.token as string;

  afterAll(async () => {
    await stop();
  });

  it('answers health ok only once the demo is seeded: 503 with Retry-After before, and the cycle and its goals at the first ok', async () => {
    const notReady: Array<{ status: number; retryAfter: string | null; type: string | null; body: { detail?: string } }> = [];
    let atFirstOk: { councilGoals: number; cycle: number; boards: number; brommaPlan: string; unitPlan: string } | undefined;
    await start({
      dataDir: mkdtempSync(join(tmpdir(), 'arshjul-start-ready-')),
      onHealth: async (answer) => {
        if (!answer.ok) {
          notReady.push({ status: answer.status, retryAfter: answer.headers.get('retry-after'), type: answer.headers.get('content-type'), body: await answer.json() });
          return;
        }
        await answer.body?.cancel();
        if (atFirstOk) return;
        // What a client sees right after the first ok, the plans first: the seed files them last (the units' drafts last of all).
        const reader = await token({ sub: 'rut', role: 'reviewer' });
        const unitPlan = (await call('GET', '/api/cycles/2026/boards/bromma-alviksskolan/documents/plan', reader)).body.status;
        const brommaPlan = (await call('GET', '/api/cycles/2026/boards/bromma/documents/plan', reader)).body.status;
        const councilGoals = (await call('GET', '/api/cycles/2026/council-goals', reader)).status;
        const cycle = (await call('GET', '/api/cycles/2026', reader)).status;
        const boards = (await call('GET', '/api/boards', reader)).body.boards.length;
        atFirstOk = { councilGoals, cycle, boards, brommaPlan, unitPlan };
      },
    });
    expect(atFirstOk).toEqual({ councilGoals: 200, cycle: 200, boards: demoBoards.length + demoUnits.length, brommaPlan: 'approved', unitPlan: 'draft' });
    expect(notReady.length).toBeGreaterThan(0);
    for (const answer of notReady) {
      expect(answer).toMatchObject({ status: 503, type: expect.stringContaining('application/problem+json') });
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      expect(answer.body.detail).toContain('seeding the demo');
    }
    await stop();
  }, 240_000);

  it('starts empty with DEMO=off, for a city trying it on its own data', async () => {
    const output = await start({ dataDir: mkdtempSync(join(tmpdir(), 'arshjul-start-empty-')), env: { DEMO: 'off' } });
    expect(output).not.toContain('Seeded the demo');
    expect(output).toContain('DEMO=off');
    const admin = await token({ sub: 'anna', role: 'admin' });
    expect((await call('GET', '/api/boards', admin)).body.boards).toEqual([]);
    expect((await call('GET', '/api/cycles', admin)).body.cycles).toEqual([]);
    expect((await call('GET', '/api/cycles/2026', admin)).status).toBe(404);
    expect((await call('PUT', '/api/boards/egen-namnd', admin, { name: 'Egen nämnd', kind: 'specialist', contacts: ['kansli@example.org'] })).status).toBe(201);
    await stop();
  }, 180_000);

  it('keeps boards and waiting workflows across a restart, and leaves no Java process behind', async () => {
    const output = await start();
    expect(output).toContain('Seeded the demo');
    expect(output).toContain('/api/dev/token');
    const admin = await token({ sub: 'anna', role: 'admin' });
    // A board of its own: the lived demo has filed every demo board's 2026 plan already.
    const editor = await token({ sub: 'klara', role: 'editor', boards: ['e2e-board'] });

    expect((await call('PUT', '/api/boards/e2e-board', admin, { name: 'Provnämnden', kind: 'specialist', contacts: ['prov@example.org'] })).status).toBe(201);
    const plan = {
      content: {
        targets: [
          { indicatorId: 'KF-ELEV-1', target: 88 },
          { indicatorId: 'KF-ALD-1', target: 86 },
          { indicatorId: 'KF-PERS-1', target: 6.2 },
          { indicatorId: 'KF-EKON-1', target: 0.5 },
        ],
      },
    };
    expect((await call('PUT', '/api/cycles/2026/boards/e2e-board/documents/plan', editor, plan, { 'if-match': '"0"' })).status).toBe(200);
    expect((await call('POST', '/api/cycles/2026/boards/e2e-board/documents/plan/submit', editor)).status).toBe(202);

    await stop();
    expect(execSync(`pgrep -f 'DynamoDBLoca[l].*${dataDir}' || true`).toString().trim()).toBe('');

    const again = await start();
    expect(again).not.toContain('Seeded the demo');
    const reviewer = await token({ sub: 'rut', role: 'reviewer' });
    const boards = await call('GET', '/api/boards', reviewer);
    expect(boards.body.boards.map((board: { boardId: string }) => board.boardId)).toContain('e2e-board');

    // The review execution started before the restart is still waiting, and completes now.
    const approved = await call('POST', '/api/cycles/2026/boards/e2e-board/documents/plan/decision', reviewer, { decision: 'approve', comment: 'Godkänd.' });
    expect(approved.status).toBe(200);
    const clock = await call('GET', '/api/dev/clock');
    await call('POST', '/api/dev/clock', undefined, { now: new Date(Date.parse(clock.body.now) + 1000).toISOString() });
    const outbox = await call('GET', '/api/dev/outbox');
    expect(outbox.body.messages).toContainEqual(expect.objectContaining({ kind: 'approved', boardId: 'e2e-board', documentKind: 'plan' }));
  }, 420_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newVisitor, pollPatience, signIn } from '../test/browser/support';
import { admin, executive, reviewer, startTestStack, type TestStack } from '../test/support/localStack';
import { buildWeb } from '../web/build';
import { demoBoardPlans, demoBoards, demoPeople, demoReportSections, demoUnitDrafts, demoUnits, seedDemo } from './seed';
import { LIVED_DEMO_TODAY } from './seedLived';
import { seedPeople } from './seedPeople';

const documentPath = (year: number, boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
type Row = { boardId: string; documents: Record<string, { status: string; late: boolean }> };

/** The lived demo npm start seeds: 2025 signed off with its outcomes, 2026 in flight as on 2026-12-04. */
describe('the lived demo', () => {
  let t: TestStack;
  let seedMs = 0;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildWeb();
    t = await startTestStack({ clockStart: LIVED_DEMO_TODAY });
    const started = Date.now();
    expect(await seedDemo(t.stack.deps, { plans: true, lived: true })).toEqual({ seeded: true });
    // As npm start does: the sign-in page lists the people in the local user store.
    await seedPeople(t.stack.deps);
    seedMs = Date.now() - started;
    // The workflows' last steps (the boards' notices) and the periods' closing run behind the seed.
    await t.stack.runDueJobs();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('signs 2025 off with every top-level annual report approved and a purpose review of every company', async () => {
    const cycle = await t.api('GET', '/api/cycles/2025', { as: reviewer });
    expect(cycle.body.state).toBe('signed_off');
    expect(cycle.body.signedOffAt).toMatch(/^2026-04-14/);
    const status = await t.api('GET', '/api/cycles/2025/status', { as: reviewer });
    expect(status.body.boards).toHaveLength(demoBoards.length);
    for (const row of status.body.boards as Row[]) {
      for (const kind of ['plan', 't1', 't2', 'annual']) expect(row.documents[kind]!.status, `${row.boardId} ${kind}`).toBe('approved');
    }
    const companies = demoBoards.filter((board) => board.kind === 'company').map((board) => board.boardId);
    expect((cycle.body.signoff?.companies ?? []).map((verdict: { boardId: string }) => verdict.boardId).sort()).toEqual(companies.sort());
    const signoff = await t.api('GET', '/api/cycles/2025/signoff', { as: executive });
    expect(signoff.status).toBeLessThan(500);
  });

  it("dates 2025's history in its year: Skärholmen's plan returned for a target below the council's, then approved", async () => {
    const history = await t.api('GET', `${documentPath(2025, 'skarholmen', 'plan')}/history`, { as: reviewer });
    expect(history.body.events.map((event: { action: string }) => event.action)).toEqual(['saved', 'submitted', 'returned', 'saved', 'resubmitted', 'approved']);
    for (const event of history.body.events) expect(event.at, event.action).toMatch(/^2025-0[12]-/);
    const plan = await t.api('GET', documentPath(2025, 'skarholmen', 'plan'), { as: reviewer });
    expect(plan.body.comments[0]).toMatchObject({ decision: 'return', indicatorComments: [expect.objectContaining({ indicatorId: 'KF-ELEV-1' }), expect.objectContaining({ indicatorId: 'KF-PERS-1' })] });
    // The annual reports: outcomes, goal assessments, and an internal control below sufficient says why.
    const farsta = await t.api('GET', documentPath(2025, 'farsta', 'annual'), { as: reviewer });
    expect(farsta.body.content.internalControl).toMatchObject({ assessment: 'partly_sufficient', comment: expect.stringContaining('attest') });
    expect(farsta.body.content.indicators.every((row: { outcome?: number }) => typeof row.outcome === 'number')).toBe(true);
    const assessments = new Set<string>();
    for (const { boardId } of demoBoards) {
      const annual = await t.api('GET', documentPath(2025, boardId, 'annual'), { as: reviewer });
      for (const goal of annual.body.content.goals) assessments.add(goal.assessment);
    }
    expect([...assessments].sort()).toEqual(['fulfilled', 'not', 'partly']);
  });

  it("gives 2025's public meters data, some boards reaching their targets and others not, and 2026 a previous year", async () => {
    const meters = await t.api('GET', '/api/public/cycles/2025/meters');
    expect(meters.status).toBe(200);
    const values = meters.body.meters.map((meter: { value: number | null }) => meter.value);
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((value: number | null) => typeof value === 'number'), JSON.stringify(values)).toBe(true);
    // Every indicator has every board's annual outcome; some boards reach their targets and others do not.
    type MeterBoard = { boardId: string; outcome: number | null; period: string | null; status: string | null };
    const boardRows: MeterBoard[] = meters.body.meters.flatMap((meter: { boards: MeterBoard[] }) => meter.boards);
    expect(boardRows.every((row) => typeof row.outcome === 'number' && row.period === 'annual'), JSON.stringify(boardRows.filter((row) => row.period !== 'annual'))).toBe(true);
    expect(new Set(boardRows.map((row) => row.status))).toEqual(new Set(['met', 'not_met']));
    const elev = meters.body.meters.find((meter: { indicatorId: string }) => meter.indicatorId === 'KF-ELEV-1').boards as MeterBoard[];
    const outcome = (boardId: string) => elev.find((row) => row.boardId === boardId)!.outcome!;
    expect(outcome('ostermalm')).toBeGreaterThan(outcome('rinkeby-kista'));
    const csv = await t.api('GET', '/api/public/cycles/2025/meters.csv');
    expect(csv.status).toBe(200);
    const current = await t.api('GET', '/api/public/cycles/2026/meters');
    expect(current.status).toBe(200);
    expect(current.body.meters.some((meter: { trend: { previousYear: number } | null }) => meter.trend?.previousYear === 2025), JSON.stringify(current.body.meters)).toBe(true);
    const series = await t.api('GET', '/api/public/indicators/KF-ELEV-1');
    expect(series.status).toBe(200);
    expect(JSON.stringify(series.body)).toContain('2025');
  });

  it('leaves 2026 in flight: plans approved but one returned, T1 approved for most, T2 in every status, no annual report yet', async () => {
    const status = await t.api('GET', '/api/cycles/2026/status', { as: reviewer });
    const rows = status.body.boards as Row[];
    const count = (kind: string) => rows.reduce<Record<string, number>>((counts, row) => ({ ...counts, [row.documents[kind]!.status]: (counts[row.documents[kind]!.status] ?? 0) + 1 }), {});
    expect(count('plan')).toEqual({ approved: demoBoards.length - 1, returned: 1 });
    expect(count('t1').approved).toBeGreaterThan(demoBoards.length * 0.8);
    expect(Object.keys(count('t2')).sort()).toEqual(['approved', 'draft', 'in_review', 'not_started', 'returned']);
    expect(count('annual')).toEqual({ not_started: demoBoards.length });
    // What the plain seed files for Bromma and Utbildningsnämnden and their units stands as it did.
    for (const { boardId, content } of demoBoardPlans) {
      const plan = await t.api('GET', documentPath(2026, boardId, 'plan'), { as: reviewer });
      expect(plan.body).toMatchObject({ status: 'approved', content });
    }
    for (const { boardId } of demoUnitDrafts) expect((await t.api('GET', documentPath(2026, boardId, 'plan'), { as: reviewer })).body.status).toBe('draft');
  });

  it('gives the review queue, the late list and the reminders something to show', async () => {
    const queue = await t.api('GET', '/api/review-queue?year=2026', { as: reviewer });
    expect(queue.body.documents.length).toBeGreaterThanOrEqual(5);
    const late = await t.api('GET', '/api/cycles/2026/late', { as: reviewer });
    // The units' plans are late too (the plain seed leaves them in draft or not started); the story is the boards'.
    const topLevel = new Set(demoBoards.map((board) => board.boardId));
    const lateBoards = new Set(late.body.late.map((entry: { boardId: string }) => entry.boardId).filter((boardId: string) => topLevel.has(boardId)));
    expect(lateBoards.has('skarpnack')).toBe(true);
    expect(lateBoards.size).toBeGreaterThanOrEqual(3);
    expect(lateBoards.size).toBeLessThan(demoBoards.length / 2);
    // The periods that have passed closed on what was handed in.
    const cycle = await t.api('GET', '/api/cycles/2026', { as: admin });
    expect(cycle.status).toBe(200);
  });

  it("gives every board a budget (companies a return requirement) and the city's sections, in both years", async () => {
    for (const year of [2025, 2026]) {
      const budget = await t.api('GET', `/api/cycles/${year}/budget`, { as: reviewer });
      expect(budget.status).toBe(200);
      const lines = new Map(budget.body.boards.map((line: { boardId: string }) => [line.boardId, line]));
      for (const board of demoBoards) {
        expect(lines.get(board.boardId), `${year} ${board.boardId}`).toMatchObject(board.kind === 'company' ? { netCost: 0, returnRequirement: expect.any(Number) } : { netCost: expect.any(Number) });
      }
      expect(lines.has(demoUnits[0]!.boardId)).toBe(year === 2026);
      const sections = await t.api('GET', `/api/cycles/${year}/report-sections`, { as: reviewer });
      expect(sections.body.sections.map((section: { id: string }) => section.id)).toEqual(demoReportSections.map((section) => section.id));
    }
  });

  it("reports the money and the sections: deviations past 1 % explained, deficits and forecasts short of targets found", async () => {
    // 2025's annual reports: the year's outcome, its explanation past the threshold, the required sections written.
    let explained = 0;
    for (const board of demoBoards) {
      const annual = (await t.api('GET', documentPath(2025, board.boardId, 'annual'), { as: reviewer })).body;
      const economy = annual.content.economy;
      expect(economy?.outcome, board.boardId).toEqual(expect.any(Number));
      if (economy.comment) explained += 1;
      const written = (annual.content.sections ?? []).map((entry: { sectionId: string }) => entry.sectionId);
      expect(written, board.boardId).toEqual(expect.arrayContaining(board.kind === 'company' ? ['kvalitetsutveckling', 'agenda-2030', 'jamstalldhet'] : ['kvalitetsutveckling', 'agenda-2030', 'jamstalldhet', 'barnets-rattigheter']));
    }
    expect(explained).toBeGreaterThanOrEqual(3);
    // 2026 in flight: the T2s answer their findings, a deficit among them and an indicator forecast short of its target.
    const codes = new Set<string>();
    for (const board of demoBoards) {
      const t2 = (await t.api('GET', documentPath(2026, board.boardId, 't2'), { as: reviewer })).body;
      for (const finding of t2.findings) codes.add(finding.code);
    }
    expect([...codes]).toEqual(expect.arrayContaining(['FORECAST_DEFICIT', 'FORECAST_BELOW_TARGET']));
    const economy = await t.api('GET', '/api/cycles/2026/economy', { as: executive });
    expect(economy.status).toBe(200);
    const over = economy.body.boards.filter((row: { latest: string | null; reports: Record<string, { deviationPercent: number | null; comment?: string } | null> }) => {
      const figures = row.latest ? row.reports[row.latest] : null;
      return figures && (figures.deviationPercent ?? 0) > 1 && figures.comment;
    });
    expect(over.length, JSON.stringify(economy.body.total)).toBeGreaterThanOrEqual(2);
    expect(economy.body.total).toMatchObject({ budgeted: demoBoards.length });
    expect(economy.body.total.reported).toBeGreaterThan(demoBoards.length * 0.8);
  });

  it('is quick enough for npm start, and does nothing a second time', async () => {
    // npm start's test waits 150 s for the whole start, on a shared, loaded machine.
    expect(seedMs).toBeLessThan(60_000);
    expect(await seedDemo(t.stack.deps, { plans: true, lived: true })).toEqual({ seeded: false });
  });

  /** Opens the start page as a new person (signed in as `person`, or anonymous); answers what erred in the console. */
  async function startPage(person: { name: string } | undefined): Promise<string[]> {
    browser ??= await launchBrowser();
    const who = person?.name ?? 'anonymous';
    const { context, page, errors } = await newVisitor(browser, t.stack.url);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    if (person) await signIn(page, new RegExp(person.name));
    else await page.goto('/');
    // The header's links name the resolved year: the public meters' for everyone, the overview's once signed in.
    await expect.poll(() => page.locator('header a[href="/public/cycles/2026/meters"]').count(), { ...pollPatience, message: who }).toBe(1);
    if (person) await expect.poll(() => page.locator('header a[href="/cycles/2026"]').count(), { ...pollPatience, message: who }).toBe(1);
    await page.waitForLoadState('networkidle');
    await context.close();
    return errors;
  }

  let anonymousErrors: string[] = [];
  const known2027 = (error: string) => /\/api\/public\/cycles\/2027\/meters|Failed to load resource/.test(error);

  it("lands a new person on 2026 from the server's clock, anonymous or signed in as each role, with nothing erring in the console or the server's log", async () => {
    // The handlers log to the process's output: an ERROR line while the start page loads is a failure too.
    const serverErrors: string[] = [];
    const writes = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
    const watch = (write: typeof writes.out) =>
      ((chunk: string | Uint8Array, ...rest: never[]) => {
        if (/"level":"(ERROR|CRITICAL)"/.test(String(chunk))) serverErrors.push(String(chunk).slice(0, 500));
        return write(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = watch(writes.out);
    process.stderr.write = watch(writes.err);
    try {
      anonymousErrors = await startPage(undefined);
      expect(anonymousErrors.filter((error) => !known2027(error))).toEqual([]);
      for (const person of [demoPeople.admin, demoPeople.brommaEditor, demoPeople.unitEditor, demoPeople.reviewer, demoPeople.executive]) {
        // Signing in passes the sign-in page, which a visitor sees anonymous: its one 404 is the case below.
        const errors = (await startPage(person)).filter((error) => !known2027(error));
        expect(errors, person.name).toEqual([]);
      }
    } finally {
      process.stdout.write = writes.out;
      process.stderr.write = writes.err;
    }
    expect(serverErrors).toEqual([]);
  }, 180_000);

  // From October the web app guesses next year's round (web/src/lib/session.ts); the public list of years
  // (GET /api/public/cycles) lets an anonymous visitor land on 2026 without asking for 2027's meters.
  it("asks for no year that does not exist when an anonymous visitor lands on 2026's public meters", () => {
    expect(anonymousErrors).toEqual([]);
  });
});

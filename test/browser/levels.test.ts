/**
 * Organisation levels in a real browser: a unit's editor plans against the parent's targets (and waits while the
 * parent's plan is not approved), the parent's office reviews the unit in its own queue and decides, the overview
 * drills down from the boards into a board's units at an address that lasts, and the parent's tertial report takes
 * its units' roll-up with one button. Every page in Swedish and English, with axe. The boards, units and documents
 * are made here through the API, in a year of their own (2027), not taken from the demo seed.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, type Caller, type TestStack } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack, inBothLanguages } from './support';

const year = 2027;
const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15', unitLeadDays: 14 };
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad där alla kan leva ett gott liv',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skolan',
          indicators: [
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, rollup: 'weighted', weightBy: 'pupils' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, rollup: 'mean' },
          ],
        },
      ],
    },
  ],
};
// The parent's office is the demo's Erik Berg (erik.bromma); the unit's editor Lena Alvik (lena.alvik).
const bromma: Caller = { sub: 'erik.bromma', role: 'editor', boards: ['bromma'] };
const alvik = 'bromma-alviksskolan';
const units = [
  { boardId: alvik, name: 'Alviksskolan', pupils: 420 },
  { boardId: 'bromma-appelviksskolan', name: 'Äppelviksskolan', pupils: 180 },
  { boardId: 'bromma-ulvsundaskolan', name: 'Ulvsundaskolan', pupils: 300 },
];
const parentPlan = {
  targets: [
    { indicatorId: 'KF-1', target: 91 },
    { indicatorId: 'KF-2', target: 5.5 },
  ],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: [] }],
  ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10, rollup: 'sum' }],
  risks: [],
  controls: [],
};
const unitPlan = {
  targets: [
    { indicatorId: 'KF-1', target: 92 },
    { indicatorId: 'KF-2', target: 5 },
    { indicatorId: 'N1-1', target: 3 },
  ],
  goals: [{ id: 'S1', title: 'Behöriga lärare i varje klass', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: [] }],
};
const unitT1 = (kf1: [number, number], kf2: [number, number], teachers: [number, number], assessment: string) => ({
  indicators: [
    { indicatorId: 'KF-1', outcome: kf1[0], forecast: kf1[1] },
    { indicatorId: 'KF-2', outcome: kf2[0], forecast: kf2[1] },
    { indicatorId: 'N1-1', outcome: teachers[0], forecast: teachers[1] },
  ],
  goals: [{ goalId: 'S1', assessment }],
});
const api = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
const url = (boardId: string, kind: string) => `/cycles/${year}/boards/${boardId}/documents/${kind}`;

async function ok(answer: Promise<{ status: number; body: unknown }>, ...expected: number[]) {
  const { status, body } = await answer;
  expect(expected, `${status}: ${JSON.stringify(body)}`).toContain(status);
  return body as any;
}

/** Saves a document as its board's editor, submits it and has `decider` approve it. */
async function approve(t: TestStack, boardId: string, kind: string, content: object, decider: Caller) {
  const current = await t.api('GET', api(boardId, kind), { as: editorOf(boardId) });
  await ok(t.api('PUT', api(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content } }), 200);
  await ok(t.api('POST', `${api(boardId, kind)}/submit`, { as: editorOf(boardId) }), 202);
  await t.stack.runDueJobs();
  await ok(t.api('POST', `${api(boardId, kind)}/decision`, { as: decider, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
  await t.stack.runDueJobs();
}


const text = (page: Page, selector: string) => page.locator(selector).first().textContent().then((s) => s ?? '');

describe('organisation levels in the browser', () => {
  const env = useBrowserStack(async (t) => {
    const boards = [
      { boardId: 'bromma', body: { name: 'Bromma stadsdelsnämnd', kind: 'district' } },
      { boardId: 'utbildning', body: { name: 'Utbildningsnämnden', kind: 'specialist' } },
      { boardId: 'utbildning-norra-real', body: { name: 'Norra Real', kind: 'unit', parentId: 'utbildning', attributes: { pupils: 1100 } } },
      ...units.map((u) => ({ boardId: u.boardId, body: { name: u.name, kind: 'unit', parentId: 'bromma', attributes: { pupils: u.pupils } } })),
    ];
    // Create or update: the demo may have the same boards; the test does not rely on them.
    for (const { boardId, body } of boards) await ok(t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { ...body, contacts: [`kansli@${boardId}.example`] } }), 200, 201);
    await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
    await ok(t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals }), 200);
    // Bromma's plan is approved by the city's reviewer; two of its three units have approved plans and T1 reports,
    // decided by Bromma's office. Alviksskolan's plan is left to its editor in the browser.
    await approve(t, 'bromma', 'plan', parentPlan, reviewer);
    for (const [boardId, report] of [
      ['bromma-appelviksskolan', unitT1([96, 94], [7, 6.5], [1, 2], 'partly')],
      ['bromma-ulvsundaskolan', unitT1([80, 82], [5, 5.5], [3, 4], 'fulfilled')],
    ] as const) {
      await approve(t, boardId, 'plan', unitPlan, bromma);
      await approve(t, boardId, 't1', report, bromma);
    }
  });

  it("shows the units' people on the sign-in page, recognisable by their unit and its board", { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await page.goto('/signin');
    const units = page.getByRole('region', { name: /Enheter: fyller i enhetens planer och rapporter/ });
    await inBothLanguages(
      page,
      'levels-01-signin',
      async () => {
        await units.waitFor();
        expect(await units.getByRole('button', { name: /Lena Alvik/ }).textContent()).toContain('Alviksskolan (enhet i Bromma stadsdelsnämnd)');
        expect(await units.getByRole('button', { name: /Olof Norén/ }).textContent()).toContain('Norra Real (enhet i Utbildningsnämnden)');
        // Utbildningsnämnden's office signs in with the boards.
        expect(await page.getByRole('region', { name: /Nämnder och bolag/ }).getByRole('button', { name: /Ulla Ek/ }).textContent()).toContain('Utbildningsnämnden');
      },
      async () => {
        await page.getByRole('region', { name: /Units: fill in the unit's plans and reports/ }).getByText('Alviksskolan (a unit in Bromma stadsdelsnämnd)').waitFor();
      },
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a unit plan only once its parent's plan is approved", { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Olof Norén/);
    await page.goto(url('utbildning-norra-real', 'plan'));
    await inBothLanguages(
      page,
      'levels-02-unit-plan-waiting',
      async () => {
        await page.getByText('Enheten kan planera när verksamhetsplanen för Utbildningsnämnden är godkänd', { exact: false }).waitFor();
        expect(await page.getByRole('button', { name: 'Skicka in för granskning' }).isDisabled()).toBe(true);
        expect(await text(page, '#submit-why')).toContain('Utbildningsnämnden');
      },
      async () => {
        await page.getByText('The unit can plan once the operations plan of Utbildningsnämnden is approved', { exact: false }).waitFor();
      },
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes a unit's plan against its parent's targets through the parent's queue and decision", { timeout: 240_000 }, async () => {
    // ── The unit's editor: the parent's indicators with the parent's targets beside them ─────────────────────
    const unit = await env.visitor();
    const { page } = unit;
    await signIn(page, /Lena Alvik/);
    await page.goto(url(alvik, 'plan'));
    await page.getByRole('heading', { level: 1, name: `Verksamhetsplan ${year}` }).waitFor();
    expect(await text(page, '.eyebrow')).toContain('Enhet under Bromma stadsdelsnämnd');
    const document = await ok(env.t.api('GET', api(alvik, 'plan'), { as: editorOf(alvik) }), 200);
    expect(await text(page, '.doc-meta')).toContain('2027'); // its own due date, from the document
    expect(document.due).toBeDefined();
    expect(await page.locator('#f-targets-KF-1-aside').textContent()).toBe('Årsmål för Bromma stadsdelsnämnd: 91 %. Högre värde är bättre.');
    expect(await page.locator('#f-targets-N1-1-aside').textContent()).toContain('10 st');
    // Less ambitious than the parent's 91: warned as the parent will see it.
    await page.locator('#f-targets-KF-1').fill('89');
    expect(await page.locator('#f-targets-KF-1-warn').textContent()).toContain('mindre ambitiöst än målet för Bromma stadsdelsnämnd, 91 %');
    await page.locator('#f-targets-KF-2').fill('5,2');
    // A sum (teachers hired) is the units' together: a unit's part is not warned against the parent's whole.
    await page.locator('#f-targets-N1-1').fill('4');
    expect(await page.locator('#f-targets-N1-1-aside').textContent()).toContain('summan för alla enheter');
    expect(await page.locator('#f-targets-N1-1-warn').count()).toBe(0);
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    await page.locator('#f-goals-N1-title').fill('Varje elev läser varje dag');
    await page.locator('#f-goals-N1-areaGoalId').selectOption('D1.1');
    await page.locator('#f-goals-N1-parentGoalId').selectOption('N1');
    // Saved, the form still plans against the parent (the save's answer carries no parent plan; the page keeps it).
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    expect(await page.locator('#f-targets-KF-1-aside').textContent()).toBe('Årsmål för Bromma stadsdelsnämnd: 91 %. Högre värde är bättre.');
    await inBothLanguages(
      page,
      'levels-03-unit-plan',
      async () => {
        expect(await page.getByLabel('Konkretiserar målet för Bromma stadsdelsnämnd').inputValue()).toBe('N1');
      },
      async () => {
        await page.getByRole('heading', { name: "1. The unit's annual targets" }).waitFor();
        expect(await page.locator('#f-targets-KF-1-aside').textContent()).toBe('Annual target of Bromma stadsdelsnämnd: 91 %. Higher is better.');
      },
    );
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.getByText('Inskickat. Bromma stadsdelsnämnd ser vid granskningen 1 mål', { exact: false }).waitFor();
    await env.t.stack.runDueJobs();
    // The unit's own editor does not decide on it.
    expect(await page.getByRole('button', { name: 'Godkänn' }).count()).toBe(0);
    const saved = await ok(env.t.api('GET', api(alvik, 'plan'), { as: editorOf(alvik) }), 200);
    expect(saved.content.goals).toEqual([expect.objectContaining({ title: 'Varje elev läser varje dag', parentGoalId: 'N1' })]);

    // ── The parent's office: its queue, the finding against its own target, the decision ─────────────────────
    const office = await env.visitor();
    await signIn(office.page, /Erik Berg/);
    await office.page.goto('/');
    await office.page.getByRole('link', { name: 'Granskning', exact: true }).waitFor();
    await office.page.goto(`/cycles/${year}/review`);
    const open = office.page.getByRole('link', { name: /Granska Verksamhetsplan för Alviksskolan/ });
    await inBothLanguages(
      office.page,
      'levels-04-office-queue',
      async () => {
        await open.waitFor();
        expect(await office.page.getByRole('row', { name: /Alviksskolan/ }).textContent()).toContain('Bromma stadsdelsnämnd');
        expect(await text(office.page, '.lead')).toContain('Enheternas inskickade dokument');
      },
      async () => {
        await office.page.getByRole('link', { name: /Review the Operations plan of Alviksskolan/i }).waitFor();
      },
    );
    await open.click();
    await office.page.getByRole('heading', { name: 'Granskningsunderlag' }).waitFor();
    expect(await office.page.locator('.findings').textContent()).toContain(
      'enhetens mål 89 % är mindre ambitiöst än målet för Bromma stadsdelsnämnd, 91 % (högre är bättre)',
    );
    await inBothLanguages(
      office.page,
      'levels-05-office-review',
      async () => {
        await office.page.getByRole('button', { name: 'Godkänn' }).waitFor();
        expect(await office.page.getByRole('columnheader', { name: 'Mål för Bromma stadsdelsnämnd' }).count()).toBe(1);
      },
      async () => {
        expect(await office.page.locator('.findings').textContent()).toContain("the unit's target 89 % is less ambitious than the target of Bromma stadsdelsnämnd, 91 %");
      },
    );
    await office.page.getByLabel('Kommentar till enheten').fill('Godkänd; sikta högre nästa år.');
    await office.page.getByRole('button', { name: 'Godkänn' }).click();
    await office.page.getByText('Dokumentet är godkänt.', { exact: false }).waitFor();
    const decided = await ok(env.t.api('GET', api(alvik, 'plan'), { as: editorOf(alvik) }), 200);
    expect(decided.status).toBe('approved');

    for (const visitor of [unit, office]) {
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it("drills down from the boards into a board's units, at an address that lasts, and back up", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Rut Analys/);
    const top = await ok(env.t.api('GET', `/api/cycles/${year}/status`, { as: reviewer }), 200);
    const brommaRow = top.boards.find((b: { boardId: string }) => b.boardId === 'bromma');
    // The demo seed has units below Bromma too: count what the directory says sits directly below it.
    const boards = await ok(env.t.api('GET', '/api/boards', { as: reviewer }), 200);
    const brommaUnits = boards.boards.filter((b: { parentId: string | null }) => b.parentId === 'bromma').length;
    expect(brommaUnits).toBeGreaterThanOrEqual(3);
    expect(brommaRow.children).toBe(brommaUnits);
    const plan = brommaRow.documents.plan.units;
    await page.goto(`/cycles/${year}`);
    const row = page.getByRole('row', { name: /Bromma stadsdelsnämnd/ });
    await inBothLanguages(
      page,
      'levels-06-overview',
      async () => {
        await row.waitFor();
        expect(await row.textContent()).toContain(`${plan.approved} av ${plan.total} enheter godkända`);
        // The completion bar counts every level: the boards' documents and every unit's.
        const cells = top.boards.flatMap((b: any) => Object.values(b.documents)) as Array<{ status: string; units?: { total: number; approved: number } }>;
        const total = cells.reduce((n, c) => n + 1 + (c.units?.total ?? 0), 0);
        expect(await page.getByRole('progressbar').getAttribute('aria-valuemax')).toBe(String(total));
      },
      async () => {
        expect(await page.getByRole('row', { name: /Bromma stadsdelsnämnd/ }).textContent()).toContain(`${plan.approved} of ${plan.total} units approved`);
      },
    );
    await row.getByRole('link', { name: `Visa enheterna (${brommaUnits}) under Bromma stadsdelsnämnd` }).click();
    await page.waitForURL((u) => u.search === '?parent=bromma');
    await page.getByRole('heading', { level: 1, name: `Årsöversikt ${year}: Bromma stadsdelsnämnd` }).waitFor();
    // A reload of the address shows the same level (a bookmark or a link in an e-mail lasts).
    await page.reload();
    const unitRows = page.locator('table.matrix tbody tr');
    await inBothLanguages(
      page,
      'levels-07-overview-units',
      async () => {
        await page.getByRole('heading', { level: 1, name: `Årsöversikt ${year}: Bromma stadsdelsnämnd` }).waitFor();
        await expect.poll(() => unitRows.count(), pollPatience).toBe(brommaUnits);
        expect(await page.getByRole('row', { name: /Alviksskolan/ }).textContent()).toContain('Godkänd');
        expect(await page.getByRole('navigation', { name: 'Var du är i organisationen' }).getByRole('link', { name: 'Bromma stadsdelsnämnd' }).getAttribute('aria-current')).toBe('page');
      },
      async () => {
        await page.getByRole('heading', { level: 1, name: `Year overview ${year}: Bromma stadsdelsnämnd` }).waitFor();
        expect(await page.getByRole('columnheader', { name: 'Unit' }).count()).toBe(1);
      },
    );
    await page.getByRole('navigation', { name: 'Var du är i organisationen' }).getByRole('link', { name: 'Alla nämnder och bolag' }).click();
    await page.waitForURL((u) => u.pathname === `/cycles/${year}` && u.search === '');
    await page.getByRole('heading', { level: 1, name: `Årsöversikt ${year}` }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it("takes the units' roll-up as the parent's own value with one button, still a draft until saved", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Erik Berg/);
    await page.goto(url('bromma', 't1'));
    await page.getByRole('heading', { level: 1, name: `Tertialrapport 1 ${year}` }).waitFor();
    const read = await ok(env.t.api('GET', api('bromma', 't1'), { as: bromma }), 200);
    const kf1 = read.rollup.indicators.find((i: { indicatorId: string }) => i.indicatorId === 'KF-1');
    expect(kf1.aggregate.outcome).not.toBeNull();
    const table = page.getByRole('table', { name: /KF-1 Andel behöriga lärare: enheternas värden/ });
    const swedish = (n: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(n);
    await inBothLanguages(
      page,
      'levels-08-rollup',
      async () => {
        await table.waitFor();
        expect(await text(page, '.rollup-intro')).toContain(`Godkända rapporter från enheterna: ${read.rollup.reported} av ${read.rollup.units}.`);
        expect(await table.getByRole('row', { name: /Sammanvägt \(medelvärde viktat efter antal elever\)/ }).textContent()).toContain(swedish(kf1.aggregate.outcome));
        expect(await table.getByRole('row', { name: /Äppelviksskolan/ }).textContent()).toContain('180');
        const n1 = read.rollup.goals.find((g: { goalId: string }) => g.goalId === 'N1');
        expect(n1.fulfilled + n1.partly).toBe(2);
        expect(await page.locator('.row-card', { hasText: 'Mål N1' }).textContent()).toContain(`${n1.fulfilled} av ${n1.units} enheter: uppfyllt`);
      },
      async () => {
        const english = page.getByRole('table', { name: /KF-1 Andel behöriga lärare: the units' values/ });
        await english.waitFor();
        expect(await english.getByRole('row', { name: /Combined \(mean weighted by number of pupils\)/ }).textContent()).toContain(
          new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(kf1.aggregate.outcome),
        );
        expect(await page.getByRole('button', { name: "Use the units' value for KF-1" }).count()).toBe(1);
      },
    );
    await page.getByRole('button', { name: 'Använd enheternas värde för KF-1' }).click();
    const asInput = (n: number) => String(n).replace('.', ',');
    expect(await page.locator('#f-indicators-KF-1-outcome').inputValue()).toBe(asInput(kf1.aggregate.outcome));
    expect(await page.locator('#f-indicators-KF-1-forecast').inputValue()).toBe(asInput(kf1.aggregate.forecast));
    await page.getByText('Enheternas sammanvägda värde är infört för KF-1.', { exact: false }).waitFor();
    expect(await text(page, '.action-bar__status')).toContain('Du har ändringar som inte är sparade.');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    const after = await ok(env.t.api('GET', api('bromma', 't1'), { as: bromma }), 200);
    expect(after.status).toBe('draft');
    expect(after.content.indicators).toEqual(expect.arrayContaining([expect.objectContaining({ indicatorId: 'KF-1', outcome: kf1.aggregate.outcome, forecast: kf1.aggregate.forecast })]));

    // The other indicators from the units too, then submitted: the city's reviewer sees the roll-up beside the report.
    await page.getByRole('button', { name: 'Använd enheternas värde för KF-2' }).click();
    await page.getByRole('button', { name: 'Använd enheternas värde för N1-1' }).click();
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.getByText('Inskickat för granskning.').waitFor();
    await env.t.stack.runDueJobs();
    const city = await env.visitor();
    await signIn(city.page, /Rut Analys/);
    await city.page.goto(url('bromma', 't1'));
    const panel = city.page.getByRole('region', { name: 'Enheternas värden' });
    await inBothLanguages(
      city.page,
      'levels-09-rollup-review',
      async () => {
        await panel.waitFor();
        expect(await panel.getByRole('table').count()).toBe(read.rollup.indicators.length);
        await city.page.getByRole('button', { name: 'Godkänn' }).waitFor();
      },
      async () => {
        await city.page.getByRole('region', { name: "The units' values" }).getByRole('table', { name: /KF-2 Sjukfrånvaro: the units' values/ }).waitFor();
      },
    );
    expect(errors).toEqual([]);
    expect(city.errors).toEqual([]);
    await context.close();
    await city.context.close();
  });
});

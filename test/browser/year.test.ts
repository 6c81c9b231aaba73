/**
 * The city office runs the year in a real browser: from its workspace it opens a new year by copying the last one
 * (the preview shows what will be copied before anything is; the new year's plans are then drafts), and changes the
 * year's calendar, seeing which reminders and periods move before it saves. In Swedish and English, with axe. The
 * source year (2030) and its approved plans are made here through the API, apart from the demo's 2026.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, type TestStack } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack, inBothLanguages } from './support';

const from = 2030;
const to = 2031;
const calendar = { planDue: '2030-01-31', t1Due: '2030-05-15', t2Due: '2030-09-15', annualDue: '2031-02-15', signoffDue: '2031-04-15' };
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad där alla kan leva ett gott liv',
      areaGoals: [{ id: 'D1.1', title: 'Skolan', indicators: [{ id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, boards: ['bromma', 'farsta'] }] }],
    },
  ],
};
const plan = {
  targets: [{ indicatorId: 'KF-1', target: 92 }],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: ['Rekrytera'] }],
  ownIndicators: [],
  risks: [{ id: 'R1', title: 'Lärarbrist', probability: 3, consequence: 3 }],
  controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp bemanningen', frequency: 'tertial' }],
};
const doc = (year: number, boardId: string) => `/api/cycles/${year}/boards/${boardId}/documents/plan`;

async function ok(answer: Promise<{ status: number; body: unknown }>, ...expected: number[]) {
  const { status, body } = await answer;
  expect(expected, `${status}: ${JSON.stringify(body)}`).toContain(status);
  return body as any;
}

async function approve(t: TestStack, boardId: string) {
  await ok(t.api('PUT', doc(from, boardId), { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: { content: plan } }), 200);
  await ok(t.api('POST', `${doc(from, boardId)}/submit`, { as: editorOf(boardId) }), 202);
  await t.stack.runDueJobs();
  await ok(t.api('POST', `${doc(from, boardId)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
  await t.stack.runDueJobs();
}


describe('the city office runs the year in the browser', () => {
  const env = useBrowserStack(async (t) => {
    await ok(t.api('POST', '/api/cycles', { as: admin, body: { year: from, calendar } }), 201);
    await ok(t.api('PUT', `/api/cycles/${from}/council-goals`, { as: admin, body: goals }), 200);
    await approve(t, 'bromma');
    await approve(t, 'farsta');
  });

  it('opens a year by copying the last one: the preview first, then the new year whose plans are drafts', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna/);
    // The office's header item leads to its workspace, which links to the new-year form.
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stadsledningskontoret' }).click();
    await inBothLanguages(
      page,
      'year-01-admin',
      async () => {
        await page.getByRole('heading', { level: 1, name: 'Stadsledningskontorets arbetsyta' }).waitFor();
        expect(await page.getByRole('link', { name: 'Öppna ett nytt år' }).getAttribute('href')).toBe('/admin/cycles/new');
        expect(await page.getByRole('link', { name: /^Kalendern \d{4}$/ }).count()).toBe(1);
        for (const name of ['Nämnder och bolag', 'Personer', 'Årsöversikten']) expect(await page.getByRole('link', { name: new RegExp(`^${name}`) }).count()).toBe(1);
      },
      async () => {
        await page.getByRole('heading', { level: 1, name: "The city office's workspace" }).waitFor();
      },
    );
    await page.getByRole('link', { name: 'Öppna ett nytt år' }).click();
    await page.getByRole('heading', { level: 1, name: 'Öppna ett nytt år' }).waitFor();

    // Pre-filled from the latest year (2030) moved by a year, copying it by default.
    expect(await page.getByLabel('År', { exact: false }).first().inputValue()).toBe(String(to));
    expect(await page.getByLabel(/Verksamhetsplan senast/).inputValue()).toBe('2031-01-31');
    expect(await page.getByLabel(/Verksamhetsberättelse senast/).inputValue()).toBe('2032-02-15');
    expect(await page.getByRole('checkbox', { name: `Kopiera ${from}` }).isChecked()).toBe(true);

    // A deadline out of order is shown next to its field, in Swedish; nothing is asked of the server.
    await page.getByLabel(/Tertialrapport 1 senast/).fill('2030-12-01');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('alert').getByRole('link', { name: /Tertialrapport 1 senast måste komma efter Verksamhetsplan senast/ }).waitFor();
    expect(await page.locator('#f-calendar-t1Due-err').textContent()).toContain('måste komma efter Verksamhetsplan senast');
    await page.getByLabel(/Tertialrapport 1 senast/).fill('2031-05-20');

    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const preview = page.getByRole('region', { name: `Det här händer när du öppnar ${to}` });
    await inBothLanguages(
      page,
      'year-02-new-preview',
      async () => {
        await preview.waitFor();
        expect(await preview.textContent()).toContain('Kopieras: 1 inriktningsmål, 1 mål för verksamhetsområden, 1 indikatorer.');
        expect(await preview.locator('#preview-plans li').allTextContents()).toEqual([expect.stringMatching(/^Bromma/), expect.stringMatching(/^Farsta/)]);
        expect(await preview.locator('#preview-without li').count()).toBeGreaterThan(0);
      },
      async () => {
        await page.getByRole('region', { name: `What happens when you open ${to}` }).getByText('Plans that become drafts (2)').waitFor();
      },
    );
    // Nothing is opened by the preview.
    expect((await env.t.api('GET', `/api/cycles/${to}`, { as: admin })).status).toBe(404);

    await preview.getByRole('button', { name: `Öppna ${to}` }).click();
    const done = page.locator('#cycle-opened');
    await done.waitFor();
    expect(await done.textContent()).toContain(`Kopierat från ${from}: fullmäktiges mål och 2 planer som utkast.`);
    expect(await done.getByRole('link', { name: `Fullmäktiges mål ${to}` }).getAttribute('href')).toBe(`/cycles/${to}/council-goals`);
    await checkPage(page, 'year-03-new-done-sv');

    // The new year: the edited date kept, the plans drafts, the copy in each plan's history.
    const cycle = await ok(env.t.api('GET', `/api/cycles/${to}`, { as: admin }), 200);
    expect(cycle.calendar).toMatchObject({ planDue: '2031-01-31', t1Due: '2031-05-20' });
    for (const boardId of ['bromma', 'farsta']) {
      expect((await ok(env.t.api('GET', doc(to, boardId), { as: editorOf(boardId) }), 200)).status).toBe('draft');
    }
    await done.getByRole('link', { name: `Årsöversikten ${to}` }).click();
    await expect.poll(() => page.locator('table').first().textContent(), pollPatience).toContain('Utkast');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes the calendar, showing which reminders and periods move before it saves; others read it only', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna/);
    await page.goto(`/cycles/${from}/calendar`);
    await page.getByRole('heading', { level: 1, name: `Kalendern ${from}` }).waitFor();
    await page.getByText('Inget flyttas än: ändra ett datum eller antal dagar.').waitFor();

    await page.getByLabel(/Tertialrapport 2 senast/).fill('2030-09-20');
    const moves = page.locator('#calendar-moves');
    await inBothLanguages(
      page,
      'year-04-calendar-moves',
      async () => {
        await moves.waitFor();
        const all = await moves.locator('tbody tr').allTextContents();
        // The demo's units (one level below the boards) report earlier: their four dates move too.
        expect(all.filter((row) => row.includes('Enheter, nivå 1'))).toHaveLength(4);
        const rows = all.filter((row) => row.includes('Nämnder'));
        expect(rows).toEqual([
          expect.stringMatching(/^Tertialrapport 2: Sista dag.*15 september 2030.*20 september 2030/),
          expect.stringMatching(/^Tertialrapport 2: Påminnelse.*8 september 2030.*13 september 2030/),
          expect.stringMatching(/^Tertialrapport 2: Förseningsbesked.*16 september 2030.*21 september 2030/),
          expect.stringMatching(/^Tertialrapport 2: Första eskalering.*23 september 2030.*28 september 2030/),
          expect.stringMatching(/^Tertialrapport 2: Perioden öppnar.*16 augusti 2030.*21 augusti 2030/),
          expect.stringMatching(/^Tertialrapport 2: Perioden stänger.*16 september 2030.*21 september 2030/),
        ]);
      },
      async () => {
        await page.getByText('10 dates move.').waitFor();
      },
    );
    // A wrong number is refused next to its field, in the person's language, and nothing is saved.
    await page.getByLabel(/Påminnelse, dagar före sista dag/).fill('99');
    await page.getByRole('button', { name: 'Spara kalendern' }).click();
    expect(await page.locator('#f-calendar-reminderDaysBefore-err').textContent()).toContain('skriv ett heltal från 0 till 60');
    expect((await ok(env.t.api('GET', `/api/cycles/${from}`, { as: admin }), 200)).calendar.t2Due).toBe('2030-09-15');
    await page.getByLabel(/Påminnelse, dagar före sista dag/).fill('7');

    await page.getByRole('button', { name: 'Spara kalendern' }).click();
    await page.locator('#calendar-saved').getByText('Kalendern är sparad. 10 datum flyttades.').waitFor();
    expect((await ok(env.t.api('GET', `/api/cycles/${from}`, { as: admin }), 200)).calendar.t2Due).toBe('2030-09-20');
    const history = await ok(env.t.api('GET', `/api/cycles/${from}/history`, { as: admin }), 200);
    expect(history.events.at(-1)).toMatchObject({ action: 'calendar_changed', details: { changes: [{ field: 't2Due', from: '2030-09-15', to: '2030-09-20' }] } });
    expect(errors).toEqual([]);
    await context.close();

    // A reviewer reads the calendar and is offered nothing to change; the office's workspace is not theirs.
    const other = await env.visitor();
    await signIn(other.page, /Rut/);
    await other.page.goto(`/cycles/${from}/calendar`);
    await other.page.getByText('Bara stadsledningskontoret ändrar kalendern.').waitFor();
    expect(await other.page.getByRole('button', { name: 'Spara kalendern' }).count()).toBe(0);
    expect(await other.page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Stadsledningskontoret' }).count()).toBe(0);
    await other.page.goto('/admin');
    await other.page.getByText(/Du har inte behörighet att se det här/).waitFor();
    await checkPage(other.page, 'year-05-admin-forbidden-sv');
    expect(other.errors).toEqual([]);
    await other.context.close();
  });
});

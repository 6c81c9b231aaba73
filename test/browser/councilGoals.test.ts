/**
 * The council's goals in a real browser: the city office edits a target and adds an indicator, with live checks in
 * Swedish and English, saves with If-Match and sees it after a reload; someone else's save meanwhile (412) keeps the
 * office's edits; a board's editor reads the same goals read-only; once a plan of the year is approved, the server
 * refuses the save (409) and the page says why, and says it up front on the next visit. Each page with axe in both
 * languages. The years (2031, 2032) are made here through the API, apart from the demo's.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, type TestStack } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack } from './support';

const calendarOf = (year: number) => ({ planDue: `${year}-01-31`, t1Due: `${year}-05-15`, t2Due: `${year}-09-15`, annualDue: `${year + 1}-02-15`, signoffDue: `${year + 1}-04-15` });
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
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, source: 'Skolverket' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6, boards: ['bromma'] },
          ],
        },
      ],
    },
  ],
};
const editing = 2031;
const approving = 2032;
const goalsPath = (year: number) => `/api/cycles/${year}/council-goals`;

async function ok(answer: Promise<{ status: number; body: unknown; headers: Headers }>, ...expected: number[]) {
  const { status, body, headers } = await answer;
  expect(expected, `${status}: ${JSON.stringify(body)}`).toContain(status);
  return { body: body as any, headers };
}

/** Saves Bromma's plan of the year as its editor, submits it and has the city's reviewer approve it. */
async function approveBrommasPlan(t: TestStack, year: number) {
  const path = `/api/cycles/${year}/boards/bromma/documents/plan`;
  const content = { targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5.5 }], goals: [], ownIndicators: [], risks: [], controls: [] };
  const current = await ok(t.api('GET', path, { as: editorOf('bromma') }), 200);
  await ok(t.api('PUT', path, { as: editorOf('bromma'), headers: { 'if-match': current.headers.get('etag')! }, body: { content } }), 200);
  await ok(t.api('POST', `${path}/submit`, { as: editorOf('bromma') }), 202);
  await t.stack.runDueJobs();
  await ok(t.api('POST', `${path}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
  await t.stack.runDueJobs();
}

const toEnglish = (page: Page) => page.getByRole('button', { name: 'Switch to English' }).click();
const toSwedish = (page: Page) => page.getByRole('button', { name: 'Byt till svenska' }).click();
/** The indicator's card (its fieldset, named by its legend). */
const card = (page: Page, name: RegExp) => page.getByRole('group', { name });
/** A field's error, as the screen reader reads it with the field (its aria-describedby). */
const description = (page: Page, label: RegExp | string, within: ReturnType<typeof card>) =>
  within.getByLabel(label).first().evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe("the council's goals in the browser", () => {
  const env = useBrowserStack(async (t) => {
    for (const year of [editing, approving]) {
      await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar: calendarOf(year) } }), 201);
      await ok(t.api('PUT', goalsPath(year), { as: admin, headers: { 'if-match': '"0"' }, body: goals }), 200);
    }
  });

  it('lets the office edit a target and add an indicator, checked live in both languages, saved and there after a reload', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${editing}/council-goals`);
    await page.getByRole('heading', { level: 1, name: `Fullmäktiges mål ${editing}` }).waitFor();
    await checkPage(page, 'goals-01-editor-sv');

    // Edit the council's target of KF-1, in the Swedish way of writing numbers.
    const kf1 = card(page, /Indikator KF-1/);
    await kf1.getByLabel('Fullmäktiges årsmål').fill('91,5');

    // Add an indicator below D1.1: focus moves to its name; its fields are checked once typed in.
    await page.getByRole('button', { name: 'Lägg till indikator under D1.1' }).click();
    const added = card(page, /Indikator KF-3/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? ''), pollPatience).toMatch(/-name$/);
    expect(await added.locator('.field__error').count()).toBe(0);
    await added.getByLabel(/^Namn/).fill('Andel elever som känner sig trygga');
    await added.getByLabel(/^Enhet/).fill('%');
    await added.getByLabel('Fullmäktiges årsmål').fill('sju');
    await expect.poll(() => description(page, 'Fullmäktiges årsmål', added), pollPatience).toContain('Skriv ett tal, t.ex. 6,5.');
    await added.getByLabel('Kolada-KPI').fill('n15419');
    await expect.poll(() => description(page, 'Kolada-KPI', added), pollPatience).toContain('Skriv ett Kolada-KPI-id: en stor bokstav och fem siffror, t.ex. N15419.');
    // The same check in English, beside the same field.
    await toEnglish(page);
    await expect.poll(() => description(page, 'Kolada KPI', card(page, /Indicator KF-3/)), pollPatience).toContain('Write a Kolada KPI id: a capital letter and five digits, e.g. N15419.');
    // An id used twice, as the server's domain check would say it.
    await card(page, /Indicator KF-3/).getByLabel(/^Id/).fill('KF-1');
    await expect.poll(() => description(page, /^Id/, card(page, /Indicator KF-1: Andel elever/)), pollPatience).toContain('Id KF-1 is already used by Andel behöriga lärare; give every goal and indicator its own id.');
    await checkPage(page, 'goals-02-live-checks-en');
    // Saving now changes nothing: the problems are listed, each linked to its field.
    await page.getByRole('button', { name: 'Save the goals' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'things to correct before the goals can be saved' });
    await problems.waitFor();
    expect(await problems.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Indicator KF-1: Write a number, e.g. 6.5.', 'Indicator KF-1: Write a Kolada KPI id: a capital letter and five digits, e.g. N15419.']),
    );
    expect((await ok(env.t.api('GET', goalsPath(editing), { as: admin }), 200)).body.version).toBe(1);
    await toSwedish(page);

    const fixed = card(page, /Indikator KF-1: Andel elever/);
    await fixed.getByLabel(/^Id/).fill('KF-3');
    await card(page, /Indikator KF-3/).getByLabel('Fullmäktiges årsmål').fill('85');
    await card(page, /Indikator KF-3/).getByLabel('Kolada-KPI').fill('N15419');
    await card(page, /Indikator KF-3/).getByLabel('Datakälla').fill('Skolenkäten');
    await expect.poll(() => page.locator('.field__error').count(), pollPatience).toBe(0);
    await page.getByRole('button', { name: 'Spara målen' }).click();
    await page.getByText('Målen är sparade (version 2).').waitFor();

    const stored = (await ok(env.t.api('GET', goalsPath(editing), { as: admin }), 200)).body;
    expect(stored.directionGoals[0].areaGoals[0].indicators.map((i: { id: string; target: number }) => [i.id, i.target])).toEqual([
      ['KF-1', 91.5],
      ['KF-2', 6],
      ['KF-3', 85],
    ]);
    expect(stored.directionGoals[0].areaGoals[0].indicators[2]).toMatchObject({ koladaKpi: 'N15419', source: 'Skolenkäten', unit: '%', direction: 'higher' });
    expect(stored.directionGoals[0].areaGoals[0].indicators[2]).not.toHaveProperty('boards');

    await page.reload();
    await card(page, /Indikator KF-3/).waitFor();
    expect(await card(page, /Indikator KF-1/).getByLabel('Fullmäktiges årsmål').inputValue()).toBe('91,5');
    expect(await card(page, /Indikator KF-3/).getByLabel(/^Namn/).inputValue()).toBe('Andel elever som känner sig trygga');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves and removes rows by keyboard, keeping focus on the moved row, with an undo', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${editing}/council-goals`);
    const down = page.getByRole('button', { name: /Flytta ned indikator KF-1$/ });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('fieldset.goals-indicator > legend').allTextContents(), pollPatience).toEqual([
      expect.stringContaining('KF-2'),
      expect.stringContaining('KF-1'),
      expect.stringContaining('KF-3'),
    ]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), pollPatience).toContain('Flytta ned indikator KF-1');
    await page.getByRole('status').filter({ hasText: 'indikator KF-1 är nu nummer 2 av 3.' }).waitFor();

    await page.getByRole('button', { name: /Ta bort indikator KF-2$/ }).press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), pollPatience).toBe('Ångra borttagningen');
    expect(await page.locator('fieldset.goals-indicator').count()).toBe(2);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('fieldset.goals-indicator > legend').allTextContents(), pollPatience).toEqual([
      expect.stringContaining('KF-2'),
      expect.stringContaining('KF-1'),
      expect.stringContaining('KF-3'),
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps the office's edits when someone else saved meanwhile (412), and saves them over theirs when asked", { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${editing}/council-goals`);
    await card(page, /Indikator KF-2/).getByLabel('Fullmäktiges årsmål').fill('5');
    // Someone else saves the set meanwhile.
    const theirs = await ok(env.t.api('GET', goalsPath(editing), { as: admin }), 200);
    const { version: _v, updatedAt: _u, updatedBy: _b, ...set } = theirs.body;
    set.directionGoals[0].title = 'En stad för alla';
    await ok(env.t.api('PUT', goalsPath(editing), { as: admin, headers: { 'if-match': theirs.headers.get('etag')! }, body: set }), 200);

    await page.getByRole('button', { name: 'Spara målen' }).click();
    await page.getByRole('heading', { name: 'Någon annan har sparat målen under tiden' }).waitFor();
    expect(await card(page, /Indikator KF-2/).getByLabel('Fullmäktiges årsmål').inputValue()).toBe('5');
    await checkPage(page, 'goals-03-conflict-sv');
    await page.getByRole('button', { name: 'Spara mina ändringar över deras' }).click();
    await page.getByText('Målen är sparade (version 4).').waitFor();
    const stored = (await ok(env.t.api('GET', goalsPath(editing), { as: admin }), 200)).body;
    expect(stored.directionGoals[0].areaGoals[0].indicators[1].target).toBe(5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a board's editor the same goals, read-only, in both languages", { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Erik Berg/);
    await page.goto(`/cycles/${approving}`);
    await page.getByRole('link', { name: 'Fullmäktiges mål och indikatorer' }).click();
    await page.getByRole('heading', { level: 1, name: `Fullmäktiges mål ${approving}` }).waitFor();
    await page.getByText('Du kan läsa fullmäktiges mål. Stadsledningskontoret lägger in och ändrar dem.').waitFor();
    expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Spara/ }).count()).toBe(0);
    await page.getByRole('heading', { level: 4, name: 'KF-1 Andel behöriga lärare' }).waitFor();
    await page.getByText('Skolverket').waitFor();
    await checkPage(page, 'goals-04-read-only-sv');
    await toEnglish(page);
    await page.getByText("You can read the council's goals. The city executive office loads and changes them.").waitFor();
    await page.getByText('90 %, higher is better').waitFor();
    await checkPage(page, 'goals-04-read-only-en');
    await toSwedish(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains the refusal once a plan of the year is approved meanwhile, and says it up front on the next visit', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${approving}/council-goals`);
    const target = card(page, /Indikator KF-1/).getByLabel('Fullmäktiges årsmål');
    await target.fill('95');
    await approveBrommasPlan(env.t, approving);

    await page.getByRole('button', { name: 'Spara målen' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Målen kunde inte sparas' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`En plan för ${approving} har godkänts under tiden`);
    expect(await refusal.textContent()).toContain('bromma');
    expect(await target.inputValue()).toBe('95');
    expect(await page.getByRole('button', { name: 'Spara målen' }).isDisabled()).toBe(true);
    await checkPage(page, 'goals-05-refused-sv');
    expect((await ok(env.t.api('GET', goalsPath(approving), { as: admin }), 200)).body.directionGoals[0].areaGoals[0].indicators[0].target).toBe(90);

    await page.reload();
    await page.getByText(`Målen för ${approving} är låsta: Bromma stadsdelsnämnd har redan fått sin verksamhetsplan godkänd mot dem`, { exact: false }).waitFor();
    expect(await page.locator('main input').count()).toBe(0);
    await checkPage(page, 'goals-06-locked-sv');
    await toEnglish(page);
    await page.getByText(`The goals of ${approving} are fixed: Bromma stadsdelsnämnd already have their operations plan approved`, { exact: false }).waitFor();
    await checkPage(page, 'goals-06-locked-en');
    await toSwedish(page);
    expect(errors).toEqual([]);
    await context.close();
  });
});

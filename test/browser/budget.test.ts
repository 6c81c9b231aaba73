/**
 * The city office sets a year up in a real browser: the budget pasted from a spreadsheet, previewed (matched boards,
 * an unknown name, a bad number, changes against what is stored), put into the table and saved with If-Match; a save
 * that someone else beat is told and taken again without losing the typed values; the page read again shows it.
 * Then the report's sections: added, checked at their fields, reordered by keyboard, saved and read again. Every
 * step in Swedish and English, with axe. The year (2027) is opened here through the API; the boards are the demo's.
 */
import { describe, expect, it } from 'vitest';
import { admin } from '../support/localStack';
import { checkPage, inBothLanguages, pollPatience, signIn, useBrowserStack } from './support';

const year = 2027;
const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' };

async function ok(answer: Promise<{ status: number; body: unknown; headers: Headers }>, ...expected: number[]) {
  const a = await answer;
  expect(expected, `${a.status}: ${JSON.stringify(a.body)}`).toContain(a.status);
  return a;
}

describe('the budget and the report sections in the browser', () => {
  const env = useBrowserStack(async (t) => {
    await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
  });

  it('previews a pasted budget, saves it with If-Match, survives a concurrent save and reads it back', { timeout: 240_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    // The workspace links the page (for the year the app settles on: the demo's); this test's year is 2027.
    await page.goto('/admin');
    await expect.poll(() => page.getByRole('link', { name: /^Budget \d{4}$/ }).first().getAttribute('href'), pollPatience).toMatch(/^\/cycles\/\d{4}\/budget$/);
    await page.goto(`/cycles/${year}/budget`);
    await page.getByRole('heading', { level: 1, name: `Budget ${year}` }).waitFor();

    // Units sit indented below their board; only companies (and units) have a return requirement field.
    await page.getByRole('rowheader', { name: /Alviksskolan/ }).waitFor();
    expect(await page.getByLabel('Avkastningskrav för AB Stockholmshem, procent').count()).toBe(1);
    expect(await page.getByLabel('Avkastningskrav för Kulturnämnden, procent').count()).toBe(0);

    // Nothing pasted: said at the field, which takes the focus.
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.locator('#budget-paste-err').getByText('Klistra in text eller välj en fil.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('budget-paste');

    await page
      .getByLabel('Klistra in från ett kalkylark')
      .fill(['Nämnd\tNettokostnad\tAvkastningskrav', 'Bromma stadsdelsnämnd\t1 250 000,5\t', 'kultur\t300 000\t', 'AB Stockholmshem\t0\t4,5', 'Okänd nämnd\t5\t', 'farsta\ttolv\t'].join('\n'));
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    const lines = page.getByRole('table', { name: /Rader som kan föras in \(3\)/ });
    const problems = page.getByRole('table', { name: /Rader som inte kan föras in \(2\)/ });
    await inBothLanguages(
      page,
      'budget-01-preview',
      async () => {
        await lines.waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('budget-preview-title');
        expect(await page.getByRole('status').filter({ hasText: 'rader lästa' }).textContent()).toBe('5 rader lästa: 3 kan föras in (3 nya, 0 ändrade, 0 oförändrade), 2 kan inte.');
        expect(await lines.locator('tbody tr').allTextContents()).toEqual([
          expect.stringMatching(/^2Bromma stadsdelsnämnd1\s250\s000,5 tkrNy$/),
          expect.stringMatching(/^3Kulturnämnden \(kultur\)300\s000 tkrNy$/),
          expect.stringMatching(/^4AB Stockholmshem0 tkr, 4,5 %Ny$/),
        ]);
        expect(await problems.locator('tbody tr td:last-child').allTextContents()).toEqual(['Ingen nämnd heter ”Okänd nämnd”. Skriv nämndens id eller namn som i registret.', '”tolv” (nettokostnad) är inte ett tal.']);
      },
      async () => {
        await page.getByRole('table', { name: /Rows that can go in \(3\)/ }).waitFor();
        await page.getByRole('table', { name: /Rows that cannot go in \(2\)/ }).getByText('“tolv” (net cost) is not a number.').waitFor();
        await page.getByRole('button', { name: 'Put 3 values into the table' }).waitFor();
      },
    );

    // The preview saved nothing.
    expect((await env.t.api('GET', `/api/cycles/${year}/budget`, { as: admin })).body).toMatchObject({ version: 0, boards: [] });

    await page.getByRole('button', { name: 'För in 3 värden i tabellen' }).click();
    await expect.poll(() => page.getByLabel('Nettokostnad för Bromma stadsdelsnämnd, tkr').inputValue(), pollPatience).toBe('1250000,5');
    await page.getByText('3 värden är införda i tabellen. Granska dem och spara budgeten.').waitFor();
    await page.getByLabel('Nettokostnad för Farsta stadsdelsnämnd, tkr').fill('−5');
    await page.getByRole('button', { name: 'Spara budgeten' }).click();
    await page.locator('#budget-problems').getByText(/Farsta stadsdelsnämnd: Nettokostnaden kan inte vara negativ/).waitFor();
    expect(await page.getByLabel('Nettokostnad för Farsta stadsdelsnämnd, tkr').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Nettokostnad för Farsta stadsdelsnämnd, tkr').fill('900 000');
    await page.getByRole('button', { name: 'Spara budgeten' }).click();
    await page.getByText('Sparad, version 1.').waitFor();
    expect(await page.locator('#budget-total').textContent()).toMatch(/^2\s450\s000,5 tkr$/);

    // Someone else saves meanwhile: the page says so, keeps what was typed, and saves over their version on request.
    const theirs = await ok(
      env.t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, headers: { 'if-match': '"1"' }, body: { unit: 'tkr', boards: [{ boardId: 'bromma', netCost: 1_000_000 }] } }),
      200,
    );
    expect(theirs.headers.get('etag')).toBe('"2"');
    await page.getByLabel('Nettokostnad för Kulturnämnden, tkr').fill('310000');
    await page.getByRole('button', { name: 'Spara budgeten' }).click();
    await page.getByRole('heading', { name: 'Någon annan har sparat budgeten' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('budget-conflict');
    await inBothLanguages(
      page,
      'budget-02-conflict',
      async () => {
        await page.getByText(/sparade version 2 .*: 1 nämnder, summa 1\s000\s000 tkr\. Dina värden finns kvar i tabellen\./).waitFor();
      },
      async () => {
        await page.getByRole('button', { name: 'Read their version and keep my values' }).waitFor();
      },
    );
    await page.getByRole('button', { name: 'Läs in deras version och behåll mina värden' }).click();
    expect(await page.getByLabel('Nettokostnad för Kulturnämnden, tkr').inputValue()).toBe('310000');
    expect(await page.getByRole('row', { name: /Bromma stadsdelsnämnd/ }).first().textContent()).toMatch(/Ändrad \(var 1\s000\s000\)/);
    await page.getByRole('button', { name: 'Spara budgeten' }).click();
    await page.getByText('Sparad, version 3.').waitFor();

    // Read again: the table shows what was saved.
    await page.reload();
    await expect.poll(() => page.getByLabel('Nettokostnad för Bromma stadsdelsnämnd, tkr').inputValue(), pollPatience).toBe('1250000,5');
    await inBothLanguages(
      page,
      'budget-03-saved',
      async () => {
        expect(await page.getByLabel('Avkastningskrav för AB Stockholmshem, procent').inputValue()).toBe('4,5');
        expect(await page.getByLabel('Nettokostnad för Kulturnämnden, tkr').inputValue()).toBe('310000');
        await page.getByText(/^Version 3, sparad /).waitFor();
      },
      async () => {
        // What was typed stays as typed when the language changes; both decimal marks are read.
        await expect.poll(() => page.getByLabel('Net cost of Bromma stadsdelsnämnd, tkr').inputValue(), pollPatience).toBe('1250000,5');
        await page.getByText(/^Version 3, saved /).waitFor();
      },
    );
    const stored = (await env.t.api('GET', `/api/cycles/${year}/budget`, { as: admin })).body;
    expect(stored.version).toBe(3);
    expect(stored.boards).toEqual(
      expect.arrayContaining([
        { boardId: 'bromma', netCost: 1_250_000.5 },
        { boardId: 'kultur', netCost: 310_000 },
        { boardId: 'stockholmshem', netCost: 0, returnRequirement: 4.5 },
        { boardId: 'farsta', netCost: 900_000 },
      ]),
    );
    expect(stored.boards).toHaveLength(4);

    // A file is read on the server, by the same rules, against what is stored now; discarding it changes nothing.
    await page.getByLabel('Eller välj en fil').setInputFiles({ name: 'budget.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFFNämnd;Nettokostnad;Avkastningskrav\r\nstockholmshem;0;5\r\nfarsta;900 000;\r\n') });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.getByRole('heading', { name: 'Förhandsgranskning: CSV: budget.csv' }).waitFor();
    expect(await page.getByRole('table', { name: /Rader som kan föras in \(2\)/ }).locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^2AB Stockholmshem \(stockholmshem\)0 tkr, 5 %Ändras \(nu 0 tkr, 4,5 %\)$/),
      expect.stringMatching(/^3Farsta stadsdelsnämnd \(farsta\)900\s000 tkrOförändrad$/),
    ]);
    await page.getByRole('button', { name: 'Släng förhandsgranskningen' }).click();
    expect(await page.getByLabel('Avkastningskrav för AB Stockholmshem, procent').inputValue()).toBe('4,5');

    // The year's history words the saves.
    await page.goto(`/cycles/${year}/history`);
    await page.getByText(/Version 3: 4 nämnder, summa 2\s460\s000,5 tkr/).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('edits the report sections, reorders them by keyboard and saves them', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto('/admin');
    await expect.poll(() => page.getByRole('link', { name: /^Rapportens avsnitt \d{4}$/ }).first().getAttribute('href'), pollPatience).toMatch(/^\/cycles\/\d{4}\/report-sections$/);
    await page.goto(`/cycles/${year}/report-sections`);
    await page.getByRole('heading', { level: 1, name: `Rapportens avsnitt ${year}` }).waitFor();
    await page.getByText('Inga avsnitt än.').waitFor();

    // Two sections; the second is left without a title, and the save says so at its field.
    await page.getByRole('button', { name: 'Lägg till ett avsnitt' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('id')), pollPatience).toMatch(/^rs-s\d+-id$/);
    const first = page.getByRole('region', { name: /^Avsnitt 1/ });
    await first.getByLabel('Id').fill('agenda2030');
    await first.getByLabel('Rubrik').fill('Agenda 2030');
    await first.getByLabel('Hjälptext').fill('Hur nämnden bidrar till de globala målen.');
    await page.getByRole('button', { name: 'Lägg till ett avsnitt' }).click();
    const second = page.getByRole('region', { name: /^Avsnitt 2/ });
    await second.getByLabel('Id').fill('agenda2030');
    await second.getByRole('checkbox', { name: 'Tertialrapport 2' }).check();
    await second.getByRole('checkbox', { name: 'Stadsdelsnämnd' }).check();
    await second.getByRole('checkbox', { name: 'Facknämnd' }).check();
    await second.getByRole('checkbox', { name: /Obligatoriskt/ }).check();
    await page.getByRole('button', { name: 'Spara avsnitten' }).click();
    await inBothLanguages(
      page,
      'sections-01-problems',
      async () => {
        await page.locator('#rs-problems').waitFor();
        expect(await page.locator('#rs-problems li').allTextContents()).toEqual(['Avsnitt 2: Id:t används redan av avsnitt 1. Varje avsnitt behöver ett eget.', 'Avsnitt 2: Ange en rubrik.']);
        expect(await second.getByLabel('Rubrik').getAttribute('aria-invalid')).toBe('true');
      },
      async () => {
        await page.locator('#rs-problems').getByText('Section 2: Give a title.').waitFor();
      },
    );
    await second.getByLabel('Id').fill('jamstalldhet');
    await second.getByLabel('Rubrik').fill('Jämställdhet');

    // Reorder by keyboard: the moved section keeps the focus on its button, and the move is announced.
    await second.getByRole('button', { name: 'Flytta upp Jämställdhet' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Jämställdhet är nu avsnitt 1 av 2.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), pollPatience).toMatch(/Flytta ned\s+Jämställdhet$/);
    expect(await page.locator('.sections-list > li h2').allTextContents()).toEqual(['Avsnitt 1: Jämställdhet', 'Avsnitt 2: Agenda 2030']);
    // At the top the focus went to "down", the only way left: down again by Space, then up by Enter.
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.sections-list > li h2').allTextContents(), pollPatience).toEqual(['Avsnitt 1: Agenda 2030', 'Avsnitt 2: Jämställdhet']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), pollPatience).toMatch(/Flytta upp\s+Jämställdhet$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.sections-list > li h2').allTextContents(), pollPatience).toEqual(['Avsnitt 1: Jämställdhet', 'Avsnitt 2: Agenda 2030']);

    await page.getByRole('button', { name: 'Spara avsnitten' }).click();
    await page.getByText('Sparade, version 1.').waitFor();
    const stored = (await env.t.api('GET', `/api/cycles/${year}/report-sections`, { as: admin })).body;
    expect(stored.sections).toEqual([
      { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['t2', 'annual'], required: true, boardKinds: ['district', 'specialist'] },
      { id: 'agenda2030', title: 'Agenda 2030', help: 'Hur nämnden bidrar till de globala målen.', kinds: ['annual'], required: false },
    ]);

    await page.reload();
    await inBothLanguages(
      page,
      'sections-02-saved',
      async () => {
        await expect.poll(() => page.locator('.sections-list > li h2').allTextContents(), pollPatience).toEqual(['Avsnitt 1: Jämställdhet', 'Avsnitt 2: Agenda 2030']);
        expect(await page.getByRole('region', { name: /^Avsnitt 1/ }).getByRole('checkbox', { name: 'Stadsdelsnämnd' }).isChecked()).toBe(true);
      },
      async () => {
        await page.getByRole('region', { name: /^Section 2/ }).getByLabel('Help text').waitFor();
      },
    );
    await page.goto(`/cycles/${year}/history`);
    await page.getByRole('row', { name: /Rapportens avsnitt sparade/ }).getByText('Version 1: 2 avsnitt').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a reviewer the budget and the sections to read', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Rut Analys/);
    await page.goto(`/cycles/${year}/budget`);
    await page.getByText('Du kan läsa budgeten. Bara stadsledningskontoret (admin) ändrar den.').waitFor();
    await page.getByRole('row', { name: /AB Stockholmshem/ }).getByText('4,5 %').waitFor();
    expect(await page.getByRole('button', { name: 'Spara budgeten' }).count()).toBe(0);
    await checkPage(page, 'budget-04-reviewer-sv');
    await page.goto(`/cycles/${year}/report-sections`);
    await page.getByRole('heading', { name: /jamstalldhet Jämställdhet/ }).waitFor();
    await checkPage(page, 'sections-03-reviewer-sv');
    expect(errors).toEqual([]);
    await context.close();
  });
});

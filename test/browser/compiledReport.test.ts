/**
 * The executive board reads the city's annual report before signing off (issue 17): from the sign-off page to the
 * print page, its chapters and tables in Swedish and English with axe, the Word file downloaded by keyboard, and the
 * print style sheet leaving the app's frame out. The fixture year (2027) is written through the API.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixtureYear } from '../support/compiledReportStack';
import { checkPage, inBothLanguages, pollPatience, screenshotDir, signIn, useBrowserStack } from './support';

const year = 2027;
const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' };

describe("the city's compiled report in the browser", () => {
  const env = useBrowserStack((t) => writeFixtureYear(t, year, calendar));

  it('is read from the sign-off page, in both languages, downloaded as Word by keyboard and printed without the frame', { timeout: 180_000 }, async () => {
    const { page, errors } = await env.visitor();
    await signIn(page, /Kommunstyrelsen/);
    await page.goto(`/cycles/${year}/signoff`);
    await page.getByRole('link', { name: `Läs stadens verksamhetsberättelse ${year} innan du avslutar året` }).click();
    await page.waitForURL((url) => url.pathname === `/cycles/${year}/reports/annual`);

    await inBothLanguages(
      page,
      'compiled-report-01-annual',
      async () => {
        await page.getByRole('heading', { level: 1, name: `Verksamhetsberättelse ${year}` }).waitFor();
        await page.getByText('Alla nämnder utom två bedömer att den interna kontrollen har varit tillräcklig under året.').waitFor();
        await page.getByText('I de fall nämnderna hade angivit för låga årsmål för indikatorer har de uppmanats att återkomma med mer ambitiösa värden.').waitFor();
        const table = page.getByRole('table', { name: /^Andel behöriga lärare: nämndernas årsmål och utfall/ });
        expect(await table.getByRole('row', { name: /^Kista stadsdelsnämnd/ }).textContent()).toBe('Kista stadsdelsnämnd9089Nej');
        // The chart is an image with a description; its numbers are in the table before it.
        await page.getByRole('img', { name: /Andel behöriga lärare \(%\)/ }).first().waitFor();
        const contents = page.getByRole('navigation', { name: 'Innehåll' });
        expect(await contents.getByRole('link').allTextContents()).toEqual(
          expect.arrayContaining(['Mål och indikatorer', 'Intern kontroll', 'Återremitterade verksamhetsplaner', 'Ekonomi', 'Jämställdhet', 'Sena dokument']),
        );
      },
      async () => {
        await page.getByRole('heading', { level: 1, name: `Annual report ${year}` }).waitFor();
        await page.getByText('All boards but two judge their internal control to have been sufficient during the year.').waitFor();
        await page.getByRole('table', { name: /^Andel behöriga lärare: the boards' annual targets and outcomes/ }).getByRole('row', { name: /^Kista/ }).getByText('No').waitFor();
      },
    );

    // The Word file, by keyboard: focus the button and press Enter.
    const button = page.getByRole('button', { name: 'Ladda ner som Word (.docx)' });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`arshjul-${year}-verksamhetsberattelse.docx`);
    const saved = join(screenshotDir, `compiled-report-${year}.docx`);
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString('latin1')).toBe('PK');

    // Printed: no header, no buttons; the report itself stays.
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => page.locator('.site-header').isVisible(), pollPatience).toBe(false);
    expect(await button.isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Intern kontroll' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'compiled-report-02-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // A tertial report has no purpose review; the kinds are links of the page.
    await page.getByRole('navigation', { name: 'Rapporter' }).getByRole('link', { name: 'Tertialrapport 1' }).click();
    await page.getByRole('heading', { level: 1, name: `Tertialrapport 1 ${year}` }).waitFor();
    expect(await page.getByRole('heading', { name: 'Kommunstyrelsens prövning av bolagens verksamhet' }).count()).toBe(0);
    await checkPage(page, 'compiled-report-03-t1-sv');
    expect(errors).toEqual([]);
  });

  it('links the overview to the reports for the office, and tells an editor they are not theirs', { timeout: 120_000 }, async () => {
    const { page } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${year}`);
    await page.getByRole('link', { name: `Stadens samlade rapporter för ${year}` }).click();
    await page.getByRole('heading', { level: 1, name: `Verksamhetsberättelse ${year}` }).waitFor();

    const editor = await env.visitor();
    await signIn(editor.page, /Erik Berg/);
    await editor.page.goto(`/cycles/${year}/reports/annual`);
    await editor.page.getByText('Stadens samlade rapporter läses av stadsledningskontoret, granskarna och kommunstyrelsen.').waitFor();
    await checkPage(editor.page, 'compiled-report-04-editor-sv');

    // A board's own plan, as Word, from its document page.
    await editor.page.goto(`/cycles/${year}/boards/bromma/documents/plan`);
    const own = editor.page.getByRole('button', { name: 'Ladda ner som Word (.docx)' });
    await own.waitFor();
    const [file] = await Promise.all([editor.page.waitForEvent('download'), own.click()]);
    expect(file.suggestedFilename()).toBe(`arshjul-${year}-bromma-verksamhetsplan.docx`);
    await checkPage(editor.page, 'compiled-report-05-board-plan-sv');
  });
});

/**
 * The plan round in a real browser: a board files a plan with a low target and sees the warning; a reviewer returns
 * it with comments; the board fixes and resubmits; the reviewer approves; the public page shows the meter. axe-core
 * checks every page; screenshots land in test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { editorOf } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack } from './support';

const year = 2026;
const planUrl = (boardId: string) => `/cycles/${year}/boards/${boardId}/documents/plan`;

describe('the plan round in the browser', () => {
  const env = useBrowserStack();

  it('goes from a low target through return and resubmission to approval and the public meter', { timeout: 300_000 }, async () => {
    const board = await env.visitor();
    const reviewer = await env.visitor();
    let pub = await env.visitor();
    const { page } = board;

    // ── The board: the start page, then the empty plan ─────────────────────────────────────────────
    await pub.page.goto('/');
    // The first page of a fresh browser on a busy machine can take seconds: wait as Playwright does, not expect.poll's 1 s.
    await pub.page.getByRole('heading', { level: 1, name: /Välkommen/ }).waitFor();
    await checkPage(pub.page, '01-start-anonymous');
    await pub.page.goto('/signin');
    await checkPage(pub.page, '02-sign-in');

    await signIn(page, /Erik Berg/);
    await page.getByRole('heading', { name: /Bromma stadsdelsnämnd: Dina dokument 2026/ }).waitFor();
    await page.getByRole('link', { name: /Fyll i: Verksamhetsplan/ }).waitFor();
    await checkPage(page, '03-board-start');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await page.getByRole('link', { name: /Fyll i: Verksamhetsplan/ }).click();
    await page.waitForURL(`**${planUrl('bromma')}`);
    const elev = page.locator('#f-targets-KF-ELEV-1');
    await elev.waitFor();
    // The council's target stands beside the field, read out with it.
    expect(await page.locator('#f-targets-KF-ELEV-1-aside').textContent()).toContain('Fullmäktiges årsmål: 86 %');
    expect(await elev.getAttribute('aria-describedby')).toContain('f-targets-KF-ELEV-1-aside');
    // What is missing is listed, with links to the fields.
    const missing = page.locator('#s-missing');
    expect(await missing.getByRole('link').count()).toBe(4);
    await checkPage(page, '04-plan-empty');

    // Submitting an empty plan ties each problem to its field.
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.locator('#s-problems').waitFor();
    expect(await elev.getAttribute('aria-invalid')).toBe('true');
    expect(await elev.getAttribute('aria-describedby')).toContain('f-targets-KF-ELEV-1-err');
    await page.locator('#s-problems').getByRole('link', { name: /Andel elever/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-targets-KF-ELEV-1');
    await checkPage(page, '05-plan-errors');

    // A target below the council's (higher is better) warns at once.
    await elev.fill('80');
    const warning = page.locator('#f-targets-KF-ELEV-1-warn');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/mindre ambitiöst än fullmäktiges 86 %/);
    await page.locator('#f-targets-KF-ALD-1').fill('85');
    await page.locator('#f-targets-KF-PERS-1').fill('6,2'); // lower is better: below the council's 6,5 is fine
    await page.locator('#f-targets-KF-EKON-1').fill('1');
    expect(await page.locator('#f-targets-KF-PERS-1-warn').count()).toBe(0);

    // Goals, activities, risks with the heat map, and controls linked to risks.
    await page.getByRole('button', { name: 'Lägg till mål' }).click();
    await page.getByLabel('Målets lydelse').fill('Fler elever klarar skolan');
    await page.getByLabel(/Fullmäktiges mål som målet konkretiserar/).selectOption('D1.1');
    await page.getByLabel('Aktivitet 1').fill('Läxhjälp på fritidsgårdarna');
    await page.getByRole('button', { name: 'Lägg till risk' }).click();
    await page.getByLabel('Beskrivning av risken').fill('Brist på behöriga lärare');
    await page.getByLabel(/^Sannolikhet/).selectOption('3');
    await page.getByLabel(/^Konsekvens/).selectOption('4');
    await page.locator('.heat--critical .heat__risk', { hasText: 'R1' }).waitFor();
    await page.getByRole('button', { name: 'Lägg till kontroll' }).click();
    await page.getByLabel(/Risk som kontrollen möter/).selectOption('R1');
    await page.getByLabel(/Vad kontrolleras och hur/).fill('Uppföljning av rekryteringen varje kvartal');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();
    await checkPage(page, '06-plan-filled-low-target');

    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.getByText(/Inskickat\. Granskaren ser 1 mål/).waitFor();
    await page.getByText('Under granskning', { exact: true }).first().waitFor();
    await checkPage(page, '07-plan-submitted');
    await env.t.stack.runDueJobs();

    // ── The reviewer: the queue, the findings, a return with comments ───────────────────────────────
    await signIn(reviewer.page, /Rut Analys/);
    await reviewer.page.getByRole('link', { name: 'Granskning', exact: true }).click();
    const open = reviewer.page.getByRole('link', { name: /Granska Verksamhetsplan för Bromma stadsdelsnämnd/ });
    await open.waitFor();
    await checkPage(reviewer.page, '08-review-queue');
    await open.click();
    await reviewer.page.getByRole('heading', { name: 'Granskningsunderlag' }).waitFor();
    expect(await reviewer.page.locator('.findings').textContent()).toMatch(/KF-ELEV-1.*80 %.*86 %/);
    await reviewer.page.getByText('Första inlämningen').waitFor();
    await checkPage(reviewer.page, '09-review-first');
    // A return needs a comment: the error is tied to the field.
    await reviewer.page.getByRole('button', { name: 'Skicka tillbaka' }).click();
    const decisionComment = reviewer.page.locator('#f-decision-comment');
    await expect.poll(() => decisionComment.getAttribute('aria-invalid'), pollPatience).toBe('true');
    await reviewer.page.getByLabel('Kommentar om KF-ELEV-1').fill('Höj till minst 86 %, som fullmäktige.');
    await decisionComment.fill('Målet för behörighet är lägre än fullmäktiges.');
    await reviewer.page.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await reviewer.page.getByText(/Dokumentet är skickat tillbaka/).waitFor();
    await env.t.stack.runDueJobs();

    // ── The board sees the comments beside the indicator, fixes the target and resubmits ────────────
    await page.goto(planUrl('bromma'));
    await page.getByText('Granskaren har skickat tillbaka dokumentet', { exact: false }).waitFor();
    expect(await page.locator('.indicator', { hasText: 'KF-ELEV-1' }).textContent()).toContain('Höj till minst 86 %, som fullmäktige.');
    await checkPage(page, '10-plan-returned');
    await page.locator('#f-targets-KF-ELEV-1').fill('87');
    expect(await page.locator('#f-targets-KF-ELEV-1-warn').count()).toBe(0);
    await page.getByRole('button', { name: 'Skicka in igen' }).click();
    await page.getByText('Inskickat för granskning.').waitFor();
    await env.t.stack.runDueJobs();

    // ── The reviewer sees what changed and approves ─────────────────────────────────────────────────
    await reviewer.page.goto(`/cycles/${year}/review`);
    await reviewer.page.getByRole('link', { name: /Granska Verksamhetsplan för Bromma/ }).click();
    await reviewer.page.getByRole('heading', { name: 'Ändringar sedan förra inlämningen' }).waitFor();
    const changes = reviewer.page.locator('table.changes');
    await changes.waitFor();
    expect(await changes.textContent()).toMatch(/KF-ELEV-1.*80.*87/);
    expect(await reviewer.page.getByText('Inga automatiska anmärkningar', { exact: false }).count()).toBe(1);
    await checkPage(reviewer.page, '11-review-resubmitted');
    await reviewer.page.locator('#f-decision-comment').fill('Bra, godkänd.');
    await reviewer.page.getByRole('button', { name: 'Godkänn' }).click();
    await reviewer.page.getByText('Dokumentet är godkänt.', { exact: false }).waitFor();
    await env.t.stack.runDueJobs();

    // The year overview and the history tell the same story.
    await reviewer.page.getByRole('link', { name: 'Årsöversikt', exact: true }).click();
    const brommaRow = reviewer.page.getByRole('row', { name: /Bromma stadsdelsnämnd/ });
    await brommaRow.waitFor();
    expect(await brommaRow.textContent()).toContain('Godkänd');
    await reviewer.page.getByRole('radio', { name: 'Bolagsstyrelser' }).check();
    expect(await reviewer.page.getByRole('row', { name: /Bromma stadsdelsnämnd/ }).count()).toBe(0);
    await reviewer.page.getByRole('radio', { name: 'Alla' }).check();
    await checkPage(reviewer.page, '12-year-overview');
    await reviewer.page.goto(`/cycles/${year}/boards/bromma/documents/plan/history`);
    const rows = reviewer.page.locator('tbody tr');
    await expect.poll(() => rows.count(), pollPatience).toBe(6);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('Sparat'),
      expect.stringContaining('Inskickat'),
      expect.stringContaining('Återsänt'),
      expect.stringContaining('Sparat'),
      expect.stringContaining('Inskickat igen'),
      expect.stringContaining('Godkänt'),
    ]);
    await checkPage(reviewer.page, '13-history');

    // ── The public meters, without signing in ─────────────────────────────────────────────────────
    // A new visitor: the API lets browsers cache the public meters for a minute, and the first visitor saw them early.
    await pub.context.close();
    pub = await env.visitor();
    await pub.page.goto(`/public/cycles/${year}/meters`);
    await pub.page.getByRole('heading', { level: 1, name: `Strategimätare ${year}` }).waitFor();
    const meter = pub.page.locator('article', { hasText: 'KF-ELEV-1' });
    const unavailable = pub.page.locator('#meters-unavailable');
    await Promise.race([meter.waitFor(), unavailable.waitFor()]);
    if ((await unavailable.count()) === 0) {
      const chart = meter.getByRole('img', { name: /Andel elever i åk 9.*mål och utfall per nämnd/ });
      expect(await chart.count()).toBe(1);
      await meter.getByText('Visa som tabell').click();
      expect(await meter.getByRole('row', { name: /Bromma stadsdelsnämnd/ }).textContent()).toContain('87');
      expect(await pub.page.getByRole('link', { name: /Ladda ned alla mätare som CSV/ }).getAttribute('href')).toBe(`/api/public/cycles/${year}/meters.csv`);
    }
    await checkPage(pub.page, '14-public-meters');
    // The English switch changes every text and the page's language.
    await pub.page.getByRole('button', { name: 'Switch to English' }).click();
    await pub.page.getByRole('heading', { level: 1, name: `Strategy meters ${year}` }).waitFor();
    expect(await pub.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await checkPage(pub.page, '15-public-meters-en');

    for (const visitor of [board, reviewer, pub]) {
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it('keeps what the board typed when someone else saved meanwhile, and lets it choose per field', { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Fatima Ali/);
    await page.goto(planUrl('farsta'));
    await page.locator('#f-targets-KF-ELEV-1').fill('88');
    await page.locator('#f-targets-KF-ALD-1').fill('90');

    // A colleague saves another version of the plan through the API.
    const other = await env.t.api('PUT', `/api${planUrl('farsta')}`, {
      as: editorOf('farsta'),
      headers: { 'if-match': '"0"' },
      body: { content: { targets: [{ indicatorId: 'KF-ELEV-1', target: 89 }, { indicatorId: 'KF-PERS-1', target: 5 }] } },
    });
    expect(other.status).toBe(200);

    await page.getByRole('button', { name: 'Spara utkast' }).click();
    const conflict = page.getByRole('region', { name: 'Någon annan har sparat under tiden' });
    await conflict.waitFor();
    // KF-ELEV-1 collides (88 mine, 89 theirs); KF-PERS-1 is theirs alone and is taken; KF-ALD-1 is mine alone.
    expect(await conflict.getByRole('row', { name: /KF-ELEV-1/ }).textContent()).toMatch(/89.*88/);
    expect(await conflict.textContent()).toContain('KF-PERS-1');
    await checkPage(page, '16-plan-conflict');
    await conflict.getByRole('row', { name: /KF-ELEV-1/ }).getByLabel('Använd deras').check();
    await conflict.getByRole('button', { name: 'Använd valen och fortsätt' }).click();
    expect(await page.locator('#f-targets-KF-ELEV-1').inputValue()).toBe('89');
    expect(await page.locator('#f-targets-KF-ALD-1').inputValue()).toBe('90');
    expect(await page.locator('#f-targets-KF-PERS-1').inputValue()).toBe('5');
    await page.getByRole('button', { name: 'Spara utkast' }).click();
    await page.getByText('Utkastet är sparat.').waitFor();

    const saved = await env.t.api('GET', `/api${planUrl('farsta')}`, { as: editorOf('farsta') });
    expect(saved.body.version).toBe(2);
    expect(saved.body.content.targets).toEqual(
      expect.arrayContaining([
        { indicatorId: 'KF-ELEV-1', target: 89 },
        { indicatorId: 'KF-ALD-1', target: 90 },
        { indicatorId: 'KF-PERS-1', target: 5 },
      ]),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});

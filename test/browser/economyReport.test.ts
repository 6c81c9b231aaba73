/**
 * The economy beside the goals in a real browser (issue 16): a board with a budget fills in its tertial report. As
 * the editor types a forecast more than 1 % over the budget, the form works out the deviation and asks for the
 * comment; an indicator's forecast short of the board's target is warned at once, before anything is submitted; the
 * city's sections are in the form in its order. The reviewer sees the findings (the deficit, the forecast short of
 * the target) and, after a return, the changes to the economy and the sections; the overview shows the city's
 * deviation. axe-core checks each page in Swedish and English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, reviewer as reviewerCaller, type Caller, type TestStack } from '../support/localStack';
import { checkPage, inBothLanguages, pollPatience, signIn, useBrowserStack } from './support';

const year = 2026;
const board = 'miljo-halsa';
// The demo user Mira Lind on the sign-in page is the editor of this board.
const mira: Caller = { sub: 'mira.miljo', role: 'editor', boards: [board] };
const documentUrl = (kind: string) => `/cycles/${year}/boards/${board}/documents/${kind}`;
const budget = 250_000;
const company = 'stockholmshem';
// The demo user Sam Holm is the editor of this company.
const sam: Caller = { sub: 'sam.stockholmshem', role: 'editor', boards: [company] };

async function ok(answer: Promise<{ status: number; body: unknown; headers: Headers }>, ...expected: number[]) {
  const a = await answer;
  expect(expected, `${a.status}: ${JSON.stringify(a.body)}`).toContain(a.status);
  return a;
}

/** Puts the board's budget line and the city's sections beside whatever the year already has (the demo's, if any). */
async function setUpEconomy(t: TestStack) {
  const current = await ok(t.api('GET', `/api/cycles/${year}/budget`, { as: admin }), 200);
  const lines = ((current.body as { boards: Array<{ boardId: string }> }).boards ?? []).filter((l) => l.boardId !== board && l.boardId !== company);
  const ours = [
    { boardId: board, netCost: budget },
    { boardId: company, netCost: 0, returnRequirement: 4.5 },
  ];
  await ok(t.api('PUT', `/api/cycles/${year}/budget`, { as: admin, headers: { 'if-match': current.headers.get('etag')! }, body: { unit: 'tkr', boards: [...lines, ...ours] } }), 200);
  const sections = await ok(t.api('GET', `/api/cycles/${year}/report-sections`, { as: admin }), 200);
  await ok(
    t.api('PUT', `/api/cycles/${year}/report-sections`, {
      as: admin,
      headers: { 'if-match': sections.headers.get('etag')! },
      body: {
        sections: [
          { id: 'jamstalldhet', title: 'Jämställdhet', help: 'Hur nämnden har arbetat för att kvinnor och män får samma service.', kinds: ['t1', 'annual'], required: true },
          { id: 'innovation', title: 'Innovation', kinds: ['t1'], required: false },
          { id: 'agarstyrning', title: 'Ägarstyrning', kinds: ['t1'], required: true, boardKinds: ['company'] },
        ],
      },
    }),
    200,
  );
}

/** Types a value in a field the way a person does: clears it, then types key by key (the form reacts to each). */
async function type(page: Page, selector: string, value: string) {
  const field = page.locator(selector);
  await field.fill('');
  await field.pressSequentially(value);
}

describe("the report's economy and the city's sections in the browser", () => {
  const env = useBrowserStack(async (t) => {
    const plan = {
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 86 },
        { indicatorId: 'KF-ALD-1', target: 85 },
        { indicatorId: 'KF-KLIM-1', target: 1.4 },
        { indicatorId: 'KF-PERS-1', target: 6 },
        { indicatorId: 'KF-EKON-1', target: 1 },
      ],
      goals: [{ id: 'N1', title: 'Minskade utsläpp från stadens verksamhet', areaGoalId: 'D2.1', activities: ['Fossilfria tjänsteresor'] }],
      ownIndicators: [],
      risks: [],
      controls: [],
    };
    const companyPlan = {
      ...plan,
      targets: [
        { indicatorId: 'KF-ELEV-1', target: 86 },
        { indicatorId: 'KF-ALD-1', target: 85 },
        { indicatorId: 'KF-KLIM-2', target: 110 },
        { indicatorId: 'KF-BOST-1', target: 1200 },
        { indicatorId: 'KF-PERS-1', target: 6 },
        { indicatorId: 'KF-EKON-1', target: 1 },
      ],
    };
    for (const [boardId, as, content] of [
      [board, mira, plan],
      [company, sam, companyPlan],
    ] as const) {
      const path = `/api/cycles/${year}/boards/${boardId}/documents/plan`;
      await ok(t.api('PUT', path, { as, headers: { 'if-match': '"0"' }, body: { content } }), 200);
      await ok(t.api('POST', `${path}/submit`, { as }), 202);
      await t.stack.runDueJobs();
      await ok(t.api('POST', `${path}/decision`, { as: reviewerCaller, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
      await t.stack.runDueJobs();
    }
    await setUpEconomy(t);
  });

  it('works out the deviation and asks for the comment as the editor types, warns of a forecast short of the target, and shows the reviewer the findings', { timeout: 300_000 }, async () => {
    const editor = await env.visitor();
    const { page } = editor;
    await signIn(page, /Mira Lind/);
    await page.goto(documentUrl('t1'));
    await page.getByRole('heading', { level: 1, name: 'Tertialrapport 1 2026' }).waitFor();
    const economy = page.getByRole('region', { name: '5. Ekonomi' });
    await economy.waitFor();
    expect(await economy.textContent()).toContain('Nämndens budget för 2026 är en nettokostnad på 250\u00a0000 tkr.');
    const comment = page.locator('#f-economy-comment');
    expect(await comment.getAttribute('aria-required')).toBeNull();
    // The city's sections, in its order, with the help text tied to the field; a company's section is not asked here.
    const sections = page.getByRole('region', { name: "6. Stadens avsnitt" });
    expect(await sections.getByRole('textbox').evaluateAll((boxes) => boxes.map((b) => b.id))).toEqual(['f-sections-jamstalldhet', 'f-sections-innovation']);
    expect(await page.getByLabel('Jämställdhet').getAttribute('aria-required')).toBe('true');
    expect(await page.getByLabel('Jämställdhet').getAttribute('aria-describedby')).toContain('f-sections-jamstalldhet-help');

    // Within 1 %: no comment asked.
    await type(page, '#f-economy-outcomeToDate', '80 000');
    await type(page, '#f-economy-forecast', '252 500');
    await expect.poll(() => page.locator('#economy-deviation').textContent(), pollPatience).toBe('+2\u00a0500 tkr (+1 %) över budget');
    expect(await comment.getAttribute('aria-required')).toBeNull();
    // Past 1 % (a Swedish decimal comma): the comment is asked for, marked required, and said in a live region.
    await type(page, '#f-economy-forecast', '262 500,5');
    await expect.poll(() => comment.getAttribute('aria-required'), pollPatience).toBe('true');
    expect(await page.locator('#economy-deviation').textContent()).toBe('+12\u00a0500,5 tkr (+5 %) över budget');
    const asked = page.locator('#f-economy-comment-warn');
    expect(await asked.textContent()).toContain('Avvikelsen är större än 1 % av budgeten: förklara den i kommentaren.');
    expect(await asked.evaluate((p) => p.parentElement?.getAttribute('aria-live'))).toBe('polite');
    expect(await comment.getAttribute('aria-describedby')).toContain('f-economy-comment-warn');
    expect(await page.locator('label[for="f-economy-comment"]').textContent()).toBe('Kommentar till avvikelsen (obligatoriskt)');

    // Lower is better: a forecast of 1,8 does not reach the board's 1,4; warned before anything is submitted.
    await type(page, '#f-indicators-KF-KLIM-1-forecast', '1,8');
    const warning = page.locator('#f-indicators-KF-KLIM-1-forecast-warn');
    await expect.poll(() => warning.textContent(), pollPatience).toContain('Prognosen når inte årsmålet 1,4 ton CO2e');
    expect(await page.locator('#f-indicators-KF-KLIM-1-forecast').getAttribute('aria-describedby')).toContain('f-indicators-KF-KLIM-1-forecast-warn');
    // Higher is better: 86 reaches 86, no warning.
    await type(page, '#f-indicators-KF-ELEV-1-forecast', '86');
    expect(await page.locator('#f-indicators-KF-ELEV-1-forecast-warn').count()).toBe(0);

    await inBothLanguages(
      page,
      '60-t1-economy-live',
      async () => {
        expect(await page.locator('#s-missing').textContent()).toContain('Förklara avvikelsen: prognosen avviker +12\u00a0500,5 tkr (+5 %) från budgeten, mer än 1 %.');
        expect(await page.locator('#s-missing').textContent()).toContain('Skriv avsnittet ”Jämställdhet”: staden kräver det.');
      },
      async () => {
        await page.getByRole('region', { name: '5. Economy' }).waitFor();
        expect(await page.locator('#economy-deviation').textContent()).toBe('+12,500.5 tkr (+5 %) over the budget');
        expect(await asked.textContent()).toContain('The deviation is more than 1 % of the budget: explain it in the comment.');
        expect(await warning.textContent()).toContain('The forecast does not reach the annual target 1.4 ton CO2e');
        expect(await page.locator('#s-missing').textContent()).toContain('Explain the deviation: the forecast deviates from the budget by +12,500.5 tkr (+5 %), more than 1 %.');
      },
    );

    // The rest of the report, then submit: the server answers the same checks as findings.
    for (const [id, outcome, forecast] of [
      ['KF-ELEV-1', '84', '86'],
      ['KF-ALD-1', '83', '85'],
      ['KF-KLIM-1', '1,9', '1,8'],
      ['KF-PERS-1', '6,4', '6'],
      ['KF-EKON-1', '0,5', '1'],
    ] as const) {
      await page.locator(`#f-indicators-${id}-outcome`).fill(outcome);
      await page.locator(`#f-indicators-${id}-forecast`).fill(forecast);
    }
    await page.getByRole('group', { name: /Mål N1/ }).getByLabel('Delvis uppfyllt').check();
    await page.getByLabel('Tillräcklig', { exact: true }).check();
    // Submitting without the comment and the required section: both are named, tied to their fields.
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await expect.poll(() => comment.getAttribute('aria-invalid'), pollPatience).toBe('true');
    expect(await page.getByLabel('Jämställdhet').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, '61-t1-economy-errors');
    await comment.fill('Högre kostnader för tillsyn efter nya föreskrifter; nämnden ser över taxorna.');
    expect(await asked.count()).toBe(0);
    await page.getByLabel('Jämställdhet').fill('Tillsynen följer upp ärendena per kön.');
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.getByText(/Inskickat för granskning\. Granskaren ser 2 automatiska anmärkningar/).waitFor();
    // The document as read now shows the money and the sections.
    const view = page.locator('section', { has: page.locator('#v-economy') });
    await view.waitFor();
    expect(await view.textContent()).toContain('Högre kostnader för tillsyn');
    await page.getByRole('heading', { level: 3, name: 'Jämställdhet' }).waitFor();
    await env.t.stack.runDueJobs();

    // The reviewer: the findings beside each other, worded, and the report's economy.
    const reviewer = await env.visitor();
    const rp = reviewer.page;
    await signIn(rp, /Rut Analys/);
    await rp.goto(documentUrl('t1'));
    await rp.getByRole('heading', { name: 'Beslut' }).waitFor();
    const findings = rp.locator('section', { has: rp.locator('#findings-title') });
    await inBothLanguages(
      rp,
      '62-t1-economy-review',
      async () => {
        await expect.poll(() => findings.textContent(), pollPatience).toContain('Ekonomi: Prognosen för årets nettokostnad, 262\u00a0500,5 tkr, överskrider budgeten 250\u00a0000 tkr med 12\u00a0500,5 tkr.');
        expect(await findings.textContent()).toContain('KF-KLIM-1');
        expect(await findings.textContent()).toContain('Prognosen 1,8 ton CO2e når inte nämndens årsmål 1,4 ton CO2e (lägre är bättre).');
        expect(await rp.getByRole('region', { name: 'Ändringar sedan förra inlämningen' }).textContent()).toContain('Första inlämningen');
      },
      async () => {
        await expect.poll(() => findings.textContent(), pollPatience).toContain("Economy: The forecast of the year's net cost, 262,500.5 tkr, exceeds the budget of 250,000 tkr by 12,500.5 tkr.");
        expect(await findings.textContent()).toContain("The forecast 1.8 ton CO2e falls short of the board's annual target 1.4 ton CO2e");
      },
    );
    await rp.getByLabel('Kommentar till nämnden').fill('Beskriv åtgärderna för att nå budgeten i balans.');
    await rp.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await rp.getByText('Dokumentet är skickat tillbaka.', { exact: false }).waitFor();
    await env.t.stack.runDueJobs();

    // The board lowers its forecast and adds a section; the reviewer sees those changes.
    await page.goto(documentUrl('t1'));
    await page.locator('#f-economy-forecast').waitFor();
    await type(page, '#f-economy-forecast', '255 000');
    await page.getByLabel('Innovation').fill('Digital tillsyn på distans.');
    await page.getByRole('button', { name: 'Skicka in igen' }).click();
    await page.getByText(/Inskickat för granskning\. Granskaren ser 2 automatiska anmärkningar/).waitFor();
    await env.t.stack.runDueJobs();
    await rp.goto(documentUrl('t1'));
    const changes = rp.getByRole('region', { name: 'Ändringar sedan förra inlämningen' });
    await changes.getByRole('table').waitFor();
    expect(await changes.getByRole('row', { name: /Ekonomi: prognos/ }).textContent()).toMatch(/262\s500,5.*255\s000/);
    expect(await changes.getByRole('row', { name: /Avsnitt innovation \(Innovation\)/ }).textContent()).toContain('Digital tillsyn på distans.');
    await checkPage(rp, '63-t1-economy-changes');
    await rp.getByRole('button', { name: 'Godkänn' }).click();
    await rp.getByText('Dokumentet är godkänt.', { exact: false }).waitFor();
    await env.t.stack.runDueJobs();

    // The executive board's overview: the city's deviation per board and in total, with the explanation.
    const ks = await env.visitor();
    await signIn(ks.page, /Kommunstyrelsen/);
    await ks.page.goto(`/cycles/${year}`);
    const table = ks.page.locator('table.economy-table');
    await inBothLanguages(
      ks.page,
      '64-overview-economy',
      async () => {
        await ks.page.getByRole('table', { name: 'Nettokostnad mot budget 2026, per nämnd' }).waitFor();
        const row = table.getByRole('row', { name: /Miljö- och hälsoskyddsnämnden/ });
        await row.waitFor();
        expect(await row.textContent()).toMatch(/250\s000.*Tertialrapport 1.*255\s000.*\+5\s000.*\+2 %.*Högre kostnader för tillsyn/);
        expect(await table.locator('tfoot').textContent()).toContain('Hela staden');
        expect(await table.getByRole('columnheader', { name: 'Avvikelse (%)' }).getAttribute('aria-sort')).toBe('descending');
      },
      async () => {
        await ks.page.getByRole('table', { name: 'Net cost against the budget 2026, per board' }).waitFor();
        expect(await table.getByRole('columnheader', { name: 'Deviation (%)' }).getAttribute('aria-sort')).toBe('descending');
      },
    );
    // The link at the top of the overview leads to the table.
    await ks.page.getByRole('link', { name: /Ekonomin mot budget: nämndernas prognoser/ }).click();
    await expect.poll(() => ks.page.evaluate(() => window.location.hash), pollPatience).toBe('#economy-overview-title');
    // Sorted by name by keyboard: the heading's button.
    await table.getByRole('button', { name: 'Nämnd' }).focus();
    await ks.page.keyboard.press('Enter');
    await expect.poll(() => table.getByRole('columnheader', { name: 'Nämnd' }).getAttribute('aria-sort'), pollPatience).toBe('ascending');

    for (const visitor of [editor, reviewer, ks]) {
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it("asks a company for its return against the requirement, warns when it falls short, and asks a company's own section", { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Sam Holm/);
    await page.goto(`/cycles/${year}/boards/${company}/documents/t1`);
    await page.getByRole('heading', { level: 1, name: 'Tertialrapport 1 2026' }).waitFor();
    const economy = page.locator('section', { has: page.locator('#h-economy') });
    await economy.waitFor();
    expect(await economy.textContent()).toContain('Bolagets budget för 2026 är en nettokostnad på 0 tkr.');
    expect(await economy.textContent()).toContain('Bolagets avkastningskrav är 4,5 %.');
    await type(page, '#f-economy-outcomeToDate', '0');
    await type(page, '#f-economy-forecast', '0');
    expect(await page.locator('#economy-deviation').textContent()).toBe('Som budgeten');
    const returnField = page.locator('#f-economy-returnForecast');
    expect(await returnField.getAttribute('aria-required')).toBe('true');
    await type(page, '#f-economy-returnForecast', '3,5');
    const warning = page.locator('#f-economy-returnForecast-warn');
    await expect.poll(() => warning.textContent(), pollPatience).toContain('Avkastningen når inte avkastningskravet 4,5 %.');
    // A company writes the company's own section too, marked required.
    const sections = page.locator('section', { has: page.locator('#h-sections') });
    expect(await sections.getByRole('textbox').evaluateAll((boxes) => boxes.map((b) => b.id))).toEqual(['f-sections-jamstalldhet', 'f-sections-innovation', 'f-sections-agarstyrning']);
    expect(await page.getByLabel('Ägarstyrning').getAttribute('aria-required')).toBe('true');
    await inBothLanguages(
      page,
      '65-t1-company-return',
      async () => {
        expect(await page.locator('#s-missing').textContent()).toContain('Skriv avsnittet ”Ägarstyrning”: staden kräver det.');
      },
      async () => {
        await expect.poll(() => warning.textContent(), pollPatience).toContain('The return falls short of the return requirement of 4.5 %.');
        expect(await page.locator('#economy-deviation').textContent()).toBe('As budgeted');
      },
    );
    // Reaching the requirement takes the warning away.
    await type(page, '#f-economy-returnForecast', '4,5');
    await expect.poll(() => warning.count(), pollPatience).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

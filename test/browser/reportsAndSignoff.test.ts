/**
 * Follow-up in a real browser: a board with an approved plan files its tertial report (forecasts, goal assessments,
 * internal control with the comment it needs), a reviewer approves it, the public meter shows the forecast; the
 * executive's sign-off page lists what stops the year from being closed. axe-core checks every page.
 */
import { describe, expect, it } from 'vitest';
import { reviewer as reviewerCaller, type Caller } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack } from './support';

const year = 2026;
const board = 'miljo-halsa';
// The demo user Mira Lind on the sign-in page is the editor of this board.
const mira: Caller = { sub: 'mira.miljo', role: 'editor', boards: [board] };
const documentUrl = (kind: string) => `/cycles/${year}/boards/${board}/documents/${kind}`;

describe('tertial report and sign-off in the browser', () => {
  const env = useBrowserStack(async (t) => {
    // The board's plan, approved through the API: its targets, one goal, one risk and its control.
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
      risks: [{ id: 'R1', title: 'Försenade upphandlingar av fordon', probability: 2, consequence: 3 }],
      controls: [{ id: 'C1', riskId: 'R1', description: 'Avstämning av upphandlingsplanen', frequency: 'tertial' }],
    };
    const path = `/api${documentUrl('plan')}`;
    expect((await t.api('PUT', path, { as: mira, headers: { 'if-match': '"0"' }, body: { content: plan } })).status).toBe(200);
    expect((await t.api('POST', `${path}/submit`, { as: mira })).status).toBe(202);
    await t.stack.runDueJobs();
    expect((await t.api('POST', `${path}/decision`, { as: reviewerCaller, body: { decision: 'approve', comment: 'Godkänd.' } })).status).toBe(200);
    await t.stack.runDueJobs();
  });

  it('files a tertial report, gets it approved, and shows its forecast on the public meter', { timeout: 240_000 }, async () => {
    const editor = await env.visitor();
    const { page } = editor;
    await signIn(page, /Mira Lind/);
    await page.getByRole('link', { name: /Fyll i: Tertialrapport 1/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tertialrapport 1 2026' }).waitFor();
    // One row per indicator of the approved plan, with both targets beside it.
    const klim = page.getByRole('group', { name: /KF-KLIM-1/ });
    expect(await klim.textContent()).toContain('Nämndens årsmål: 1,4 ton CO2e. Fullmäktiges årsmål: 1,5 ton CO2e.');
    expect(await page.locator('#s-missing').getByRole('link').count()).toBe(5);
    await checkPage(page, '20-t1-empty');

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
    // Lower is better: a forecast of 1,8 does not reach the board's 1,4.
    expect(await page.locator('#f-indicators-KF-KLIM-1-forecast-warn').textContent()).toContain('Prognosen når inte årsmålet 1,4 ton CO2e');
    await page.getByRole('group', { name: /Mål N1/ }).getByLabel('Delvis uppfyllt').check();
    await page.getByLabel('Delvis tillräcklig').check();
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    // Internal control that is not sufficient needs its reasons, tied to the field.
    const icComment = page.locator('#f-internalControl-comment');
    await expect.poll(() => icComment.getAttribute('aria-invalid'), pollPatience).toBe('true');
    expect(await icComment.getAttribute('aria-describedby')).toContain('f-internalControl-comment-err');
    await checkPage(page, '21-t1-errors');
    await icComment.fill('Två av fem kontroller är genomförda; resten görs i tertial 2.');
    await page.getByLabel('Analys av verksamheten och ekonomin').fill('Utsläppen minskar långsammare än planerat.');
    await page.getByRole('button', { name: 'Skicka in för granskning' }).click();
    await page.getByText('Inskickat för granskning.').waitFor();
    await checkPage(page, '22-t1-submitted');
    await env.t.stack.runDueJobs();

    const reviewer = await env.visitor();
    await signIn(reviewer.page, /Rut Analys/);
    await reviewer.page.goto(`/cycles/${year}/review`);
    await reviewer.page.getByRole('link', { name: /Granska Tertialrapport 1 för Miljö- och hälsoskyddsnämnden/ }).click();
    await reviewer.page.getByRole('heading', { name: 'Beslut' }).waitFor();
    expect(await reviewer.page.getByRole('row', { name: /KF-KLIM-1/ }).first().textContent()).toMatch(/1,9.*1,8/);
    await checkPage(reviewer.page, '23-t1-review');
    await reviewer.page.getByRole('button', { name: 'Godkänn' }).click();
    await reviewer.page.getByText('Dokumentet är godkänt.', { exact: false }).waitFor();
    await env.t.stack.runDueJobs();

    const pub = await env.visitor();
    await pub.page.goto(`/public/cycles/${year}/meters`);
    const meter = pub.page.locator('article', { hasText: 'KF-KLIM-1' });
    await meter.getByRole('img').waitFor();
    expect(await meter.textContent()).toContain('Målet inte nått');
    await meter.getByText('Visa som tabell').click();
    expect(await meter.getByRole('row', { name: /Miljö- och hälsoskyddsnämnden/ }).textContent()).toMatch(/1,4.*1,9.*1,8.*T1/);
    await checkPage(pub.page, '24-public-meters-with-forecast');

    for (const visitor of [editor, reviewer, pub]) {
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
    }
  });

  it("lets the executive see what stops the sign-off, and asks a verdict on every company's purpose", { timeout: 120_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Kommunstyrelsen/);
    await page.getByRole('link', { name: 'Fastställande', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fastställande av 2026' }).waitFor();
    await page.getByText(/25 av 25 verksamhetsberättelser är inte godkända/).waitFor();
    await checkPage(page, '25-signoff');

    await page.getByRole('button', { name: 'Fastställ året' }).click();
    const problems = page.locator('#signoff-problems');
    await problems.waitFor();
    expect(await problems.getByRole('link').count()).toBe(4); // the four companies
    for (const company of ['sisab', 'stockholmshem', 'svenska-bostader']) await page.locator(`#f-companies-${company}-withinPurpose`).check();
    await page.locator('#f-companies-familjebostader-withinPurpose-no').check();
    await page.getByRole('button', { name: 'Fastställ året' }).click();
    // "No" needs a reason.
    const reason = page.locator('#f-companies-familjebostader-comment');
    await expect.poll(() => reason.getAttribute('aria-invalid'), pollPatience).toBe('true');
    await reason.fill('Bolaget har bedrivit verksamhet utanför ändamålet.');
    await page.getByRole('button', { name: 'Fastställ året' }).click();
    // The API refuses while annual reports are not approved, and the page says so.
    await page.getByText(/Året kan inte fastställas än/).waitFor();
    await checkPage(page, '26-signoff-blocked');
    expect(errors).toEqual([]);
    await context.close();
  });
});

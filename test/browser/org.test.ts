/**
 * The organisation and bulk review in a real browser, with axe, in Swedish and English. The city office (Anna
 * Controller) adds a board and a unit below it, archives the unit and filters it out, deletes it, and is refused the
 * delete of a board with documents (Bromma, which the demo gives a plan) with the reason beside it. A reviewer (Rut
 * Analys) approves several documents without findings at once in a year of their own (2029), where one was decided
 * meanwhile (409) and one's request got no answer; that one stays selected and goes through on the retry.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, type TestStack } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack, inBothLanguages } from './support';

const year = 2029;
const calendar = { planDue: '2029-01-31', t1Due: '2029-05-15', t2Due: '2029-09-15', annualDue: '2030-02-15', signoffDue: '2030-04-15' };
const goals = {
  directionGoals: [
    { id: 'D1', title: 'En stad för alla', areaGoals: [{ id: 'D1.1', title: 'Skolan', indicators: [{ id: 'KF-1', name: 'Behöriga lärare', unit: '%', direction: 'higher', target: 80, boards: ['bulk-a', 'bulk-b', 'bulk-c', 'bulk-d'] }] }] },
  ],
};
const plan = (target: number) => ({
  targets: [{ indicatorId: 'KF-1', target }],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: ['Rekrytering'] }],
  ownIndicators: [],
  risks: [{ id: 'R1', title: 'Lärarbrist', probability: 2, consequence: 3 }],
  controls: [{ id: 'C1', riskId: 'R1', description: 'Uppföljning av rekryteringen', frequency: 'tertial' }],
});
// bulk-c's target is below the council's: a finding, so it needs a look and cannot be bulk-approved.
const bulkBoards = [
  ['bulk-a', 'Anneberg', 85],
  ['bulk-b', 'Backen', 90],
  ['bulk-c', 'Centrum', 70],
  ['bulk-d', 'Dalen', 82],
] as const;

async function ok(answer: Promise<{ status: number; body: unknown }>, ...expected: number[]) {
  const { status, body } = await answer;
  expect(expected, `${status}: ${JSON.stringify(body)}`).toContain(status);
  return body as any;
}


const boardOf = async (t: TestStack, id: string) => ((await t.api('GET', '/api/boards', { as: admin })).body.boards as Array<{ boardId: string; archived?: boolean; parentId: string | null; attributes?: Record<string, number> }>).find((b) => b.boardId === id);

describe('the organisation and bulk review in the browser', () => {
  const env = useBrowserStack(async (t) => {
    await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
    for (const [boardId, name] of bulkBoards) {
      await ok(t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name: `${name}s nämnd`, kind: 'district', contacts: [`kansli@${boardId}.example`] } }), 201);
    }
    await ok(t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals }), 200);
    for (const [boardId, , target] of bulkBoards) {
      const path = `/api/cycles/${year}/boards/${boardId}/documents/plan`;
      await ok(t.api('PUT', path, { as: editorOf(boardId), headers: { 'if-match': '"0"' }, body: { content: plan(target) } }), 200);
      await ok(t.api('POST', `${path}/submit`, { as: editorOf(boardId) }), 202);
    }
    await t.stack.runDueJobs();
  });

  it('adds a board and a unit, archives and deletes the unit, and refuses to delete a board with documents', { timeout: 240_000 }, async () => {
    const { page, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto('/admin/boards');
    await page.getByRole('heading', { level: 1, name: 'Organisationen' }).waitFor();
    expect(await page.locator('.notice').first().textContent()).toContain('behåller sina dokument och sin historik');
    await inBothLanguages(page, 'org-01-tree', async () => {}, () => page.getByRole('heading', { level: 1, name: 'The organisation' }).waitFor());

    // Bad input: told next to the field, in Swedish, and nothing is saved.
    await page.getByRole('button', { name: 'Ny nämnd eller bolag' }).click();
    await page.getByLabel('Id').fill('nya');
    await page.getByLabel('Namn').fill('Nya nämnden');
    await page.getByLabel('Kontakter').fill('kansli@nya.example\ninte-en-adress');
    await page.getByRole('button', { name: 'Skapa' }).click();
    await expect.poll(() => page.locator('#org-contacts-err').textContent(), pollPatience).toContain('inte-en-adress är ingen e-postadress');
    expect(await page.locator('#org-contacts').getAttribute('aria-invalid')).toBe('true');
    expect(await boardOf(env.t, 'nya')).toBeUndefined();
    await inBothLanguages(page, 'org-02-new-board-errors', async () => {}, async () => {
      await page.getByRole('heading', { name: 'New board or company' }).waitFor();
      await page.getByRole('button', { name: 'Create' }).click();
      await expect.poll(() => page.locator('#org-contacts-err').textContent(), pollPatience).toContain('inte-en-adress is not an e-mail address');
    });

    // A new board.
    await page.getByLabel('Kontakter').fill('kansli@nya.example');
    await page.getByRole('radio', { name: 'Engelska' }).check();
    await page.getByRole('button', { name: 'Skapa' }).click();
    await expect.poll(() => page.getByText('Skapad: Nya nämnden.').count(), pollPatience).toBe(1);
    expect(await boardOf(env.t, 'nya')).toMatchObject({ parentId: null, locale: 'en' });

    // A unit below it, with its size.
    await page.getByRole('button', { name: 'Lägg till enhet under Nya nämnden' }).click();
    await page.getByRole('heading', { name: 'Ny enhet under Nya nämnden' }).waitFor();
    expect(await page.getByLabel('Slag').inputValue()).toBe('unit');
    expect(await page.getByLabel('Ligger under').inputValue()).toBe('nya');
    await page.getByLabel('Id').fill('nya-skolan');
    await page.getByLabel('Namn').fill('Nya skolan');
    await page.getByLabel('Kontakter').fill('rektor@nya-skolan.example');
    await page.getByRole('button', { name: 'Lägg till uppgift' }).click();
    await page.getByLabel('Namn på uppgift 1').fill('pupils');
    await page.getByLabel('Antal för uppgift 1').fill('310');
    await inBothLanguages(page, 'org-03-new-unit', async () => {}, () => page.getByRole('heading', { name: 'New unit below Nya nämnden' }).waitFor());
    await page.getByRole('button', { name: 'Skapa' }).click();
    await expect.poll(() => page.getByText('Skapad: Nya skolan.').count(), pollPatience).toBe(1);
    expect(await boardOf(env.t, 'nya-skolan')).toMatchObject({ kind: 'unit', parentId: 'nya', attributes: { pupils: 310 } });
    const units = page.getByRole('list', { name: 'Enheter under Nya nämnden' });
    await expect.poll(() => units.textContent(), pollPatience).toContain('Nya skolan');

    // The board with a unit cannot go: the page says why, and offers no delete.
    await page.getByRole('button', { name: 'Ändra Nya nämnden' }).click();
    await expect.poll(() => page.locator('#org-delete-why').textContent(), pollPatience).toContain('har enheter (Nya skolan)');
    expect(await page.getByRole('button', { name: /ta bort Nya nämnden/i }).count()).toBe(0);

    // Archive the unit: marked in the tree, hidden by the filter, still there for the server.
    await page.getByRole('button', { name: 'Ändra Nya skolan' }).click();
    await page.getByRole('button', { name: 'Arkivera Nya skolan' }).click();
    await expect.poll(() => page.getByText('Nya skolan är arkiverad.', { exact: false }).count(), pollPatience).toBe(1);
    expect(await boardOf(env.t, 'nya-skolan')).toMatchObject({ archived: true });
    await expect.poll(() => units.textContent(), pollPatience).toContain('Arkiverad');
    await page.getByLabel('Visa arkiverade').uncheck();
    await expect.poll(() => page.getByRole('button', { name: 'Ändra Nya skolan' }).count(), pollPatience).toBe(0);
    await page.getByLabel('Visa arkiverade').check();

    // It never had a document: it can be deleted, after a confirmation.
    await page.getByRole('button', { name: 'Ändra Nya skolan' }).click();
    await page.getByRole('button', { name: 'Ta bort Nya skolan', exact: true }).click();
    await inBothLanguages(page, 'org-04-confirm-delete', async () => {}, () => page.getByRole('button', { name: 'Yes, delete Nya skolan', exact: true }).waitFor());
    await page.getByRole('button', { name: 'Ja, ta bort Nya skolan', exact: true }).click();
    await expect.poll(() => page.getByText('Nya skolan är borttagen.').count(), pollPatience).toBe(1);
    expect(await boardOf(env.t, 'nya-skolan')).toBeUndefined();

    // Centrum has a plan in 2029 (and no units): no delete, and the reason, archive instead.
    await page.getByRole('button', { name: 'Ändra Centrums nämnd' }).click();
    await expect.poll(() => page.locator('#org-delete-why').textContent(), pollPatience).toMatch(/har dokument för 2029.*Arkivera den i stället/);
    expect(await page.getByRole('button', { name: /ta bort Centrums nämnd/i }).count()).toBe(0);
    await inBothLanguages(page, 'org-05-refused-delete', async () => {}, () =>
      expect.poll(() => page.locator('#org-delete-why').textContent(), pollPatience).toMatch(/has documents for 2029.*Archive it instead/),
    );
    expect(errors).toEqual([]);
  });

  it('approves several documents without findings at once, shows the one that failed, and retries the one left selected', { timeout: 240_000 }, async () => {
    const { page, errors } = await env.visitor();
    await signIn(page, /Rut Analys/);
    await page.goto(`/cycles/${year}/review`);
    await page.getByRole('heading', { name: 'Godkänn flera på en gång' }).waitFor();
    // The one with a finding has no checkbox: it needs a look.
    expect(await page.getByRole('checkbox', { name: /Centrums nämnd/ }).count()).toBe(0);
    expect(await page.getByRole('row', { name: /Centrums nämnd/ }).textContent()).toContain('Har avvikelser');
    await page.getByRole('button', { name: 'Välj alla utan avvikelser' }).click();
    for (const name of ['Annebergs nämnd', 'Backens nämnd', 'Dalens nämnd']) {
      expect(await page.getByRole('checkbox', { name: new RegExp(name) }).isChecked()).toBe(true);
    }
    await page.getByLabel('Kommentar till besluten').fill('Godkänd utan anmärkning.');
    await inBothLanguages(page, 'org-06-bulk-selected', async () => {}, () => page.getByRole('heading', { name: 'Approve several at once' }).waitFor());

    // Meanwhile someone else decides Anneberg's plan; Backen's first request gets no answer at all.
    await ok(env.t.api('POST', `/api/cycles/${year}/boards/bulk-a/documents/plan/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Redan klar.' } }), 200);
    const keys: string[] = [];
    let dropped = false;
    await page.route(`**/api/cycles/${year}/boards/bulk-b/documents/plan/decision`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!dropped) {
        dropped = true;
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    const sentKeys = new Set<string>();
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/decision')) sentKeys.add(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Godkänn valda' }).click();
    const status = page.locator('#bulk-status');
    await expect.poll(() => status.textContent(), pollPatience).toContain('1 godkända, 2 gick inte.');
    const results = page.locator('.bulk-results');
    expect(await results.textContent()).toContain('Godkänd: Verksamhetsplan för Dalens nämnd.');
    expect(await results.textContent()).toMatch(/Inte godkänd: Verksamhetsplan för Annebergs nämnd\. Någon annan har beslutat om den under tiden/);
    expect(await results.textContent()).toMatch(/Inte godkänd: Verksamhetsplan för Backens nämnd\. Servern svarade inte/);
    // Each decision was its own request with its own key.
    expect(sentKeys.size).toBe(3);
    const dalen = await ok(env.t.api('GET', `/api/cycles/${year}/boards/bulk-d/documents/plan`, { as: reviewer }), 200);
    expect(dalen.status).toBe('approved');
    expect(dalen.comments.at(-1)).toMatchObject({ decision: 'approve', comment: 'Godkänd utan anmärkning.' });
    await inBothLanguages(page, 'org-07-bulk-results', async () => {}, () => expect.poll(() => status.textContent(), pollPatience).toContain('1 approved, 2 failed.'));

    // Backen is still in review and still selected; the retry sends it again under the same key, and it goes through.
    await expect.poll(() => page.getByRole('checkbox', { name: /Backens nämnd/ }).isChecked(), pollPatience).toBe(true);
    await page.getByRole('button', { name: 'Godkänn valda' }).click();
    await expect.poll(() => status.textContent(), pollPatience).toContain('1 godkända, 0 gick inte.');
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await ok(env.t.api('GET', `/api/cycles/${year}/boards/bulk-b/documents/plan`, { as: reviewer }), 200)).status).toBe('approved');
    expect((await ok(env.t.api('GET', `/api/cycles/${year}/boards/bulk-c/documents/plan`, { as: reviewer }), 200)).status).toBe('in_review');
    expect(errors).toEqual([]);
  });
});

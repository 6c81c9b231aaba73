/**
 * The office's people in a real browser: the admin invites a person on /admin/users (bad input first, caught at the
 * fields in the person's language, nothing sent), the person appears on the local sign-in page with their board and
 * signs in as themselves; deactivated after a confirmation, they are gone from the sign-in page. Swedish and English,
 * with axe on every state.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack, inBothLanguages } from './support';


describe('people in the browser', () => {
  const env = useBrowserStack();

  it('invites a person, who then signs in from the sign-in page; deactivated, they are no longer offered', { timeout: 240_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.getByRole('row', { name: /Erik Berg/ }).waitFor();
    await inBothLanguages(page, 'people-01-list', async () => {}, async () => {
      await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
      await page.getByRole('columnheader', { name: 'Language' }).waitFor();
    });

    // Bad input: caught at the fields, in Swedish, and nothing reaches the store.
    const before = (await env.t.api('GET', '/api/users', { as: admin })).body.users.length;
    await page.getByLabel(/^Användar-id/).fill('Sara Lund');
    await page.getByLabel(/^E-postadress/).fill('erik@bromma.example');
    await page.getByLabel(/^Roll/).selectOption('editor');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    const problems = page.getByRole('alert');
    await problems.getByText('Skriv personens namn.').waitFor();
    expect(await page.locator(`[id="f-person-userId-err"]`).textContent()).toContain('små bokstäver');
    expect(await page.locator(`[id="f-person-email-err"]`).textContent()).toContain('Adressen används redan av Erik Berg');
    expect(await page.locator(`[id="f-person-boards-err"]`).textContent()).toContain('minst en nämnd');
    expect(await page.getByLabel(/^Namn/).getAttribute('aria-invalid')).toBe('true');
    await inBothLanguages(page, 'people-02-errors', async () => {}, async () => {
      // The same problems, now in English (the check runs again on the next attempt).
      await page.getByRole('button', { name: 'Invite' }).click();
      await page.getByRole('alert').getByText('Write the person’s name.').waitFor();
    });
    expect((await env.t.api('GET', '/api/users', { as: admin })).body.users).toHaveLength(before);

    // A good invitation.
    await page.getByLabel(/^Användar-id/).fill('sara.spanga');
    await page.getByLabel(/^Namn/).fill('Sara Lund');
    await page.getByLabel(/^E-postadress/).fill('sara@spanga.example');
    await page.getByRole('checkbox', { name: 'Spånga-Tensta stadsdelsnämnd' }).check();
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByRole('status').getByText('Sara Lund är inbjuden.').waitFor();
    const row = page.getByRole('row', { name: /Sara Lund/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Spånga-Tensta stadsdelsnämnd');
    expect((await env.t.api('GET', '/api/users/sara.spanga/history', { as: admin })).body.events).toMatchObject([{ action: 'invited', actor: 'anna.admin' }]);

    // The new person on the sign-in page, with their board, and signing in as them.
    const sara = await env.visitor();
    await sara.page.goto('/signin');
    const card = sara.page.getByRole('region', { name: /Nämnder och bolag/ }).getByRole('button', { name: /Sara Lund/ });
    await card.waitFor();
    expect(await card.textContent()).toContain('Spånga-Tensta stadsdelsnämnd');
    await inBothLanguages(sara.page, 'people-03-signin', async () => {}, async () => {
      await sara.page.getByRole('button', { name: 'Sign in as Sara Lund' }).waitFor();
    });
    await signIn(sara.page, /Sara Lund/);
    const session = await sara.page.evaluate(() => JSON.parse(sessionStorage.getItem('arshjul.session') ?? 'null') as { user: { sub: string; role: string; boards: string[] } });
    expect(session.user).toMatchObject({ sub: 'sara.spanga', role: 'editor', boards: ['spanga-tensta'] });
    await sara.page.goto('/admin/users');
    await sara.page.getByText('Du har inte behörighet').waitFor();
    expect(sara.errors).toEqual([]);
    await sara.context.close();

    // Deactivating asks first; then the person is kept in the list, and gone from the sign-in page.
    await page.getByRole('button', { name: 'Avaktivera Sara Lund', exact: true }).click();
    const confirm = page.getByRole('heading', { name: 'Avaktivera Sara Lund?' });
    await confirm.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('confirm-title');
    await inBothLanguages(page, 'people-04-confirm', async () => {}, async () => {
      await page.getByRole('heading', { name: 'Deactivate Sara Lund?' }).waitFor();
    });
    await page.getByRole('button', { name: 'Ja, avaktivera Sara Lund' }).click();
    await page.getByRole('status').getByText(/Sara Lund är avaktiverad/).waitFor();
    await page.getByRole('button', { name: 'Aktivera igen Sara Lund' }).waitFor();
    expect(await page.getByRole('row', { name: /Sara Lund/ }).textContent()).toContain('Avaktiverad');

    // The person's history: who did what, and what changed.
    await page.getByRole('button', { name: 'Historik Sara Lund' }).click();
    const trail = page.getByRole('table', { name: 'Historik för Sara Lund' });
    await trail.getByRole('row', { name: /Avaktiverad/ }).waitFor();
    expect(await trail.getByRole('row').count()).toBe(3);
    expect(await trail.getByRole('row', { name: /Inbjuden/ }).textContent()).toContain('Anna Controller');
    expect(await trail.getByRole('row', { name: /Avaktiverad/ }).textContent()).toContain('Aktiv: Aktiv → Avaktiverad');
    await inBothLanguages(page, 'people-05-history', async () => {}, async () => {
      await page.getByRole('table', { name: 'History of Sara Lund' }).getByRole('row', { name: /Invited/ }).waitFor();
    });

    const later = await env.visitor();
    await later.page.goto('/signin');
    await later.page.getByRole('button', { name: /Erik Berg/ }).waitFor();
    expect(await later.page.getByRole('button', { name: /Sara Lund/ }).count()).toBe(0);
    await later.context.close();

    expect(errors).toEqual([]);
    await context.close();
  });
});

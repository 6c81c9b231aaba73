/**
 * A cycle's history in a real browser: the admin moves a deadline, then anyone signed in finds the year's history
 * from the year overview, oldest first, with people shown by name, in Swedish and English. axe-core checks both.
 *
 * Needs GET /api/cycles/{year}/history (the backend's route); without it the page says "not available yet" and
 * this test fails at the first row it looks for.
 */
import { describe, expect, it } from 'vitest';
import { checkPage, signIn, useBrowserStack } from './support';

const year = 2026;

describe("the cycle's history in the browser", () => {
  const env = useBrowserStack();

  it("takes the year from the server's clock, not the browser's, asking for no year that does not exist", { timeout: 120_000 }, async () => {
    const { page, errors } = await env.visitor();
    // The browser thinks it is December 2026, when the 2027 round has begun; the demo's clock is a year behind.
    await page.clock.setFixedTime(new Date('2026-12-01T09:00:00Z'));
    const missing: string[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/') && response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
    });
    // From October on, the app shows next year's round (web/src/lib/session.ts guessYear).
    const now = env.t.stack.clock.now();
    const serverYear = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
    expect(serverYear).not.toBe(2027);
    await page.goto('/public');
    await page.waitForURL((url) => url.pathname === `/public/cycles/${serverYear}/meters`);
    await signIn(page, /Anna Controller/);
    await page.getByRole('link', { name: 'Årsöversikt' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Årsöversikt' }).first().getAttribute('href')).toBe(`/cycles/${serverYear}`);
    expect(missing, missing.join('; ')).toEqual([]);
    expect(errors, errors.join('; ')).toEqual([]);
  });

  it('lists what happened to the year, oldest first, with names, from the year overview', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);

    // The admin moves the first tertial's deadline with the session the app signed in with, so the event is hers.
    const status = await page.evaluate(async (y) => {
      const { token } = JSON.parse(sessionStorage.getItem('arshjul.session') ?? '{}') as { token?: string };
      const response = await fetch(`/api/cycles/${y}/calendar`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ t1Due: `${y}-05-20` }),
      });
      return response.status;
    }, year);
    expect(status).toBe(200);

    await page.goto(`/cycles/${year}`);
    await page.getByRole('link', { name: 'Årets historik' }).click();
    await page.getByRole('heading', { level: 1, name: `Årets historik ${year}` }).waitFor();
    const table = page.getByRole('table', { name: `Händelser i cykeln ${year}, äldst först` });
    const opened = table.getByRole('row', { name: /Cykeln öppnad/ });
    const moved = table.getByRole('row', { name: /Kalendern ändrad/ });
    await moved.waitFor();
    // The person by name, not login id, with the role beside it.
    expect(await moved.textContent()).toContain('Anna Controller (administratör)');
    expect(await moved.textContent()).not.toContain('anna.admin');
    // What changed, in the reader's language: the report's name and the dates, not the API's field names.
    expect(await moved.textContent()).toContain('Tertialrapport 1: 15 maj 2026 → 20 maj 2026');
    // Oldest first: the cycle was opened before its calendar changed.
    const rows = await table.getByRole('row').allTextContents();
    const openedAt = rows.findIndex((row) => row.includes('Cykeln öppnad'));
    expect(openedAt).toBeGreaterThan(0);
    expect(openedAt).toBeLessThan(rows.findIndex((row) => row.includes('Kalendern ändrad')));
    expect(await opened.count()).toBe(1);
    await checkPage(page, '30-cycle-history');

    // In English, the same events.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: `History of the ${year} cycle` }).waitFor();
    expect(await page.getByRole('table', { name: `Events of the ${year} cycle, oldest first` }).getByRole('row', { name: /Calendar changed/ }).textContent()).toContain(
      'Anna Controller (administrator)',
    );
    expect(await page.getByRole('row', { name: /Calendar changed/ }).textContent()).toContain('Tertial report 1: 15 May 2026 → 20 May 2026');
    await checkPage(page, '31-cycle-history-en');

    // By keyboard: the way back to the year overview is a link that Enter follows.
    await page.getByRole('link', { name: `Back to the year overview ${year}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Year overview ${year}` }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});

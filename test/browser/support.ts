/** Browser-test helpers: Chromium through playwright-core, axe-core on every page, screenshots as artifacts. */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const screenshotDir = join(repositoryRoot, 'test-results', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium from Debian (/usr/bin/chromium); chromium.launch gives each run a fresh, temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

/** A new person at the browser: own storage, Swedish, a laptop-sized window. Page errors fail the test. */
export async function newVisitor(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now, and saves a full-page screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // The sticky action bar would float mid-page in a full-page picture: pin it to the end while the picture is taken.
  const pin = await page.addStyleTag({ content: '.action-bar { position: static !important; }' });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  await pin.evaluate((style) => (style as Element).remove());
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  expect(violations, `axe on ${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

/** Signs in on the local sign-in page as the demo user whose button names them. */
export async function signIn(page: Page, name: RegExp): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('button', { name }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('arshjul.session') !== null)).toBe(true);
}

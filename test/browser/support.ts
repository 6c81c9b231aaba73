/** Browser-test helpers: Chromium through playwright-core, axe-core on every page, screenshots as artifacts. */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { contentSecurityPolicy } from '../../infra/web';
import { seedDemo } from '../../local/seed';
import { seedPeople } from '../../local/seedPeople';
import { buildWeb } from '../../web/build';
import { startTestStack, type TestStack } from '../support/localStack';

const repositoryRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
/** How long expect.poll waits for the page (its default, 1 s, is shorter than a render on a busy CI machine). */
export const pollPatience = { timeout: 15_000, interval: 100 };

export const screenshotDir = join(repositoryRoot, 'test-results', 'screenshots');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium from Debian (/usr/bin/chromium); chromium.launch gives each run a fresh, temporary profile. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs, headless: true });
}

/**
 * The Content-Security-Policy CloudFront sends in AWS (infra/web.ts), minus upgrade-insecure-requests, which would
 * send the local http:// requests to https://. The local server sends none; the tests add it so that the app is
 * known to work under it.
 */
const cloudPolicy = contentSecurityPolicy('https://arshjul-test.auth.eu-north-1.amazoncognito.com')
  .split('; ')
  .filter((directive) => directive !== 'upgrade-insecure-requests')
  .join('; ');

/**
 * A new person at the browser: own storage, Swedish, a laptop-sized window, the cloud's CSP on every page. Page
 * errors and CSP violations are collected in `errors`; each test expects none.
 */
export async function newVisitor(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  // axe-core is served from the page's own origin: the CSP (script-src 'self') refuses inline scripts, which is what
  // addScriptTag({ path }) would insert.
  await context.route('**/*', async (route) => {
    if (new URL(route.request().url()).pathname === '/__test/axe.min.js') return route.fulfill({ path: axePath, contentType: 'text/javascript' });
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': cloudPolicy } });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
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
  // The sticky action bar would float mid-page in a full-page picture: pin it while the picture is taken.
  const pin = (position: string) => page.evaluate((p) => document.querySelectorAll<HTMLElement>('.action-bar').forEach((bar) => (bar.style.position = p)), position);
  await pin('static');
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  await pin('');
  await page.addScriptTag({ url: '/__test/axe.min.js' });
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
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('arshjul.session') !== null), pollPatience).toBe(true);
}

export interface BrowserStack {
  /** The local stack, seeded with the demo; set in beforeAll. */
  t: TestStack;
  /** The file's Chromium; set in beforeAll. */
  browser: Browser;
  /** A new person at the browser, on this stack. */
  visitor(): ReturnType<typeof newVisitor>;
}

/**
 * Registers, in the calling describe block, the set-up every browser test file shares: the web app built, a local
 * stack started and seeded with the demo and its people, then `prepare` (data the file needs, through the API), then Chromium; both
 * stopped after the file's tests.
 */
export function useBrowserStack(prepare?: (t: TestStack) => Promise<void>): BrowserStack {
  const env = {
    visitor: () => newVisitor(env.browser, env.t.stack.url),
  } as BrowserStack;
  beforeAll(async () => {
    await buildWeb();
    env.t = await startTestStack();
    await seedDemo(env.t.stack.deps);
    // The sign-in page lists the people of the local user store.
    await seedPeople(env.t.stack.deps);
    await prepare?.(env.t);
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.t?.stop();
  });
  return env;
}

/** Checks the page in Swedish, switches to English and checks it again (axe and a screenshot each), then back. */
export async function inBothLanguages(page: Page, name: string, swedish: () => Promise<void>, english: () => Promise<void>): Promise<void> {
  await swedish();
  await checkPage(page, `${name}-sv`);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await english();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await checkPage(page, `${name}-en`);
  await page.getByRole('button', { name: 'Byt till svenska' }).click();
  await page.getByRole('button', { name: 'Switch to English' }).waitFor();
}

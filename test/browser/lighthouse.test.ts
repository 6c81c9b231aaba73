/**
 * Lighthouse 12.2.3 (the exact devDependency) on the public site, driving the same Chromium as the browser tests
 * (/usr/bin/chromium, started here with a DevTools port for Lighthouse to drive): the start page, a year page and a meter's page.
 * Asserted: accessibility 100, best practices 100, SEO at least 95. Performance (goal 90) is recorded, not asserted:
 * even with simulated throttling (Lantern), the simulation starts from the task times observed on this machine, which
 * four other sessions share, so a score here says as much about the load as about the page. The scores of the last
 * run are written to bench/results/lighthouse.json and quoted in bench/README.md.
 *
 * Slow (a Lighthouse run is ~20 s a page): run it on purpose, `npx vitest run test/browser/lighthouse.test.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { describe, expect, it } from 'vitest';
import { fileYear, indicatorId } from './publicYears';
import { chromiumArgs, useBrowserStack } from './support';

const results = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bench', 'results');
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Scores = Record<(typeof categories)[number], number>;

/** Headless Chromium with a DevTools port of its own choosing (read from its first line), and a fresh profile. */
async function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'arshjul-lighthouse-'));
  const child: ChildProcess = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless=new', ...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // The profile goes once Chromium has stopped writing to it.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  const port = await new Promise<number>((done, fail) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (found) done(Number(found[1]));
    });
    child.on('exit', (code) => fail(new Error(`chromium exited (${code}) before its DevTools port was known: ${seen}`)));
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { port, stop };
}

describe('Lighthouse on the public site', () => {
  const env = useBrowserStack(async (t) => {
    for (const year of [2023, 2024, 2025]) await fileYear(t, year);
  });

  it('scores accessibility 100, best practices 100 and SEO at least 95 on the start page, a year page and a meter page', { timeout: 300_000 }, async () => {
    const base = env.t.stack.url;
    const pages: Array<[string, string]> = [
      ['start page', '/'],
      ['year page', '/public/cycles/2026/meters'],
      ['meter page', `/public/indicators/${indicatorId}`],
    ];
    const chrome = await startChromium();
    const scores: Record<string, Scores & { failing: string[]; metrics: Record<string, number>; opportunities: string[] }> = {};
    try {
      for (const [name, path] of pages) {
        const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
        const lhr = result!.lhr;
        const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
        // The audits that cost points outside performance, to say what to fix when an assertion fails.
        const failing = Object.values(lhr.categories)
          .filter((category) => category.id !== 'performance')
          .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1))
          .map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title} ${JSON.stringify((lhr.audits[ref.id]?.details as { items?: unknown[] } | undefined)?.items?.slice(0, 5) ?? [])}`);
        // The performance metrics (ms; CLS unitless), simulated on Lighthouse's default mobile settings.
        const metrics = Object.fromEntries(
          ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'].map((id) => [id, Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000]),
        );
        // What Lighthouse says would save the most time, for bench/README.
        const opportunities = Object.values(lhr.audits)
          .filter((audit) => (audit.details as { overallSavingsMs?: number } | undefined)?.overallSavingsMs)
          .map((audit) => `${audit.id}: ${Math.round((audit.details as { overallSavingsMs: number }).overallSavingsMs)} ms`);
        scores[name] = { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'), failing, metrics, opportunities };
      }
    } finally {
      await chrome.stop();
    }
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'lighthouse.json'), `${JSON.stringify({ lighthouse: '12.2.3', at: new Date().toISOString(), loadAverage: loadavg()[0], throttling: 'simulated (Lighthouse default, mobile)', scores }, null, 2)}\n`);
    console.log('Lighthouse', JSON.stringify(scores, null, 2));
    for (const [name, s] of Object.entries(scores)) {
      expect(s.accessibility, `${name}: ${s.failing.join('; ')}`).toBe(100);
      expect(s['best-practices'], `${name}: ${s.failing.join('; ')}`).toBe(100);
      expect(s.seo, `${name}: ${s.failing.join('; ')}`).toBeGreaterThanOrEqual(95);
    }
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../web/seo';
import { webApp } from './webApp';

function builtSite() {
  const root = mkdtempSync(join(tmpdir(), 'arshjul-webapp-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Årshjul</title>');
  writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log("app");'.repeat(50));
  return webApp(root);
}

describe('the local web server', () => {
  it('answers robots.txt as text, built or not', async () => {
    for (const serve of [builtSite(), webApp(mkdtempSync(join(tmpdir(), 'arshjul-empty-')))]) {
      const answer = await serve({ method: 'GET', path: '/robots.txt' });
      expect(answer).toMatchObject({ status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: robotsTxt });
    }
    expect(robotsTxt).toMatch(/^User-agent: \*\nAllow: \/\n/);
    expect(robotsTxt).toMatch(/\nDisallow: \/admin\n/);
  });

  it('compresses the assets for a browser that accepts gzip, as CloudFront does, and sends the shell as it is', async () => {
    const serve = builtSite();
    const plain = await serve({ method: 'GET', path: '/assets/app-1.js' });
    expect(plain?.headers?.['content-encoding']).toBeUndefined();
    const zipped = await serve({ method: 'GET', path: '/assets/app-1.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped?.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(gunzipSync(zipped!.body as Buffer).toString()).toBe(String(plain!.body));
    const shell = await serve({ method: 'GET', path: '/public/indicators/KF-1', headers: { 'accept-encoding': 'gzip' } });
    expect(shell?.headers?.['content-encoding']).toBeUndefined();
    expect(String(shell?.body)).toContain('<title>Årshjul</title>');
  });
});

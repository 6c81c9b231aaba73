import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { robotsTxt } from '../web/seo';
import type { LocalResponse } from './httpServer';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const placeholder = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Årshjul</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Årshjul</h1>
<p>Den lokala stacken kör. The local stack is running.</p>
<ul><li><a href="/api/health">/api/health</a></li><li><a href="/api/openapi.json">/api/openapi.json</a></li>
<li><a href="/api/dev/outbox">/api/dev/outbox</a></li></ul></main></body></html>`;

/** Serves the built web app from `root` (a single-page app: unknown paths get index.html). */
export function webApp(root: string) {
  const base = resolve(root);
  return async (request: { method: string; path: string }): Promise<LocalResponse | undefined> => {
    if (request.method !== 'GET' || request.path.startsWith('/api/')) return undefined;
    // A crawler's first request: answered even before the app is built (an unknown path would get the app shell).
    if (request.path === '/robots.txt') return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'max-age=300' }, body: robotsTxt };
    const index = join(base, 'index.html');
    if (!existsSync(index)) return { status: 200, headers: { 'content-type': types['.html']! }, body: placeholder };
    let decoded: string | undefined;
    try {
      decoded = decodeURIComponent(request.path);
    } catch {
      decoded = undefined; // not valid percent-encoding: no file has that name
    }
    const candidate = decoded === undefined ? undefined : normalize(join(base, decoded));
    // Inside the root only (base + separator, so a sibling such as `dist-old` is outside too).
    const file = candidate && candidate.startsWith(base + sep) && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    return {
      status: 200,
      headers: { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': file === index ? 'no-cache' : 'max-age=300' },
      body: readFileSync(file),
    };
  };
}

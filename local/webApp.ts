import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
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
  // Compressed once per file version: CloudFront compresses the same files (infra/web.ts, compress: true), so the
  // local site sends what a browser gets in AWS, and Lighthouse measures that.
  const compressed = new Map<string, { mtimeMs: number; body: Buffer }>();
  const gzipped = (file: string): Buffer => {
    const { mtimeMs } = statSync(file);
    const known = compressed.get(file);
    if (known?.mtimeMs === mtimeMs) return known.body;
    const body = gzipSync(readFileSync(file));
    compressed.set(file, { mtimeMs, body });
    return body;
  };
  return async (request: { method: string; path: string; headers?: Record<string, string> }): Promise<LocalResponse | undefined> => {
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
    const type = types[extname(file)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': file === index ? 'no-cache' : 'max-age=300', vary: 'accept-encoding' };
    const acceptsGzip = /\bgzip\b/.test(request.headers?.['accept-encoding'] ?? '');
    // The shell (600 bytes) is sent as it is: the browser tests rewrite its headers (support.ts), and gain nothing.
    if (acceptsGzip && file !== index && /^(text\/|application\/json|image\/svg)/.test(type)) return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipped(file) };
    return { status: 200, headers, body: readFileSync(file) };
  };
}

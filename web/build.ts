/**
 * Builds the single-page app into web/dist: one hashed ESM bundle (Preact, JSX automatic), one hashed CSS file,
 * and index.html pointing at both. `node --import tsx web/build.ts` runs it; npm start and the tests call buildWeb().
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDescription } from './seo';

const webRoot = dirname(fileURLToPath(import.meta.url));
export const webDist = join(webRoot, 'dist');

export interface BuildResult {
  script: string;
  stylesheet: string;
  bytes: number;
  /** The source files bundled into the script, relative to the repository. */
  inputs: string[];
  /** The other scripts (loaded on demand, or shared by those and the app), each with the source files bundled into it. */
  chunks: Array<{ file: string; inputs: string[] }>;
}

/** Builds web/src into web/dist (replacing what was there). */
export async function buildWeb(): Promise<void> {
  await buildWebWithResult();
}

/**
 * The same as buildWeb, telling which files it wrote. Safe to run while web/dist is being served, and from several
 * processes at once (test files build in parallel): every file is written to a temporary name and renamed into place,
 * index.html last, and only assets of older builds are removed.
 */
export async function buildWebWithResult(): Promise<BuildResult> {
  const assets = join(webDist, 'assets');
  mkdirSync(assets, { recursive: true });
  const result = await build({
    entryPoints: { app: join(webRoot, 'src', 'main.tsx') },
    outdir: assets,
    write: false,
    bundle: true,
    minify: true,
    format: 'esm',
    // Pages that need more than the app's core (the council goals editor's checks carry zod) load it on demand.
    splitting: true,
    chunkNames: '[name]-[hash]',
    target: ['es2022'],
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    sourcemap: 'linked',
    metafile: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = Object.entries(result.metafile.outputs);
  const script = outputs.find(([file, out]) => file.endsWith('.js') && out.entryPoint?.endsWith('main.tsx'));
  const stylesheet = outputs.find(([file]) => file.endsWith('.css'));
  if (!script || !stylesheet) throw new Error('esbuild wrote no script or no stylesheet');
  const written = new Set<string>();
  for (const file of result.outputFiles) {
    writeAtomically(file.path, file.contents);
    written.add(basename(file.path));
  }
  const href = (file: string) => `/assets/${basename(file)}`;
  writeAtomically(join(webDist, 'index.html'), indexHtml(href(script[0]), href(stylesheet[0])));
  for (const name of readdirSync(assets)) {
    if (!written.has(name) && !name.includes('.tmp-')) rmSync(join(assets, name), { force: true });
  }
  return {
    script: href(script[0]),
    stylesheet: href(stylesheet[0]),
    bytes: script[1].bytes + stylesheet[1].bytes,
    inputs: Object.keys(script[1].inputs),
    chunks: outputs.filter(([file]) => file.endsWith('.js') && file !== script[0]).map(([file, out]) => ({ file: href(file), inputs: Object.keys(out.inputs) })),
  };
}

function writeAtomically(path: string, contents: string | Uint8Array): void {
  const temporary = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function indexHtml(script: string, stylesheet: string): string {
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="description" content="${defaultDescription}">
<title>Årshjul</title>
<link rel="stylesheet" href="${stylesheet}">
<script type="module" src="${script}"></script>
</head>
<body>
<div id="app"><main id="main"><h1>Årshjul</h1><p>Laddar …</p><noscript><p>Årshjul behöver JavaScript. Årshjul needs JavaScript.</p></noscript></main></div>
</body>
</html>
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildWebWithResult()
    .then(({ script, stylesheet, bytes }) => process.stdout.write(`web/dist: ${script}, ${stylesheet} (${(bytes / 1024).toFixed(1)} kB)\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    });
}

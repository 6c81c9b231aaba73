/**
 * Module hooks for the benchmark's stack process (registered with node:module `register`).
 *
 * local/stack.ts imports every handler of functions/manifest.ts by its file URL. When (and only when) the
 * importer is local/stack.ts, the import is redirected to a generated module that imports the real handler
 * factory and exports one whose handlers are wrapped by bench/instrument/instrument.ts (timing, DynamoDB attribution per invocation).
 * Production code is untouched: the wrapper only sees the event, the context and the handler's result.
 */
let stackUrl = '';
let wrapperUrl = '';
let instrumentUrl = '';

export function initialize(data) {
  stackUrl = data.stackUrl;
  wrapperUrl = data.wrapperUrl;
  instrumentUrl = data.instrumentUrl;
}

const HANDLER = /\/functions\/(api|tasks|schedule)\/[^/?#]+\.ts$/;

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL === stackUrl && specifier.startsWith('file:') && HANDLER.test(specifier)) {
    return { url: `${wrapperUrl}?original=${encodeURIComponent(specifier)}`, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (url.startsWith(`${wrapperUrl}?`)) {
    const original = new URL(url).searchParams.get('original');
    // Everything else the module exports passes through unwrapped (a scheduled job's makeNextRun, say).
    const source =
      `import { makeHandler as original } from ${JSON.stringify(original)};\n` +
      `import { wrapHandler } from ${JSON.stringify(instrumentUrl)};\n` +
      `export * from ${JSON.stringify(original)};\n` +
      `export const makeHandler = (deps) => wrapHandler(${JSON.stringify(original)}, original(deps));\n`;
    return { format: 'module', source, shortCircuit: true };
  }
  return nextLoad(url, context);
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { allFunctions } from '../functions/manifest';
import { bundling, repoRoot } from './functions';

/**
 * What stays out of the Lambda bundles. The shared schemas read zod only through `import * as z from 'zod'` and
 * static property access, and `.openapi()` is our own (shared/schemas/openapiMeta.ts): esbuild then keeps
 * what the handlers use instead of zod's whole namespace (every locale's messages, 258 KB) and zod-to-openapi.
 */
const work = mkdtempSync(path.join(tmpdir(), 'arshjul-weight-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** esbuild as NodejsFunction runs it from `bundling`, plus a metafile. */
async function bundleWithMetafile(id: string): Promise<{ file: string; bytes: number; inputs: Metafile['outputs'][string]['inputs'] }> {
  const spec = allFunctions.find((candidate) => candidate.id === id)!;
  const file = path.join(work, id, 'index.mjs');
  const result = await build({
    entryPoints: [path.join(repoRoot, spec.entry)],
    outfile: file,
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: bundling.target,
    mainFields: bundling.mainFields,
    banner: { js: bundling.banner! },
    minify: bundling.minify,
    keepNames: bundling.keepNames,
    external: bundling.externalModules,
    logLevel: 'warning',
    metafile: true,
  });
  const output = Object.values(result.metafile.outputs)[0]!;
  return { file, bytes: output.bytes, inputs: output.inputs };
}

const inputsMatching = (inputs: Record<string, unknown>, pattern: RegExp) => Object.keys(inputs).filter((name) => pattern.test(name));

describe('bundle weight', () => {
  it('keeps zod lean in a handler: English messages only, no zod-to-openapi', async () => {
    const { inputs } = await bundleWithMetafile('PutBoard');
    expect(inputsMatching(inputs, /node_modules\/zod\/v4\/locales\//).map((name) => path.basename(name))).toEqual(['en.js']);
    expect(inputsMatching(inputs, /zod-to-openapi|zod\/v4\/classic\/from-json-schema/)).toEqual([]);
    const zodBytes = Object.entries(inputs)
      .filter(([name]) => name.includes('node_modules/zod/'))
      .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    expect(zodBytes).toBeLessThan(150_000);
  });

  it('serves the OpenAPI document from a small bundle, with named components', async () => {
    const { file, bytes, inputs } = await bundleWithMetafile('GetOpenApi');
    // Built as CDK builds it, names kept (keepNames): about 306 KB with the Powertools tracer, plus every route's
    // schemas, which grow with the API (318 KB before the import routes, 324 KB with them).
    expect(bytes).toBeLessThan(340 * 1024);
    expect(inputsMatching(inputs, /@aws-sdk|zod-to-openapi|zod\/v4\/locales\/(?!en\.js)/)).toEqual([]);
    const runner = path.join(work, 'GetOpenApi', 'invoke.mjs');
    const event = {
      version: '2.0',
      routeKey: 'GET /api/openapi.json',
      rawPath: '/api/openapi.json',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/api/openapi.json' }, requestId: 'weight-test', routeKey: 'GET /api/openapi.json' },
    };
    writeFileSync(
      runner,
      `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});\n` +
        `process.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, { awsRequestId: 'weight-test', functionName: 'probe', getRemainingTimeInMillis: () => 10000 })));\n`,
    );
    const run = spawnSync(process.execPath, [runner], { env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR' }, encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr.slice(-1500)).toBe(0);
    const response = JSON.parse(run.stdout) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    const document = JSON.parse(response.body);
    expect(document.openapi).toBe('3.1.0');
    expect(document.paths['/api/boards/{boardId}'].put.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/BoardBody' });
    expect(document.components.schemas.BoardBody.properties.name).toMatchObject({ type: 'string', example: 'Bromma stadsdelsnämnd' });
  });
});

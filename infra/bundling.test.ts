import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { allFunctions, type FunctionSpec } from '../functions/manifest';
import { localAwsConfig } from '../local/dynamodb';
import { ensureTable } from '../local/tables';
import { tableDefinition } from '../shared/adapters/dynamo/tableDefinition';
import { createFunction, esmRequireBanner, repoRoot } from './functions';

/**
 * The only tests that really run esbuild (every other synth skips bundling). A `docker` on PATH that
 * fails proves bundling never falls back to a container.
 */
const work = mkdtempSync(path.join(tmpdir(), 'arshjul-bundling-'));
const originalPath = process.env.PATH;
beforeAll(() => {
  // A fake docker first on PATH: if CDK tried Docker bundling, the synth would fail with this message.
  const fakeBin = path.join(work, 'bin');
  mkdirSync(fakeBin, { recursive: true });
  const docker = path.join(fakeBin, 'docker');
  writeFileSync(docker, '#!/bin/sh\necho "docker must not be used for bundling" >&2\nexit 97\n');
  chmodSync(docker, 0o755);
  process.env.PATH = `${fakeBin}${path.delimiter}${originalPath}`;
});
afterAll(() => {
  process.env.PATH = originalPath;
  rmSync(work, { recursive: true, force: true });
});

/**
 * Calls the bundle's handler in a plain Node process: the test runner defines a global `require`,
 * which would hide a missing banner.
 */
function invoke(file: string, event: unknown = {}, env: Record<string, string> = {}): unknown {
  const runner = path.join(path.dirname(file), 'invoke.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import(${JSON.stringify(pathToFileURL(file).href)});\n` +
      `const context = { awsRequestId: 'bundling-test', functionName: 'probe', getRemainingTimeInMillis: () => 10000 };\n` +
      `process.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)}, context)));\n`,
  );
  const run = spawnSync(process.execPath, [runner], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 30_000 });
  if (run.status !== 0) throw new Error(`The bundle failed in Node:\n${run.stderr.slice(-1500)}`);
  return JSON.parse(run.stdout);
}

/** Synthesizes one function with real bundling and returns the path of its bundle. */
function bundle(spec: FunctionSpec): string {
  const outdir = mkdtempSync(path.join(work, 'out-'));
  const app = new App({ outdir });
  const stack = new Stack(app, 'BundlingProbe');
  createFunction(stack, spec, { environment: {}, removalPolicy: RemovalPolicy.DESTROY });
  app.synth();
  const assets = readdirSync(outdir).filter((name) => name.startsWith('asset.'));
  expect(assets).toHaveLength(1);
  const file = path.join(outdir, assets[0], 'index.mjs');
  expect(existsSync(file)).toBe(true);
  return file;
}

/**
 * The bundle starts with the banner and sits where no `node_modules` can be found: importing it then
 * proves the SDK and every other package are inside (a leftover `@aws-sdk/*` import would not resolve).
 */
function expectSelfContainedEsm(file: string) {
  expect(readFileSync(file, 'utf8').startsWith(esmRequireBanner)).toBe(true);
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    expect(existsSync(path.join(dir, 'node_modules')), `node_modules above the bundle in ${dir}`).toBe(false);
  }
}

describe('bundling with the local esbuild', () => {
  it('bundles an ESM handler with the SDK inside and a working require', async () => {
    const file = bundle({ id: 'Probe', entry: 'infra/fixtures/probeHandler.ts', table: 'none' });
    expectSelfContainedEsm(file);
    expect(invoke(file)).toEqual({ platform: process.platform, region: 'eu-north-1' });
  });

  const health = allFunctions.find((spec) => spec.id === 'GetHealth');
  // Skipped only while the GetHealth handler has not been written yet.
  it.skipIf(!health || !existsSync(path.join(repoRoot, health.entry)))('bundles GetHealth, which answers from DynamoDB Local', async () => {
    const file = bundle(health!);
    expectSelfContainedEsm(file);
    const endpoint = inject('dynamoEndpoint');
    const tableName = `bundling-${Date.now()}`;
    const client = new DynamoDBClient({ ...localAwsConfig, endpoint });
    await ensureTable(client, tableName, tableDefinition);
    client.destroy();
    const env = {
      TABLE_NAME: tableName,
      AWS_REGION: localAwsConfig.region,
      AWS_ACCESS_KEY_ID: localAwsConfig.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: localAwsConfig.credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: endpoint,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    };
    const event = {
      version: '2.0',
      routeKey: 'GET /api/health',
      rawPath: '/api/health',
      rawQueryString: '',
      headers: {},
      isBase64Encoded: false,
      requestContext: { http: { method: 'GET', path: '/api/health' }, requestId: 'bundling-test', routeKey: 'GET /api/health' },
    };
    const response = invoke(file, event, env) as { statusCode: number; body: string };
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', now: expect.stringMatching(/^\d{4}-/) });
  });
});

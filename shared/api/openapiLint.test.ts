import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const offline = join(root, 'test/support/noNetwork.mjs');

/** `redocly lint` with its recommended rules, offline: a preload refuses (and reports) every network attempt. */
function lint(env: Record<string, string | undefined>) {
  const dir = mkdtempSync(join(tmpdir(), 'arshjul-openapi-'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(buildOpenApiDocument()));
  const { REDOCLY_TELEMETRY: _telemetry, ...rest } = process.env;
  const run = spawnSync(
    process.execPath,
    ['--import', offline, redocly, 'lint', 'openapi.json', '--extends', 'recommended', '--lint-config', 'off', '--format', 'json'],
    { cwd: dir, encoding: 'utf8', env: { ...rest, REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', ...env }, timeout: 120_000 },
  );
  const networkAttempts = run.stderr.split('\n').filter((line) => line.startsWith('NETWORK ATTEMPT'));
  return { status: run.status, report: JSON.parse(run.stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] }, networkAttempts };
}

describe('GET /api/openapi.json passes redocly lint', () => {
  it('with the recommended rules: no errors, no warnings, and no network call', () => {
    const { status, report, networkAttempts } = lint({ REDOCLY_TELEMETRY: 'off' });
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(status).toBe(0);
    expect(networkAttempts).toEqual([]);
  });

  it('would phone home for telemetry without REDOCLY_TELEMETRY=off (so the guard above can see it)', () => {
    const { networkAttempts } = lint({});
    expect(networkAttempts.join('\n')).toContain('otel.cloud.redocly.com');
  });
});

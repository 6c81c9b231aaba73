/**
 * Prints the cdk-nag acknowledgements of the app as a Markdown table (construct, rule, reason), for the
 * README: `node --import tsx infra/nagReport.ts [-c key=value …]`. Synthesizes nothing to disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from './app';
import { nagAcknowledgementsMarkdown } from './nag';

/** `-c stage=prod -c mailFrom=…` → `{ stage: 'prod', mailFrom: '…' }`. */
export function contextFromArgs(args: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '-c' && args[i] !== '--context') continue;
    const [key, ...value] = (args[++i] ?? '').split('=');
    if (key && value.length) context[key] = value.join('=');
  }
  return context;
}

export function nagReport(context: Record<string, string> = {}): string {
  const outdir = mkdtempSync(path.join(tmpdir(), 'arshjul-nag-report-'));
  try {
    const { app } = buildApp({ skipBundling: true, validate: false, outdir, context });
    return nagAcknowledgementsMarkdown(app);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.stdout.write(`${nagReport(contextFromArgs(process.argv.slice(2)))}\n`);
}

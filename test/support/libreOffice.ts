/**
 * LibreOffice headless as the real reader of the Word files the API writes (issue 17): it converts them to PDF, and
 * to plain text for checking what they say. `.ci/run` installs it (Debian's libreoffice-writer-nogui) when missing.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export function sofficePath(): string {
  for (const candidate of ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice']) if (existsSync(candidate)) return candidate;
  throw new Error('LibreOffice (soffice) is not installed: .ci/run installs libreoffice-writer-nogui; locally run `apt-get install libreoffice-writer-nogui`.');
}

/**
 * Converts each file to `format` (pdf, or txt) in one run of soffice, with a profile of its own so that parallel runs
 * never share a lock. Answers the converted files' paths, in order; throws when one is missing (the reader refused it).
 */
export async function convertWithLibreOffice(files: readonly string[], format: 'pdf' | 'txt'): Promise<string[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'arshjul-lo-out-'));
  const profile = mkdtempSync(join(tmpdir(), 'arshjul-lo-profile-'));
  const filter = format === 'pdf' ? 'pdf' : 'txt:Text (encoded):UTF8';
  await run(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', filter, '--outdir', outDir, ...files], { timeout: 120_000 });
  return files.map((file) => {
    const converted = join(outDir, basename(file).replace(/\.docx$/, `.${format}`));
    if (!existsSync(converted)) throw new Error(`LibreOffice did not convert ${file} to ${format}`);
    return converted;
  });
}

/** What a PDF is: its header, and how many pages it has (counted from its page objects). */
export function pdfFacts(path: string): { header: string; pages: number } {
  const bytes = readFileSync(path);
  const text = bytes.toString('latin1');
  return { header: text.slice(0, 5), pages: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length };
}

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expectedStatus } from '../domain/authorization';
import { apiRoutes } from './routes';

const START = '<!-- authorization-matrix:start -->';
const END = '<!-- authorization-matrix:end -->';

const columns = [
  ['no token', (action: Parameters<typeof expectedStatus>[1], _own: boolean) => expectedStatus('anonymous', action, true)],
  ['admin', (action, own) => expectedStatus('admin', action, own)],
  ['editor, own board', (action) => expectedStatus('editor', action, true)],
  ['editor, other board', (action) => expectedStatus('editor', action, false)],
  ['reviewer', (action, own) => expectedStatus('reviewer', action, own)],
  ['reviewer scoped, other board', (action) => expectedStatus('reviewer', action, false, { scopedReviewer: true })],
  ['executive', (action, own) => expectedStatus('executive', action, own)],
] as const satisfies ReadonlyArray<readonly [string, (action: Parameters<typeof expectedStatus>[1], own: boolean) => number]>;

/** The authorization matrix as a markdown table, generated from the same policy table the handlers authorize with. */
export function authorizationMarkdown(): string {
  const mark = (status: number) => (status === 200 ? '✓' : String(status));
  const lines = [
    `| route | action | ${columns.map(([name]) => name).join(' | ')} |`,
    `|---|---|${columns.map(() => '---').join('|')}|`,
  ];
  for (const route of apiRoutes) {
    const key = `\`${route.method.toUpperCase()} ${route.path}\``;
    if (route.auth === 'public') {
      lines.push(`| ${key} | public | ${columns.map(() => '✓').join(' | ')} |`);
      continue;
    }
    if (!route.action) continue;
    const action = route.action;
    lines.push(`| ${key} | \`${action}\` | ${columns.map(([, status]) => mark(status(action, true))).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Replaces the generated block in the README. */
export function withMatrix(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start === -1 || end === -1) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${authorizationMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = new URL('../../README.md', import.meta.url);
  writeFileSync(file, withMatrix(readFileSync(file, 'utf8')));
  process.stdout.write('README.md: authorization matrix regenerated\n');
}

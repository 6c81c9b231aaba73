/**
 * `npm run docs`: writes the authorization matrix into README.md, generated from the route table and the same policy
 * table the handlers authorize with. test/authorizationMatrix.test.ts fails when the README is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { apiRoutes } from '../shared/api/routes';
import type { Actor } from '../shared/domain/actor';
import { isAllowed, type Action } from '../shared/domain/authorization';

const START = '<!-- authorization-matrix:start -->';
const END = '<!-- authorization-matrix:end -->';

const own = 'own-board';
/** One column per kind of caller: who they are (none for no token) and whether the route's board is theirs. */
const columns: ReadonlyArray<{ name: string; actor?: Actor; board: string }> = [
  { name: 'no token', board: own },
  { name: 'admin', actor: { sub: 'admin-1', role: 'admin', boards: [own] }, board: own },
  { name: 'editor, own board', actor: { sub: 'editor-1', role: 'editor', boards: [own] }, board: own },
  { name: 'editor, other board', actor: { sub: 'editor-1', role: 'editor', boards: [own] }, board: 'other-board' },
  { name: 'reviewer', actor: { sub: 'reviewer-1', role: 'reviewer', boards: [] }, board: own },
  { name: 'reviewer scoped, other board', actor: { sub: 'reviewer-1', role: 'reviewer', boards: [own] }, board: 'other-board' },
  { name: 'executive', actor: { sub: 'executive-1', role: 'executive', boards: [own] }, board: own },
];

const statusFor = (column: (typeof columns)[number], action: Action): number =>
  !column.actor ? 401 : isAllowed(column.actor, action, { boardId: column.board }) ? 200 : 403;

/** The authorization matrix as a markdown table, generated from the same policy table the handlers authorize with. */
export function authorizationMarkdown(): string {
  const mark = (status: number) => (status === 200 ? '✓' : String(status));
  const lines = [
    `| route | action | ${columns.map((column) => column.name).join(' | ')} |`,
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
    lines.push(`| ${key} | \`${action}\` | ${columns.map((column) => mark(statusFor(column, action))).join(' | ')} |`);
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
  const file = new URL('../README.md', import.meta.url);
  writeFileSync(file, withMatrix(readFileSync(file, 'utf8')));
  process.stdout.write('README.md: authorization matrix regenerated\n');
}

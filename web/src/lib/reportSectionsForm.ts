/**
 * The report-sections page's form (pages/ReportSectionsPage): the sections as rows that keep their DOM ids as they
 * move, the body of the PUT, the checks the server makes too (each at its field), and the server's 422 paths mapped
 * to the same fields.
 */
import type { BoardKind } from '../../../shared/schemas/boards';
import type { ReportSection } from '../../../shared/schemas/economy';
import { t, type Key, type Vars } from '../i18n';
import type { FieldProblem, Message } from './forms';

const k = (key: Key, vars?: Vars): Message => ({ key, ...(vars ? { vars } : {}) });
/** A message in the current language (components/ui `text`, which a lib does not import). */
const text = (message: Message) => ('key' in message ? t(message.key, message.vars) : message.text);
export const reportKinds = ['t1', 't2', 'annual'] as const;
export const boardKinds: readonly BoardKind[] = ['district', 'specialist', 'company', 'unit'];
export type ReportKind = (typeof reportKinds)[number];
/** The server's limits (schemas/common idSchema, schemas/economy economyLimits), repeated: the app's bundle carries no zod. */
export const maxSections = 30;
const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// ── The form ────────────────────────────────────────────────────────────────
export interface Row {
  /** Stays with the row as it moves: its fields' DOM ids. */
  key: string;
  id: string;
  title: string;
  help: string;
  kinds: ReportKind[];
  boardKinds: BoardKind[];
  required: boolean;
}

let nextKey = 0;
export const newKey = () => `s${++nextKey}`;
export const rowsOf = (sections: readonly ReportSection[]): Row[] =>
  sections.map((s) => ({ key: newKey(), id: s.id, title: s.title, help: s.help ?? '', kinds: [...s.kinds], boardKinds: [...(s.boardKinds ?? [])], required: s.required ?? false }));
export const sectionOf = (row: Row): ReportSection => ({
  id: row.id.trim(),
  title: row.title.trim(),
  ...(row.help.trim() ? { help: row.help.trim() } : {}),
  kinds: reportKinds.filter((kind) => row.kinds.includes(kind)),
  required: row.required,
  ...(row.boardKinds.length ? { boardKinds: boardKinds.filter((kind) => row.boardKinds.includes(kind)) } : {}),
});
export const sameList = (rows: readonly Row[]) => JSON.stringify(rows.map(sectionOf));

export const fieldOf = (key: string, field: string) => `rs-${key}-${field}`;

/** A problem in the list names its section; beside the field (`atField`) it need not. */
export type Problem = FieldProblem & { atField?: Message };

export function checkRows(rows: readonly Row[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = (field: string, message: Message) => problems.push({ fieldId: fieldOf(row.key, field), message: k('reportSections.error.at', { n: i + 1, problem: text(message) }), atField: message });
    const id = row.id.trim();
    if (id === '') at('id', k('reportSections.error.idMissing'));
    else if (!idPattern.test(id)) at('id', k('reportSections.error.idPattern'));
    else if (seen.has(id)) at('id', k('reportSections.error.idTwice', { n: seen.get(id)! + 1 }));
    else seen.set(id, i);
    if (row.title.trim() === '') at('title', k('reportSections.error.titleMissing'));
    else if (row.title.trim().length > 200) at('title', k('reportSections.error.tooLong', { max: 200 }));
    if (row.help.length > 2000) at('help', k('reportSections.error.tooLong', { max: 2000 }));
    if (row.kinds.length === 0) at('kinds', k('reportSections.error.kinds'));
  });
  return problems;
}

/** A refusal the server named at `sections.<i>.<field>`, shown at that section's field (the row from the list sent). */
export function fieldIdForServerPath(path: string, sent: readonly Row[]): string {
  const match = /^sections\.(\d+)(?:\.(\w+))?/.exec(path);
  const row = match ? sent[Number(match[1])] : undefined;
  if (!row) return 'rs-list';
  const field = match![2] ?? 'id';
  return fieldOf(row.key, ['id', 'title', 'help', 'kinds', 'boardKinds', 'required'].includes(field) ? field : 'id');
}

/** Names and values of changed fields, as a person reads them ("Mål N1: lydelse"), and the table of changes. */
import { formatNumber, t, type Key } from '../i18n';
import type { Change, Path } from '../lib/diff';
import { TableWrap } from './ui';

export interface NameContext {
  /** Indicator id → name (council and own indicators). */
  indicatorNames: Map<string, string>;
  /** Section id → the city's title for it (a report's sections). */
  sectionTitles?: Map<string, string>;
}

const fieldKey = (name: string) => `field.${name}` as Key;

function known(key: string): key is Key {
  return t(key as Key) !== key;
}

/** "Årsmål · KF-1 Andel behöriga" or "Risk R1: sannolikhet". */
export function describePath(path: Path, ctx: NameContext): string {
  const [list, row, ...rest] = path;
  const parts: string[] = [];
  if (typeof list === 'string') parts.push(known(fieldKey(list)) ? t(fieldKey(list)) : list);
  if (row !== undefined) {
    if (typeof row === 'object') {
      const name = list === 'sections' ? ctx.sectionTitles?.get(row.key) : ctx.indicatorNames.get(row.key);
      parts[0] = `${parts[0]} ${row.key}${name ? ` (${name})` : ''}`;
    } else if (list === 'targets') {
      const name = ctx.indicatorNames.get(row);
      parts[0] = `${parts[0]} ${row}${name ? ` (${name})` : ''}`;
    } else parts.push(known(fieldKey(row)) ? t(fieldKey(row)) : row);
  }
  for (const segment of rest) if (typeof segment === 'string') parts.push(known(fieldKey(segment)) ? t(fieldKey(segment)) : segment);
  return parts.join(': ');
}

/** A stored value as a person reads it. */
export function describeValue(path: Path, value: string, rowValue?: 'added' | 'removed'): string {
  if (value === '•') return rowValue === 'removed' ? t('change.rowRemoved') : t('change.rowAdded');
  if (value === '') return t('change.empty');
  const field = path[path.length - 1];
  if (field === 'direction' && (value === 'higher' || value === 'lower')) return t(`direction.${value}.short`);
  for (const prefix of ['frequency', 'assessment', 'ic']) {
    if (typeof field === 'string' && (field === 'frequency' || field === 'assessment') && known(`${prefix}.${value}`)) return t(`${prefix}.${value}` as Key);
  }
  if (value.startsWith('[')) {
    try {
      return (JSON.parse(value) as unknown[]).map(String).join('; ');
    } catch {
      return value;
    }
  }
  const n = Number(value.replace(',', '.'));
  if (value.trim() !== '' && Number.isFinite(n) && /^-?[\d.,\s]+$/.test(value)) return formatNumber(n);
  return value;
}

/** A table of changes between two versions. */
export function ChangeTable({ changes, ctx, caption, beforeLabel, afterLabel }: { changes: Change[]; ctx: NameContext; caption: string; beforeLabel: string; afterLabel: string }) {
  return (
    <TableWrap label={caption}>
      <table class="table changes">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key} class={`change change--${c.kind}`}>
              <th scope="row">{describePath(c.path, ctx)}</th>
              <td>
                <del>{c.row ? (c.kind === 'removed' ? `${describeValue(c.path, '•', 'removed')}: ${c.summary ?? ''}` : t('change.empty')) : describeValue(c.path, c.before)}</del>
              </td>
              <td>
                <ins>{c.row ? (c.kind === 'added' ? `${describeValue(c.path, '•', 'added')}: ${c.summary ?? ''}` : t('change.empty')) : describeValue(c.path, c.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** A review finding as a sentence: a target less ambitious than the council's, or than the parent board's. */
import { findingTargets } from '../../../shared/domain/targets';
import { formatNumber, t, type Key } from '../i18n';
import type { TargetFinding } from '../lib/types';

/** One text key per kind of finding; `parentName` names the board a unit's target falls short of. */
export function findingText(finding: TargetFinding, unit: string, parentName?: string, fallbackDirection: 'higher' | 'lower' = 'higher'): string {
  const { own, reference, against } = findingTargets(finding);
  const direction = t(`direction.${finding.direction ?? fallbackDirection}.short` as Key);
  const withUnit = (n: number) => `${formatNumber(n)} ${unit}`.trim();
  return against === 'parent'
    ? t('doc.finding.parent', { own: withUnit(own), reference: withUnit(reference), parent: parentName ?? (finding.code === 'TARGET_BELOW_PARENT' ? (finding.parentId ?? '') : ''), direction })
    : t('doc.finding', { board: withUnit(own), council: withUnit(reference), direction });
}

/**
 * A review finding as a sentence: a target less ambitious than the council's, or than the parent board's; in a report,
 * a net cost over the budget, a return below the requirement, a forecast short of the board's own target.
 */
import { findingTargets, isTargetFinding } from '../../../shared/domain/targets';
import { formatNumber, t, type Key } from '../i18n';
import { formatTkr } from '../lib/forms';
import type { Finding, TargetFinding } from '../lib/types';

/** One text key per kind of finding; `parentName` names the board a unit's target falls short of. */
export function findingText(finding: TargetFinding, unit: string, parentName?: string, fallbackDirection: 'higher' | 'lower' = 'higher'): string {
  const { own, reference, against } = findingTargets(finding);
  const direction = t(`direction.${finding.direction ?? fallbackDirection}.short` as Key);
  const withUnit = (n: number) => `${formatNumber(n)} ${unit}`.trim();
  return against === 'parent'
    ? t('doc.finding.parent', { own: withUnit(own), reference: withUnit(reference), parent: parentName ?? (finding.code === 'TARGET_BELOW_PARENT' ? (finding.parentId ?? '') : ''), direction })
    : t('doc.finding', { board: withUnit(own), council: withUnit(reference), direction });
}

/** The findings on a report's money and its indicators' forecasts (api.md 1.1). */
export type ReportFinding = Exclude<Finding, TargetFinding>;

export const isReportFinding = (finding: Finding): finding is ReportFinding => !isTargetFinding(finding);
/** A finding on the report's money rather than on one indicator. */
export const isEconomyFinding = (finding: Finding): finding is Extract<Finding, { code: 'FORECAST_DEFICIT' | 'RETURN_BELOW_REQUIREMENT' }> =>
  finding.code === 'FORECAST_DEFICIT' || finding.code === 'RETURN_BELOW_REQUIREMENT';

/** A report's finding as a sentence; `unit` is the indicator's unit for FORECAST_BELOW_TARGET. */
export function reportFindingText(finding: ReportFinding, unit = '', fallbackDirection: 'higher' | 'lower' = 'higher'): string {
  const outcome = finding.basis === 'outcome';
  switch (finding.code) {
    case 'FORECAST_DEFICIT':
      return t(outcome ? 'economy.finding.deficit.outcome' : 'economy.finding.deficit', {
        forecast: formatTkr(finding.forecast),
        budget: formatTkr(finding.budget),
        deviation: formatTkr(finding.deviation),
      });
    case 'RETURN_BELOW_REQUIREMENT':
      return t(outcome ? 'economy.finding.return.outcome' : 'economy.finding.return', { forecast: formatNumber(finding.forecast), requirement: formatNumber(finding.requirement) });
    case 'FORECAST_BELOW_TARGET': {
      const withUnit = (n: number) => `${formatNumber(n)} ${unit}`.trim();
      const direction = t(`direction.${finding.direction ?? fallbackDirection}.short` as Key);
      return t(outcome ? 'economy.finding.belowTarget.outcome' : 'economy.finding.belowTarget', { forecast: withUnit(finding.forecast), target: withUnit(finding.target), direction });
    }
  }
}

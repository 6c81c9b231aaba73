/** Is a board's target as ambitious as the council's? Direction-aware; an equal target is fine. */
import type { CouncilGoals, Direction } from '../schemas/councilGoals';
import type { Finding, PlanContent, TargetFinding } from '../schemas/documents';
import { allIndicators } from './councilGoals';

/** Higher is better: below the council's is less ambitious. Lower is better: above it is. */
export function isLessAmbitious(direction: Direction, councilTarget: number, boardTarget: number): boolean {
  return direction === 'higher' ? boardTarget < councilTarget : boardTarget > councilTarget;
}

/**
 * One TARGET_BELOW_COUNCIL finding per council indicator whose target in the plan is less ambitious than the
 * council's (also for an indicator the board took on without being assigned it). Not an error: submit answers the
 * findings and the reviewer decides. Targets naming unknown indicators are left to planProblems.
 */
export function targetFindings(goals: CouncilGoals, _boardId: string, plan: Pick<PlanContent, 'targets'>): TargetFinding[] {
  const council = new Map(allIndicators(goals).map((r) => [r.indicator.id, r.indicator]));
  const findings: TargetFinding[] = [];
  const seen = new Set<string>();
  for (const { indicatorId, target } of plan.targets) {
    const indicator = council.get(indicatorId);
    if (!indicator || seen.has(indicatorId)) continue;
    seen.add(indicatorId);
    if (isLessAmbitious(indicator.direction, indicator.target, target)) {
      findings.push({ code: 'TARGET_BELOW_COUNCIL', indicatorId, councilTarget: indicator.target, boardTarget: target, direction: indicator.direction });
    }
  }
  return findings;
}

/** A finding's two targets, whichever level it compares: the document's own, and the one it falls short of. */
export function findingTargets(finding: TargetFinding): { own: number; reference: number; against: 'council' | 'parent' } {
  return finding.code === 'TARGET_BELOW_PARENT'
    ? { own: finding.unitTarget, reference: finding.parentTarget, against: 'parent' }
    : { own: finding.boardTarget, reference: finding.councilTarget, against: 'council' };
}

/** A plan's finding (a target below the council's or the parent's), as opposed to a report's. */
export function isTargetFinding(finding: Finding): finding is TargetFinding {
  return finding.code === 'TARGET_BELOW_COUNCIL' || finding.code === 'TARGET_BELOW_PARENT';
}

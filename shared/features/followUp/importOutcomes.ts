import { signedBy } from '../../domain/actor';
import type { Actor } from '../../domain/actor';
import { NotFound } from '../../domain/errors';
import { mapKoladaOutcomes, mergeOutcomes } from '../../domain/kolada';
import { assertCycleOpen, isUnsubmitted } from '../../domain/lifecycle';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleRepository } from '../../ports/cycleRepository';
import { CommitRefused, type DocumentStore } from '../../ports/documentStore';
import type { ReportContent } from '../../schemas/documents';
import type { KoladaImportAnswer, KoladaImportBody } from '../../schemas/imports';
import { notStarted, withSavedContent } from '../documents/context';
import { requireCycle } from '../cycles/cycles';

/**
 * Writes Kolada outcomes into the boards' reports as draft values, each with its source and fetch
 * date. It never submits or approves: a board still reviews, completes and submits its report. Reports
 * already submitted are left alone and listed.
 */
export async function importKoladaOutcomes(
  input: { year: number; body: KoladaImportBody },
  deps: { actor: Actor; cycles: CycleRepository; boards: BoardRepository; documents: DocumentStore; clock: Clock },
): Promise<KoladaImportAnswer> {
  const cycle = await requireCycle(input.year, deps.cycles);
  assertCycleOpen(cycle);
  const goals = await deps.cycles.getCouncilGoals(input.year);
  if (!goals) throw new NotFound(`The council goals of ${input.year} are not loaded yet; outcomes map to their indicators.`);
  const boardIds = new Set((await deps.boards.list()).map((board) => board.boardId));
  const { outcomes, skipped } = mapKoladaOutcomes(input.body.data, input.body.mapping, {
    source: input.body.source,
    fetchedAt: input.body.fetchedAt,
    year: input.year,
    goals,
    boardIds,
  });

  const answer: KoladaImportAnswer = { applied: [], notApplied: [], skipped };
  const byBoard = Map.groupBy(outcomes, (outcome) => outcome.boardId);
  for (const [boardId, boardOutcomes] of byBoard) {
    const record = await deps.documents.get(input.year, boardId, input.body.kind);
    const current = record?.document ?? notStarted({ year: input.year, boardId, kind: input.body.kind });
    if (!isUnsubmitted(current.status)) {
      answer.notApplied.push({ boardId, reason: `the ${input.body.kind} report is ${current.status}; imported values go only into reports the board can still edit` });
      continue;
    }
    const merged = mergeOutcomes(current.content as ReportContent, boardId, boardOutcomes);
    if (merged.changed.length === 0) continue;
    const sourceOf = new Map(boardOutcomes.map((o) => [o.indicatorId, o]));
    const content: ReportContent = {
      ...merged.content,
      indicators: merged.content.indicators.map((indicator) => {
        const imported = sourceOf.get(indicator.indicatorId);
        if (!imported || indicator.outcome !== imported.value) return indicator;
        return { ...indicator, source: { name: imported.source, fetchedAt: imported.fetchedAt, kpi: imported.kpi, unit: imported.unit, byGender: imported.byGender } };
      }),
    };
    const at = deps.clock.now().toISOString();
    const next = withSavedContent(current, content, deps.actor, at);
    try {
      await deps.documents.commit({
        next,
        expectedVersion: current.version,
        event: {
          at,
          ...signedBy(deps.actor),
          action: 'outcomes_imported',
          from: current.status,
          to: next.status,
          comment: `${merged.changed.length} outcome(s) from ${input.body.source}`,
        },
      });
      answer.applied.push({ boardId, indicators: merged.changed.map((change) => change.indicatorId), version: next.version });
    } catch (error) {
      if (!(error instanceof CommitRefused)) throw error;
      answer.notApplied.push({ boardId, reason: 'the report changed while importing; run the import again' });
    }
  }
  return answer;
}

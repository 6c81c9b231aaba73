/** A reviewer's decision on a plan or report. */
import type { DecisionBody } from '../schemas/documents';
import type { FieldError } from './errors';
import { pathOf } from './problems';

/** Comments on indicators must name indicators of the board's plan (see report.planIndicatorsOf). */
export function decisionProblems(planIndicatorIds: ReadonlySet<string>, body: Pick<DecisionBody, 'indicatorComments'>): FieldError[] {
  return (body.indicatorComments ?? []).flatMap((c, i) =>
    planIndicatorIds.has(c.indicatorId)
      ? []
      : [{ path: pathOf('indicatorComments', i, 'indicatorId'), message: `indicator ${c.indicatorId} is not in the board's plan; correct the id or remove the comment` }],
  );
}

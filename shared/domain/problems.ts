/** Helpers for lists of field problems: the `errors` of a 422. */
import { ValidationFailed, type FieldError } from './errors';

/** Field paths in `errors[].path` are dotted, with array indexes as numbers: `directionGoals.0.areaGoals.1.id`. */
export function pathOf(...segments: Array<string | number>): string {
  return segments.join('.');
}

/** Problems for each entry whose id was already used earlier in the same list. */
export function duplicateIdProblems<T>(list: readonly T[], idOf: (item: T) => string, listPath: string, field: string, what: string): FieldError[] {
  const first = new Map<string, number>();
  const problems: FieldError[] = [];
  list.forEach((item, i) => {
    const id = idOf(item);
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else problems.push({ path: pathOf(listPath, i, field), message: `${what} ${id} is already used at ${pathOf(listPath, at)}; give each its own id or remove one` });
  });
  return problems;
}

/** Throws ValidationFailed naming every problem the document still has (`what`: "operations plan", "t1 report", …). */
export function assertComplete(what: string, problems: FieldError[]): void {
  if (problems.length > 0) {
    throw new ValidationFailed(
      `The ${what} is not complete (${problems.length} problem${problems.length === 1 ? '' : 's'}); fix each one listed in errors, save, and submit again.`,
      problems,
    );
  }
}

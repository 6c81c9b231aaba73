/**
 * The council goals editor's live checks: the server's own zod schema (shared/schemas/councilGoals.ts) and domain
 * checks (shared/domain/councilGoals.ts) run on what is typed, each problem worded in the person's language and tied
 * to its field. The page loads this module on demand (import()), so zod stays out of the app's main bundle.
 */
import { councilGoalsIssues, type CouncilGoalsIssue } from '../../../shared/domain/councilGoals';
import { councilGoalLimits, councilGoalsSchema, type CouncilGoals } from '../../../shared/schemas/councilGoals';
import { fieldIdForGoalsPath, goalsOf, type GoalsForm } from './councilGoalsForm';
import type { FieldProblem, Message } from './forms';

/** What zod says of a field (its issue, as much of it as the wording needs). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** An indicator's or goal's field of the typed set: the text typed there, to tell a blank field from a wrong one. */
function typedAt(form: GoalsForm, path: PropertyKey[]): string | undefined {
  const [, d, , a, , i, field] = path;
  const direction = form.directionGoals[Number(d)];
  const indicator = direction?.areaGoals[Number(a)]?.indicators[Number(i)];
  return indicator && typeof field === 'string' ? (indicator as unknown as Record<string, unknown>)[field]?.toString() : undefined;
}

/** A schema issue in the catalogue's words; zod's own message for the few no editor can cause (a wrong enum value). */
export function schemaMessage(issue: SchemaIssue, form: GoalsForm): Message {
  const field = String(issue.path.at(-1) ?? '');
  const onList = typeof issue.path.at(-1) === 'number' ? String(issue.path.at(-2) ?? '') : field;
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return { key: 'goals.check.required' };
      if (issue.origin === 'array' && field === 'boards') return { key: 'goals.check.boardsEmpty' };
      if (issue.origin === 'number') return { key: 'goals.check.numberRange' };
      break;
    case 'too_big':
      if (issue.origin === 'string') return { key: 'goals.check.tooLong', vars: { max } };
      if (issue.origin === 'array') return { key: field === 'boards' ? 'goals.check.tooManyBoards' : 'goals.check.tooManyRows', vars: { max } };
      if (issue.origin === 'number') return { key: 'goals.check.numberRange' };
      break;
    case 'invalid_format':
      if (onList === 'boards') return { key: 'goals.check.boardId' };
      if (field === 'id') return { key: 'goals.check.id' };
      if (field === 'koladaKpi') return { key: 'goals.check.kpi' };
      if (field === 'weightBy') return { key: 'goals.check.weightBy' };
      break;
    case 'invalid_type':
      if (field === 'target') return { key: (typedAt(form, issue.path) ?? '').trim() === '' ? 'goals.check.required' : 'goals.check.notNumber' };
      if (['id', 'name', 'title', 'unit'].includes(field)) return { key: 'goals.check.required' };
      break;
    case 'custom':
      if (field === 'target') return { key: 'goals.check.numberRange' };
      if (field === 'directionGoals') return { key: 'goals.check.tooManyIndicators', vars: { max: councilGoalLimits.indicators } };
      break;
  }
  return { text: issue.message };
}

/** A domain issue in the catalogue's words (the server says the same in English). */
export function domainMessage(issue: CouncilGoalsIssue, form: GoalsForm): Message {
  switch (issue.code) {
    case 'duplicate_id':
      return { key: 'goals.check.duplicateId', vars: { id: issue.id, first: describeRow(issue.firstPath, form) } };
    case 'board_listed_twice':
      return { key: 'goals.check.boardTwice', vars: { board: issue.boardId } };
    case 'unknown_board':
      return { key: 'goals.check.unknownBoard', vars: { board: issue.boardId } };
    case 'weight_by_missing':
      return { key: 'goals.check.weightByMissing' };
  }
}

/** The row a path names, as the person sees it: its name or title as typed ("Andel behöriga lärare"), else its id. */
function describeRow(path: string, form: GoalsForm): string {
  const [, d, , a, , i] = path.split('.');
  const direction = form.directionGoals[Number(d)];
  const area = a === undefined ? undefined : direction?.areaGoals[Number(a)];
  const indicator = i === undefined ? undefined : area?.indicators[Number(i)];
  const named = indicator ? indicator.name : (area ?? direction)?.title;
  return named?.trim() || (indicator ?? area ?? direction)?.id || path;
}

export interface GoalsCheck {
  /** The set as the server would store it, when it has no problem. */
  goals?: CouncilGoals;
  /** Every problem, tied to its field (the set's own ones to the tree). */
  problems: FieldProblem[];
}

/**
 * Checks the typed set as PUT /api/cycles/{year}/council-goals would: the schema, and the domain's checks against
 * the boards that exist (run on the typed set even while the schema still finds something, so that a duplicate id
 * shows while another field is blank). `boardIds` undefined: the boards are not known yet, so none is called unknown.
 */
export function checkCouncilGoals(form: GoalsForm, boardIds: ReadonlySet<string> | undefined): GoalsCheck {
  const typed = goalsOf(form) as CouncilGoals;
  const parsed = councilGoalsSchema.safeParse(typed);
  const at = (path: string) => fieldIdForGoalsPath(path, form) ?? 'cg-tree';
  const problems: FieldProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ fieldId: at(issue.path.join('.')), message: schemaMessage(issue as SchemaIssue, form) }));
  const checked = parsed.success ? parsed.data : typed;
  const issues = councilGoalsIssues(checked, boardIds ?? new Set(allBoards(checked)));
  const seen = new Set(problems.map((p) => p.fieldId));
  for (const issue of issues) {
    const fieldId = at(issue.path);
    if (!seen.has(fieldId)) problems.push({ fieldId, message: domainMessage(issue, form) });
  }
  return { ...(parsed.success && problems.length === 0 ? { goals: parsed.data } : {}), problems };
}

const allBoards = (goals: CouncilGoals) => goals.directionGoals.flatMap((d) => d.areaGoals.flatMap((a) => a.indicators.flatMap((i) => i.boards ?? [])));

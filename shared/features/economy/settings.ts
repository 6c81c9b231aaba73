import { signedBy, type Actor } from '../../domain/actor';
import { budgetProblems, reportSectionListProblems, totalNetCost } from '../../domain/economySettings';
import { Conflict, PreconditionFailed, ValidationFailed, type FieldError } from '../../domain/errors';
import { assertCycleOpen } from '../../domain/lifecycle';
import type { BoardRepository } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import {
  SettingRefused,
  type CycleEvent,
  type CycleRepository,
  type CycleSettingName,
  type CycleSettings,
  type StoredBudget,
  type StoredReportSections,
} from '../../ports/cycleRepository';
import type { Budget, BudgetBody, ReportSections, ReportSectionsBody } from '../../schemas/economy';
import { requireCycle } from '../cycles/cycles';

/*
 * A year's budget and report sections: each one item on the cycle, replaced whole over the version read (its ETag),
 * with the cycle's event in the same transaction. Read by everyone signed in; before the first PUT a setting reads
 * as version 0 and empty, so the first PUT sends If-Match "0" (or none).
 */

const names = { budget: 'budget', reportSections: 'report sections' } as const;
const paths = { budget: 'budget', reportSections: 'report-sections' } as const;

/** The budget of a year: its lines as stored, or version 0 and no lines; 404 without the year. */
export async function getBudget(year: number, deps: { cycles: CycleRepository }): Promise<Budget> {
  await requireCycle(year, deps.cycles);
  return budgetView(year, await deps.cycles.getSetting(year, 'budget'));
}

/** The report sections of a year, in the city's order, or version 0 and none; 404 without the year. */
export async function getReportSections(year: number, deps: { cycles: CycleRepository }): Promise<ReportSections> {
  await requireCycle(year, deps.cycles);
  return sectionsView(year, await deps.cycles.getSetting(year, 'reportSections'));
}

/**
 * Replaces the year's budget table: every line names a board of the directory, once; a board left out has no
 * budget (its reports then give no money). 409 once the year is signed off, 412 over a stale If-Match.
 */
export async function putBudget(
  input: { year: number; body: BudgetBody; ifMatch?: number },
  deps: { actor: Actor; cycles: CycleRepository; boards: BoardRepository; clock: Clock },
): Promise<Budget> {
  const stored = await replaceSetting(input, 'budget', deps, {
    problems: async () => budgetProblems(input.body, await deps.boards.directory()),
    value: (stamp) => ({ ...stamp, unit: 'tkr', boards: input.body.boards }),
    details: (value) => ({ budget: { version: value.version, boards: value.boards.length, netCost: totalNetCost(value.boards) } }),
  });
  return budgetView(input.year, stored);
}

/** Replaces the year's report sections, in the order given; each section id once. 409 once signed off, 412 if stale. */
export async function putReportSections(
  input: { year: number; body: ReportSectionsBody; ifMatch?: number },
  deps: { actor: Actor; cycles: CycleRepository; clock: Clock },
): Promise<ReportSections> {
  const stored = await replaceSetting(input, 'reportSections', deps, {
    problems: async () => reportSectionListProblems(input.body),
    value: (stamp) => ({ ...stamp, sections: input.body.sections }),
    details: (value) => ({ sections: { version: value.version, sections: value.sections.length } }),
  });
  return sectionsView(input.year, stored);
}

type Stamp = { version: number; updatedAt: string; updatedBy: string };

/** The steps both settings take: the year open, the body valid, the version read, then one transaction. */
async function replaceSetting<N extends CycleSettingName>(
  input: { year: number; ifMatch?: number },
  name: N,
  deps: { actor: Actor; cycles: CycleRepository; clock: Clock },
  how: { problems: () => Promise<FieldError[]>; value: (stamp: Stamp) => CycleSettings[N]; details: (value: CycleSettings[N]) => CycleEvent['details'] },
): Promise<CycleSettings[N]> {
  const [cycle, current] = await Promise.all([requireCycle(input.year, deps.cycles), deps.cycles.getSetting(input.year, name)]);
  assertCycleOpen(cycle);
  const problems = await how.problems();
  if (problems.length > 0) {
    throw new ValidationFailed(`The ${names[name]} cannot be stored (${problems.length} problem${problems.length === 1 ? '' : 's'}); fix each one listed in errors and send it again.`, problems);
  }
  const currentVersion = current?.version ?? 0;
  if (input.ifMatch !== undefined && input.ifMatch !== currentVersion) {
    throw new PreconditionFailed(`The ${names[name]} of ${input.year} is at version ${currentVersion}, not ${input.ifMatch}. Read it again (GET /api/cycles/${input.year}/${paths[name]}) and repeat your change.`);
  }
  const value = how.value({ version: currentVersion + 1, updatedAt: deps.clock.now().toISOString(), updatedBy: deps.actor.sub });
  const action = name === 'budget' ? 'budget_replaced' : 'report_sections_replaced';
  const event: CycleEvent = { at: value.updatedAt, ...signedBy(deps.actor), action, details: how.details(value) };
  try {
    await deps.cycles.replaceSetting(input.year, name, value, currentVersion, event);
  } catch (error) {
    if (!(error instanceof SettingRefused)) throw error;
    if (error.reason === 'cycle') throw new Conflict(`The ${input.year} cycle was signed off meanwhile; its ${names[name]} can no longer be changed.`);
    throw new PreconditionFailed(`The ${names[name]} of ${input.year} was changed by someone else meanwhile. Read it again and repeat your change.`);
  }
  return value;
}

function budgetView(year: number, stored: StoredBudget | undefined): Budget {
  if (!stored) return { year, unit: 'tkr', boards: [], version: 0 };
  return { year, unit: 'tkr', boards: stored.boards, version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

function sectionsView(year: number, stored: StoredReportSections | undefined): ReportSections {
  if (!stored) return { year, sections: [], version: 0 };
  return { year, sections: stored.sections, version: stored.version, updatedAt: stored.updatedAt, updatedBy: stored.updatedBy };
}

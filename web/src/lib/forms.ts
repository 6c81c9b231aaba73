/**
 * The forms' models and their checks. A form holds what a person typed (numbers as text), in the shape of the
 * document's content, so that the same field paths work for forms, contents and diffs. The checks return field
 * problems with catalogue keys; each problem names the DOM id of its field.
 */
import { allIndicators, isAssignedTo } from '../../../shared/domain/councilGoals';
import { DEVIATION_THRESHOLD_PERCENT, deviationOf, economyProblems, forecastFindings, netCostOf, returnOf, sectionsFor, type Deviation } from '../../../shared/domain/economy';
import { isLessAmbitious } from '../../../shared/domain/targets';
import { planIndicatorsOf, type PlanIndicator } from '../../../shared/domain/report';
import type { Key, Vars } from '../i18n';
import { formatNumber, numberToInput, parseNumberInput } from '../i18n';
import type { BudgetLine, ReportEconomy, ReportSection } from '../../../shared/schemas/economy';
import type { BoardKind, CouncilGoals, CouncilIndicator, Direction, ParentContext, PlanContent, ReportContent, ReportKind } from './types';

export { isLessAmbitious, planIndicatorsOf, type PlanIndicator };

/** A message: a catalogue key (translated when shown), or a text from the server. */
export type Message = { key: Key; vars?: Vars } | { text: string };

export interface FieldProblem {
  /** The DOM id of the field, or of the section for list-level problems. */
  fieldId: string;
  message: Message;
}

/** DOM ids of fields: `f-risks-R1-probability`. Ids of rows may contain dots, which are fine in ids. */
export function fieldId(...parts: Array<string | number>): string {
  return `f-${parts.map((p) => String(p).replace(/[^A-Za-z0-9_.-]/g, '_')).join('-')}`;
}
export const sectionId = (name: string) => `s-${name}`;

// ── Plan ────────────────────────────────────────────────────────────────────
export interface PlanForm {
  targets: Array<{ indicatorId: string; target: string }>;
  goals: Array<{ id: string; title: string; areaGoalId: string; parentGoalId?: string; activities: string[] }>;
  ownIndicators: Array<{ id: string; goalId: string; name: string; unit: string; direction: Direction; target: string }>;
  risks: Array<{ id: string; title: string; probability: string; consequence: string }>;
  controls: Array<{ id: string; riskId: string; description: string; frequency: string }>;
}

export const frequencies = ['monthly', 'quarterly', 'tertial', 'yearly', 'continuously'] as const;

export function toPlanForm(content: Partial<PlanContent> | undefined): PlanForm {
  return {
    targets: (content?.targets ?? []).map((t) => ({ indicatorId: t.indicatorId, target: numberToInput(t.target) })),
    goals: (content?.goals ?? []).map((g) => ({ id: g.id, title: g.title, areaGoalId: g.areaGoalId, ...(g.parentGoalId ? { parentGoalId: g.parentGoalId } : {}), activities: [...(g.activities ?? [])] })),
    ownIndicators: (content?.ownIndicators ?? []).map((o) => ({ ...o, target: numberToInput(o.target) })),
    risks: (content?.risks ?? []).map((r) => ({ id: r.id, title: r.title, probability: numberToInput(r.probability), consequence: numberToInput(r.consequence) })),
    controls: (content?.controls ?? []).map((c) => ({ ...c })),
  };
}

/** The council's indicators the board must set a target for: those without `boards`, or listing it. */
export function assignedIndicators(goals: CouncilGoals, boardId: string): CouncilIndicator[] {
  return allIndicators(goals)
    .map((r) => r.indicator)
    .filter((i) => isAssignedTo(i, boardId));
}

/** The council's indicators shown in the plan form: those assigned to the board, and any other it set a target for. */
export function planFormIndicators(goals: CouncilGoals, boardId: string, form: PlanForm) {
  const targeted = new Set(form.targets.map((t) => t.indicatorId));
  return allIndicators(goals).filter((r) => isAssignedTo(r.indicator, boardId) || targeted.has(r.indicator.id));
}

const blank = (s: string | undefined) => !s || s.trim() === '';
const isScore = (n: number | undefined) => n !== undefined && Number.isInteger(n) && n >= 1 && n <= 4;

/**
 * The content to save, and the problems that stop a save (a field the API cannot store as it is: text where a
 * number goes, a row without its name). Rows left entirely empty are dropped.
 */
export function planContentOf(form: PlanForm, goals: CouncilGoals | undefined): { content: PlanContent; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const nameOf = new Map(goals ? allIndicators(goals).map((r) => [r.indicator.id, r.indicator.name]) : []);
  const targets: PlanContent['targets'] = [];
  for (const t of form.targets) {
    const value = parseNumberInput(t.target);
    if (value === undefined) continue;
    if (Number.isNaN(value)) problems.push({ fieldId: fieldId('targets', t.indicatorId), message: { key: 'plan.target.notNumber', vars: { name: nameOf.get(t.indicatorId) ?? t.indicatorId } } });
    else targets.push({ indicatorId: t.indicatorId, target: value });
  }

  const planGoals: PlanContent['goals'] = [];
  for (const g of form.goals) {
    const activities = g.activities.map((a) => a.trim());
    if (blank(g.title) && blank(g.areaGoalId) && activities.every((a) => a === '')) continue;
    if (blank(g.title)) problems.push({ fieldId: fieldId('goals', g.id, 'title'), message: { key: 'plan.goal.titleMissing' } });
    if (blank(g.areaGoalId)) problems.push({ fieldId: fieldId('goals', g.id, 'areaGoalId'), message: { key: 'plan.goal.areaMissing' } });
    planGoals.push({ id: g.id, title: g.title.trim(), areaGoalId: g.areaGoalId, ...(blank(g.parentGoalId) ? {} : { parentGoalId: g.parentGoalId }), activities: activities.filter((a) => a !== '') });
  }

  const ownIndicators: PlanContent['ownIndicators'] = [];
  for (const o of form.ownIndicators) {
    if (blank(o.name) && blank(o.unit) && blank(o.target)) continue;
    const target = parseNumberInput(o.target);
    if (blank(o.name)) problems.push({ fieldId: fieldId('ownIndicators', o.id, 'name'), message: { key: 'plan.own.nameMissing' } });
    if (blank(o.goalId)) problems.push({ fieldId: fieldId('ownIndicators', o.id, 'goalId'), message: { key: 'plan.own.goalMissing' } });
    if (blank(o.unit)) problems.push({ fieldId: fieldId('ownIndicators', o.id, 'unit'), message: { key: 'plan.own.unitMissing' } });
    if (target === undefined || Number.isNaN(target)) problems.push({ fieldId: fieldId('ownIndicators', o.id, 'target'), message: { key: 'plan.own.targetMissing' } });
    ownIndicators.push({ id: o.id, goalId: o.goalId, name: o.name.trim(), unit: o.unit.trim(), direction: o.direction, target: target ?? Number.NaN });
  }

  const risks: PlanContent['risks'] = [];
  for (const r of form.risks) {
    if (blank(r.title) && blank(r.probability) && blank(r.consequence)) continue;
    if (blank(r.title)) problems.push({ fieldId: fieldId('risks', r.id, 'title'), message: { key: 'plan.risk.titleMissing' } });
    const probability = parseNumberInput(r.probability);
    const consequence = parseNumberInput(r.consequence);
    risks.push({ id: r.id, title: r.title.trim(), ...(probability !== undefined ? { probability } : {}), ...(consequence !== undefined ? { consequence } : {}) });
  }

  const controls: PlanContent['controls'] = [];
  for (const c of form.controls) {
    if (blank(c.description) && blank(c.riskId)) continue;
    if (blank(c.description)) problems.push({ fieldId: fieldId('controls', c.id, 'description'), message: { key: 'plan.control.descriptionMissing' } });
    if (blank(c.riskId)) problems.push({ fieldId: fieldId('controls', c.id, 'riskId'), message: { key: 'plan.control.riskMissing' } });
    if (blank(c.frequency)) problems.push({ fieldId: fieldId('controls', c.id, 'frequency'), message: { key: 'plan.control.frequencyMissing' } });
    controls.push({ id: c.id, riskId: c.riskId, description: c.description.trim(), frequency: c.frequency });
  }
  return { content: { targets, goals: planGoals, ownIndicators, risks, controls }, problems };
}

/**
 * What still stops the plan from being submitted (besides the save problems): the checklist shown above the form.
 * A board sets a target for each council indicator assigned to it; a unit for each indicator of its parent's plan.
 */
export function planMissing(form: PlanForm, goals: CouncilGoals, boardId: string, parent?: ParentContext): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const typed = new Map(form.targets.map((t) => [t.indicatorId, t.target]));
  if (parent) {
    for (const indicator of parent.targets) {
      if (blank(typed.get(indicator.indicatorId))) {
        missing.push({ fieldId: fieldId('targets', indicator.indicatorId), message: { key: 'plan.target.missing.unit', vars: { name: indicator.name } } });
      }
    }
  } else {
    for (const indicator of assignedIndicators(goals, boardId)) {
      if (blank(typed.get(indicator.id))) missing.push({ fieldId: fieldId('targets', indicator.id), message: { key: 'plan.target.missing', vars: { name: indicator.name } } });
    }
  }
  for (const r of form.risks) {
    if (blank(r.title) && blank(r.probability) && blank(r.consequence)) continue;
    if (!isScore(parseNumberInput(r.probability))) missing.push({ fieldId: fieldId('risks', r.id, 'probability'), message: { key: 'plan.risk.scoreMissing' } });
    if (!isScore(parseNumberInput(r.consequence))) missing.push({ fieldId: fieldId('risks', r.id, 'consequence'), message: { key: 'plan.risk.scoreMissing' } });
  }
  const riskIds = new Set(form.risks.map((r) => r.id));
  for (const c of form.controls) {
    if (!blank(c.riskId) && !riskIds.has(c.riskId)) missing.push({ fieldId: fieldId('controls', c.id, 'riskId'), message: { key: 'plan.control.riskMissing' } });
  }
  const goalIds = new Set(form.goals.map((g) => g.id));
  for (const o of form.ownIndicators) {
    if (!blank(o.goalId) && !goalIds.has(o.goalId)) missing.push({ fieldId: fieldId('ownIndicators', o.id, 'goalId'), message: { key: 'plan.own.goalMissing' } });
  }
  return missing;
}

/** The live check beside a target field: is what was typed less ambitious than the council's (or the parent's) target? */
export function targetWarning(indicator: Pick<CouncilIndicator, 'direction' | 'target'>, typed: string): number | undefined {
  const value = parseNumberInput(typed);
  if (value === undefined || Number.isNaN(value)) return undefined;
  return isLessAmbitious(indicator.direction, indicator.target, value) ? value : undefined;
}

/** The next free id with a prefix: N1, N2 …; R1 …; C1 … */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';
/** The colour band of a risk score (probability × consequence, 1–16). */
export function riskBand(score: number): RiskBand {
  if (score >= 12) return 'critical';
  if (score >= 8) return 'high';
  if (score >= 4) return 'medium';
  return 'low';
}

// ── Reports ─────────────────────────────────────────────────────────────────
export interface ReportForm {
  indicators: Array<{ indicatorId: string; outcome: string; forecast: string; comment: string }>;
  goals: Array<{ goalId: string; assessment: '' | 'fulfilled' | 'partly' | 'not'; comment: string }>;
  internalControl: { assessment: '' | 'sufficient' | 'partly_sufficient' | 'insufficient'; comment: string };
  analysis: string;
  economy: EconomyForm;
  /** The city's sections asked of this report, in the city's order, then any saved text the city no longer asks for. */
  sections: Array<{ sectionId: string; text: string }>;
}

/** The report form, with a row for every indicator and goal of the plan (and any extra the saved report has). */
export function toReportForm(content: Partial<ReportContent> | undefined, indicators: PlanIndicator[], goalIds: string[], asked: readonly ReportSection[] = []): ReportForm {
  const saved = new Map((content?.indicators ?? []).map((i) => [i.indicatorId, i]));
  const savedGoals = new Map((content?.goals ?? []).map((g) => [g.goalId, g]));
  const indicatorIds = [...indicators.map((i) => i.id), ...[...saved.keys()].filter((id) => !indicators.some((i) => i.id === id))];
  const allGoalIds = [...goalIds, ...[...savedGoals.keys()].filter((id) => !goalIds.includes(id))];
  return {
    indicators: indicatorIds.map((id) => {
      const s = saved.get(id);
      return { indicatorId: id, outcome: numberToInput(s?.outcome), forecast: numberToInput(s?.forecast), comment: s?.comment ?? '' };
    }),
    goals: allGoalIds.map((id) => ({ goalId: id, assessment: savedGoals.get(id)?.assessment ?? '', comment: savedGoals.get(id)?.comment ?? '' })),
    internalControl: { assessment: content?.internalControl?.assessment ?? '', comment: content?.internalControl?.comment ?? '' },
    analysis: content?.analysis ?? '',
    economy: toEconomyForm(content?.economy),
    sections: toSectionsForm(content?.sections, asked),
  };
}

export function reportContentOf(form: ReportForm): { content: ReportContent; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const indicators: ReportContent['indicators'] = [];
  for (const row of form.indicators) {
    const outcome = parseNumberInput(row.outcome);
    const forecast = parseNumberInput(row.forecast);
    if (outcome !== undefined && Number.isNaN(outcome)) problems.push({ fieldId: fieldId('indicators', row.indicatorId, 'outcome'), message: { key: 'report.notNumber' } });
    if (forecast !== undefined && Number.isNaN(forecast)) problems.push({ fieldId: fieldId('indicators', row.indicatorId, 'forecast'), message: { key: 'report.notNumber' } });
    if (outcome === undefined && forecast === undefined && blank(row.comment)) continue;
    indicators.push({
      indicatorId: row.indicatorId,
      ...(outcome !== undefined && !Number.isNaN(outcome) ? { outcome } : {}),
      ...(forecast !== undefined && !Number.isNaN(forecast) ? { forecast } : {}),
      ...(blank(row.comment) ? {} : { comment: row.comment.trim() }),
    });
  }
  const goals: ReportContent['goals'] = form.goals
    .filter((g) => g.assessment !== '')
    .map((g) => ({ goalId: g.goalId, assessment: g.assessment as 'fulfilled', ...(blank(g.comment) ? {} : { comment: g.comment.trim() }) }));
  const ic = form.internalControl;
  const economy = economyContentOf(form.economy);
  problems.push(...economy.problems);
  const sections = form.sections.filter((s) => !blank(s.text)).map((s) => ({ sectionId: s.sectionId, text: s.text }));
  return {
    content: {
      indicators,
      goals,
      ...(ic.assessment ? { internalControl: { assessment: ic.assessment, ...(blank(ic.comment) ? {} : { comment: ic.comment }) } } : {}),
      ...(blank(form.analysis) ? {} : { analysis: form.analysis }),
      ...(economy.economy ? { economy: economy.economy } : {}),
      ...(sections.length > 0 ? { sections } : {}),
    },
    problems,
  };
}

/** What the city asks of this report besides the goals: the board's budget line, the sections, the board's kind. */
export interface ReportAsks {
  line?: BudgetLine;
  sections: readonly ReportSection[];
  boardKind?: BoardKind;
}

export function reportMissing(kind: ReportKind, form: ReportForm, indicators: PlanIndicator[], goalIds: string[], asks: ReportAsks = { sections: [] }): FieldProblem[] {
  const missing: FieldProblem[] = [];
  const rows = new Map(form.indicators.map((r) => [r.indicatorId, r]));
  for (const indicator of indicators) {
    const row = rows.get(indicator.id);
    const field = kind === 'annual' ? 'outcome' : 'forecast';
    if (blank(row?.[field])) {
      missing.push({
        fieldId: fieldId('indicators', indicator.id, field),
        message: { key: kind === 'annual' ? 'report.outcomeMissing' : 'report.forecastMissing', vars: { name: indicator.name } },
      });
    }
  }
  if (kind === 'annual') {
    for (const id of goalIds) {
      const g = form.goals.find((x) => x.goalId === id);
      if (!g || g.assessment === '') missing.push({ fieldId: fieldId('goals', id, 'assessment'), message: { key: 'report.goal.missing', vars: { id } } });
    }
    if (form.internalControl.assessment === '') missing.push({ fieldId: fieldId('internalControl', 'assessment'), message: { key: 'report.ic.missing' } });
  }
  const ic = form.internalControl;
  if (ic.assessment !== '' && ic.assessment !== 'sufficient' && blank(ic.comment)) {
    missing.push({ fieldId: fieldId('internalControl', 'comment'), message: { key: 'report.ic.commentMissing' } });
  }
  missing.push(...economyMissing(kind, asks.line, form.economy), ...sectionsMissing(kind, asks, form.sections));
  return missing;
}

// ── A report's economy and the city's sections ──────────────────────────────
/** The money as typed: tkr for the net costs, percent for a company's return. */
export interface EconomyForm {
  outcomeToDate: string;
  forecast: string;
  outcome: string;
  returnForecast: string;
  returnOutcome: string;
  comment: string;
}
const netCostFields = ['outcomeToDate', 'forecast', 'outcome'] as const;
const returnFields = ['returnForecast', 'returnOutcome'] as const;

export function toEconomyForm(economy: ReportEconomy | undefined): EconomyForm {
  return {
    outcomeToDate: numberToInput(economy?.outcomeToDate),
    forecast: numberToInput(economy?.forecast),
    outcome: numberToInput(economy?.outcome),
    returnForecast: numberToInput(economy?.returnForecast),
    returnOutcome: numberToInput(economy?.returnOutcome),
    comment: economy?.comment ?? '',
  };
}

/** The economy to save (undefined when nothing is typed), and what stops a save: text or a negative net cost. */
export function economyContentOf(form: EconomyForm): { economy?: ReportEconomy; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const economy: ReportEconomy = {};
  for (const field of [...netCostFields, ...returnFields]) {
    const value = parseNumberInput(form[field]);
    if (value === undefined) continue;
    if (Number.isNaN(value)) problems.push({ fieldId: fieldId('economy', field), message: { key: 'economy.notNumber' } });
    else if (value < 0 && (netCostFields as readonly string[]).includes(field)) problems.push({ fieldId: fieldId('economy', field), message: { key: 'economy.negative' } });
    else economy[field] = value;
  }
  if (!blank(form.comment)) economy.comment = form.comment.trim();
  return { ...(Object.keys(economy).length > 0 ? { economy } : {}), problems };
}

/** The economy as far as it can be read now (fields that are not numbers left out), for the live checks. */
function economyAsTyped(form: EconomyForm): ReportEconomy {
  const economy: ReportEconomy = {};
  for (const field of [...netCostFields, ...returnFields]) {
    const value = parseNumberInput(form[field]);
    if (value !== undefined && !Number.isNaN(value)) economy[field] = value;
  }
  if (!blank(form.comment)) economy.comment = form.comment;
  return economy;
}

export interface LiveEconomy {
  /** The net cost the report is judged by: the forecast (tertial), the outcome (annual). */
  value?: number;
  deviation?: Deviation;
  /** The company's return as typed, and whether it falls short of the requirement. */
  returnValue?: number;
  returnBelow: boolean;
}

/** The deviation and the return as the editor types (shared/domain/economy, as the server judges them on submit). */
export function liveEconomy(kind: ReportKind, line: BudgetLine | undefined, form: EconomyForm): LiveEconomy {
  const economy = economyAsTyped(form);
  const value = netCostOf(kind, economy);
  const returnValue = returnOf(kind, economy);
  return {
    ...(value !== undefined ? { value } : {}),
    ...(line && value !== undefined ? { deviation: deviationOf(line.netCost, value) } : {}),
    ...(returnValue !== undefined ? { returnValue } : {}),
    returnBelow: line?.returnRequirement !== undefined && returnValue !== undefined && returnValue < line.returnRequirement,
  };
}

/** What the budget line asks of the report that is not given yet, worded per field (economyProblems decides). */
export function economyMissing(kind: ReportKind, line: BudgetLine | undefined, form: EconomyForm): FieldProblem[] {
  if (!line) return [];
  const economy = economyAsTyped(form);
  // Each field on its own: economyProblems answers one line for an economy left out entirely.
  return economyProblems(kind, line, economy).map((problem): FieldProblem => {
    const field = problem.path.replace(/^economy\.?/, '') || (kind === 'annual' ? 'outcome' : 'forecast');
    const id = fieldId('economy', field);
    const budget = formatTkr(line.netCost);
    switch (field) {
      case 'outcomeToDate':
        return { fieldId: id, message: { key: 'economy.missing.outcomeToDate' } };
      case 'forecast':
        return { fieldId: id, message: { key: 'economy.missing.forecast', vars: { budget } } };
      case 'outcome':
        return { fieldId: id, message: { key: 'economy.missing.outcome', vars: { budget } } };
      case 'returnForecast':
      case 'returnOutcome':
        return { fieldId: id, message: { key: `economy.missing.${field}`, vars: { requirement: formatNumber(line.returnRequirement) } } };
      case 'comment': {
        const deviation = deviationOf(line.netCost, netCostOf(kind, economy) ?? line.netCost);
        return { fieldId: id, message: { key: kind === 'annual' ? 'economy.missing.comment.annual' : 'economy.missing.comment', vars: { ...deviationVars(deviation), threshold: formatNumber(DEVIATION_THRESHOLD_PERCENT) } } };
      }
      default:
        return { fieldId: id, message: { text: problem.message } };
    }
  });
}

/** A deviation as words: "+12 500 tkr", "+1 %". */
export function deviationVars(deviation: Deviation): { amount: string; percent: string } {
  return { amount: `${formatTkr(deviation.amount, true)} tkr`, percent: deviation.percent === null ? '–' : `${formatNumber(deviation.percent, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })} %` };
}

export function formatTkr(amount: number, signed = false): string {
  return formatNumber(amount, { maximumFractionDigits: 1, ...(signed ? { signDisplay: 'exceptZero' } : {}) });
}

/** The section rows: the city's sections for this report in its order, then saved texts it does not ask for. */
function toSectionsForm(saved: ReportContent['sections'], asked: readonly ReportSection[]): ReportForm['sections'] {
  const texts = new Map<string, string>();
  for (const entry of saved ?? []) if (!texts.has(entry.sectionId)) texts.set(entry.sectionId, entry.text);
  const askedIds = new Set(asked.map((s) => s.id));
  return [...asked.map((s) => ({ sectionId: s.id, text: texts.get(s.id) ?? '' })), ...[...texts].filter(([id]) => !askedIds.has(id)).map(([sectionId, text]) => ({ sectionId, text }))];
}

/** A required section left empty; a text the city does not ask for in this report (sectionsFor decides which are asked). */
export function sectionsMissing(kind: ReportKind, asks: ReportAsks, rows: ReportForm['sections']): FieldProblem[] {
  const asked = sectionsFor(kind, asks.boardKind, asks.sections);
  const askedIds = new Set(asked.map((s) => s.id));
  const text = new Map(rows.map((r) => [r.sectionId, r.text]));
  return [
    ...asked.filter((s) => s.required && blank(text.get(s.id))).map((s) => ({ fieldId: fieldId('sections', s.id), message: { key: 'sections.missing', vars: { title: s.title } } as Message })),
    ...rows.filter((r) => !askedIds.has(r.sectionId) && !blank(r.text)).map((r) => ({ fieldId: fieldId('sections', r.sectionId), message: { key: 'sections.notAsked', vars: { id: r.sectionId } } as Message })),
  ];
}

/** One warning per indicator whose forecast (annual: outcome) is less ambitious than the board's own target, as typed. */
export function indicatorWarnings(kind: ReportKind, indicators: readonly PlanIndicator[], form: ReportForm): Map<string, number> {
  const indicatorsAsTyped = form.indicators.map((row) => {
    const value = parseNumberInput(kind === 'annual' ? row.outcome : row.forecast);
    return { indicatorId: row.indicatorId, ...(value !== undefined && !Number.isNaN(value) ? (kind === 'annual' ? { outcome: value } : { forecast: value }) : {}) };
  });
  const findings = forecastFindings(kind, indicators, { indicators: indicatorsAsTyped });
  return new Map(findings.flatMap((f) => (f.code === 'FORECAST_BELOW_TARGET' ? [[f.indicatorId, f.target] as const] : [])));
}

// ── Server problems → fields ────────────────────────────────────────────────
const keyFieldOf: Record<string, string> = {
  targets: 'indicatorId',
  goals: 'id',
  ownIndicators: 'id',
  risks: 'id',
  controls: 'id',
  indicators: 'indicatorId',
  companies: 'boardId',
};

/**
 * The field an `errors[].path` of a problem+json names: `body.content.targets.0.target`, `targets.0.target`,
 * `risks.1.probability`, `internalControl.comment`, `body.comment`. Index paths are resolved against the content
 * that was sent, so they land on the row with that id. Unknown paths fall back to the section.
 */
export function fieldIdForPath(path: string, sent: unknown, kind: 'plan' | 'report' | 'decision' | 'signoff' = 'plan'): string {
  const parts = path.split('.').filter(Boolean);
  while (parts[0] === 'body' || parts[0] === 'content') parts.shift();
  const [list, index, field, ...rest] = parts;
  if (!list) return sectionId('form');
  if (kind === 'report' && list === 'goals') {
    const row = (sent as { goals?: Array<{ goalId: string }> })?.goals?.[Number(index)];
    return row ? fieldId('goals', row.goalId, field ?? 'assessment') : sectionId('goals');
  }
  const keyField = keyFieldOf[list];
  if (keyField && index !== undefined && /^\d+$/.test(index)) {
    const row = ((sent as Record<string, unknown[]>)?.[list] ?? [])[Number(index)] as Record<string, string> | undefined;
    const key = row?.[keyField];
    if (!key) return sectionId(list);
    if (list === 'targets') return fieldId('targets', key);
    if (list === 'goals' && field === 'activities' && rest[0] !== undefined) return fieldId('goals', key, 'activities', rest[0]);
    if (list === 'indicators' && field === 'indicatorId') return fieldId('indicators', key, 'outcome');
    return fieldId(list, key, field ?? (list === 'companies' ? 'withinPurpose' : 'title'));
  }
  if (list === 'internalControl') return fieldId('internalControl', index ?? 'assessment');
  if (list === 'economy') return index ? fieldId('economy', index) : sectionId('economy');
  if (list === 'sections' && kind === 'report') {
    const row = (sent as { sections?: Array<{ sectionId: string }> })?.sections?.[Number(index)];
    return row ? fieldId('sections', row.sectionId) : sectionId('sections');
  }
  if (list === 'analysis') return fieldId('analysis');
  if (list === 'comment') return fieldId(kind === 'signoff' ? 'signoff' : 'decision', 'comment');
  return sectionId(list);
}

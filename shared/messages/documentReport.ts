/**
 * A board's own plan or report worded as blocks, for its Word file: the same block kinds and renderer as the compiled
 * report, every heading and sentence from the catalogue; what the board wrote is quoted as it stands.
 */
import { allIndicators } from '../domain/councilGoals';
import type { Locale } from '../schemas/boards';
import type { DocumentKind, DocumentStatus } from '../schemas/common';
import type { CouncilGoals } from '../schemas/councilGoals';
import type { PlanContent, ReportContent } from '../schemas/documents';
import type { ReportSection } from '../schemas/economy';
import { formatNumber, say, type ComposedReport, type ReportBlock } from './compiledReport';
import { reportDocumentNames } from './compiledReportCatalogue';

export interface BoardDocument {
  year: number;
  kind: DocumentKind;
  status: DocumentStatus;
  boardName: string;
  content: PlanContent | ReportContent;
  /** The board's approved or current plan, for the goals' titles in a report. */
  plan?: PlanContent;
}

export function composeBoardDocument(doc: BoardDocument, goals: CouncilGoals | undefined, sections: readonly ReportSection[], locale: Locale): Omit<ComposedReport, 'kind'> & { kind: DocumentKind } {
  const names = reportDocumentNames[locale][doc.kind];
  const blocks: ReportBlock[] = [];
  const n = (value: number | undefined) => (value === undefined ? say('missing', locale) : formatNumber(value, locale));
  const council = new Map((goals ? allIndicators(goals) : []).map((entry) => [entry.indicator.id, entry.indicator]));
  const areaTitles = new Map((goals?.directionGoals ?? []).flatMap((d) => d.areaGoals.map((a) => [a.id, `${a.id} ${a.title}`] as const)));
  const heading = (text: string, id: string, level: 1 | 2 | 3 = 1) => blocks.push({ type: 'heading', level, text, id });
  const table = (caption: string, columns: string[], numeric: boolean[], rows: string[][]) => {
    if (rows.length === 0) blocks.push({ type: 'paragraph', text: say('nothingYet', locale) });
    else blocks.push({ type: 'table', caption, columns, numeric, rows });
  };

  if (doc.kind === 'plan') {
    const plan = doc.content as PlanContent;
    heading(say('planTargetsChapter', locale), 'targets');
    table(
      say('planTargetsChapter', locale),
      [say('columnIndicator', locale), say('columnCouncilTarget', locale), say('columnBoardTarget', locale)],
      [false, true, true],
      plan.targets.map((t) => {
        const indicator = council.get(t.indicatorId);
        return [indicator ? `${indicator.name} (${indicator.unit})` : t.indicatorId, n(indicator?.target), n(t.target)];
      }),
    );
    heading(say('planGoalsChapter', locale), 'goals');
    if (plan.goals.length === 0) blocks.push({ type: 'paragraph', text: say('nothingYet', locale) });
    for (const goal of plan.goals) {
      heading(goal.title, `goal-${goal.id}`, 2);
      blocks.push({ type: 'paragraph', text: say('planGoalArea', locale, { areaGoal: areaTitles.get(goal.areaGoalId) ?? goal.areaGoalId }) });
      for (const activity of goal.activities) blocks.push({ type: 'paragraph', text: say('planActivity', locale, { activity }) });
    }
    heading(say('ownIndicatorsChapter', locale), 'own-indicators');
    table(
      say('ownIndicatorsChapter', locale),
      [say('columnIndicator', locale), say('columnUnit', locale), say('columnDirection', locale), say('columnTarget', locale)],
      [false, false, false, true],
      plan.ownIndicators.map((i) => [i.name, i.unit, say(i.direction === 'higher' ? 'higherIsBetter' : 'lowerIsBetter', locale), n(i.target)]),
    );
    heading(say('risksChapter', locale), 'risks');
    table(
      say('risksChapter', locale),
      [say('columnRisk', locale), say('columnProbability', locale), say('columnConsequence', locale), say('columnScore', locale)],
      [false, true, true, true],
      plan.risks.map((r) => [r.title, n(r.probability), n(r.consequence), r.probability && r.consequence ? n(r.probability * r.consequence) : say('missing', locale)]),
    );
    heading(say('controlsChapter', locale), 'controls');
    const risks = new Map(plan.risks.map((r) => [r.id, r.title]));
    table(
      say('controlsChapter', locale),
      [say('columnControl', locale), say('columnRisk', locale), say('columnFrequency', locale)],
      [false, false, false],
      plan.controls.map((c) => [c.description, risks.get(c.riskId) ?? c.riskId, c.frequency]),
    );
  } else {
    const report = doc.content as ReportContent;
    const annual = doc.kind === 'annual';
    const planTargets = new Map([...(doc.plan?.targets ?? []), ...(doc.plan?.ownIndicators ?? []).map((i) => ({ indicatorId: i.id, target: i.target }))].map((t) => [t.indicatorId, t.target]));
    const ownNames = new Map((doc.plan?.ownIndicators ?? []).map((i) => [i.id, `${i.name} (${i.unit})`]));
    heading(say('reportIndicatorsChapter', locale), 'indicators');
    table(
      say('reportIndicatorsChapter', locale),
      [say('columnIndicator', locale), say('columnTarget', locale), say(annual ? 'columnOutcome' : 'columnOutcomeSoFar', locale), ...(annual ? [] : [say('columnForecast', locale)]), say('columnComment', locale)],
      [false, true, true, ...(annual ? [] : [true]), false],
      report.indicators.map((i) => {
        const indicator = council.get(i.indicatorId);
        const name = indicator ? `${indicator.name} (${indicator.unit})` : (ownNames.get(i.indicatorId) ?? i.indicatorId);
        return [name, n(planTargets.get(i.indicatorId)), n(i.outcome), ...(annual ? [] : [n(i.forecast)]), i.comment ?? ''];
      }),
    );
    heading(say('reportGoalsChapter', locale), 'goals');
    const goalTitles = new Map((doc.plan?.goals ?? []).map((g) => [g.id, g.title]));
    table(
      say('reportGoalsChapter', locale),
      [say('columnGoal', locale), say('columnAssessment', locale), say('columnComment', locale)],
      [false, false, false],
      report.goals.map((g) => [goalTitles.get(g.goalId) ?? g.goalId, say(g.assessment, locale), g.comment ?? '']),
    );
    heading(say('internalControlChapter', locale), 'internal-control');
    if (!report.internalControl) blocks.push({ type: 'paragraph', text: say('nothingYet', locale) });
    else {
      blocks.push({ type: 'paragraph', text: say('boardInternalControl', locale, { level: say(report.internalControl.assessment, locale) }) });
      if (report.internalControl.comment?.trim()) blocks.push({ type: 'quote', text: report.internalControl.comment.trim() });
    }
    if (report.economy) {
      const e = report.economy;
      heading(say('economyChapter', locale), 'economy');
      table(
        say('boardEconomy', locale),
        annual ? [say('columnOutcomeTkr', locale), say('columnComment', locale)] : [say('columnOutcomeToDateTkr', locale), say('columnForecastTkr', locale), say('columnComment', locale)],
        annual ? [true, false] : [true, true, false],
        [annual ? [n(e.outcome), e.comment ?? ''] : [n(e.outcomeToDate), n(e.forecast), e.comment ?? '']],
      );
    }
    const titles = new Map(sections.map((s) => [s.id, s.title]));
    for (const entry of report.sections ?? []) {
      if (!entry.text.trim()) continue;
      heading(titles.get(entry.sectionId) ?? entry.sectionId, `section-${entry.sectionId}`);
      blocks.push({ type: 'quote', text: entry.text.trim() });
    }
    if (report.analysis?.trim()) {
      heading(say('analysisChapter', locale), 'analysis');
      blocks.push({ type: 'quote', text: report.analysis.trim() });
    }
  }
  return {
    lang: locale,
    year: doc.year,
    kind: doc.kind,
    title: say('documentTitle', locale, { documentName: names.title, year: doc.year }),
    subtitle: doc.boardName,
    cover: [say('documentStatus', locale, { boardName: doc.boardName, status: say(doc.status, locale) })],
    blocks,
  };
}

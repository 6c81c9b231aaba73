/**
 * Read-only views of a plan and a report, with findings highlighted and room for a reviewer's comments; a report's
 * economy against the board's budget and the city's sections.
 */
import { isTargetFinding } from '../../../shared/domain/targets';
import type { ComponentChildren } from 'preact';
import { allIndicators } from '../../../shared/domain/councilGoals';
import { deviationOf, netCostOf, returnOf } from '../../../shared/domain/economy';
import { formatNumber, t, type Key } from '../i18n';
import { loadReportAsks, type BudgetLine, type ReportAsks } from '../lib/economy';
import { deviationVars, formatTkr, type PlanIndicator } from '../lib/forms';
import type { CouncilGoals, Finding, ParentContext, PlanContent, ReportContent, ReportKind, ReviewComment } from '../lib/types';
import type { ReportEconomy } from '../../../shared/schemas/economy';
import { RiskMatrix } from './RiskMatrix';
import { TableWrap, useAsync } from './ui';
import { findingText, isEconomyFinding, reportFindingText, type ReportFinding } from './findings';

type Extra = (indicatorId: string) => ComponentChildren;

function latestIndicatorComment(comments: ReviewComment[], indicatorId: string) {
  return comments.at(-1)?.indicatorComments.find((c) => c.indicatorId === indicatorId)?.comment;
}

/** A titled section of a document view; its content, or a line saying there is none. */
function ViewSection({ id, title, empty, children }: { id: string; title: string; empty?: string; children?: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty !== undefined ? <p class="empty">{empty}</p> : children}
    </section>
  );
}

/** A read-only table with a header row of column headings; the rows come as children. */
function ViewTable({ label, columns, children }: { label: string; columns: (string | undefined)[]; children: ComponentChildren }) {
  return (
    <TableWrap label={label}>
      <table class="table">
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableWrap>
  );
}

/** The reviewer's latest comment on one indicator, inline in its row. */
function IndicatorReviewComment({ comment }: { comment: string | undefined }) {
  return comment ? (
    <p class="review-comment review-comment--inline">
      <span class="review-comment__label">{t('doc.reviewerOnIndicator')}: </span>
      {comment}
    </p>
  ) : null;
}

/** The reviewer's column, when the view has one. */
const extraColumn = (extra: Extra | undefined, extraHeader: string | undefined) => (extra ? [extraHeader] : []);

export function PlanView({
  content,
  goals,
  findings,
  comments,
  extra,
  extraHeader,
  parent,
}: {
  content: PlanContent;
  goals: CouncilGoals;
  findings: Finding[];
  comments: ReviewComment[];
  extra?: Extra;
  extraHeader?: string;
  /** A unit's plan: its targets stand beside its parent's, not the council's. */
  parent?: ParentContext;
}) {
  const refs = allIndicators(goals);
  const byId = new Map(refs.map((r) => [r.indicator.id, r]));
  const parentTargets = new Map((parent?.targets ?? []).map((p) => [p.indicatorId, p]));
  // What each target is set against: the parent's target for a unit, the council's for a board.
  const referenceOf = (indicatorId: string) => {
    if (parent) {
      const p = parentTargets.get(indicatorId);
      const council = byId.get(indicatorId)?.indicator;
      return { name: p?.name ?? council?.name, unit: p?.unit ?? council?.unit ?? '', direction: p?.direction ?? council?.direction, target: p?.target };
    }
    const council = byId.get(indicatorId)?.indicator;
    return { name: council?.name, unit: council?.unit ?? '', direction: council?.direction, target: council?.target };
  };
  const areaTitle = new Map(goals.directionGoals.flatMap((d) => d.areaGoals.map((a) => [a.id, a.title] as const)));
  const parentGoalTitle = new Map((parent?.goals ?? []).map((g) => [g.id, g.title]));
  return (
    <div class="doc-view">
      <ViewSection id="v-targets" title={parent ? t('plan.targets.title.unit') : t('plan.targets.title')} empty={content.targets.length === 0 ? t('doc.empty') : undefined}>
        <ViewTable
          label={parent ? t('plan.targets.title.unit') : t('plan.targets.title')}
          columns={[
            t('field.indicators'),
            parent ? t('plan.view.parentTarget', { parent: parent.name }) : t('meters.chart.legendCouncil'),
            parent ? t('plan.view.unitTarget') : t('meters.chart.legendTarget'),
            t('review.findings'),
            ...extraColumn(extra, extraHeader),
          ]}
        >
          {content.targets.map((target) => {
            const ref = referenceOf(target.indicatorId);
            const finding = findings.filter(isTargetFinding).find((f) => f.indicatorId === target.indicatorId);
            const comment = latestIndicatorComment(comments, target.indicatorId);
            const unit = ref.unit;
            return (
              <tr key={target.indicatorId} class={finding ? 'row--finding' : undefined}>
                <th scope="row">
                  <span class="goal-id">{target.indicatorId}</span> {ref.name}
                </th>
                <td>
                  {ref.target !== undefined ? `${formatNumber(ref.target)} ${unit}` : '–'}
                  {ref.direction && <span class="muted"> ({t(`direction.${ref.direction}.short` as Key)})</span>}
                </td>
                <td>
                  <strong>
                    {formatNumber(target.target)} {unit}
                  </strong>
                </td>
                <td>
                  {finding ? (
                    <span class="finding-flag">
                      <span aria-hidden="true">⚑ </span>
                      {findingText(finding, unit, parent?.name, ref.direction)}
                    </span>
                  ) : (
                    '–'
                  )}
                  <IndicatorReviewComment comment={comment} />
                </td>
                {extra && <td>{extra(target.indicatorId)}</td>}
              </tr>
            );
          })}
        </ViewTable>
      </ViewSection>

      <ViewSection id="v-goals" title={parent ? t('plan.goals.title.unit') : t('plan.goals.title')} empty={content.goals.length === 0 ? t('plan.goals.none') : undefined}>
        <ul class="goal-list">
          {content.goals.map((g) => (
            <li key={g.id}>
              <p>
                <span class="goal-id">{g.id}</span> <strong>{g.title}</strong>
              </p>
              <p class="muted">
                {t('plan.goal.area')}: {g.areaGoalId} {areaTitle.get(g.areaGoalId)}
              </p>
              {parent && g.parentGoalId && (
                <p class="muted">
                  {t('plan.goal.parent', { parent: parent.name })}: {g.parentGoalId} {parentGoalTitle.get(g.parentGoalId)}
                </p>
              )}
              {g.activities.length > 0 && (
                <ul>
                  {g.activities.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </ViewSection>

      <ViewSection id="v-own" title={parent ? t('plan.own.title.unit') : t('plan.own.title')} empty={content.ownIndicators.length === 0 ? t('plan.own.none') : undefined}>
        <ViewTable
          label={parent ? t('plan.own.title.unit') : t('plan.own.title')}
          columns={[t('field.indicators'), t('plan.own.goal'), t('plan.own.direction'), t('plan.own.target'), ...extraColumn(extra, extraHeader)]}
        >
          {content.ownIndicators.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                <span class="goal-id">{o.id}</span> {o.name}
              </th>
              <td>{o.goalId}</td>
              <td>{t(`direction.${o.direction}.short` as Key)}</td>
              <td>
                {formatNumber(o.target)} {o.unit}
              </td>
              {extra && <td>{extra(o.id)}</td>}
            </tr>
          ))}
        </ViewTable>
      </ViewSection>

      <ViewSection id="v-risks" title={t('plan.risks.title')} empty={content.risks.length === 0 ? t('plan.risks.none') : undefined}>
        <div class="risks-layout">
          <ViewTable label={t('plan.risks.title')} columns={[t('field.risks'), t('plan.risk.probability'), t('plan.risk.consequence')]}>
            {content.risks.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <span class="goal-id">{r.id}</span> {r.title}
                </th>
                <td>{r.probability ?? '–'}</td>
                <td>{r.consequence ?? '–'}</td>
              </tr>
            ))}
          </ViewTable>
          <RiskMatrix id="risk-matrix-view" risks={content.risks} />
        </div>
      </ViewSection>

      <ViewSection id="v-controls" title={t('plan.controls.title')} empty={content.controls.length === 0 ? t('plan.controls.none') : undefined}>
        <ViewTable label={t('plan.controls.title')} columns={[t('field.controls'), t('plan.control.risk'), t('plan.control.frequency')]}>
          {content.controls.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <span class="goal-id">{c.id}</span> {c.description}
              </th>
              <td>{c.riskId}</td>
              <td>{t(`frequency.${c.frequency}` as Key) === `frequency.${c.frequency}` ? c.frequency : t(`frequency.${c.frequency}` as Key)}</td>
            </tr>
          ))}
        </ViewTable>
      </ViewSection>
    </div>
  );
}

export function ReportView({
  kind,
  content,
  indicators,
  goalTitles,
  comments,
  extra,
  extraHeader,
  findings = [],
  year,
  boardId,
  asks: given,
}: {
  kind: ReportKind;
  content: ReportContent;
  indicators: PlanIndicator[];
  goalTitles: Map<string, string>;
  comments: ReviewComment[];
  extra?: Extra;
  extraHeader?: string;
  findings?: Finding[];
  /** With the year and the board, the view reads the budget and the city's sections itself (unless `asks` is given). */
  year?: number;
  boardId?: string;
  asks?: ReportAsks;
}) {
  const loaded = useAsync<ReportAsks | undefined>(
    () => (given || year === undefined || boardId === undefined ? Promise.resolve(given) : loadReportAsks(year, boardId, kind).catch(() => undefined)),
    [given, year, boardId, kind],
  );
  const asks = given ?? loaded.data;
  const values = new Map(content.indicators.map((i) => [i.indicatorId, i]));
  const below = new Map(findings.filter((f) => f.code === 'FORECAST_BELOW_TARGET').map((f) => [f.indicatorId, f]));
  const showEconomy = !!content.economy || !!asks?.line;
  const sections = sectionTexts(content, asks);
  return (
    <div class="doc-view">
      <ViewSection id="v-indicators" title={t('report.indicators.title')}>
        <ViewTable
          label={t('report.indicators.title')}
          columns={[
            t('field.indicators'),
            t('meters.table.target'),
            t('meters.table.outcome'),
            ...(kind !== 'annual' ? [t('meters.table.forecast')] : []),
            t('report.comment'),
            ...extraColumn(extra, extraHeader),
          ]}
        >
          {indicators.map((i) => {
            const v = values.get(i.id);
            const comment = latestIndicatorComment(comments, i.id);
            const finding = below.get(i.id);
            return (
              <tr key={i.id} class={finding ? 'row--finding' : undefined}>
                <th scope="row">
                  <span class="goal-id">{i.id}</span> {i.name}
                </th>
                <td>
                  {formatNumber(i.target)} {i.unit}
                </td>
                <td>{formatNumber(v?.outcome)}</td>
                {kind !== 'annual' && <td>{formatNumber(v?.forecast)}</td>}
                <td>
                  {v?.comment}
                  {finding && (
                    <p class="finding-flag">
                      <span aria-hidden="true">⚑ </span>
                      {reportFindingText(finding, i.unit, i.direction)}
                    </p>
                  )}
                  <IndicatorReviewComment comment={comment} />
                </td>
                {extra && <td>{extra(i.id)}</td>}
              </tr>
            );
          })}
        </ViewTable>
      </ViewSection>
      <ViewSection id="v-rgoals" title={t('report.goals.title')} empty={content.goals.length === 0 ? t('doc.empty') : undefined}>
        <ul class="goal-list">
          {content.goals.map((g) => (
            <li key={g.goalId}>
              <span class="goal-id">{g.goalId}</span> {goalTitles.get(g.goalId)}: <strong>{t(`assessment.${g.assessment}` as Key)}</strong>
              {g.comment && <p class="muted">{g.comment}</p>}
            </li>
          ))}
        </ul>
      </ViewSection>
      <ViewSection id="v-ic" title={t('report.ic.title')} empty={content.internalControl ? undefined : t('doc.empty')}>
        {content.internalControl && (
          <>
            <p>
              <strong>{t(`ic.${content.internalControl.assessment}` as Key)}</strong>
            </p>
            {content.internalControl.comment && <p>{content.internalControl.comment}</p>}
          </>
        )}
      </ViewSection>
      <ViewSection id="v-analysis" title={t('report.analysis.title')} empty={content.analysis ? undefined : t('doc.empty')}>
        <p class="prose">{content.analysis}</p>
      </ViewSection>
      {showEconomy && <EconomyView kind={kind} economy={content.economy} line={asks?.line} findings={findings.filter(isEconomyFinding)} />}
      {sections.length > 0 && (
        <ViewSection id="v-sections" title={`${showEconomy ? 6 : 5}. ${t('sections.title')}`}>
          {sections.map((section) => (
            <section key={section.id} class="report-section" aria-labelledby={`v-section-${section.id}`}>
              <h3 id={`v-section-${section.id}`}>{section.title}</h3>
              {section.text.trim() ? <p class="prose">{section.text}</p> : <p class="empty">{t('sections.view.empty')}</p>}
            </section>
          ))}
        </ViewSection>
      )}
    </div>
  );
}

/** The sections to show: those the city asks of this report in its order (written or not), then any other text given. */
function sectionTexts(content: ReportContent, asks: ReportAsks | undefined): Array<{ id: string; title: string; text: string }> {
  const texts = new Map((content.sections ?? []).map((s) => [s.sectionId, s.text]));
  const titles = new Map((asks?.sections ?? []).map((s) => [s.id, s.title]));
  const asked = (asks?.asked ?? []).map((s) => ({ id: s.id, title: s.title, text: texts.get(s.id) ?? '' }));
  const askedIds = new Set(asked.map((s) => s.id));
  const others = [...texts].filter(([id]) => !askedIds.has(id)).map(([id, text]) => ({ id, title: titles.get(id) ?? id, text }));
  return [...asked, ...others];
}

/** The report's money as read: the budget, the figures, the deviation, a company's return, the comment, the findings. */
function EconomyView({ kind, economy, line, findings }: { kind: ReportKind; economy: ReportEconomy | undefined; line: BudgetLine | undefined; findings: ReportFinding[] }) {
  const tertial = kind !== 'annual';
  const basis = tertial ? 'forecast' : 'outcome';
  const value = netCostOf(kind, economy);
  const deviation = line && value !== undefined ? deviationOf(line.netCost, value) : undefined;
  const achieved = returnOf(kind, economy);
  const tkr = (n: number | undefined) => (n === undefined ? '–' : `${formatTkr(n)} tkr`);
  return (
    <ViewSection id="v-economy" title={`5. ${t('economy.title')}`}>
      {!economy && <p class="empty">{t('economy.view.none')}</p>}
      <dl class="economy-figures">
        <div>
          <dt>{t('economy.budget')}</dt>
          <dd>{line ? tkr(line.netCost) : t('economy.view.noBudget')}</dd>
        </div>
        {tertial && (
          <div>
            <dt>{t('economy.view.outcomeToDate')}</dt>
            <dd>{tkr(economy?.outcomeToDate)}</dd>
          </div>
        )}
        <div>
          <dt>{t(`economy.basis.${basis}`)}</dt>
          <dd>{tkr(value)}</dd>
        </div>
        {deviation && (
          <div class={deviation.needsComment ? 'economy-figures__deviation economy-figures__deviation--past' : 'economy-figures__deviation'}>
            <dt>{t('economy.deviation')}</dt>
            <dd>{deviation.amount === 0 ? t('economy.deviation.even') : t(deviation.amount > 0 ? 'economy.deviation.over' : 'economy.deviation.under', deviationVars(deviation))}</dd>
          </div>
        )}
        {(line?.returnRequirement !== undefined || achieved !== undefined) && (
          <div>
            <dt>{t('economy.view.return')}</dt>
            <dd>
              {achieved !== undefined ? `${formatNumber(achieved)} %` : '–'}
              {line?.returnRequirement !== undefined && (
                <span class="muted">
                  {' '}
                  ({t('economy.view.requirement')} {formatNumber(line.returnRequirement)} %)
                </span>
              )}
            </dd>
          </div>
        )}
      </dl>
      {economy?.comment && (
        <>
          <h3>{t('economy.comment')}</h3>
          <p class="prose">{economy.comment}</p>
        </>
      )}
      {findings.length > 0 && (
        <ul class="findings">
          {findings.map((f) => (
            <li key={f.code} class="finding-flag">
              <span aria-hidden="true">⚑ </span>
              {reportFindingText(f)}
            </li>
          ))}
        </ul>
      )}
    </ViewSection>
  );
}

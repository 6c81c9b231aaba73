/** Read-only views of a plan and a report, with findings highlighted and room for a reviewer's comments. */
import type { ComponentChildren } from 'preact';
import { allIndicators } from '../../../shared/domain/councilGoals';
import { formatNumber, t, type Key } from '../i18n';
import type { PlanIndicator } from '../lib/forms';
import type { CouncilGoals, Finding, PlanContent, ReportContent, ReportKind, ReviewComment } from '../lib/types';
import { RiskMatrix } from './RiskMatrix';
import { TableWrap } from './ui';

type Extra = (indicatorId: string) => ComponentChildren;

function latestIndicatorComment(comments: ReviewComment[], indicatorId: string) {
  return comments.at(-1)?.indicatorComments.find((c) => c.indicatorId === indicatorId)?.comment;
}

export function PlanView({
  content,
  goals,
  findings,
  comments,
  extra,
  extraHeader,
}: {
  content: PlanContent;
  goals: CouncilGoals;
  findings: Finding[];
  comments: ReviewComment[];
  extra?: Extra;
  extraHeader?: string;
}) {
  const refs = allIndicators(goals);
  const byId = new Map(refs.map((r) => [r.indicator.id, r]));
  const areaTitle = new Map(goals.directionGoals.flatMap((d) => d.areaGoals.map((a) => [a.id, a.title] as const)));
  return (
    <div class="doc-view">
      <section aria-labelledby="v-targets">
        <h2 id="v-targets">{t('plan.targets.title')}</h2>
        {content.targets.length === 0 ? (
          <p class="empty">{t('doc.empty')}</p>
        ) : (
          <TableWrap label={t('plan.targets.title')}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.indicators')}</th>
                  <th scope="col">{t('meters.chart.legendCouncil')}</th>
                  <th scope="col">{t('meters.chart.legendTarget')}</th>
                  <th scope="col">{t('review.findings')}</th>
                  {extra && <th scope="col">{extraHeader}</th>}
                </tr>
              </thead>
              <tbody>
                {content.targets.map((target) => {
                  const ref = byId.get(target.indicatorId);
                  const finding = findings.find((f) => f.indicatorId === target.indicatorId);
                  const comment = latestIndicatorComment(comments, target.indicatorId);
                  const unit = ref?.indicator.unit ?? '';
                  return (
                    <tr key={target.indicatorId} class={finding ? 'row--finding' : undefined}>
                      <th scope="row">
                        <span class="goal-id">{target.indicatorId}</span> {ref?.indicator.name}
                      </th>
                      <td>
                        {ref ? `${formatNumber(ref.indicator.target)} ${unit}` : '–'}
                        {ref && <span class="muted"> ({t(`direction.${ref.indicator.direction}.short` as Key)})</span>}
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
                            {t('doc.finding', {
                              board: `${formatNumber(finding.boardTarget)} ${unit}`,
                              council: `${formatNumber(finding.councilTarget)} ${unit}`,
                              direction: t(`direction.${finding.direction ?? ref?.indicator.direction ?? 'higher'}.short` as Key),
                            })}
                          </span>
                        ) : (
                          '–'
                        )}
                        {comment && (
                          <p class="review-comment review-comment--inline">
                            <span class="review-comment__label">{t('doc.reviewerOnIndicator')}: </span>
                            {comment}
                          </p>
                        )}
                      </td>
                      {extra && <td>{extra(target.indicatorId)}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="v-goals">
        <h2 id="v-goals">{t('plan.goals.title')}</h2>
        {content.goals.length === 0 ? (
          <p class="empty">{t('plan.goals.none')}</p>
        ) : (
          <ul class="goal-list">
            {content.goals.map((g) => (
              <li key={g.id}>
                <p>
                  <span class="goal-id">{g.id}</span> <strong>{g.title}</strong>
                </p>
                <p class="muted">
                  {t('plan.goal.area')}: {g.areaGoalId} {areaTitle.get(g.areaGoalId)}
                </p>
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
        )}
      </section>

      <section aria-labelledby="v-own">
        <h2 id="v-own">{t('plan.own.title')}</h2>
        {content.ownIndicators.length === 0 ? (
          <p class="empty">{t('plan.own.none')}</p>
        ) : (
          <TableWrap label={t('plan.own.title')}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.indicators')}</th>
                  <th scope="col">{t('plan.own.goal')}</th>
                  <th scope="col">{t('plan.own.direction')}</th>
                  <th scope="col">{t('plan.own.target')}</th>
                  {extra && <th scope="col">{extraHeader}</th>}
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>

      <section aria-labelledby="v-risks">
        <h2 id="v-risks">{t('plan.risks.title')}</h2>
        {content.risks.length === 0 ? (
          <p class="empty">{t('plan.risks.none')}</p>
        ) : (
          <div class="risks-layout">
            <TableWrap label={t('plan.risks.title')}>
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('field.risks')}</th>
                    <th scope="col">{t('plan.risk.probability')}</th>
                    <th scope="col">{t('plan.risk.consequence')}</th>
                  </tr>
                </thead>
                <tbody>
                  {content.risks.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <span class="goal-id">{r.id}</span> {r.title}
                      </th>
                      <td>{r.probability ?? '–'}</td>
                      <td>{r.consequence ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <RiskMatrix id="risk-matrix-view" risks={content.risks} />
          </div>
        )}
      </section>

      <section aria-labelledby="v-controls">
        <h2 id="v-controls">{t('plan.controls.title')}</h2>
        {content.controls.length === 0 ? (
          <p class="empty">{t('plan.controls.none')}</p>
        ) : (
          <TableWrap label={t('plan.controls.title')}>
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('field.controls')}</th>
                  <th scope="col">{t('plan.control.risk')}</th>
                  <th scope="col">{t('plan.control.frequency')}</th>
                </tr>
              </thead>
              <tbody>
                {content.controls.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <span class="goal-id">{c.id}</span> {c.description}
                    </th>
                    <td>{c.riskId}</td>
                    <td>{t(`frequency.${c.frequency}` as Key) === `frequency.${c.frequency}` ? c.frequency : t(`frequency.${c.frequency}` as Key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
      </section>
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
}: {
  kind: ReportKind;
  content: ReportContent;
  indicators: PlanIndicator[];
  goalTitles: Map<string, string>;
  comments: ReviewComment[];
  extra?: Extra;
  extraHeader?: string;
}) {
  const values = new Map(content.indicators.map((i) => [i.indicatorId, i]));
  return (
    <div class="doc-view">
      <section aria-labelledby="v-indicators">
        <h2 id="v-indicators">{t('report.indicators.title')}</h2>
        <TableWrap label={t('report.indicators.title')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('field.indicators')}</th>
                <th scope="col">{t('meters.table.target')}</th>
                <th scope="col">{t('meters.table.outcome')}</th>
                {kind !== 'annual' && <th scope="col">{t('meters.table.forecast')}</th>}
                <th scope="col">{t('report.comment')}</th>
                {extra && <th scope="col">{extraHeader}</th>}
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => {
                const v = values.get(i.id);
                const comment = latestIndicatorComment(comments, i.id);
                return (
                  <tr key={i.id}>
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
                      {comment && (
                        <p class="review-comment review-comment--inline">
                          <span class="review-comment__label">{t('doc.reviewerOnIndicator')}: </span>
                          {comment}
                        </p>
                      )}
                    </td>
                    {extra && <td>{extra(i.id)}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      </section>
      <section aria-labelledby="v-rgoals">
        <h2 id="v-rgoals">{t('report.goals.title')}</h2>
        {content.goals.length === 0 ? (
          <p class="empty">{t('doc.empty')}</p>
        ) : (
          <ul class="goal-list">
            {content.goals.map((g) => (
              <li key={g.goalId}>
                <span class="goal-id">{g.goalId}</span> {goalTitles.get(g.goalId)}: <strong>{t(`assessment.${g.assessment}` as Key)}</strong>
                {g.comment && <p class="muted">{g.comment}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="v-ic">
        <h2 id="v-ic">{t('report.ic.title')}</h2>
        {content.internalControl ? (
          <>
            <p>
              <strong>{t(`ic.${content.internalControl.assessment}` as Key)}</strong>
            </p>
            {content.internalControl.comment && <p>{content.internalControl.comment}</p>}
          </>
        ) : (
          <p class="empty">{t('doc.empty')}</p>
        )}
      </section>
      <section aria-labelledby="v-analysis">
        <h2 id="v-analysis">{t('report.analysis.title')}</h2>
        {content.analysis ? <p class="prose">{content.analysis}</p> : <p class="empty">{t('doc.empty')}</p>}
      </section>
    </div>
  );
}

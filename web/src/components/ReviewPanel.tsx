/** The reviewer's page for a document in review: findings, changes since the last submission, the document, the decision. */
import { isTargetFinding } from '../../../shared/domain/targets';
import { useState } from 'preact/hooks';
import { allIndicators } from '../../../shared/domain/councilGoals';
import { formatNumber, t, type Key } from '../i18n';
import { api, ApiError, documentPath, newIdempotencyKey } from '../lib/api';
import { diff } from '../lib/diff';
import { loadReportAsks, type ReportAsks } from '../lib/economy';
import { fieldId, fieldIdForPath, type FieldProblem, type PlanIndicator } from '../lib/forms';
import { personName } from '../lib/people';
import { paths } from '../lib/router';
import type { CouncilGoals, DocumentKind, DocumentRead, ParentContext, PlanContent, ReportContent, ReportKind } from '../lib/types';
import { ChangeTable, type NameContext } from './changes';
import { PlanView, ReportView } from './DocumentViews';
import { Button, FieldError, Notice, ProblemList, text, useAsync } from './ui';
import { findingText, isEconomyFinding, isReportFinding, reportFindingText } from './findings';
import { RollupEconomyTable, RollupGoalCounts, RollupTable, rollupEconomyOf } from './Rollup';

export function ReviewPanel({
  year,
  boardId,
  kind,
  doc,
  goals,
  planIndicators,
  planGoals,
  parent,
  unitOf,
  onDecided,
}: {
  year: number;
  boardId: string;
  kind: DocumentKind;
  doc: DocumentRead;
  goals: CouncilGoals;
  planIndicators: PlanIndicator[];
  planGoals: Array<{ id: string; title: string }>;
  /** A unit's plan: the parent it plans against (findings compare with the parent's targets). */
  parent?: ParentContext;
  /** A unit's document: the name of the board it sits below. */
  unitOf?: string;
  onDecided: (doc: DocumentRead, decision: 'approve' | 'return') => void;
}) {
  const [comment, setComment] = useState('');
  const [indicatorComments, setIndicatorComments] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const indicatorNames = new Map<string, string>([
    ...allIndicators(goals).map((r) => [r.indicator.id, r.indicator.name] as const),
    ...(parent?.targets ?? []).map((p) => [p.indicatorId, p.name] as const),
    ...planIndicators.map((i) => [i.id, i.name] as const),
  ]);
  const unitOfIndicator = (indicatorId: string) =>
    parent?.targets.find((p) => p.indicatorId === indicatorId)?.unit ?? allIndicators(goals).find((r) => r.indicator.id === indicatorId)?.indicator.unit ?? '';
  // A report's budget line and the city's sections: for the economy, the section titles in the view and the changes.
  const asks = useAsync<ReportAsks | undefined>(
    () => (kind === 'plan' ? Promise.resolve(undefined) : loadReportAsks(year, boardId, kind as ReportKind).catch(() => undefined)),
    [year, boardId, kind],
  );
  const ctx: NameContext = { indicatorNames, sectionTitles: new Map((asks.data?.sections ?? []).map((s) => [s.id, s.title])) };
  const reportFindings = doc.findings.filter(isReportFinding);
  const indicatorUnit = (indicatorId: string) => planIndicators.find((i) => i.id === indicatorId)?.unit ?? unitOfIndicator(indicatorId);
  const rollupEconomy = rollupEconomyOf(doc.rollup);
  const commentLabel = unitOf ? t('review.comment.unit') : t('review.comment');
  const changes = doc.previousSubmission ? diff(doc.previousSubmission, doc.content) : undefined;
  const commentId = fieldId('decision', 'comment');
  const errorOf = (id: string) => {
    const p = problems.find((x) => x.fieldId === id);
    return p ? text(p.message) : undefined;
  };

  const decide = async (decision: 'approve' | 'return') => {
    setFailure(undefined);
    if (decision === 'return' && comment.trim() === '') {
      setProblems([{ fieldId: commentId, message: { key: 'review.commentMissing' } }]);
      setAttempt((n) => n + 1);
      return;
    }
    const body = {
      decision,
      comment: comment.trim(),
      indicatorComments: Object.entries(indicatorComments)
        .filter(([, c]) => c.trim() !== '')
        .map(([indicatorId, c]) => ({ indicatorId, comment: c.trim() })),
    };
    setBusy(true);
    try {
      const answer = await api<DocumentRead>('POST', `${documentPath(year, boardId, kind)}/decision`, { body, idempotencyKey: newIdempotencyKey() });
      setProblems([]);
      onDecided(answer.data, decision);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setProblems(
          error.problem.errors.map((e) => {
            const m = /^(?:body\.)?indicatorComments\.(\d+)/.exec(e.path);
            const id = m ? fieldId('indicatorComment', body.indicatorComments[Number(m[1])]?.indicatorId ?? '') : fieldIdForPath(e.path, body, 'decision');
            return { fieldId: id, message: { text: e.message } };
          }),
        );
        setAttempt((n) => n + 1);
      } else setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const indicatorCommentField = (indicatorId: string) => {
    const id = fieldId('indicatorComment', indicatorId);
    const error = errorOf(id);
    return (
      <div class="field field--compact">
        <label for={id}>{t('review.indicatorComment', { id: indicatorId })}</label>
        <textarea
          id={id}
          class="input"
          rows={2}
          value={indicatorComments[indicatorId] ?? ''}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => setIndicatorComments((c) => ({ ...c, [indicatorId]: (e.target as HTMLTextAreaElement).value }))}
        />
        <FieldError id={id} error={error} />
      </div>
    );
  };

  return (
    <div class="review">
      {problems.length > 0 && <ProblemList key={attempt} id="review-problems" title={t('doc.errors.title', { count: problems.length })} problems={problems} focusOnShow />}
      {failure && <Notice tone="error">{t('doc.conflict409', { detail: failure })}</Notice>}

      {kind === 'plan' && (
        <section class="card card--findings" aria-labelledby="findings-title">
          <h2 id="findings-title">{t('review.page.findings')}</h2>
          {doc.findings.length === 0 ? (
            <p>{parent ? t('review.page.noFindings.unit', { parent: parent.name }) : t('review.page.noFindings')}</p>
          ) : (
            <ul class="findings">
              {doc.findings.filter(isTargetFinding).map((f) => (
                <li key={f.indicatorId} class="finding-flag">
                  <span aria-hidden="true">⚑ </span>
                  <strong>
                    {f.indicatorId} {indicatorNames.get(f.indicatorId)}
                  </strong>
                  {': '}
                  {findingText(f, unitOfIndicator(f.indicatorId), parent?.name ?? unitOf)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {kind !== 'plan' && (
        <section class="card card--findings" aria-labelledby="findings-title">
          <h2 id="findings-title">{t('review.page.findings')}</h2>
          {reportFindings.length === 0 ? (
            <p>{t(kind === 'annual' ? 'economy.review.noFindings.annual' : 'economy.review.noFindings')}</p>
          ) : (
            <ul class="findings">
              {/* The money first, then the indicators in the report's order. */}
              {reportFindings.filter(isEconomyFinding).map((f) => (
                <li key={f.code} class="finding-flag">
                  <span aria-hidden="true">⚑ </span>
                  <strong>{t('economy.finding.economy')}</strong>
                  {': '}
                  {reportFindingText(f)}
                </li>
              ))}
              {reportFindings.flatMap((f) =>
                f.code === 'FORECAST_BELOW_TARGET'
                  ? [
                      <li key={`${f.code}-${f.indicatorId}`} class="finding-flag">
                        <span aria-hidden="true">⚑ </span>
                        <strong>
                          {f.indicatorId} {indicatorNames.get(f.indicatorId)}
                        </strong>
                        {': '}
                        {reportFindingText(f, indicatorUnit(f.indicatorId), planIndicators.find((i) => i.id === f.indicatorId)?.direction)}
                      </li>,
                    ]
                  : [],
              )}
            </ul>
          )}
        </section>
      )}

      <section class="card" aria-labelledby="diff-title">
        <h2 id="diff-title">{t('review.page.diff')}</h2>
        {!changes ? (
          <p>{t('review.page.firstSubmission')}</p>
        ) : changes.length === 0 ? (
          <p>{t('review.page.noDiff')}</p>
        ) : (
          <ChangeTable changes={changes} ctx={ctx} caption={t('review.page.diff')} beforeLabel={t('review.page.before')} afterLabel={t('review.page.after')} />
        )}
      </section>

      {doc.comments.length > 0 && (
        <section class="card" aria-labelledby="earlier-title">
          <h2 id="earlier-title">{t('review.previousComments')}</h2>
          <ul>
            {doc.comments.map((c, i) => (
              <li key={i}>
                <strong>{t(c.decision === 'approve' ? 'action.approved' : 'action.returned')}</strong> ({personName(c.actor, c.actorName)}): {c.comment}
              </li>
            ))}
          </ul>
        </section>
      )}

      {kind === 'plan' ? (
        <PlanView content={doc.content as PlanContent} goals={goals} findings={doc.findings} comments={[]} extra={indicatorCommentField} extraHeader={commentLabel} parent={parent} />
      ) : (
        <ReportView
          kind={kind as ReportKind}
          content={doc.content as ReportContent}
          indicators={planIndicators}
          goalTitles={new Map(planGoals.map((g) => [g.id, g.title]))}
          comments={[]}
          extra={indicatorCommentField}
          extraHeader={commentLabel}
          findings={doc.findings}
          {...(asks.data ? { asks: asks.data } : {})}
        />
      )}

      {kind !== 'plan' && doc.rollup && (
        <section class="card" aria-labelledby="rollup-title">
          <h2 id="rollup-title">{t('rollup.title')}</h2>
          <p>{t('rollup.reported', { reported: doc.rollup.reported, units: doc.rollup.units })}</p>
          {doc.rollup.indicators.map((item) => {
            const indicator = planIndicators.find((i) => i.id === item.indicatorId);
            return (
              <div key={item.indicatorId} class="rollup">
                <RollupTable kind={kind as ReportKind} item={item} name={indicator?.name ?? indicatorNames.get(item.indicatorId) ?? item.indicatorId} unit={indicator?.unit ?? ''} />
              </div>
            );
          })}
          {rollupEconomy && (
            <div class="rollup">
              <RollupEconomyTable kind={kind as ReportKind} economy={rollupEconomy} />
            </div>
          )}
          {doc.rollup.goals.map((g) => (
            <div key={g.goalId}>
              <p class="rollup-goals__title">
                {g.goalId} {planGoals.find((p) => p.id === g.goalId)?.title}
              </p>
              <RollupGoalCounts counts={g} />
            </div>
          ))}
        </section>
      )}

      <section class="card decision" aria-labelledby="decision-title">
        <h2 id="decision-title">{t('review.page.decision')}</h2>
        <div class={`field${errorOf(commentId) ? ' field--error' : ''}`}>
          <label for={commentId}>{commentLabel}</label>
          <p class="field__help" id={`${commentId}-help`}>
            {unitOf ? t('review.commentHelp.unit') : t('review.commentHelp')}
          </p>
          <textarea
            id={commentId}
            class="input input--long"
            rows={4}
            value={comment}
            aria-describedby={`${commentId}-help${errorOf(commentId) ? ` ${commentId}-err` : ''}`}
            aria-invalid={errorOf(commentId) ? 'true' : undefined}
            onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
          />
          <FieldError id={commentId} error={errorOf(commentId)} />
        </div>
        <div class="action-bar action-bar--inline">
          <Button onClick={() => void decide('approve')} disabled={busy}>
            {t('review.approve')}
          </Button>
          <Button variant="danger" onClick={() => void decide('return')} disabled={busy}>
            {t('review.return')}
          </Button>
          <a href={paths.review(year)}>{t('review.backToQueue')}</a>
        </div>
      </section>
    </div>
  );
}

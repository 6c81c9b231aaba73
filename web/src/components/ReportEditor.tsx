/** Tertial and annual report form: outcome and forecast per indicator of the plan, goal assessments, internal control, analysis. */
import { useState } from 'preact/hooks';
import { formatNumber, numberToInput, parseNumberInput, t, type Key } from '../i18n';
import { useEditor } from '../lib/editor';
import { fieldId, reportContentOf, reportMissing, toReportForm, type PlanIndicator, type ReportForm } from '../lib/forms';
import { isLessAmbitious } from '../lib/forms';
import type { DocumentRead, DocumentStatus, ReportKind } from '../lib/types';
import type { NameContext } from './changes';
import { EditorFrame } from './EditorFrame';
import { fieldErrorText, FormSection } from './FormSection';
import { RadioGroup, TextArea, TextField } from './inputs';
import { RollupGoalCounts, RollupTable } from './Rollup';
import { Button } from './ui';

export interface ReportEditorProps {
  year: number;
  boardId: string;
  kind: ReportKind;
  doc: DocumentRead;
  etag: string;
  indicators: PlanIndicator[];
  planGoals: Array<{ id: string; title: string }>;
  planStatus: DocumentStatus;
  /** A unit's report: the board above it, whose targets stand beside the unit's. */
  parentName?: string;
  onDocument: (doc: DocumentRead, etag: string) => void;
  onSubmitted: () => void;
}

export function ReportEditor({ year, boardId, kind, doc, etag, indicators, planGoals, planStatus, parentName, onDocument, onSubmitted }: ReportEditorProps) {
  const goalIds = planGoals.map((g) => g.id);
  const editor = useEditor<ReportForm, unknown>(
    {
      year,
      boardId,
      kind,
      toForm: (content) => toReportForm(content as never, indicators, goalIds),
      contentOf: reportContentOf,
      missing: (form) => reportMissing(kind, form, indicators, goalIds),
    },
    { doc, etag },
    onDocument,
  );
  const { form, update } = editor;
  const err = fieldErrorText(editor.errorOf);
  const ctx: NameContext = { indicatorNames: new Map(indicators.map((i) => [i.id, i.name])) };
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const goalTitle = new Map(planGoals.map((g) => [g.id, g.title]));
  const tertial = kind !== 'annual';
  const period = t(`kind.${kind}.period` as Key);
  const lastReview = doc.comments.at(-1);
  // A parent's report: its units' approved values per indicator, and the aggregate it may take as its own.
  const rollup = doc.rollup;
  const rollupOf = new Map((rollup?.indicators ?? []).map((r) => [r.indicatorId, r]));
  const rollupGoals = new Map((rollup?.goals ?? []).map((g) => [g.goalId, g]));
  const [taken, setTaken] = useState<string>();

  /** One action: the aggregate becomes the board's outcome (and forecast) in the form; saving keeps it. */
  const takeAggregate = (indicatorId: string) => {
    const aggregate = rollupOf.get(indicatorId)?.aggregate;
    if (!aggregate) return;
    update((f) => {
      const row = f.indicators.find((r) => r.indicatorId === indicatorId);
      if (!row) return;
      if (aggregate.outcome !== null) row.outcome = numberToInput(aggregate.outcome);
      if (tertial && aggregate.forecast !== null) row.forecast = numberToInput(aggregate.forecast);
    });
    setTaken(indicatorId);
  };

  const submit = async () => {
    if (await editor.submit()) onSubmitted();
  };

  return (
    <EditorFrame
      editor={editor}
      status={doc.status}
      ctx={ctx}
      onSubmit={() => void submit()}
      submitDisabledReason={planStatus !== 'approved' ? t('report.needsPlan', { status: t(`status.${planStatus}` as Key) }) : undefined}
    >
      <FormSection name="indicators" headingId="h-indicators" title={t('report.indicators.title')} intro={tertial ? t('report.indicators.intro.tertial', { period }) : t('report.indicators.intro.annual')}>
        {rollup && (
          <div class="rollup-intro">
            <p>
              <strong>{t('rollup.reported', { reported: rollup.reported, units: rollup.units })}</strong>
            </p>
            <p>{t('rollup.intro')}</p>
          </div>
        )}
        {form.indicators.map((row, ri) => {
          const indicator = byId.get(row.indicatorId);
          const unit = indicator?.unit ?? '';
          const direction = indicator ? t(`direction.${indicator.direction}` as Key) : '';
          const target = indicator?.target;
          const forecast = parseNumberInput(row.forecast);
          const misses = indicator && target !== undefined && forecast !== undefined && !Number.isNaN(forecast) && isLessAmbitious(indicator.direction, target, forecast);
          const reviewerComment = lastReview?.indicatorComments.find((c) => c.indicatorId === row.indicatorId);
          return (
            <fieldset key={row.indicatorId} class="row-card">
              <legend>
                <span class="goal-id">{row.indicatorId}</span> {indicator?.name ?? row.indicatorId}
              </legend>
              <p class="field__aside" id={fieldId('indicators', row.indicatorId, 'targets')}>
                {parentName && indicator?.parentTarget !== undefined
                  ? t('report.indicator.parentTarget', {
                      target: target !== undefined ? `${formatNumber(target)} ${unit}` : t('report.indicator.noTarget'),
                      parent: parentName,
                      reference: `${formatNumber(indicator.parentTarget)} ${unit}`,
                      direction,
                    })
                  : indicator?.councilTarget !== undefined
                  ? t('report.indicator.targets', {
                      target: target !== undefined ? `${formatNumber(target)} ${unit}` : t('report.indicator.noTarget'),
                      council: `${formatNumber(indicator.councilTarget)} ${unit}`,
                      direction,
                    })
                  : t('report.indicator.ownTarget', { target: target !== undefined ? `${formatNumber(target)} ${unit}` : t('report.indicator.noTarget'), direction })}
              </p>
              {reviewerComment && (
                <div class="review-comment">
                  <p class="review-comment__label">{t('doc.reviewerOnIndicator')}</p>
                  <p>{reviewerComment.comment}</p>
                </div>
              )}
              {rollupOf.has(row.indicatorId) && (
                <div class="rollup">
                  <RollupTable kind={kind} item={rollupOf.get(row.indicatorId)!} name={indicator?.name ?? row.indicatorId} unit={unit} />
                  <div class="rollup__use">
                    <Button
                      variant="secondary"
                      class="button--small"
                      disabled={!rollupOf.get(row.indicatorId)!.aggregate}
                      onClick={() => takeAggregate(row.indicatorId)}
                    >
                      {t('rollup.use')}
                      <span class="visually-hidden"> {t('rollup.useFor', { id: row.indicatorId })}</span>
                    </Button>
                    <p class="rollup__taken" aria-live="polite">
                      {taken === row.indicatorId ? t('rollup.used', { id: row.indicatorId }) : ''}
                    </p>
                  </div>
                </div>
              )}
              <div class="row-fields">
                <TextField
                  id={fieldId('indicators', row.indicatorId, 'outcome')}
                  numeric
                  width="short"
                  label={tertial ? t('report.outcome.tertial', { period, unit }) : t('report.outcome', { unit })}
                  required={!tertial}
                  value={row.outcome}
                  onInput={(v) => update((f) => void (f.indicators[ri]!.outcome = v))}
                  error={err(fieldId('indicators', row.indicatorId, 'outcome'))}
                />
                {tertial && (
                  <TextField
                    id={fieldId('indicators', row.indicatorId, 'forecast')}
                    numeric
                    width="short"
                    label={t('report.forecast', { unit })}
                    required
                    value={row.forecast}
                    onInput={(v) => update((f) => void (f.indicators[ri]!.forecast = v))}
                    warning={misses && target !== undefined ? t('report.forecastBelow', { target: `${formatNumber(target)} ${unit}` }) : undefined}
                    error={err(fieldId('indicators', row.indicatorId, 'forecast'))}
                  />
                )}
              </div>
              <TextArea
                id={fieldId('indicators', row.indicatorId, 'comment')}
                rows={2}
                label={t('report.comment')}
                value={row.comment}
                onInput={(v) => update((f) => void (f.indicators[ri]!.comment = v))}
                error={err(fieldId('indicators', row.indicatorId, 'comment'))}
              />
            </fieldset>
          );
        })}
      </FormSection>

      <FormSection name="goals" headingId="h-rgoals" title={t('report.goals.title')} intro={t('report.goals.intro')} empty={form.goals.length === 0 ? t('report.goals.none') : undefined}>
        {form.goals.map((g, gi) => (
          <div key={g.goalId} class="row-card">
            <RadioGroup
              id={fieldId('goals', g.goalId, 'assessment')}
              name={`goal-${g.goalId}`}
              legend={t('report.goal.legend', { id: g.goalId, title: goalTitle.get(g.goalId) ?? '' })}
              required={!tertial}
              requiredText={t('doc.required')}
              value={g.assessment}
              options={(['fulfilled', 'partly', 'not'] as const).map((a) => ({ value: a, label: t(`assessment.${a}`) }))}
              onChange={(v) => update((f) => void (f.goals[gi]!.assessment = v as 'fulfilled'))}
              error={err(fieldId('goals', g.goalId, 'assessment'))}
            />
            {rollupGoals.has(g.goalId) && <RollupGoalCounts counts={rollupGoals.get(g.goalId)!} />}
            <TextArea id={fieldId('goals', g.goalId, 'comment')} rows={2} label={t('report.goal.comment')} value={g.comment} onInput={(v) => update((f) => void (f.goals[gi]!.comment = v))} />
          </div>
        ))}
      </FormSection>

      <FormSection name="internalControl" headingId="h-ic" title={t('report.ic.title')}>
        <RadioGroup
          id={fieldId('internalControl', 'assessment')}
          name="internal-control"
          legend={t('report.ic.legend')}
          required={!tertial}
          requiredText={t('doc.required')}
          value={form.internalControl.assessment}
          options={(['sufficient', 'partly_sufficient', 'insufficient'] as const).map((a) => ({ value: a, label: t(`ic.${a}`) }))}
          onChange={(v) => update((f) => void (f.internalControl.assessment = v as 'sufficient'))}
          error={err(fieldId('internalControl', 'assessment'))}
        />
        <TextArea
          id={fieldId('internalControl', 'comment')}
          label={t('report.ic.comment')}
          help={t('report.ic.help')}
          required={form.internalControl.assessment !== '' && form.internalControl.assessment !== 'sufficient'}
          value={form.internalControl.comment}
          onInput={(v) => update((f) => void (f.internalControl.comment = v))}
          error={err(fieldId('internalControl', 'comment'))}
        />
      </FormSection>

      <FormSection name="analysis" headingId="h-analysis" title={t('report.analysis.title')}>
        <TextArea id={fieldId('analysis')} rows={6} label={t('report.analysis.label')} help={t('report.analysis.help')} value={form.analysis} onInput={(v) => update((f) => void (f.analysis = v))} error={err(fieldId('analysis'))} />
      </FormSection>
    </EditorFrame>
  );
}

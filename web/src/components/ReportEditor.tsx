/**
 * Tertial and annual report form: outcome and forecast per indicator of the plan, goal assessments, internal control,
 * analysis, and what the city asks besides: the economy against the board's budget, and the city's sections.
 */
import { useState } from 'preact/hooks';
import { DEVIATION_THRESHOLD_PERCENT } from '../../../shared/domain/economy';
import { formatNumber, numberToInput, t, type Key } from '../i18n';
import { loadReportAsks, type BudgetLine, type ReportAsks } from '../lib/economy';
import { useEditor } from '../lib/editor';
import {
  deviationVars,
  fieldId,
  formatTkr,
  indicatorWarnings,
  liveEconomy,
  reportContentOf,
  reportMissing,
  toReportForm,
  type PlanIndicator,
  type ReportForm,
} from '../lib/forms';
import type { DocumentRead, DocumentStatus, Finding, ReportKind } from '../lib/types';
import type { NameContext } from './changes';
import { EditorFrame } from './EditorFrame';
import { fieldErrorText, FormSection } from './FormSection';
import { RadioGroup, TextArea, TextField } from './inputs';
import { RollupEconomyTable, RollupGoalCounts, RollupTable, rollupEconomyOf } from './Rollup';
import { Button, ErrorNotice, Loading, useAsync } from './ui';

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
  onSubmitted: (findings: Finding[]) => void;
}

/** The form is built once the budget line and the sections are known: its rows depend on them. */
export function ReportEditor(props: ReportEditorProps) {
  const asks = useAsync<ReportAsks>(() => loadReportAsks(props.year, props.boardId, props.kind), [props.year, props.boardId, props.kind]);
  if (!asks.data) return asks.loading ? <Loading /> : <ErrorNotice error={asks.error} onRetry={asks.reload} />;
  return <ReportEditorForm {...props} asks={asks.data} />;
}

function ReportEditorForm({ year, boardId, kind, doc, etag, indicators, planGoals, planStatus, parentName, onDocument, onSubmitted, asks }: ReportEditorProps & { asks: ReportAsks }) {
  const goalIds = planGoals.map((g) => g.id);
  const editor = useEditor<ReportForm, unknown>(
    {
      year,
      boardId,
      kind,
      toForm: (content) => toReportForm(content as never, indicators, goalIds, asks.asked),
      contentOf: reportContentOf,
      missing: (form) => reportMissing(kind, form, indicators, goalIds, { ...(asks.line ? { line: asks.line } : {}), sections: asks.sections, ...(asks.boardKind ? { boardKind: asks.boardKind } : {}) }),
    },
    { doc, etag },
    onDocument,
  );
  const { form, update } = editor;
  const err = fieldErrorText(editor.errorOf);
  const ctx: NameContext = { indicatorNames: new Map(indicators.map((i) => [i.id, i.name])), sectionTitles: new Map(asks.sections.map((s) => [s.id, s.title])) };
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
  // The checks the server makes on submit, as the editor types: an indicator short of the board's target, the money.
  const below = indicatorWarnings(kind, indicators, form);
  const { line } = asks;
  const askedById = new Map(asks.asked.map((s) => [s.id, s]));
  const economyNumber = 5;
  const sectionsNumber = line ? 6 : 5;

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
    const findings = await editor.submit();
    if (findings) onSubmitted(findings);
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
          const short = below.get(row.indicatorId);
          const shortText = short !== undefined ? t(tertial ? 'report.forecastBelow' : 'economy.indicator.outcomeBelow', { target: `${formatNumber(short)} ${unit}`.trim() }) : undefined;
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
                  warning={tertial ? undefined : shortText}
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
                    warning={shortText}
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

      {line && <EconomyFields year={year} kind={kind} line={line} form={form} update={update} err={err} number={economyNumber} rollup={rollupEconomyOf(rollup)} company={asks.boardKind === 'company'} />}

      {form.sections.length > 0 && (
        <FormSection name="sections" headingId="h-sections" title={`${sectionsNumber}. ${t('sections.title')}`} intro={t('sections.intro')}>
          {form.sections.map((row, si) => {
            const section = askedById.get(row.sectionId);
            const id = fieldId('sections', row.sectionId);
            return section ? (
              <TextArea
                key={row.sectionId}
                id={id}
                rows={5}
                label={section.title}
                help={section.help}
                required={section.required}
                value={row.text}
                onInput={(v) => update((f) => void (f.sections[si]!.text = v))}
                error={err(id)}
              />
            ) : (
              // A text the city no longer asks for here: shown, so that it is not dropped unseen, and removed by a button.
              <div key={row.sectionId} class="row-card">
                <TextArea id={id} rows={3} label={t('sections.notAsked.label', { id: row.sectionId })} value={row.text} onInput={(v) => update((f) => void (f.sections[si]!.text = v))} error={err(id)} />
                <Button variant="secondary" class="button--small" onClick={() => update((f) => void f.sections.splice(si, 1))}>
                  {t('sections.remove')}
                  <span class="visually-hidden"> {t('sections.removeFor', { id: row.sectionId })}</span>
                </Button>
              </div>
            );
          })}
        </FormSection>
      )}
    </EditorFrame>
  );
}

/** The money against the budget: the net cost figures, the deviation as typed, a company's return, the comment. */
function EconomyFields({
  year,
  kind,
  line,
  form,
  update,
  err,
  number,
  rollup,
  company,
}: {
  /** A company's report: the budget is the company's. */
  company: boolean;
  year: number;
  kind: ReportKind;
  line: BudgetLine;
  form: ReportForm;
  update: (change: (draft: ReportForm) => void) => void;
  err: (id: string) => string | undefined;
  number: number;
  rollup: ReturnType<typeof rollupEconomyOf>;
}) {
  const tertial = kind !== 'annual';
  const period = t(`kind.${kind}.period` as Key);
  const live = liveEconomy(kind, line, form.economy);
  const deviation = live.deviation;
  const needsComment = deviation?.needsComment ?? false;
  const basis = tertial ? 'forecast' : 'outcome';
  const budget = formatTkr(line.netCost);
  const threshold = formatNumber(DEVIATION_THRESHOLD_PERCENT);
  const returnField = tertial ? 'returnForecast' : 'returnOutcome';
  const requirement = line.returnRequirement;
  const set = (field: keyof ReportForm['economy']) => (v: string) => update((f) => void (f.economy[field] = v));
  const intro = `${t(`economy.intro.${tertial ? 'tertial' : 'annual'}${company ? '.company' : ''}` as Key, { year, budget, period })}${requirement !== undefined ? ` ${t('economy.intro.return', { requirement: formatNumber(requirement) })}` : ''}`;
  return (
    <FormSection name="economy" headingId="h-economy" title={`${number}. ${t('economy.title')}`} intro={intro}>
      {rollup && (
        <div class="rollup">
          <RollupEconomyTable kind={kind} economy={rollup} />
        </div>
      )}
      <fieldset class="row-card economy">
        <legend>{t('economy.netCost.legend')}</legend>
        <div class="row-fields">
          {tertial && (
            <TextField
              id={fieldId('economy', 'outcomeToDate')}
              numeric
              width="medium"
              label={t('economy.outcomeToDate', { period })}
              required
              value={form.economy.outcomeToDate}
              onInput={set('outcomeToDate')}
              error={err(fieldId('economy', 'outcomeToDate'))}
            />
          )}
          <TextField
            id={fieldId('economy', basis)}
            numeric
            width="medium"
            label={t(tertial ? 'economy.forecast' : 'economy.outcome')}
            required
            value={form.economy[basis]}
            onInput={set(basis)}
            error={err(fieldId('economy', basis))}
          />
        </div>
        <dl class="economy-figures">
          <div>
            <dt>{t('economy.budget')}</dt>
            <dd>{budget} tkr</dd>
          </div>
          <div>
            <dt>{t(`economy.basis.${basis}`)}</dt>
            <dd>{live.value !== undefined ? `${formatTkr(live.value)} tkr` : '–'}</dd>
          </div>
          <div class={needsComment ? 'economy-figures__deviation economy-figures__deviation--past' : 'economy-figures__deviation'}>
            <dt>{t('economy.deviation')}</dt>
            <dd id="economy-deviation">
              {!deviation
                ? t(`economy.deviation.pending.${basis}`)
                : deviation.amount === 0
                  ? t('economy.deviation.even')
                  : t(deviation.amount > 0 ? 'economy.deviation.over' : 'economy.deviation.under', deviationVars(deviation))}
            </dd>
          </div>
        </dl>
      </fieldset>
      {requirement !== undefined && (
        <fieldset class="row-card economy">
          <legend>{t('economy.return.legend')}</legend>
          <TextField
            id={fieldId('economy', returnField)}
            numeric
            width="short"
            label={t(tertial ? 'economy.returnForecast' : 'economy.returnOutcome')}
            aside={t('economy.returnAside', { requirement: formatNumber(requirement) })}
            required
            value={form.economy[returnField]}
            onInput={set(returnField)}
            warning={live.returnBelow ? t('economy.returnBelow', { requirement: formatNumber(requirement) }) : undefined}
            error={err(fieldId('economy', returnField))}
          />
        </fieldset>
      )}
      <TextArea
        id={fieldId('economy', 'comment')}
        rows={3}
        label={t('economy.comment')}
        help={t('economy.comment.help', { threshold })}
        required={needsComment}
        value={form.economy.comment}
        onInput={set('comment')}
        warning={needsComment && !form.economy.comment.trim() ? t('economy.comment.asked', { threshold }) : undefined}
        error={err(fieldId('economy', 'comment'))}
      />
    </FormSection>
  );
}

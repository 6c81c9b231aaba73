/** The operations plan form: council targets with live warnings, goals and activities, own indicators, risks, controls. */
import { isTargetFinding } from '../../../shared/domain/targets';
import { allIndicators } from '../../../shared/domain/councilGoals';
import { formatNumber, t, type Key } from '../i18n';
import { useEditor } from '../lib/editor';
import {
  fieldId,
  frequencies,
  nextId,
  planContentOf,
  planFormIndicators,
  planMissing,
  riskBand,
  sectionId,
  targetWarning,
  toPlanForm,
  type PlanForm,
} from '../lib/forms';
import { parseNumberInput } from '../i18n';
import type { CouncilGoals, DocumentRead, Finding, ReviewComment, TargetFinding } from '../lib/types';
import type { NameContext } from './changes';
import { EditorFrame } from './EditorFrame';
import { fieldErrorText, FormSection } from './FormSection';
import { SelectField, TextArea, TextField } from './inputs';
import { RiskMatrix } from './RiskMatrix';
import { Button, Notice } from './ui';
import { findingText } from './findings';

export interface PlanEditorProps {
  year: number;
  boardId: string;
  doc: DocumentRead;
  etag: string;
  goals: CouncilGoals;
  onDocument: (doc: DocumentRead, etag: string) => void;
  onSubmitted: (findings: Finding[]) => void;
}

export function PlanEditor({ year, boardId, doc, etag, goals, onDocument, onSubmitted }: PlanEditorProps) {
  // A unit plans against its parent's approved plan (the GET of a unit's plan says so in `parent`).
  const parent = doc.parent;
  const editor = useEditor<PlanForm, unknown>(
    {
      year,
      boardId,
      kind: 'plan',
      toForm: (content) => toPlanForm(content as never),
      contentOf: (form) => planContentOf(form, goals),
      missing: (form) => planMissing(form, goals, boardId, parent),
    },
    { doc, etag },
    onDocument,
  );
  const { form, update } = editor;
  const err = fieldErrorText(editor.errorOf);
  const ctx: NameContext = {
    indicatorNames: new Map([
      ...allIndicators(goals).map((r) => [r.indicator.id, r.indicator.name] as const),
      ...(parent?.targets ?? []).map((p) => [p.indicatorId, p.name] as const),
      ...form.ownIndicators.map((o) => [o.id, o.name] as const),
    ]),
  };
  const lastReview: ReviewComment | undefined = doc.comments.at(-1);
  const areaGoals = goals.directionGoals.flatMap((d) => d.areaGoals.map((a) => ({ value: a.id, label: `${a.id} ${a.title}` })));
  const parentGoalOptions = (parent?.goals ?? []).map((g) => ({ value: g.id, label: `${g.id} ${g.title}`.trim() }));
  const parentWaiting = parent && parent.status !== 'approved';
  const goalOptions = form.goals.map((g) => ({ value: g.id, label: `${g.id} ${g.title}`.trim() }));
  const riskOptions = form.risks.map((r) => ({ value: r.id, label: `${r.id} ${r.title}`.trim() }));
  const scoreOptions = [1, 2, 3, 4].map((n) => ({ value: String(n), label: t(`plan.risk.level.${n}` as Key) }));
  const indicatorRefs = planFormIndicators(goals, boardId, form);

  const setTarget = (indicatorId: string, value: string) =>
    update((f) => {
      const at = f.targets.findIndex((x) => x.indicatorId === indicatorId);
      if (value.trim() === '') {
        if (at >= 0) f.targets.splice(at, 1);
      } else if (at >= 0) f.targets[at]!.target = value;
      else f.targets.push({ indicatorId, target: value });
    });

  const submit = async () => {
    const findings = await editor.submit();
    if (findings) onSubmitted(findings);
  };

  // Group the council's indicators under their direction and area goals.
  const groups = goals.directionGoals
    .map((d) => ({ d, areas: d.areaGoals.map((a) => ({ a, refs: indicatorRefs.filter((r) => r.areaGoal.id === a.id) })).filter((x) => x.refs.length > 0) }))
    .filter((g) => g.areas.length > 0);

  return (
    <EditorFrame
      editor={editor}
      status={doc.status}
      ctx={ctx}
      onSubmit={() => void submit()}
      submitDisabledReason={parentWaiting ? t('plan.unit.waitingSubmit', { parent: parent.name }) : undefined}
    >
      {parentWaiting && (
        <Notice tone="warning" id="parent-waiting">
          <p>{t('plan.unit.waiting', { parent: parent.name, status: t(`status.${parent.status}` as Key) })}</p>
        </Notice>
      )}
      <nav class="toc" aria-label={t('plan.sections')}>
        <ol>
          {(['targets', 'goals', 'ownIndicators', 'risks', 'controls'] as const).map((s) => (
            <li key={s}>
              <a href={`#${sectionId(s)}`}>{t(`plan.${s === 'ownIndicators' ? 'own' : s}.title${parent && s !== 'risks' && s !== 'controls' ? '.unit' : ''}` as Key).replace(/^\d+\.\s*/, '')}</a>
            </li>
          ))}
        </ol>
      </nav>

      {parent ? (
        <FormSection
          name="targets"
          headingId="h-targets"
          title={t('plan.targets.title.unit')}
          intro={t('plan.targets.intro.unit', { parent: parent.name })}
          empty={parent.targets.length === 0 ? t('plan.targets.none.unit', { parent: parent.name }) : undefined}
        >
          {parent.targets.map((indicator) => {
            const id = fieldId('targets', indicator.indicatorId);
            const typed = form.targets.find((x) => x.indicatorId === indicator.indicatorId)?.target ?? '';
            // A unit's part of a sum (places, visits) is not compared with the parent's whole.
            const sum = indicator.rollup === 'sum';
            const low = sum ? undefined : targetWarning(indicator, typed);
            const finding = doc.findings.filter(isTargetFinding).find((f) => f.indicatorId === indicator.indicatorId);
            const comment = lastReview?.indicatorComments.find((c) => c.indicatorId === indicator.indicatorId);
            return (
              <div key={indicator.indicatorId} class={`indicator${low !== undefined ? ' indicator--low' : ''}`}>
                <p class="indicator__name">
                  <span class="goal-id">{indicator.indicatorId}</span> {indicator.name}
                  <span class="indicator__source">
                    {indicator.source === 'own' ? t('plan.target.source.own', { parent: parent.name }) : t('plan.target.source.council')}
                  </span>
                </p>
                <div class="indicator__row">
                  <TextField
                    id={id}
                    numeric
                    width="short"
                    label={t('plan.target.label.unit', { unit: indicator.unit })}
                    required
                    value={typed}
                    onInput={(v) => setTarget(indicator.indicatorId, v)}
                    aside={
                      <span class="council-target">
                        {t(sum ? 'plan.target.parentSum' : 'plan.target.parent', {
                          parent: parent.name,
                          target: formatNumber(indicator.target),
                          unit: indicator.unit,
                          direction: t(`direction.${indicator.direction}` as Key),
                        })}
                      </span>
                    }
                    warning={
                      low !== undefined
                        ? t('plan.target.warning.parent', {
                            parent: parent.name,
                            value: formatNumber(low),
                            target: formatNumber(indicator.target),
                            unit: indicator.unit,
                            direction: t(`direction.${indicator.direction}.short` as Key),
                          })
                        : undefined
                    }
                    error={err(id)}
                  />
                  {(finding || comment) && (
                    <div class="indicator__review">
                      {finding && doc.status === 'returned' && <FindingNote finding={finding} unit={indicator.unit} parentName={parent.name} />}
                      {comment && (
                        <div class="review-comment">
                          <p class="review-comment__label">{t('doc.reviewerOnIndicator')}</p>
                          <p>{comment.comment}</p>
                        </div>
                      )}
                    </div>
                  )}
                </div>
              </div>
            );
          })}
        </FormSection>
      ) : (
        <FormSection name="targets" headingId="h-targets" title={t('plan.targets.title')} intro={t('plan.targets.intro')}>
          {groups.length === 0 && <p>{t('plan.targets.none')}</p>}
          {groups.map(({ d, areas }) => (
            <div key={d.id} class="goal-group">
              <h3>
                <span class="goal-id">{d.id}</span> {d.title}
              </h3>
              {areas.map(({ a, refs }) => (
                <div key={a.id} class="area-group">
                  <h4>
                    <span class="goal-id">{a.id}</span> {a.title}
                  </h4>
                  {refs.map(({ indicator }) => {
                    const id = fieldId('targets', indicator.id);
                    const typed = form.targets.find((x) => x.indicatorId === indicator.id)?.target ?? '';
                    const low = targetWarning(indicator, typed);
                    const finding = doc.findings.filter(isTargetFinding).find((f) => f.indicatorId === indicator.id);
                    const comment = lastReview?.indicatorComments.find((c) => c.indicatorId === indicator.id);
                    const direction = t(`direction.${indicator.direction}` as Key);
                    return (
                      <div key={indicator.id} class={`indicator${low !== undefined ? ' indicator--low' : ''}`}>
                        <p class="indicator__name">
                          <span class="goal-id">{indicator.id}</span> {indicator.name}
                        </p>
                        <div class="indicator__row">
                          <TextField
                            id={id}
                            numeric
                            width="short"
                            label={t('plan.target.label', { unit: indicator.unit })}
                            required
                            value={typed}
                            onInput={(v) => setTarget(indicator.id, v)}
                            aside={
                              <>
                                <span class="council-target">{t('plan.target.council', { target: formatNumber(indicator.target), unit: indicator.unit, direction })}</span>
                              </>
                            }
                            warning={
                              low !== undefined
                                ? t('plan.target.warning', {
                                    value: formatNumber(low),
                                    target: formatNumber(indicator.target),
                                    unit: indicator.unit,
                                    direction: t(`direction.${indicator.direction}.short` as Key),
                                  })
                                : undefined
                            }
                            error={err(id)}
                          />
                          {(finding || comment) && (
                            <div class="indicator__review">
                              {finding && doc.status === 'returned' && <FindingNote finding={finding} unit={indicator.unit} />}
                              {comment && (
                                <div class="review-comment">
                                  <p class="review-comment__label">{t('doc.reviewerOnIndicator')}</p>
                                  <p>{comment.comment}</p>
                                </div>
                              )}
                            </div>
                          )}
                        </div>
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
          ))}
        </FormSection>
      )}

      <FormSection
        name="goals"
        headingId="h-goals"
        title={parent ? t('plan.goals.title.unit') : t('plan.goals.title')}
        intro={parent ? t('plan.goals.intro.unit', { parent: parent.name }) : t('plan.goals.intro')} empty={form.goals.length === 0 ? t('plan.goals.none') : undefined}>
        {form.goals.map((g, gi) => (
          <fieldset key={g.id} class="row-card">
            <legend>{t('plan.goal.legend', { id: g.id })}</legend>
            <TextField
              id={fieldId('goals', g.id, 'title')}
              label={t('plan.goal.title')}
              help={t('plan.goal.titleHelp')}
              required
              value={g.title}
              onInput={(v) => update((f) => void (f.goals[gi]!.title = v))}
              error={err(fieldId('goals', g.id, 'title'))}
            />
            <SelectField
              id={fieldId('goals', g.id, 'areaGoalId')}
              label={t('plan.goal.area')}
              required
              placeholder={t('plan.goal.areaChoose')}
              options={areaGoals}
              value={g.areaGoalId}
              onInput={(v) => update((f) => void (f.goals[gi]!.areaGoalId = v))}
              error={err(fieldId('goals', g.id, 'areaGoalId'))}
            />
            {parent && (
              <SelectField
                id={fieldId('goals', g.id, 'parentGoalId')}
                label={t('plan.goal.parent', { parent: parent.name })}
                help={t('plan.goal.parentHelp', { parent: parent.name })}
                placeholder={t('plan.goal.parentChoose')}
                options={parentGoalOptions}
                value={g.parentGoalId ?? ''}
                onInput={(v) => update((f) => void (f.goals[gi]!.parentGoalId = v || undefined))}
                error={err(fieldId('goals', g.id, 'parentGoalId'))}
              />
            )}
            <fieldset class="activities">
              <legend>{t('plan.goal.activities')}</legend>
              {g.activities.map((activity, ai) => (
                <div class="activity" key={ai}>
                  <TextField
                    id={fieldId('goals', g.id, 'activities', ai)}
                    label={t('plan.goal.activity', { n: ai + 1 })}
                    value={activity}
                    onInput={(v) => update((f) => void (f.goals[gi]!.activities[ai] = v))}
                    error={err(fieldId('goals', g.id, 'activities', ai))}
                  />
                  <Button variant="link" onClick={() => update((f) => void f.goals[gi]!.activities.splice(ai, 1))}>
                    {t('doc.remove')}
                    <span class="visually-hidden"> {t('plan.activity.what', { n: ai + 1 })}</span>
                  </Button>
                </div>
              ))}
              <Button variant="secondary" class="button--small" onClick={() => update((f) => void f.goals[gi]!.activities.push(''))}>
                {t('plan.goal.addActivity')}
              </Button>
            </fieldset>
            <RemoveRow what={t('plan.goal.what', { id: g.id })} onRemove={() => update((f) => void f.goals.splice(gi, 1))} />
          </fieldset>
        ))}
        <AddRow
          label={t('plan.goal.add')}
          onAdd={() => {
            const id = nextId('N', form.goals.map((g) => g.id));
            update((f) => void f.goals.push({ id, title: '', areaGoalId: '', activities: [''] }));
            return fieldId('goals', id, 'title');
          }}
        />
      </FormSection>

      <FormSection
        name="ownIndicators"
        headingId="h-own"
        title={parent ? t('plan.own.title.unit') : t('plan.own.title')}
        intro={parent ? t('plan.own.intro.unit') : t('plan.own.intro')} empty={form.ownIndicators.length === 0 ? t('plan.own.none') : undefined}>
        {form.ownIndicators.map((o, oi) => (
          <fieldset key={o.id} class="row-card">
            <legend>{t('plan.own.legend', { id: o.id })}</legend>
            <TextField id={fieldId('ownIndicators', o.id, 'name')} label={t('plan.own.name')} required value={o.name} onInput={(v) => update((f) => void (f.ownIndicators[oi]!.name = v))} error={err(fieldId('ownIndicators', o.id, 'name'))} />
            <SelectField
              id={fieldId('ownIndicators', o.id, 'goalId')}
              label={t('plan.own.goal')}
              required
              placeholder={t('plan.own.goalChoose')}
              options={goalOptions}
              value={o.goalId}
              onInput={(v) => update((f) => void (f.ownIndicators[oi]!.goalId = v))}
              error={err(fieldId('ownIndicators', o.id, 'goalId'))}
            />
            <div class="row-fields">
              <TextField id={fieldId('ownIndicators', o.id, 'unit')} label={t('plan.own.unit')} help={t('plan.own.unitHelp')} width="short" required value={o.unit} onInput={(v) => update((f) => void (f.ownIndicators[oi]!.unit = v))} error={err(fieldId('ownIndicators', o.id, 'unit'))} />
              <SelectField
                id={fieldId('ownIndicators', o.id, 'direction')}
                label={t('plan.own.direction')}
                options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
                value={o.direction}
                onInput={(v) => update((f) => void (f.ownIndicators[oi]!.direction = v as 'higher'))}
              />
              <TextField id={fieldId('ownIndicators', o.id, 'target')} label={t('plan.own.target')} numeric width="short" required value={o.target} onInput={(v) => update((f) => void (f.ownIndicators[oi]!.target = v))} error={err(fieldId('ownIndicators', o.id, 'target'))} />
            </div>
            <RemoveRow what={t('plan.own.what', { id: o.id })} onRemove={() => update((f) => void f.ownIndicators.splice(oi, 1))} />
          </fieldset>
        ))}
        <AddRow
          label={t('plan.own.add')}
          onAdd={() => {
            const id = nextId('I', form.ownIndicators.map((o) => o.id));
            update((f) => void f.ownIndicators.push({ id, goalId: f.goals.length === 1 ? f.goals[0]!.id : '', name: '', unit: '', direction: 'higher', target: '' }));
            return fieldId('ownIndicators', id, 'name');
          }}
        />
      </FormSection>

      <FormSection name="risks" headingId="h-risks" title={t('plan.risks.title')} intro={t('plan.risks.intro')}>
        <div class="risks-layout">
          <div class="risks-layout__list">
            {form.risks.length === 0 && <p class="empty">{t('plan.risks.none')}</p>}
            {form.risks.map((r, ri) => {
              const p = parseNumberInput(r.probability);
              const c = parseNumberInput(r.consequence);
              const score = p && c ? p * c : undefined;
              return (
                <fieldset key={r.id} class="row-card">
                  <legend>{t('plan.risk.legend', { id: r.id })}</legend>
                  <TextArea id={fieldId('risks', r.id, 'title')} rows={2} label={t('plan.risk.title')} required value={r.title} onInput={(v) => update((f) => void (f.risks[ri]!.title = v))} error={err(fieldId('risks', r.id, 'title'))} />
                  <div class="row-fields">
                    <SelectField
                      id={fieldId('risks', r.id, 'probability')}
                      label={t('plan.risk.probability')}
                      required
                      placeholder={t('plan.risk.choose')}
                      options={scoreOptions}
                      value={r.probability}
                      onInput={(v) => update((f) => void (f.risks[ri]!.probability = v))}
                      error={err(fieldId('risks', r.id, 'probability'))}
                    />
                    <SelectField
                      id={fieldId('risks', r.id, 'consequence')}
                      label={t('plan.risk.consequence')}
                      required
                      placeholder={t('plan.risk.choose')}
                      options={scoreOptions}
                      value={r.consequence}
                      onInput={(v) => update((f) => void (f.risks[ri]!.consequence = v))}
                      error={err(fieldId('risks', r.id, 'consequence'))}
                    />
                  </div>
                  {score !== undefined && (
                    <p class={`risk-score heat--${riskBand(score)}`}>{t('plan.risk.score', { score, level: t(`risk.band.${riskBand(score)}` as Key) })}</p>
                  )}
                  <RemoveRow what={t('plan.risk.what', { id: r.id })} onRemove={() => update((f) => void f.risks.splice(ri, 1))} />
                </fieldset>
              );
            })}
            <AddRow
              label={t('plan.risk.add')}
              onAdd={() => {
                const id = nextId('R', form.risks.map((r) => r.id));
                update((f) => void f.risks.push({ id, title: '', probability: '', consequence: '' }));
                return fieldId('risks', id, 'title');
              }}
            />
          </div>
          <RiskMatrix risks={form.risks.map((r) => ({ id: r.id, title: r.title, probability: parseNumberInput(r.probability), consequence: parseNumberInput(r.consequence) }))} />
        </div>
      </FormSection>

      <FormSection name="controls" headingId="h-controls" title={t('plan.controls.title')} intro={t('plan.controls.intro')} empty={form.controls.length === 0 ? t('plan.controls.none') : undefined}>
        {form.controls.map((c, ci) => (
          <fieldset key={c.id} class="row-card">
            <legend>{t('plan.control.legend', { id: c.id })}</legend>
            <SelectField
              id={fieldId('controls', c.id, 'riskId')}
              label={t('plan.control.risk')}
              required
              placeholder={t('plan.control.riskChoose')}
              options={riskOptions}
              value={c.riskId}
              onInput={(v) => update((f) => void (f.controls[ci]!.riskId = v))}
              error={err(fieldId('controls', c.id, 'riskId'))}
            />
            <TextArea id={fieldId('controls', c.id, 'description')} rows={2} label={t('plan.control.description')} required value={c.description} onInput={(v) => update((f) => void (f.controls[ci]!.description = v))} error={err(fieldId('controls', c.id, 'description'))} />
            <SelectField
              id={fieldId('controls', c.id, 'frequency')}
              label={t('plan.control.frequency')}
              required
              options={[
                ...frequencies.map((fr) => ({ value: fr, label: t(`frequency.${fr}` as Key) })),
                ...(c.frequency && !(frequencies as readonly string[]).includes(c.frequency) ? [{ value: c.frequency, label: c.frequency }] : []),
              ]}
              value={c.frequency}
              onInput={(v) => update((f) => void (f.controls[ci]!.frequency = v))}
              error={err(fieldId('controls', c.id, 'frequency'))}
            />
            <RemoveRow what={t('plan.control.what', { id: c.id })} onRemove={() => update((f) => void f.controls.splice(ci, 1))} />
          </fieldset>
        ))}
        <AddRow
          label={t('plan.control.add')}
          onAdd={() => {
            const id = nextId('C', form.controls.map((c) => c.id));
            update((f) => void f.controls.push({ id, riskId: '', description: '', frequency: 'quarterly' }));
            return fieldId('controls', id, 'riskId');
          }}
        />
      </FormSection>
    </EditorFrame>
  );
}

export function FindingNote({ finding, unit, parentName }: { finding: TargetFinding; unit: string; parentName?: string }) {
  return (
    <div class="finding-note">
      <p>
        <span aria-hidden="true">⚑ </span>
        {findingText(finding, unit, parentName)}
      </p>
    </div>
  );
}

function RemoveRow({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <Button variant="link" class="remove-row" onClick={onRemove}>
      {t('doc.remove')}
      <span class="visually-hidden"> {what}</span>
    </Button>
  );
}

/** Adds a row and moves focus to its first field. */
function AddRow({ label, onAdd }: { label: string; onAdd: () => string }) {
  return (
    <Button
      variant="secondary"
      onClick={() => {
        const focusId = onAdd();
        setTimeout(() => document.getElementById(focusId)?.focus(), 0);
      }}
    >
      <span aria-hidden="true">+ </span>
      {label}
    </Button>
  );
}


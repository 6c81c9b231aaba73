/**
 * Open a year (/admin/cycles/new): the year and its calendar, pre-filled from the latest year moved by a year, and
 * the option to copy that year (POST /api/cycles with copyFrom). The person previews what will be copied
 * (GET /api/cycles/{year}/copy-preview) before confirming; a refusal is shown next to its field and changes nothing.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { calendarMovedBy } from '../../../shared/domain/calendar';
import type { CopyPreview } from '../../../shared/schemas/cycles';
import { t } from '../i18n';
import { api, ApiError, newIdempotencyKey } from '../lib/api';
import { calendarFieldId, calendarOf, emptyCalendarForm, fieldLabel, problemsFromApi, toCalendarForm, type Calendar, type CalendarField, type CalendarForm } from '../lib/calendarForm';
import type { FieldProblem } from '../lib/forms';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Cycle } from '../lib/types';
import { CalendarFields, CalendarSummary } from '../components/CalendarFields';
import { TextField } from '../components/inputs';
import { Button, ErrorNotice, Loading, Notice, PageTitle, ProblemList, text, useAsync } from '../components/ui';
import { mayUseOffice } from './AdminPage';

interface Opened {
  year: number;
  copied?: { from: number; councilGoals: boolean; plans: number };
}

/** What the preview step showed, for the request it was made for (a change to the form asks for a new one). */
interface Previewed {
  request: { year: number; calendar: Calendar; copyFrom?: number };
  preview?: CopyPreview;
  idempotencyKey: string;
}

export function NewCyclePage() {
  const { session, year: shownYear } = useApp();
  const allowed = mayUseOffice(session?.user);
  const cycles = useAsync(async () => (allowed ? (await api<{ cycles: Cycle[] }>('GET', '/cycles')).data.cycles : []), [allowed]);
  const title = t('year.new.title');

  if (!allowed) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        <Notice tone="error">
          <p>{t('app.forbidden')}</p>
        </Notice>
      </div>
    );
  }
  if (!cycles.data) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        {cycles.loading ? <Loading /> : <ErrorNotice error={cycles.error} onRetry={cycles.reload} />}
      </div>
    );
  }
  return <NewCycleForm cycles={cycles.data} fallbackYear={shownYear} title={title} />;
}

function NewCycleForm({ cycles, fallbackYear, title }: { cycles: Cycle[]; fallbackYear: number; title: string }) {
  const latest = useMemo(() => [...cycles].sort((a, b) => b.year - a.year)[0], [cycles]);
  const firstYear = latest ? latest.year + 1 : fallbackYear;
  const [yearText, setYearText] = useState(String(firstYear));
  const [form, setForm] = useState<CalendarForm>(() => (latest ? toCalendarForm(calendarMovedBy(latest.calendar, 1)) : emptyCalendarForm()));
  const [datesTouched, setDatesTouched] = useState(false);
  const [copy, setCopy] = useState(latest !== undefined);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const previewRef = useRef<HTMLElement>(null);

  const year = Number(yearText.trim());
  const yearValid = /^\d{4}$/.test(yearText.trim()) && year >= 2000 && year <= 2100;
  // The year copied from: the latest year before the one being opened.
  const source = yearValid ? [...cycles].filter((c) => c.year < year).sort((a, b) => b.year - a.year)[0] : latest;
  const errorOf = (id: string) => {
    const found = problems.find((p) => p.fieldId === id);
    return found ? text(found.message) : undefined;
  };
  const changed = () => {
    setPreviewed(null);
    setOpened(null);
    setFailure(null);
  };
  const onYear = (value: string) => {
    setYearText(value);
    changed();
    // Untouched dates follow the year: the source's calendar moved to it.
    const next = Number(value.trim());
    const from = [...cycles].filter((c) => c.year < next).sort((a, b) => b.year - a.year)[0];
    if (!datesTouched && from && /^\d{4}$/.test(value.trim())) setForm(toCalendarForm(calendarMovedBy(from.calendar, next - from.year)));
  };
  const onField = (field: CalendarField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    setDatesTouched(true);
    changed();
  };

  const show = (found: FieldProblem[]) => {
    setProblems(found);
    setAttempt((n) => n + 1);
  };

  const preview = async () => {
    setFailure(null);
    const found: FieldProblem[] = [];
    if (!yearValid) found.push({ fieldId: calendarFieldId('year'), message: { key: 'year.error.year' } });
    if (yearValid && cycles.some((c) => c.year === year)) found.push({ fieldId: calendarFieldId('year'), message: { key: 'year.error.exists', vars: { year } } });
    const { calendar, problems: calendarProblems } = calendarOf(form);
    found.push(...calendarProblems);
    if (found.length > 0 || !calendar) return show(found);
    setProblems([]);
    const request = { year, calendar, ...(copy && source ? { copyFrom: source.year } : {}) };
    setBusy(true);
    try {
      const answer = request.copyFrom !== undefined ? (await api<CopyPreview>('GET', `/cycles/${request.copyFrom}/copy-preview?to=${year}`)).data : undefined;
      if (answer?.exists) return show([{ fieldId: calendarFieldId('year'), message: { key: 'year.error.exists', vars: { year } } }]);
      setPreviewed({ request, preview: answer, idempotencyKey: newIdempotencyKey() });
      setTimeout(() => previewRef.current?.focus(), 0);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const open = async () => {
    if (!previewed) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await api<Opened>('POST', '/cycles', { body: previewed.request, idempotencyKey: previewed.idempotencyKey });
      setOpened(answer.data);
      setPreviewed(null);
      // The form (and the button that had focus) goes away: the answer takes the focus, and is read out.
      setTimeout(() => document.getElementById('cycle-opened')?.focus(), 0);
    } catch (error) {
      setPreviewed(null);
      if (error instanceof ApiError && error.status === 409) show([{ fieldId: calendarFieldId('year'), message: { key: 'year.error.exists', vars: { year } } }]);
      else if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) show(problemsFromApi(error.problem.errors, { year, copyFrom: previewed.request.copyFrom }));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('year.new.intro')}</p>
      {!opened && <p>{latest ? t('year.new.prefilled', { year: latest.year }) : t('year.new.none')}</p>}
      {problems.length > 0 && <ProblemList key={attempt} id="new-cycle-problems" title={t('year.error.title', { count: problems.length })} problems={problems} focusOnShow />}
      {failure !== null && <ErrorNotice error={failure} />}
      {opened && <OpenedNotice opened={opened} />}

      {/* Once the year is open the form has done its work: what was copied and where to go next stay. */}
      {!opened && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <div class="card">
            <TextField id={calendarFieldId('year')} label={fieldLabel('year')} help={t('year.field.year.help')} numeric width="short" required value={yearText} onInput={onYear} error={errorOf(calendarFieldId('year'))} />
            {source && (
              <div class={`field${errorOf(calendarFieldId('copyFrom')) ? ' field--error' : ''}`}>
                <label class="choice">
                  <input
                    type="checkbox"
                    id={calendarFieldId('copyFrom')}
                    checked={copy}
                    aria-describedby={`${calendarFieldId('copyFrom')}-help`}
                    onChange={(e) => {
                      setCopy((e.target as HTMLInputElement).checked);
                      changed();
                    }}
                  />{' '}
                  {t('year.new.copy', { year: source.year })}
                </label>
                <p class="field__help" id={`${calendarFieldId('copyFrom')}-help`}>
                  {t('year.new.copy.help', { year: source.year })}
                </p>
                {errorOf(calendarFieldId('copyFrom')) && (
                  <p class="field__error" id={`${calendarFieldId('copyFrom')}-err`}>
                    <span aria-hidden="true">✖ </span>
                    {errorOf(calendarFieldId('copyFrom'))}
                  </p>
                )}
              </div>
            )}
          </div>
          <CalendarFields form={form} onInput={onField} errorOf={errorOf} />
          <Button type="submit" variant={previewed ? 'secondary' : 'primary'} disabled={busy}>
            {t('year.new.preview')}
          </Button>
        </form>
      )}

      {previewed && (
        <section class="card" aria-labelledby="preview-title" id="copy-preview" ref={previewRef} tabIndex={-1}>
          <h2 id="preview-title">{t('year.new.previewTitle', { year: previewed.request.year })}</h2>
          <h3>{t('year.new.previewCalendar')}</h3>
          <CalendarSummary form={form} caption={t('year.new.previewCalendar')} />
          {previewed.preview ? <PreviewOfCopy preview={previewed.preview} /> : <p>{t('year.new.previewNoCopy')}</p>}
          <p>
            <Button onClick={() => void open()} disabled={busy}>
              {busy ? t('year.new.opening') : t('year.new.confirm', { year: previewed.request.year })}
            </Button>
          </p>
        </section>
      )}
    </div>
  );
}

function PreviewOfCopy({ preview }: { preview: CopyPreview }) {
  const nameOf = new Map([...preview.plans, ...preview.withoutPlan].map((b) => [b.boardId, b.name]));
  const boardLine = (board: { boardId: string; name: string; parentId: string | null }) => (
    <>
      {board.name}
      {board.parentId && <span class="muted"> {t('year.new.unitOf', { parent: nameOf.get(board.parentId) ?? board.parentId })}</span>}
    </>
  );
  return (
    <>
      <h3>{t('year.new.previewGoals')}</h3>
      <p>{preview.councilGoals.present ? t('year.new.previewGoals.present', { directionGoals: preview.councilGoals.directionGoals, areaGoals: preview.councilGoals.areaGoals, indicators: preview.councilGoals.indicators }) : t('year.new.previewGoals.none', { year: preview.from })}</p>
      <h3>{t('year.new.previewEconomy')}</h3>
      <p>{preview.reportSections > 0 ? t('year.new.previewSections.present', { count: preview.reportSections }) : t('year.new.previewSections.none', { year: preview.from })}</p>
      <h3>{t('year.new.previewPlans', { count: preview.plans.length })}</h3>
      {preview.plans.length === 0 ? (
        <p>{t('year.new.previewPlans.none', { year: preview.from })}</p>
      ) : (
        <ul class="checklist" id="preview-plans">
          {preview.plans.map((board) => (
            <li key={board.boardId}>{boardLine(board)}</li>
          ))}
        </ul>
      )}
      {preview.withoutPlan.length > 0 && (
        // Often most of the city in a first year: folded, so that the plans copied stay in view.
        <details>
          <summary>{t('year.new.previewWithout', { year: preview.from, count: preview.withoutPlan.length })}</summary>
          <ul class="checklist" id="preview-without">
            {preview.withoutPlan.map((board) => (
              <li key={board.boardId}>{boardLine(board)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function OpenedNotice({ opened }: { opened: Opened }) {
  const copied = opened.copied;
  return (
    <div id="cycle-opened" tabIndex={-1}>
      <Notice tone="success">
        <p>
          <strong>{t('year.new.done', { year: opened.year })}</strong>
        </p>
        <p>
          {copied
            ? t('year.new.done.copied', { from: copied.from, goals: copied.councilGoals ? t('year.new.done.goals') : t('year.new.done.noGoals'), plans: copied.plans })
            : t('year.new.done.nothing')}
        </p>
        <ul>
          <li>
            <a href={paths.councilGoals(opened.year)}>{t('year.new.next.goals', { year: opened.year })}</a>
          </li>
          <li>
            <a href={paths.overview(opened.year)}>{t('year.new.next.overview', { year: opened.year })}</a>
          </li>
        </ul>
      </Notice>
    </div>
  );
}

/**
 * The year's calendar (/cycles/{year}/calendar): its deadlines, reminder days and unit lead days. Before saving, the
 * office sees each reminder, period and due date that moves, old date → new date, computed with the server's own
 * functions (shared/domain/calendarMoves). Saving is PATCH /api/cycles/{year}/calendar with If-Match; everyone else
 * reads the calendar.
 */
import { useMemo, useState } from 'preact/hooks';
import { localDate } from '../../../shared/domain/calendar';
import { calendarMoves } from '../../../shared/domain/calendarMoves';
import { depthOf, directoryOf } from '../../../shared/domain/levels';
import { t } from '../i18n';
import { api, ApiError } from '../lib/api';
import { calendarOf, changedFields, problemsFromApi, toCalendarForm, type CalendarField, type CalendarForm } from '../lib/calendarForm';
import type { FieldProblem } from '../lib/forms';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Board, Cycle } from '../lib/types';
import { CalendarFields, CalendarSummary, MovesTable } from '../components/CalendarFields';
import { Button, ErrorNotice, Loading, Notice, PageTitle, ProblemList, text, useAsync } from '../components/ui';

export function CalendarPage({ year }: { year: number }) {
  const data = useAsync(async () => {
    const [cycle, boards] = await Promise.all([api<Cycle>('GET', `/cycles/${year}`), api<{ boards: Board[] }>('GET', '/boards')]);
    return { cycle: cycle.data, etag: cycle.etag, boards: boards.data.boards };
  }, [year]);
  const title = t('year.calendar.title', { year });
  // Kept here: a save reloads the cycle (its new version), and the editor starts afresh from it.
  const [saved, setSaved] = useState<number | null>(null);
  if (!data.data) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        {data.loading ? <Loading /> : <ErrorNotice error={data.error} onRetry={data.reload} />}
      </div>
    );
  }
  return (
    <CalendarEditor
      key={data.data.etag}
      {...data.data}
      title={title}
      reload={data.reload}
      saved={saved}
      onSaved={(count) => {
        setSaved(count);
        data.reload();
      }}
      onEdit={() => setSaved(null)}
    />
  );
}

function CalendarEditor(props: {
  cycle: Cycle;
  etag?: string;
  boards: Board[];
  title: string;
  reload: () => void;
  saved: number | null;
  onSaved: (moved: number) => void;
  onEdit: () => void;
}) {
  const { cycle, etag, boards, title, reload, saved, onSaved, onEdit } = props;
  const { session } = useApp();
  const year = cycle.year;
  const mayChange = may(session?.user, 'cycles.calendar.patch') && cycle.state === 'open';
  const [form, setForm] = useState<CalendarForm>(() => toCalendarForm(cycle.calendar));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);

  // The levels the city has units at: their due dates move with the unit lead days.
  const depths = useMemo(() => {
    const directory = directoryOf(boards);
    return [...new Set(boards.filter((b) => !b.archived).map((b) => depthOf(b.boardId, directory)))].filter((d) => d > 0).sort();
  }, [boards]);
  const openedOn = localDate(new Date(cycle.createdAt), cycle.calendar.timeZone);
  const draft = calendarOf(form);
  const moves = draft.calendar ? calendarMoves(cycle.calendar, draft.calendar, { openedOn, depths }) : [];
  const changes = draft.calendar ? changedFields(cycle.calendar, draft.calendar) : {};
  const errorOf = (id: string) => {
    const found = problems.find((p) => p.fieldId === id);
    return found ? text(found.message) : undefined;
  };
  const onField = (field: CalendarField, value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
    onEdit();
  };

  const save = async () => {
    setFailure(null);
    if (!draft.calendar) {
      setProblems(draft.problems);
      setAttempt((n) => n + 1);
      return;
    }
    setProblems([]);
    if (Object.keys(changes).length === 0) return;
    setBusy(true);
    try {
      await api('PATCH', `/cycles/${year}/calendar`, { body: changes, ifMatch: etag });
      onSaved(moves.length);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setFailure({ tone: 'warning', text: t('year.error.stale') });
      else if (error instanceof ApiError && error.status === 409) setFailure({ tone: 'warning', text: t('year.error.signedOff') });
      else if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setProblems(problemsFromApi(error.problem.errors));
        setAttempt((n) => n + 1);
      } else setFailure({ tone: 'error', text: t('app.error', { detail: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('year.calendar.intro')}</p>
      <p>
        <a href={paths.overview(year)}>{t('year.hub.overview', { year })}</a> · <a href={paths.cycleHistory(year)}>{t('cycleHistory.link')}</a>
      </p>
      {saved !== null && (
        <Notice tone="success" id="calendar-saved">
          <p>{t('year.calendar.saved', { count: saved })}</p>
        </Notice>
      )}
      {failure && (
        <Notice tone={failure.tone}>
          <p>{failure.text}</p>
          <Button variant="secondary" onClick={reload}>
            {t('year.calendar.reload')}
          </Button>
        </Notice>
      )}
      {!mayChange ? (
        <>
          <Notice>{cycle.state === 'signed_off' ? t('year.calendar.signedOff') : t('year.calendar.readOnly')}</Notice>
          <CalendarSummary form={form} caption={title} />
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {problems.length > 0 && <ProblemList key={attempt} id="calendar-problems" title={t('year.error.title', { count: problems.length })} problems={problems} focusOnShow />}
          <CalendarFields form={form} onInput={onField} errorOf={errorOf} />
          <section class="card" aria-labelledby="moves-title">
            <h2 id="moves-title">{t('year.calendar.moves')}</h2>
            <p aria-live="polite">{moves.length === 0 ? t('year.calendar.moves.none') : t('year.calendar.moves.count', { count: moves.length })}</p>
            {moves.length > 0 && <MovesTable moves={moves} />}
          </section>
          <Button type="submit" disabled={busy || (draft.calendar !== undefined && Object.keys(changes).length === 0)}>
            {busy ? t('app.saving') : t('year.calendar.save')}
          </Button>
        </form>
      )}
    </div>
  );
}

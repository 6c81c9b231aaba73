/**
 * The council's goals of a year (`/cycles/{year}/council-goals`): the tree of direction goals → area goals →
 * indicators. The city office edits it (rows added, moved, removed with an undo; live checks in the person's
 * language from the server's own schema and domain checks) and saves it with If-Match; everyone else reads it.
 * Once a plan of the year is approved the set is fixed: the page says so up front when the year's status says it,
 * and explains the server's refusal (409) when it happens meanwhile.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber, t, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { useUnsavedWarning } from '../lib/editor';
import {
  approvedPlans,
  fieldIdForGoalsPath,
  goalFieldId,
  goalsOf,
  moveRow,
  newArea,
  newDirection,
  newIndicator,
  placeOf,
  removeRow,
  restoreRow,
  rowOf,
  toGoalsForm,
  type AreaRow,
  type DirectionRow,
  type GoalsForm,
  type IndicatorRow,
  type Level,
  type Removed,
} from '../lib/councilGoalsForm';
import type { FieldProblem, Message } from '../lib/forms';
import { loadDirectory, type Directory } from '../lib/levels';
import { personName } from '../lib/people';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { CouncilGoals, CouncilIndicator, Cycle, StatusMatrix } from '../lib/types';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/inputs';
import { Button, ErrorNotice, FieldError, Loading, Notice, PageTitle, ProblemList, text, useAsync } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';

type Checker = typeof import('../lib/councilGoalsCheck');
interface Stored extends CouncilGoals {
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}
interface Loaded {
  goals?: Stored;
  etag: string;
}

/** Why the set can no longer be saved, from what a read tells (the cycle's state, the year's plan statuses). */
function lockReason(year: number, cycle: Pick<Cycle, 'state'> | undefined, matrix: StatusMatrix | undefined): string | undefined {
  if (cycle?.state === 'signed_off') return t('goals.readOnly.signedOff', { year });
  const { boards, units } = approvedPlans(matrix);
  if (boards.length === 0 && units === 0) return undefined;
  const who = [...boards.slice(0, 5), ...(boards.length > 5 ? [`+${boards.length - 5}`] : []), ...(units > 0 ? [t('goals.readOnly.units', { count: units })] : [])];
  return t('goals.readOnly.approved', { year, boards: who.join(', ') });
}

export function CouncilGoalsPage({ year }: { year: number }) {
  const { session } = useApp();
  const user = session?.user;
  const canEdit = may(user, 'councilGoals.put');
  const title = t('goals.title', { year });
  // The cycle first: a year without one is a single 404 that says so. Then the goals (a 404 when not loaded yet: the
  // first save sends If-Match "0"), and for the office, who alone could save, the year's status: it learns up front
  // when the set is fixed (a failed status read leaves that to the server's 409).
  const loaded = useAsync<Loaded & { cycle: Cycle; matrix?: StatusMatrix }>(async () => {
    const cycle = (await api<Cycle>('GET', `/cycles/${year}`)).data;
    const [goals, matrix] = await Promise.all([
      api<Stored>('GET', `/cycles/${year}/council-goals`).then(
        (answer) => ({ goals: answer.data, etag: answer.etag ?? `"${answer.data.version}"` }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 404 && !error.isMissingRoute) return { etag: '"0"' };
          throw error;
        },
      ),
      canEdit && cycle.state !== 'signed_off' ? api<StatusMatrix>('GET', `/cycles/${year}/status`).then((a) => a.data, () => undefined) : undefined,
    ]);
    return { ...goals, cycle, matrix };
  }, [year, canEdit]);
  const locked = canEdit && loaded.data ? lockReason(year, loaded.data.cycle, loaded.data.matrix) : undefined;
  const directory = useAsync<Directory | null>(() => loadDirectory().catch(() => null), [session?.token]);

  const data = loaded.data;
  const editable = canEdit && !locked;
  return (
    <div class="page page--wide">
      <PageTitle title={title}>{title}</PageTitle>
      <YearSwitch year={year} to={(y) => paths.councilGoals(y)} />
      <p class="lead">{t('goals.intro')}</p>
      {loaded.loading && !data && <Loading />}
      {loaded.error !== undefined && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {data && !loaded.loading && (
        <>
          {!canEdit && (
            <Notice>
              <p>{t('goals.readOnly.role')}</p>
            </Notice>
          )}
          {canEdit && locked && (
            <Notice tone="warning" id="goals-locked">
              <p>{locked}</p>
            </Notice>
          )}
          {editable ? (
            <GoalsEditor key={`${year}-${data.etag}`} year={year} initial={data} directory={directory.data ?? undefined} />
          ) : data.goals ? (
            <GoalsView goals={data.goals} directory={directory.data ?? undefined} />
          ) : (
            <p>{t('goals.notLoaded', { year })}</p>
          )}
        </>
      )}
    </div>
  );
}

// ── Reading ─────────────────────────────────────────────────────────────────
function summary(goals: { directionGoals: Array<{ areaGoals: Array<{ indicators: unknown[] }> }> }): string {
  const areas = goals.directionGoals.reduce((n, d) => n + d.areaGoals.length, 0);
  const indicators = goals.directionGoals.reduce((n, d) => n + d.areaGoals.reduce((m, a) => m + a.indicators.length, 0), 0);
  return t('goals.summary', { directions: goals.directionGoals.length, areas, indicators });
}

function GoalsView({ goals, directory }: { goals: Stored; directory?: Directory }) {
  return (
    <div class="goals-view">
      <p class="muted">
        {summary(goals)} {goals.updatedAt && t('goals.savedAt', { time: formatDate(goals.updatedAt, true), version: goals.version })}
      </p>
      {goals.directionGoals.map((d) => (
        <section key={d.id} class="goal-group" aria-labelledby={`v-${d.id}`}>
          <h2 id={`v-${d.id}`}>
            <span class="goal-id">{d.id}</span> {d.title}
          </h2>
          {d.areaGoals.map((a) => (
            <section key={a.id} class="area-group" aria-labelledby={`v-${a.id}`}>
              <h3 id={`v-${a.id}`}>
                <span class="goal-id">{a.id}</span> {a.title}
              </h3>
              {a.indicators.length === 0 && <p class="empty">{t('goals.area.none')}</p>}
              {a.indicators.map((i) => (
                <IndicatorView key={i.id} indicator={i} directory={directory} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

const rollupName = (rule: CouncilIndicator['rollup'] | '') => t(rule ? (`goals.rollup.${rule}` as Key) : 'goals.rollup.unset');

function IndicatorView({ indicator: i, directory }: { indicator: CouncilIndicator; directory?: Directory }) {
  const facts: Array<[Key, ComponentChildren]> = [
    ['goals.field.target', t('goals.view.target', { target: formatNumber(i.target), unit: i.unit, direction: t(`direction.${i.direction}.short` as Key) })],
    ['goals.boards.legend', i.boards ? i.boards.map((b) => directory?.name(b) ?? b).join(', ') : t('goals.view.boardsAll')],
    ['goals.field.rollup', `${rollupName(i.rollup ?? '')}${i.rollup === 'weighted' && i.weightBy ? ` (${i.weightBy})` : ''}`],
  ];
  if (i.definition) facts.push(['goals.field.definition', i.definition]);
  if (i.source) facts.push(['goals.field.source', i.source]);
  if (i.koladaKpi) facts.push(['goals.field.koladaKpi', i.koladaKpi]);
  return (
    <div class="indicator">
      <h4 class="indicator__name">
        <span class="goal-id">{i.id}</span> {i.name}
      </h4>
      <dl class="goals-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

// ── Editing ─────────────────────────────────────────────────────────────────
type Outcome =
  | { kind: 'saved'; version: number }
  | { kind: 'invalid' }
  | { kind: 'refused'; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'noChanges' };

interface Conflict {
  theirs: Stored;
  etag: string;
}

const rowOfField = (fieldId: string) => fieldId.split('-')[1] ?? '';

function GoalsEditor({ year, initial, directory }: { year: number; initial: Loaded; directory?: Directory }) {
  const [form, setForm] = useState<GoalsForm>(() => toGoalsForm(initial.goals));
  const [base, setBase] = useState(() => JSON.stringify(goalsOf(toGoalsForm(initial.goals))));
  const [etag, setEtag] = useState(initial.etag);
  const [savedAt, setSavedAt] = useState(initial.goals?.updatedAt);
  const [checker, setChecker] = useState<Checker | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  // Rows added here: their fields are checked once typed in, or at a save, not while still blank.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [removed, setRemoved] = useState<{ removed: Removed; what: string; count: number } | null>(null);
  const [announce, setAnnounce] = useState('');
  const refused = outcome?.kind === 'refused';

  useEffect(() => {
    let live = true;
    void import('../lib/councilGoalsCheck').then((module) => live && setChecker(module));
    return () => {
      live = false;
    };
  }, []);

  const boardIds = useMemo(() => (directory ? new Set(directory.boards.map((b) => b.boardId)) : undefined), [directory]);
  const problems = useMemo(() => checker?.checkCouncilGoals(form, boardIds).problems ?? [], [form, checker, boardIds]);
  const dirty = useMemo(() => JSON.stringify(goalsOf(form)) !== base, [form, base]);
  const shown = (fieldId: string) => attempt > 0 || !fresh.has(rowOfField(fieldId)) || [...touched].some((t) => fieldId === t || fieldId.startsWith(`${t}-`));
  const errorOf = useMemo(() => {
    const map = new Map<string, Message>();
    for (const p of [...problems, ...serverProblems]) if (!map.has(p.fieldId)) map.set(p.fieldId, p.message);
    return map;
  }, [problems, serverProblems]);
  const err = (fieldId: string) => {
    const message = errorOf.get(fieldId);
    return message && shown(fieldId) ? text(message) : undefined;
  };

  useUnsavedWarning(dirty);

  /** Changes the form; `fieldId` is the field typed in, checked live from now on. */
  const change = (edit: (draft: GoalsForm) => void, fieldId?: string) => {
    setForm((current) => {
      const draft = structuredClone(current);
      edit(draft);
      return draft;
    });
    if (fieldId && !touched.has(fieldId)) setTouched((s) => new Set([...s, fieldId]));
    setServerProblems([]);
    setOutcome((o) => (o?.kind === 'saved' || o?.kind === 'noChanges' ? null : o));
  };
  const later = (run: () => void) => setTimeout(run, 0);

  const add = (level: Level, parentKey?: string) => {
    const draft = structuredClone(form);
    let focusKey: string;
    if (level === 'direction') {
      const row = newDirection(draft);
      draft.directionGoals.push(row);
      focusKey = row.key;
    } else if (level === 'area') {
      const direction = directionIn(draft, parentKey!);
      const row = newArea(draft, direction);
      direction.areaGoals.push(row);
      focusKey = row.key;
    } else {
      const row = newIndicator(draft);
      areaIn(draft, parentKey!).indicators.push(row);
      focusKey = row.key;
    }
    setForm(draft);
    setFresh((s) => new Set([...s, focusKey]));
    later(() => document.getElementById(goalFieldId(focusKey, level === 'indicator' ? 'name' : 'title'))?.focus());
  };

  const whatOf = (level: Level, id: string) => t(`goals.what.${level}` as Key, { id: id.trim() || '–' });

  const move = (key: string, by: -1 | 1, what: string) => {
    const next = moveRow(form, key, by);
    if (next === form) return;
    setForm(next);
    const place = placeOf(next, key)!;
    const count = place.level === 'direction' ? next.directionGoals.length : (siblingCount(next, place.level, place.parentKey) ?? 0);
    setAnnounce(t('goals.moved', { what, n: place.index + 1, count }));
    // Focus stays on the moved row: on the same button, or the other one once the row reached an end.
    later(() => {
      const same = document.getElementById(goalFieldId(key, by < 0 ? 'up' : 'down')) as HTMLButtonElement | null;
      const other = document.getElementById(goalFieldId(key, by < 0 ? 'down' : 'up')) as HTMLButtonElement | null;
      (same && !same.disabled ? same : other)?.focus();
    });
  };

  const remove = (key: string, what: string, count: number) => {
    const result = removeRow(form, key);
    if (!result.removed) return;
    setForm(result.form);
    setRemoved({ removed: result.removed, what, count });
    setAnnounce('');
    later(() => document.getElementById('cg-undo')?.focus());
  };

  const undo = () => {
    if (!removed) return;
    setForm(restoreRow(form, removed.removed));
    setAnnounce(t('goals.restored', { what: removed.what }));
    const key = removed.removed.row.key;
    setRemoved(null);
    later(() => document.getElementById(goalFieldId(key, 'id'))?.focus());
  };

  async function save(ifMatch = etag) {
    setServerProblems([]);
    setConflict(null);
    setAttempt((n) => n + 1);
    const check = checker?.checkCouncilGoals(form, boardIds);
    if (check && check.problems.length > 0) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    if (!dirty && ifMatch === etag && initial.goals) {
      setOutcome({ kind: 'noChanges' });
      return;
    }
    const sent = form;
    setBusy(true);
    try {
      const answer = await api<Stored>('PUT', `/cycles/${year}/council-goals`, { body: check?.goals ?? goalsOf(sent), ifMatch });
      setEtag(answer.etag ?? `"${answer.data.version}"`);
      setBase(JSON.stringify(goalsOf(sent)));
      setSavedAt(answer.data.updatedAt);
      setAttempt(0);
      setRemoved(null);
      setOutcome({ kind: 'saved', version: answer.data.version });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone else saved: their version is read, and the person chooses; nothing typed here is lost.
        const current = await api<Stored>('GET', `/cycles/${year}/council-goals`).catch(() => undefined);
        if (current) setConflict({ theirs: current.data, etag: current.etag ?? `"${current.data.version}"` });
        else setOutcome({ kind: 'failed', detail: error.message });
      } else if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'refused', detail: error.message });
      } else if (error instanceof ApiError && error.status === 422) {
        setServerProblems((error.problem.errors ?? []).map((e) => ({ fieldId: fieldIdForGoalsPath(e.path, sent) ?? 'cg-tree', message: { text: e.message } })));
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = toGoalsForm(conflict.theirs);
    setForm(theirs);
    setBase(JSON.stringify(goalsOf(theirs)));
    setEtag(conflict.etag);
    setSavedAt(conflict.theirs.updatedAt);
    setConflict(null);
    setAttempt(0);
    setTouched(new Set());
    setFresh(new Set());
    setRemoved(null);
  };

  // The list names each problem's row ("Indikator KF-3: Fyll i fältet."): the same message can stand at many rows.
  const visibleProblems = [...problems, ...serverProblems.filter((p) => !problems.some((q) => q.fieldId === p.fieldId))].map((p) => {
    const row = rowOf(form, rowOfField(p.fieldId));
    return row ? { ...p, message: { text: `${t(`goals.${row.level}.legend` as Key, { id: row.id.trim() || '–' })}: ${text(p.message)}` } } : p;
  });
  const rowProps = { err, change, move, remove, add, whatOf, directory };

  return (
    <div class="editor goals-editor">
      {!initial.goals && (
        <Notice>
          <p>{t('goals.firstTime', { year })}</p>
        </Notice>
      )}
      {conflict && <ConflictNotice conflict={conflict} busy={busy} onOverwrite={() => void save(conflict.etag)} onTheirs={takeTheirs} />}
      {refused && (
        <div class="notice notice--error" role="alert" id="goals-refused">
          <h2>{t('goals.refused.title')}</h2>
          <p>{t('goals.refused.text', { year })}</p>
          <p>{t('goals.refused.detail', { detail: outcome.detail })}</p>
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <Notice tone="error">
          <p>{t('goals.failed', { detail: outcome.detail })}</p>
        </Notice>
      )}
      {attempt > 0 && visibleProblems.length > 0 && (
        <ProblemList key={attempt} id="cg-problems" title={t('goals.errors.title', { count: visibleProblems.length })} intro={t('goals.errors.intro')} problems={visibleProblems} focusOnShow />
      )}
      <p class="muted" id="cg-tree" tabIndex={-1}>
        {summary(form)}
      </p>
      <FieldError id="cg-tree" error={err('cg-tree')} />
      {removed && (
        <div class="notice notice--info goals-undo">
          <p>{removed.count > 0 ? t('goals.removedWith', { what: removed.what, count: removed.count }) : t('goals.removed', { what: removed.what })}</p>
          <Button variant="secondary" id="cg-undo" onClick={undo}>
            {t('goals.undo')}
          </Button>
        </div>
      )}
      <p class="visually-hidden" role="status">
        {announce}
      </p>

      {form.directionGoals.map((d, di) => (
        <DirectionEditor key={d.key} row={d} first={di === 0} last={di === form.directionGoals.length - 1} {...rowProps} />
      ))}
      <Button variant="secondary" onClick={() => add('direction')}>
        <span aria-hidden="true">+ </span>
        {t('goals.add.direction')}
      </Button>

      <div class="action-bar" role="group" aria-label={t('table.actions')}>
        <div class="action-bar__status" aria-live="polite">
          {busy
            ? t('goals.saving')
            : outcome?.kind === 'saved'
              ? t('goals.saved', { version: outcome.version })
              : outcome?.kind === 'noChanges'
                ? t('goals.noChanges')
                : dirty
                  ? t('goals.unsaved')
                  : savedAt
                    ? t('goals.savedAt', { time: formatDate(savedAt, true), version: etag.replace(/"/g, '') })
                    : ''}
        </div>
        <Button onClick={() => void save()} disabled={busy || refused || conflict !== null} aria-describedby={refused ? 'goals-refused' : undefined}>
          {t('goals.save')}
        </Button>
      </div>
    </div>
  );
}

function siblingCount(form: GoalsForm, level: Level, parentKey?: string): number | undefined {
  if (level === 'area') return form.directionGoals.find((d) => d.key === parentKey)?.areaGoals.length;
  return form.directionGoals.flatMap((d) => d.areaGoals).find((a) => a.key === parentKey)?.indicators.length;
}

function ConflictNotice({ conflict, busy, onOverwrite, onTheirs }: { conflict: Conflict; busy: boolean; onOverwrite: () => void; onTheirs: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const theirs = conflict.theirs;
  return (
    <section class="conflict" aria-labelledby="goals-conflict">
      <h2 id="goals-conflict" tabIndex={-1} ref={heading}>
        {t('goals.conflict.title')}
      </h2>
      <p>
        {t('goals.conflict.text', {
          who: theirs.updatedBy ? personName(theirs.updatedBy) : t('goals.conflict.someone'),
          version: theirs.version,
          time: formatDate(theirs.updatedAt, true),
        })}
      </p>
      <p class="muted">{summary(theirs)}</p>
      <div class="conflict__bulk">
        <Button onClick={onOverwrite} disabled={busy}>
          {t('goals.conflict.overwrite')}
        </Button>
        <Button variant="secondary" onClick={onTheirs} disabled={busy}>
          {t('goals.conflict.theirs')}
        </Button>
      </div>
    </section>
  );
}

interface RowProps {
  err: (fieldId: string) => string | undefined;
  change: (edit: (draft: GoalsForm) => void, fieldId?: string) => void;
  move: (key: string, by: -1 | 1, what: string) => void;
  remove: (key: string, what: string, count: number) => void;
  add: (level: Level, parentKey?: string) => void;
  whatOf: (level: Level, id: string) => string;
  directory?: Directory;
}

/** Finds a row of the draft by its key, to change it. */
const directionIn = (f: GoalsForm, key: string) => f.directionGoals.find((d) => d.key === key)!;
const areaIn = (f: GoalsForm, key: string) => f.directionGoals.flatMap((d) => d.areaGoals).find((a) => a.key === key)!;
const indicatorIn = (f: GoalsForm, key: string) => f.directionGoals.flatMap((d) => d.areaGoals.flatMap((a) => a.indicators)).find((i) => i.key === key)!;

function RowActions({ rowKey, what, first, last, count, props }: { rowKey: string; what: string; first: boolean; last: boolean; count: number; props: RowProps }) {
  return (
    <div class="goals-row-actions" role="group" aria-label={t('goals.rowActions', { what })}>
      <Button variant="secondary" class="button--small" id={goalFieldId(rowKey, 'up')} disabled={first} onClick={() => props.move(rowKey, -1, what)}>
        <span aria-hidden="true">↑ </span>
        {t('goals.moveUp')}
        <span class="visually-hidden"> {what}</span>
      </Button>
      <Button variant="secondary" class="button--small" id={goalFieldId(rowKey, 'down')} disabled={last} onClick={() => props.move(rowKey, 1, what)}>
        <span aria-hidden="true">↓ </span>
        {t('goals.moveDown')}
        <span class="visually-hidden"> {what}</span>
      </Button>
      <Button variant="link" class="remove-row" id={goalFieldId(rowKey, 'remove')} onClick={() => props.remove(rowKey, what, count)}>
        {t('goals.remove')}
        <span class="visually-hidden"> {what}</span>
      </Button>
    </div>
  );
}

function DirectionEditor({ row, first, last, ...props }: RowProps & { row: DirectionRow; first: boolean; last: boolean }) {
  const id = (field: string) => goalFieldId(row.key, field);
  const what = props.whatOf('direction', row.id);
  const below = row.areaGoals.reduce((n, a) => n + 1 + a.indicators.length, 0);
  return (
    <section class="goal-group goals-direction" aria-labelledby={id('heading')}>
      <h2 id={id('heading')}>
        {t('goals.direction.legend', { id: row.id.trim() || '–' })}
        {row.title.trim() && `: ${row.title.trim()}`}
      </h2>
      <div class="row-fields">
        <TextField id={id('id')} label={t('goals.field.id')} width="short" required value={row.id} onInput={(v) => props.change((f) => void (directionIn(f, row.key).id = v), id('id'))} error={props.err(id('id'))} />
        <TextField id={id('title')} class="goals-grow" label={t('goals.field.title')} required value={row.title} onInput={(v) => props.change((f) => void (directionIn(f, row.key).title = v), id('title'))} error={props.err(id('title'))} />
      </div>
      <RowActions rowKey={row.key} what={what} first={first} last={last} count={below} props={props} />
      <FieldError id={id('areaGoals')} error={props.err(id('areaGoals'))} />
      {row.areaGoals.length === 0 && <p class="empty">{t('goals.direction.none')}</p>}
      {row.areaGoals.map((a, ai) => (
        <AreaEditor key={a.key} row={a} first={ai === 0} last={ai === row.areaGoals.length - 1} {...props} />
      ))}
      <Button variant="secondary" class="button--small" onClick={() => props.add('area', row.key)}>
        <span aria-hidden="true">+ </span>
        {t('goals.add.area', { id: row.id.trim() || '–' })}
      </Button>
    </section>
  );
}

function AreaEditor({ row, first, last, ...props }: RowProps & { row: AreaRow; first: boolean; last: boolean }) {
  const id = (field: string) => goalFieldId(row.key, field);
  const what = props.whatOf('area', row.id);
  return (
    <section class="area-group goals-area" aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>
        {t('goals.area.legend', { id: row.id.trim() || '–' })}
        {row.title.trim() && `: ${row.title.trim()}`}
      </h3>
      <div class="row-fields">
        <TextField id={id('id')} label={t('goals.field.id')} width="short" required value={row.id} onInput={(v) => props.change((f) => void (areaIn(f, row.key).id = v), id('id'))} error={props.err(id('id'))} />
        <TextField id={id('title')} class="goals-grow" label={t('goals.field.title')} required value={row.title} onInput={(v) => props.change((f) => void (areaIn(f, row.key).title = v), id('title'))} error={props.err(id('title'))} />
      </div>
      <RowActions rowKey={row.key} what={what} first={first} last={last} count={row.indicators.length} props={props} />
      <FieldError id={id('indicators')} error={props.err(id('indicators'))} />
      {row.indicators.length === 0 && <p class="empty">{t('goals.area.none')}</p>}
      {row.indicators.map((i, ii) => (
        <IndicatorEditor key={i.key} row={i} first={ii === 0} last={ii === row.indicators.length - 1} {...props} />
      ))}
      <Button variant="secondary" class="button--small" onClick={() => props.add('indicator', row.key)}>
        <span aria-hidden="true">+ </span>
        {t('goals.add.indicator', { id: row.id.trim() || '–' })}
      </Button>
    </section>
  );
}

const rollupOptions = (['sum', 'mean', 'weighted', 'none'] as const).map((rule) => ({ value: rule, label: t(`goals.rollup.${rule}`) }));

function IndicatorEditor({ row, first, last, ...props }: RowProps & { row: IndicatorRow; first: boolean; last: boolean }) {
  const id = (field: string) => goalFieldId(row.key, field);
  const what = props.whatOf('indicator', row.id);
  const set = <F extends keyof IndicatorRow>(field: F) => (value: IndicatorRow[F]) => props.change((f) => void (indicatorIn(f, row.key)[field] = value), id(field));
  const field = (name: 'id' | 'name' | 'unit' | 'target' | 'source' | 'koladaKpi' | 'weightBy', extra: { width?: 'short' | 'medium' | 'long'; required?: boolean; numeric?: boolean; help?: string; class?: string } = {}) => (
    <TextField id={id(name)} label={t(`goals.field.${name}`)} value={row[name]} onInput={set(name)} error={props.err(id(name))} {...extra} />
  );
  return (
    <fieldset class="row-card goals-indicator">
      <legend>
        {t('goals.indicator.legend', { id: row.id.trim() || '–' })}
        {row.name.trim() && `: ${row.name.trim()}`}
      </legend>
      <div class="row-fields">
        {field('id', { width: 'short', required: true, help: t('goals.help.id') })}
        {field('name', { required: true, class: 'goals-grow' })}
      </div>
      <div class="row-fields">
        {field('unit', { width: 'short', required: true, help: t('goals.help.unit') })}
        <SelectField
          id={id('direction')}
          label={t('goals.field.direction')}
          options={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`direction.${d}`) }))}
          value={row.direction}
          onInput={(v) => set('direction')(v as IndicatorRow['direction'])}
          error={props.err(id('direction'))}
        />
        {field('target', { width: 'short', required: true, numeric: true, help: t('goals.help.target') })}
      </div>
      <BoardsChooser row={row} {...props} />
      <div class="row-fields">
        <SelectField
          id={id('rollup')}
          label={t('goals.field.rollup')}
          placeholder={t('goals.rollup.unset')}
          options={rollupOptions}
          value={row.rollup}
          onInput={(v) => set('rollup')(v as IndicatorRow['rollup'])}
          error={props.err(id('rollup'))}
        />
        {row.rollup === 'weighted' && field('weightBy', { width: 'medium', required: true, help: t('goals.help.weightBy') })}
      </div>
      <TextArea id={id('definition')} rows={2} label={t('goals.field.definition')} help={t('goals.help.definition')} value={row.definition} onInput={set('definition')} error={props.err(id('definition'))} />
      <div class="row-fields">
        {field('source', { width: 'long', help: t('goals.help.source'), class: 'goals-grow' })}
        {field('koladaKpi', { width: 'short', help: t('goals.help.koladaKpi') })}
      </div>
      <RowActions rowKey={row.key} what={what} first={first} last={last} count={0} props={props} />
    </fieldset>
  );
}

/**
 * Who must set a target: every board (no list), or the boards chosen. The list offers the boards at the top that are
 * not archived; units only when asked for, and whatever is chosen already (an archived board, a unit, one that is gone).
 */
function BoardsChooser({ row, ...props }: RowProps & { row: IndicatorRow }) {
  const [withUnits, setWithUnits] = useState(false);
  const id = (...more: string[]) => goalFieldId(row.key, 'boards', ...more);
  const assignId = goalFieldId(row.key, 'assign');
  const directory = props.directory;
  const chosen = new Set(row.boards);
  const offered = (directory?.boards ?? []).filter((b) => chosen.has(b.boardId) || (!b.archived && (withUnits || !b.parentId)));
  const unknown = row.boards.filter((b) => directory && !directory.byId.has(b));
  const label = (boardId: string) => {
    const board = directory?.byId.get(boardId);
    if (!board) return t('goals.boards.unknown', { board: boardId });
    if (board.archived) return t('goals.boards.archived', { name: board.name });
    if (board.parentId) return t('goals.boards.unit', { name: board.name, parent: directory!.name(board.parentId) });
    return board.name;
  };
  const toggle = (boardId: string, on: boolean) =>
    props.change((f) => {
      const indicator = indicatorIn(f, row.key);
      indicator.boards = on ? [...indicator.boards, boardId] : indicator.boards.filter((b) => b !== boardId);
    }, id());
  const listError = props.err(id());
  return (
    <div class="goals-boards">
      <RadioGroup
        id={assignId}
        name={assignId}
        legend={t('goals.boards.legend')}
        value={row.assign}
        options={[
          { value: 'all', label: t('goals.boards.all') },
          { value: 'chosen', label: t('goals.boards.chosen') },
        ]}
        onChange={(v) => props.change((f) => void (indicatorIn(f, row.key).assign = v as IndicatorRow['assign']), id())}
      />
      {row.assign === 'chosen' && (
        <fieldset class="goals-boards__list" id={id()} tabIndex={-1} aria-describedby={listError ? `${id()}-err` : undefined}>
          <legend>
            {t('goals.boards.choose')} <span class="muted">({t('goals.boards.count', { count: row.boards.length })})</span>
          </legend>
          {!directory && <p class="loading">{t('goals.boards.loading')}</p>}
          <ul class="goals-boards__options">
            {[...offered.map((b) => b.boardId), ...unknown].map((boardId) => {
              const boxId = id(boardId);
              const error = props.err(boxId);
              return (
                <li key={boardId}>
                  <label class="radio">
                    <input type="checkbox" id={boxId} checked={chosen.has(boardId)} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${boxId}-err` : undefined} onChange={(e) => toggle(boardId, (e.target as HTMLInputElement).checked)} />
                    {label(boardId)}
                  </label>
                  <FieldError id={boxId} error={error} />
                </li>
              );
            })}
          </ul>
          {directory?.boards.some((b) => b.parentId && !b.archived) && (
            <label class="radio">
              <input type="checkbox" checked={withUnits} onChange={(e) => setWithUnits((e.target as HTMLInputElement).checked)} />
              {t('goals.boards.showUnits')}
            </label>
          )}
          <FieldError id={id()} error={listError} />
        </fieldset>
      )}
    </div>
  );
}


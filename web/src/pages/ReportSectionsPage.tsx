/**
 * The sections the city asks the boards to write in their reports (`/cycles/{year}/report-sections`): a list in the
 * city's order, each with its id, title, help text (shown in the report form), the reports it belongs to (t1, t2,
 * annual), the kinds of board that write it (every kind when none is chosen) and whether it is required. The city
 * office adds, removes and moves sections with buttons (by keyboard, the moved section keeps the focus) and saves the
 * list whole with If-Match; the server's refusals (422) are shown at their fields. Everyone else reads the list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardKind } from '../../../shared/schemas/boards';
import type { ReportSections } from '../../../shared/schemas/economy';
import { formatDate, t, useLocale, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { useUnsavedWarning } from '../lib/editor';
import { personName } from '../lib/people';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Cycle } from '../lib/types';
import { boardKinds, checkRows, fieldIdForServerPath, fieldOf, maxSections, newKey, reportKinds, rowsOf, sameList, sectionOf, type Problem, type ReportKind, type Row } from '../lib/reportSectionsForm';
import { TextArea, TextField } from '../components/inputs';
import { Button, ErrorNotice, FieldError, kindName, Loading, Notice, PageTitle, ProblemList, text, useAsync } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';

interface Loaded {
  cycle: Cycle;
  sections: ReportSections;
  etag: string;
}

async function readSections(year: number): Promise<{ sections: ReportSections; etag: string }> {
  try {
    const answer = await api<ReportSections>('GET', `/cycles/${year}/report-sections`);
    return { sections: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !error.isMissingRoute) return { sections: { year, version: 0, sections: [] }, etag: '"0"' };
    throw error;
  }
}

// ── The page ────────────────────────────────────────────────────────────────
export function ReportSectionsPage({ year }: { year: number }) {
  const { session } = useApp();
  const canEdit = may(session?.user, 'reportSections.put');
  const title = t('reportSections.title', { year });
  const loaded = useAsync<Loaded>(async () => {
    const cycle = (await api<Cycle>('GET', `/cycles/${year}`)).data;
    return { cycle, ...(await readSections(year)) };
  }, [year]);
  const data = loaded.data;
  const missingRoute = loaded.error instanceof ApiError && loaded.error.isMissingRoute;
  const editable = canEdit && data?.cycle.state !== 'signed_off';
  return (
    <div class="page page--wide">
      <PageTitle title={title}>{title}</PageTitle>
      <YearSwitch year={year} to={(y) => paths.reportSections(y)} />
      <p class="lead">{t('reportSections.intro')}</p>
      {loaded.loading && !data && <Loading />}
      {missingRoute && <Notice>{t('app.notAvailable')}</Notice>}
      {loaded.error !== undefined && !missingRoute && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {data && !loaded.loading && (
        <>
          {!canEdit && (
            <Notice>
              <p>{t('reportSections.readOnly.role')}</p>
            </Notice>
          )}
          {canEdit && !editable && (
            <Notice tone="warning">
              <p>{t('reportSections.readOnly.signedOff', { year })}</p>
            </Notice>
          )}
          {editable ? <SectionsEditor key={`${year}-${data.etag}`} year={year} initial={data} /> : <SectionsView sections={data.sections} />}
        </>
      )}
    </div>
  );
}

function savedText(stored: Pick<ReportSections, 'version' | 'updatedAt' | 'updatedBy'>): string {
  if (!stored.version) return t('reportSections.neverSaved');
  return t('reportSections.savedAt', { version: stored.version, time: formatDate(stored.updatedAt, true), who: stored.updatedBy ? personName(stored.updatedBy) : '–' });
}

const kindsText = (kinds: readonly ReportKind[]) => kinds.map((kind) => kindName(kind)).join(', ');
const boardKindsText = (kinds: readonly BoardKind[] | undefined) => (kinds?.length ? kinds.map((kind) => t(`org.kind.${kind}` as Key)).join(', ') : t('reportSections.boardKinds.all'));

function SectionsView({ sections }: { sections: ReportSections }) {
  return (
    <>
      <p class="muted">{savedText(sections)}</p>
      {sections.sections.length === 0 ? (
        <p>{t('reportSections.none')}</p>
      ) : (
        <ol class="sections-list">
          {sections.sections.map((s) => (
            <li key={s.id} class="card">
              <h2>
                <span class="goal-id">{s.id}</span> {s.title}
                {s.required && <span class="badge"> {t('reportSections.requiredBadge')}</span>}
              </h2>
              {s.help && <p>{s.help}</p>}
              <dl class="goals-facts">
                <div>
                  <dt>{t('reportSections.field.kinds')}</dt>
                  <dd>{kindsText(s.kinds)}</dd>
                </div>
                <div>
                  <dt>{t('reportSections.field.boardKinds')}</dt>
                  <dd>{boardKindsText(s.boardKinds)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

type Outcome = { kind: 'saved'; version: number } | { kind: 'invalid' } | { kind: 'refused'; detail: string } | { kind: 'failed'; detail: string } | { kind: 'noChanges' };

function SectionsEditor({ year, initial }: { year: number; initial: Loaded }) {
  useLocale();
  const [rows, setRows] = useState<Row[]>(() => rowsOf(initial.sections.sections));
  const [stored, setStored] = useState(initial.sections);
  const [etag, setEtag] = useState(initial.etag);
  const [base, setBase] = useState(() => sameList(rowsOf(initial.sections.sections)));
  const [attempt, setAttempt] = useState(0);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<{ theirs: ReportSections; etag: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [announce, setAnnounce] = useState('');
  const dirty = sameList(rows) !== base;
  useUnsavedWarning(dirty);

  const local = checkRows(rows);
  const shownProblems = [...(attempt > 0 ? local : []), ...serverProblems.filter((p) => !(attempt > 0 && local.some((q) => q.fieldId === p.fieldId)))];
  const errorAt = (fieldId: string) => {
    const problem = shownProblems.find((p) => p.fieldId === fieldId);
    return problem ? text(problem.atField ?? problem.message) : undefined;
  };
  const later = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const nameOf = (row: Row, i: number) => row.title.trim() || row.id.trim() || t('reportSections.unnamed', { n: i + 1 });

  const change = (key: string, edit: (row: Row) => Row, fieldId?: string) => {
    setRows((current) => current.map((row) => (row.key === key ? edit(row) : row)));
    if (fieldId) setServerProblems((current) => current.filter((p) => p.fieldId !== fieldId));
    if (outcome?.kind !== 'invalid') setOutcome(null);
  };
  const add = () => {
    const row: Row = { key: newKey(), id: '', title: '', help: '', kinds: ['annual'], boardKinds: [], required: false };
    setRows((current) => [...current, row]);
    setAnnounce(t('reportSections.added', { n: rows.length + 1 }));
    later(fieldOf(row.key, 'id'));
  };
  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= rows.length) return;
    const row = rows[index]!;
    const next = [...rows];
    next.splice(index, 1);
    next.splice(to, 0, row);
    setRows(next);
    setAnnounce(t('reportSections.moved', { what: nameOf(row, index), n: to + 1, count: rows.length }));
    // The focus stays on the moved section's button; at the end of the list, on the other one.
    const edge = (by === -1 && to === 0) || (by === 1 && to === rows.length - 1);
    later(fieldOf(row.key, edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'));
  };
  const remove = (index: number) => {
    const row = rows[index]!;
    const next = rows.filter((r) => r.key !== row.key);
    setRows(next);
    setServerProblems((current) => current.filter((p) => !p.fieldId.startsWith(`rs-${row.key}-`)));
    setAnnounce(t('reportSections.removed', { what: nameOf(row, index) }));
    const neighbour = next[index] ?? next[index - 1];
    later(neighbour ? fieldOf(neighbour.key, 'heading') : 'rs-add');
  };

  async function save(ifMatch = etag) {
    setServerProblems([]);
    setConflict(null);
    setAttempt((n) => n + 1);
    if (local.length > 0) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    if (!dirty && ifMatch === etag && stored.version > 0) {
      setOutcome({ kind: 'noChanges' });
      return;
    }
    const sent = rows;
    setBusy(true);
    try {
      const answer = await api<ReportSections>('PUT', `/cycles/${year}/report-sections`, { body: { sections: sent.map(sectionOf) }, ifMatch });
      setEtag(answer.etag ?? `"${answer.data.version}"`);
      setStored(answer.data);
      setBase(sameList(sent));
      setAttempt(0);
      setOutcome({ kind: 'saved', version: answer.data.version });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const current = await readSections(year).catch(() => undefined);
        if (current) setConflict({ theirs: current.sections, etag: current.etag });
        else setOutcome({ kind: 'failed', detail: error.message });
      } else if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'refused', detail: error.message });
      } else if (error instanceof ApiError && error.status === 422) {
        const found = (error.problem.errors ?? []).map((e) => ({ fieldId: fieldIdForServerPath(e.path, sent), message: { text: e.message } }));
        setServerProblems(found.length ? found : [{ fieldId: 'rs-list', message: { text: error.message } }]);
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  }

  const keepMine = () => {
    if (!conflict) return;
    setStored(conflict.theirs);
    setEtag(conflict.etag);
    setBase(sameList(rowsOf(conflict.theirs.sections)));
    setConflict(null);
    setOutcome(null);
    setAnnounce(t('reportSections.conflict.kept', { version: conflict.theirs.version }));
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = rowsOf(conflict.theirs.sections);
    setRows(theirs);
    setStored(conflict.theirs);
    setEtag(conflict.etag);
    setBase(sameList(theirs));
    setConflict(null);
    setOutcome(null);
    setAttempt(0);
    setAnnounce(t('reportSections.conflict.taken', { version: conflict.theirs.version }));
  };

  const refused = outcome?.kind === 'refused';
  const full = rows.length >= maxSections;
  return (
    <div class="editor sections-editor">
      <p class="muted">{savedText(stored)}</p>
      {conflict && <ConflictNotice theirs={conflict.theirs} busy={busy} onKeepMine={keepMine} onTheirs={takeTheirs} />}
      {refused && (
        <div class="notice notice--error" role="alert" id="rs-refused">
          <p>{t('reportSections.refused', { year, detail: outcome.detail })}</p>
        </div>
      )}
      {outcome?.kind === 'failed' && (
        <Notice tone="error">
          <p>{t('app.error', { detail: outcome.detail })}</p>
        </Notice>
      )}
      {attempt > 0 && shownProblems.length > 0 && (
        <ProblemList key={attempt} id="rs-problems" title={t('reportSections.errors.title', { count: shownProblems.length })} problems={shownProblems} focusOnShow />
      )}
      <p class="visually-hidden" role="status">
        {announce}
      </p>
      <p id="rs-list" tabIndex={-1}>
        {rows.length === 0 ? t('reportSections.none') : t('reportSections.count', { count: rows.length })}
      </p>
      <FieldError id="rs-list" error={errorAt('rs-list')} />
      <ol class="sections-list">
        {rows.map((row, i) => (
          <li key={row.key}>
            <SectionEditor row={row} index={i} count={rows.length} name={nameOf(row, i)} errorAt={errorAt} change={change} move={move} remove={remove} />
          </li>
        ))}
      </ol>
      <Button variant="secondary" id="rs-add" onClick={add} disabled={full}>
        <span aria-hidden="true">+ </span>
        {t('reportSections.add')}
      </Button>
      {full && <p class="muted">{t('reportSections.full', { max: maxSections })}</p>}
      <div class="action-bar" role="group" aria-label={t('table.actions')}>
        <div class="action-bar__status" aria-live="polite">
          {busy
            ? t('app.saving')
            : outcome?.kind === 'saved'
              ? t('reportSections.saved', { version: outcome.version })
              : outcome?.kind === 'noChanges'
                ? t('reportSections.noChanges')
                : dirty
                  ? t('reportSections.unsaved')
                  : ''}
        </div>
        <Button id="rs-save" onClick={() => void save()} disabled={busy || refused || conflict !== null}>
          {t('reportSections.save')}
        </Button>
      </div>
    </div>
  );
}

interface SectionProps {
  row: Row;
  index: number;
  count: number;
  name: string;
  errorAt: (fieldId: string) => string | undefined;
  change: (key: string, edit: (row: Row) => Row, fieldId?: string) => void;
  move: (index: number, by: -1 | 1) => void;
  remove: (index: number) => void;
}

function SectionEditor({ row, index, count, name, errorAt, change, move, remove }: SectionProps) {
  const id = (field: string) => fieldOf(row.key, field);
  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));
  const kindsError = errorAt(id('kinds'));
  const boardKindsError = errorAt(id('boardKinds'));
  return (
    <section class="row-card section-card" aria-labelledby={id('heading')}>
      <h2 id={id('heading')} tabIndex={-1}>
        {t('reportSections.legend', { n: index + 1 })}
        {row.title.trim() && `: ${row.title.trim()}`}
      </h2>
      <div class="row-fields">
        <TextField id={id('id')} label={t('reportSections.field.id')} help={t('reportSections.help.id')} width="short" required value={row.id} onInput={(v) => change(row.key, (r) => ({ ...r, id: v }), id('id'))} error={errorAt(id('id'))} />
        <TextField id={id('title')} class="goals-grow" label={t('reportSections.field.title')} required value={row.title} onInput={(v) => change(row.key, (r) => ({ ...r, title: v }), id('title'))} error={errorAt(id('title'))} />
      </div>
      <TextArea id={id('help')} rows={2} label={t('reportSections.field.help')} help={t('reportSections.help.help')} value={row.help} onInput={(v) => change(row.key, (r) => ({ ...r, help: v }), id('help'))} error={errorAt(id('help'))} />
      <div class="row-fields">
        <fieldset class={`checkbox-group${kindsError ? ' field--error' : ''}`} id={id('kinds')} tabIndex={-1} aria-describedby={kindsError ? `${id('kinds')}-err` : undefined}>
          <legend>
            {t('reportSections.field.kinds')} <span class="required">({t('doc.required')})</span>
          </legend>
          {reportKinds.map((kind) => (
            <label class="radio" key={kind}>
              <input type="checkbox" id={id(`kind-${kind}`)} checked={row.kinds.includes(kind)} onChange={(e) => change(row.key, (r) => ({ ...r, kinds: toggle(r.kinds, kind, (e.target as HTMLInputElement).checked) }), id('kinds'))} />
              {kindName(kind)}
            </label>
          ))}
          <FieldError id={id('kinds')} error={kindsError} />
        </fieldset>
        <fieldset class={`checkbox-group${boardKindsError ? ' field--error' : ''}`} id={id('boardKinds')} tabIndex={-1} aria-describedby={[`${id('boardKinds')}-help`, boardKindsError && `${id('boardKinds')}-err`].filter(Boolean).join(' ')}>
          <legend>{t('reportSections.field.boardKinds')}</legend>
          <p class="field__help" id={`${id('boardKinds')}-help`}>
            {t('reportSections.help.boardKinds')}
          </p>
          {boardKinds.map((kind) => (
            <label class="radio" key={kind}>
              <input
                type="checkbox"
                id={id(`board-${kind}`)}
                checked={row.boardKinds.includes(kind)}
                onChange={(e) => change(row.key, (r) => ({ ...r, boardKinds: toggle(r.boardKinds, kind, (e.target as HTMLInputElement).checked) }), id('boardKinds'))}
              />
              {t(`org.kind.${kind}` as Key)}
            </label>
          ))}
          <FieldError id={id('boardKinds')} error={boardKindsError} />
        </fieldset>
      </div>
      <label class="radio">
        <input type="checkbox" id={id('required')} checked={row.required} onChange={(e) => change(row.key, (r) => ({ ...r, required: (e.target as HTMLInputElement).checked }), id('required'))} />
        {t('reportSections.field.required')}
      </label>
      <FieldError id={id('required')} error={errorAt(id('required'))} />
      <div class="goals-row-actions" role="group" aria-label={t('reportSections.rowActions', { what: name })}>
        <Button variant="secondary" class="button--small" id={id('up')} disabled={index === 0} onClick={() => move(index, -1)}>
          <span aria-hidden="true">↑ </span>
          {t('reportSections.moveUp')}
          <span class="visually-hidden"> {name}</span>
        </Button>
        <Button variant="secondary" class="button--small" id={id('down')} disabled={index === count - 1} onClick={() => move(index, 1)}>
          <span aria-hidden="true">↓ </span>
          {t('reportSections.moveDown')}
          <span class="visually-hidden"> {name}</span>
        </Button>
        <Button variant="link" class="remove-row" id={id('remove')} onClick={() => remove(index)}>
          {t('reportSections.remove')}
          <span class="visually-hidden"> {name}</span>
        </Button>
      </div>
    </section>
  );
}

function ConflictNotice({ theirs, busy, onKeepMine, onTheirs }: { theirs: ReportSections; busy: boolean; onKeepMine: () => void; onTheirs: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="conflict" aria-labelledby="rs-conflict">
      <h2 id="rs-conflict" tabIndex={-1} ref={heading}>
        {t('reportSections.conflict.title')}
      </h2>
      <p>
        {t('reportSections.conflict.text', {
          who: theirs.updatedBy ? personName(theirs.updatedBy) : t('reportSections.conflict.someone'),
          version: theirs.version,
          time: formatDate(theirs.updatedAt, true),
          count: theirs.sections.length,
        })}
      </p>
      <div class="conflict__bulk">
        <Button onClick={onKeepMine} disabled={busy}>
          {t('reportSections.conflict.keepMine')}
        </Button>
        <Button variant="secondary" onClick={onTheirs} disabled={busy}>
          {t('reportSections.conflict.theirs')}
        </Button>
      </div>
    </section>
  );
}

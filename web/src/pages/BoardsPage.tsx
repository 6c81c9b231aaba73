/**
 * The organisation (`/admin/boards`): the boards as a tree (top-level boards and companies, their units below,
 * archived ones marked and filterable), and a form to create, change, archive, take out of the archive or delete one.
 * Every change goes through PUT /api/boards/{boardId} with If-Match (the version read; "0" to create), so a change made
 * meanwhile is refused rather than overwritten. Bad input is checked by the rules of the server's schema before sending
 * (the bundle carries no zod), and the server's 422 is mapped to the same fields, in the person's language; nothing changes on error. Delete is offered
 * only where GET …/deletion says it can succeed; otherwise the page says why (documents: archive; named in council
 * goals: take it out of them; units: move them).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BoardBody, BoardDeletion } from '../../../shared/schemas/boards';
import { childrenIndex, descendantsOf, directoryOf } from '../../../shared/domain/levels';
import { formatNumber, t, type Key } from '../i18n';
import { api, ApiError, type FieldProblem as ApiFieldProblem } from '../lib/api';
import { forgetDirectory } from '../lib/levels';
import { may } from '../lib/policy';
import { useApp } from '../lib/session';
import type { Board, BoardKind } from '../lib/types';
import type { FieldProblem, Message } from '../lib/forms';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/inputs';
import { Button, ErrorNotice, focusField, Loading, Notice, PageTitle, ProblemList, text, useAsync } from '../components/ui';

type Stored = Board & { version?: number };

interface AttributeRow {
  name: string;
  value: string;
}

interface BoardForm {
  boardId: string;
  name: string;
  kind: BoardKind;
  parentId: string;
  contacts: string;
  locale: 'sv' | 'en';
  attributes: AttributeRow[];
}

type Editing = { mode: 'new'; parentId?: string } | { mode: 'edit'; boardId: string };

const ids = {
  id: 'org-id',
  name: 'org-name',
  kind: 'org-kind',
  parent: 'org-parent',
  contacts: 'org-contacts',
  locale: 'org-locale',
  attrName: (i: number) => `org-attr-${i}-name`,
  attrValue: (i: number) => `org-attr-${i}-value`,
  attrs: 'org-attrs',
};

/** As shared/schemas/boards (boardKinds, boardIdSchema, the contacts and attributes), which the bundle does not import. */
const boardKinds: readonly BoardKind[] = ['district', 'specialist', 'company', 'unit'];
const boardIdPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const attributeNamePattern = /^[a-z][a-zA-Z0-9]{0,31}$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const kindName = (kind: BoardKind) => t(`org.kind.${kind}` as Key);

function emptyForm(parent?: Stored): BoardForm {
  return { boardId: '', name: '', kind: parent ? 'unit' : 'district', parentId: parent?.boardId ?? '', contacts: '', locale: 'sv', attributes: [] };
}

function formOf(board: Stored): BoardForm {
  return {
    boardId: board.boardId,
    name: board.name,
    kind: board.kind,
    parentId: board.parentId ?? '',
    contacts: board.contacts.join('\n'),
    locale: board.locale ?? 'sv',
    attributes: Object.entries(board.attributes ?? {}).map(([name, value]) => ({ name, value: formatNumber(value, { useGrouping: false }) })),
  };
}

/** The body a stored board is saved again with (archiving it, taking it out of the archive). */
function bodyOf(board: Stored, archived: boolean): BoardBody {
  return {
    name: board.name,
    kind: board.kind,
    contacts: board.contacts,
    ...(board.locale ? { locale: board.locale } : {}),
    parentId: board.parentId ?? null,
    ...(board.attributes ? { attributes: board.attributes } : {}),
    archived,
  };
}

const numberOf = (typed: string): number => (typed.trim() === '' ? Number.NaN : Number(typed.trim().replace(/\s/g, '').replace(',', '.')));

/**
 * The problem an `errors[].path` of the schema (or of the server's 422, `body.` in front) names, as a field of this
 * form and a message in the person's language; the server's own words only where the page has none.
 */
function problemOf(path: string, message: string, form: BoardForm, contacts: string[]): FieldProblem {
  const [field, index] = path.replace(/^body\.?/, '').split('.');
  if (field === 'name') return { fieldId: ids.name, message: { key: 'org.error.name' } };
  if (field === 'contacts') {
    if (index === undefined) return { fieldId: ids.contacts, message: { key: /most/.test(message) ? 'org.error.contactsMax' : 'org.error.contactsMin' } };
    const value = contacts[Number(index)] ?? '';
    return { fieldId: ids.contacts, message: { key: /already listed/.test(message) ? 'org.error.duplicate' : 'org.error.email', vars: { value } } };
  }
  if (field === 'parentId') {
    const key: Key = /archived/.test(message)
      ? 'org.error.parentArchived'
      : /loop|itself/.test(message)
        ? 'org.error.parentLoop'
        : /levels/.test(message)
          ? 'org.error.parentLevels'
          : /no board/.test(message)
            ? 'org.error.parentUnknown'
            : 'org.error.parentRequired';
    return { fieldId: ids.parent, message: { key } };
  }
  if (field === 'attributes') {
    const row = form.attributes.findIndex((a) => a.name.trim() === index);
    if (row >= 0) return { fieldId: ids.attrValue(row), message: { key: 'org.error.attrValue' } };
    return { fieldId: form.attributes.length ? ids.attrName(0) : ids.attrs, message: { key: /at most/.test(message) ? 'org.error.attrMax' : 'org.error.attrName' } };
  }
  if (field === 'boardId') return { fieldId: ids.id, message: { key: 'org.error.id' } };
  return { fieldId: ids.name, message: { key: 'org.error.other', vars: { detail: message } } };
}

/** The form as the PUT body, or the problems to fix first (the rules of the server's schema, with messages of this page). */
function bodyFrom(form: BoardForm, creating: boolean, taken: ReadonlySet<string>): { body?: BoardBody; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const boardId = form.boardId.trim();
  if (creating) {
    if (!boardIdPattern.test(boardId)) problems.push({ fieldId: ids.id, message: { key: 'org.error.id' } });
    else if (taken.has(boardId)) problems.push({ fieldId: ids.id, message: { key: 'org.error.idTaken', vars: { id: boardId } } });
  }
  const name = form.name.trim();
  if (!name || name.length > 200) problems.push({ fieldId: ids.name, message: { key: 'org.error.name' } });
  if (form.kind === 'unit' && !form.parentId) problems.push({ fieldId: ids.parent, message: { key: 'org.error.parentRequired' } });
  const contacts = form.contacts
    .split(/[\n,;]+/)
    .map((c) => c.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  const contactProblem = contacts
    .map((value): Message | undefined => {
      if (!emailPattern.test(value) || value.length > 254) return { key: 'org.error.email', vars: { value } };
      if (seen.has(value.toLowerCase())) return { key: 'org.error.duplicate', vars: { value } };
      seen.add(value.toLowerCase());
      return undefined;
    })
    .find(Boolean);
  if (contactProblem) problems.push({ fieldId: ids.contacts, message: contactProblem });
  else if (contacts.length === 0) problems.push({ fieldId: ids.contacts, message: { key: 'org.error.contactsMin' } });
  else if (contacts.length > 20) problems.push({ fieldId: ids.contacts, message: { key: 'org.error.contactsMax' } });
  const attributes: Record<string, number> = {};
  form.attributes.forEach((row, i) => {
    const attribute = row.name.trim();
    if (!attributeNamePattern.test(attribute)) problems.push({ fieldId: ids.attrName(i), message: { key: 'org.error.attrName' } });
    else if (attribute in attributes) problems.push({ fieldId: ids.attrName(i), message: { key: 'org.error.attrDuplicate', vars: { value: attribute } } });
    const value = numberOf(row.value);
    if (!Number.isFinite(value) || value < 0 || value > Number.MAX_SAFE_INTEGER) problems.push({ fieldId: ids.attrValue(i), message: { key: 'org.error.attrValue' } });
    if (attributeNamePattern.test(attribute)) attributes[attribute] = value;
  });
  if (form.attributes.length > 20) problems.push({ fieldId: ids.attrs, message: { key: 'org.error.attrMax' } });
  if (problems.length > 0) return { problems };
  return {
    body: { name, kind: form.kind, contacts, locale: form.locale, parentId: form.parentId || null, ...(form.attributes.length ? { attributes } : {}) },
    problems: [],
  };
}

export function BoardsPage() {
  const { session } = useApp();
  const user = session?.user;
  const boards = useAsync(() => api<{ boards: Stored[] }>('GET', '/boards').then((a) => a.data.boards), [session?.token]);
  const [showArchived, setShowArchived] = useState(true);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const title = t('org.title');

  if (!may(user, 'boards.put')) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        <Notice tone="warning">
          <p>{t('org.forbidden')}</p>
        </Notice>
      </div>
    );
  }

  const list = boards.data ?? [];
  const byId = new Map(list.map((b) => [b.boardId, b]));
  const children = new Map<string, Stored[]>();
  for (const board of list) {
    const parent = board.parentId && byId.has(board.parentId) ? board.parentId : '';
    children.set(parent, [...(children.get(parent) ?? []), board]);
  }
  for (const rows of children.values()) rows.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const visible = (board: Stored) => showArchived || !board.archived;
  const countShown = (parent: string): number =>
    (children.get(parent) ?? []).filter(visible).reduce((sum, board) => sum + 1 + countShown(board.boardId), 0);

  const finished = (message: string) => {
    forgetDirectory();
    setEditing(null);
    setDone(message);
    boards.reload();
    setTimeout(() => doneRef.current?.focus(), 0);
  };
  const open = (next: Editing) => {
    setDone(null);
    setEditing(next);
    setTimeout(() => document.getElementById('org-form-title')?.focus(), 0);
  };

  const node = (board: Stored) => {
    const units = (children.get(board.boardId) ?? []).filter(visible);
    const headingId = `org-node-${board.boardId}`;
    return (
      <li key={board.boardId}>
        <div class="org-node">
          <span id={headingId} class="org-node__name">
            {board.name}
          </span>{' '}
          <span class="muted">
            ({board.boardId}, {kindName(board.kind)}
            {board.attributes && Object.keys(board.attributes).length > 0 &&
              `, ${Object.entries(board.attributes)
                .map(([name, value]) => `${name} ${formatNumber(value)}`)
                .join(', ')}`}
            )
          </span>{' '}
          {board.archived && <span class="badge badge--not_started">{t('org.archivedBadge')}</span>}{' '}
          <Button variant="link" onClick={() => open({ mode: 'edit', boardId: board.boardId })}>
            {t('org.edit', { name: board.name })}
          </Button>
          {!board.archived && (
            <>
              {' · '}
              <Button variant="link" onClick={() => open({ mode: 'new', parentId: board.boardId })}>
                {t('org.addUnit', { name: board.name })}
              </Button>
            </>
          )}
        </div>
        {units.length > 0 && <ul aria-label={t('org.tree.units', { name: board.name })}>{units.map(node)}</ul>}
      </li>
    );
  };

  const top = (children.get('') ?? []).filter(visible);
  const editedBoard = editing?.mode === 'edit' ? byId.get(editing.boardId) : undefined;
  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('org.intro')}</p>
      <Notice>
        <p>{t('org.archiveRule')}</p>
      </Notice>
      <div aria-live="polite" tabIndex={-1} ref={doneRef}>
        {done && (
          <Notice tone="success">
            <p>{done}</p>
          </Notice>
        )}
      </div>
      {boards.loading && !boards.data && <Loading />}
      {boards.error !== undefined && <ErrorNotice error={boards.error} onRetry={boards.reload} />}
      {boards.data && (
        <div class="org-layout">
          {editing && (editing.mode === 'new' || editedBoard) && (
            <BoardEditor
              key={editing.mode === 'edit' ? `edit-${editing.boardId}` : `new-${editing.parentId ?? ''}`}
              editing={editing}
              board={editedBoard}
              boards={list}
              mayDelete={may(user, 'boards.delete')}
              onDone={finished}
              onCancel={() => setEditing(null)}
              onStale={() => {
                forgetDirectory();
                boards.reload();
              }}
            />
          )}
          <section class="card" aria-labelledby="org-tree-title">
            <h2 id="org-tree-title">{t('org.tree.title')}</h2>
            <div class="action-bar action-bar--inline">
              <Button onClick={() => open({ mode: 'new' })}>{t('org.new')}</Button>
              <label class="filter__option">
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived((e.target as HTMLInputElement).checked)} />
                {t('org.showArchived')}
              </label>
            </div>
            <p class="muted" aria-live="polite">
              {t('org.tree.shown', { shown: countShown(''), total: list.length })}
            </p>
            {list.length === 0 ? <p class="empty">{t('org.tree.empty')}</p> : <ul class="org-tree">{top.map(node)}</ul>}
          </section>
        </div>
      )}
    </div>
  );
}

function BoardEditor({
  editing,
  board,
  boards,
  mayDelete,
  onDone,
  onCancel,
  onStale,
}: {
  editing: Editing;
  board?: Stored;
  boards: Stored[];
  mayDelete: boolean;
  onDone: (message: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const creating = editing.mode === 'new';
  const parentOfNew = editing.mode === 'new' && editing.parentId ? boards.find((b) => b.boardId === editing.parentId) : undefined;
  const [form, setForm] = useState<BoardForm>(() => (board ? formOf(board) : emptyForm(parentOfNew)));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = (patch: Partial<BoardForm>) => setForm((f) => ({ ...f, ...patch }));
  const errorOf = (id: string) => {
    const found = problems.find((p) => p.fieldId === id);
    return found ? text(found.message) : undefined;
  };

  // A board cannot sit below itself, one of its own units or an archived board (the server says so too).
  const levels = directoryOf(boards.map((b) => ({ boardId: b.boardId, parentId: b.parentId ?? null })));
  const own = board ? new Set([board.boardId, ...descendantsOf(board.boardId, childrenIndex(levels))]) : new Set<string>();
  const parents = boards
    .filter((b) => !own.has(b.boardId) && (!b.archived || b.boardId === form.parentId))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((b) => ({ value: b.boardId, label: `${b.name} (${b.boardId})` }));
  const heading = board
    ? t('org.form.editTitle', { name: board.name })
    : parentOfNew
      ? t('org.form.newUnitTitle', { name: parentOfNew.name })
      : t('org.form.newTitle');

  const send = async (boardId: string, body: BoardBody, version: number, success: string) => {
    setBusy(true);
    setFailure(null);
    try {
      await api('PUT', `/boards/${encodeURIComponent(boardId)}`, { body, ifMatch: `"${version}"` });
      onDone(success);
    } catch (error) {
      const contacts = body.contacts;
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setProblems(error.problem.errors.map((e: ApiFieldProblem) => problemOf(e.path, e.message, form, contacts)));
        setAttempt((n) => n + 1);
      } else if (error instanceof ApiError && error.status === 412 && creating) {
        setProblems([{ fieldId: ids.id, message: { key: 'org.error.idTaken', vars: { id: boardId } } }]);
        setAttempt((n) => n + 1);
        onStale();
      } else if (error instanceof ApiError && error.status === 412) {
        setFailure(t('org.error.changed', { name: board?.name ?? boardId }));
        onStale();
      } else {
        setFailure(t('org.error.other', { detail: error instanceof Error ? error.message : String(error) }));
      }
    } finally {
      setBusy(false);
    }
  };

  const save = (event: Event) => {
    event.preventDefault();
    const { body, problems: found } = bodyFrom(form, creating, new Set(boards.map((b) => b.boardId)));
    setProblems(found);
    setAttempt((n) => n + 1);
    if (!body) return;
    const boardId = creating ? form.boardId.trim() : board!.boardId;
    // Saving keeps the archive flag as it is: archiving is its own button.
    const full: BoardBody = { ...body, ...(board?.archived ? { archived: true } : {}) };
    void send(boardId, full, board?.version ?? 0, t(creating ? 'org.created' : 'org.saved', { name: body.name }));
  };

  return (
    <section class="card" aria-labelledby="org-form-title">
      <h2 id="org-form-title" tabIndex={-1}>
        {heading}
      </h2>
      {board?.archived && (
        <p>
          <span class="badge badge--not_started">{t('org.archivedBadge')}</span> {t('org.archiveRule')}
        </p>
      )}
      {problems.length > 0 && <ProblemList key={attempt} id="org-problems" title={t('org.errors.title')} problems={problems} focusOnShow />}
      {failure && (
        <Notice tone="error">
          <p>{failure}</p>
        </Notice>
      )}
      <form onSubmit={save} noValidate>
        {creating && (
          <TextField id={ids.id} label={t('org.field.id')} help={t('org.field.id.help')} value={form.boardId} onInput={(v) => set({ boardId: v })} error={errorOf(ids.id)} required width="medium" />
        )}
        <TextField id={ids.name} label={t('org.field.name')} value={form.name} onInput={(v) => set({ name: v })} error={errorOf(ids.name)} required />
        <SelectField
          id={ids.kind}
          label={t('org.field.kind')}
          value={form.kind}
          onInput={(v) => set({ kind: v as BoardKind })}
          options={boardKinds.map((kind) => ({ value: kind, label: kindName(kind) }))}
        />
        <SelectField
          id={ids.parent}
          label={t('org.field.parent')}
          help={t('org.field.parent.help')}
          value={form.parentId}
          onInput={(v) => set({ parentId: v })}
          placeholder={t('org.field.parent.none')}
          options={parents}
          error={errorOf(ids.parent)}
          required={form.kind === 'unit'}
        />
        <TextArea id={ids.contacts} label={t('org.field.contacts')} help={t('org.field.contacts.help')} value={form.contacts} onInput={(v) => set({ contacts: v })} error={errorOf(ids.contacts)} required rows={3} />
        <RadioGroup
          id={ids.locale}
          legend={t('org.field.locale')}
          name="org-locale"
          value={form.locale}
          onChange={(v) => set({ locale: v as 'sv' | 'en' })}
          options={[
            { value: 'sv', label: t('org.locale.sv') },
            { value: 'en', label: t('org.locale.en') },
          ]}
        />
        <fieldset class="row-card" id={ids.attrs} tabIndex={-1}>
          <legend>{t('org.attrs.title')}</legend>
          <p class="field__help">{t('org.attrs.intro')}</p>
          {form.attributes.length === 0 && <p class="empty">{t('org.attrs.empty')}</p>}
          {form.attributes.map((row, i) => (
            <div class="row-fields" key={i}>
              <TextField
                id={ids.attrName(i)}
                label={t('org.attr.name', { n: i + 1 })}
                value={row.name}
                width="medium"
                onInput={(v) => set({ attributes: form.attributes.map((a, j) => (j === i ? { ...a, name: v } : a)) })}
                error={errorOf(ids.attrName(i))}
              />
              <TextField
                id={ids.attrValue(i)}
                label={t('org.attr.value', { n: i + 1 })}
                value={row.value}
                numeric
                width="short"
                onInput={(v) => set({ attributes: form.attributes.map((a, j) => (j === i ? { ...a, value: v } : a)) })}
                error={errorOf(ids.attrValue(i))}
              />
              <Button variant="secondary" class="remove-row" onClick={() => set({ attributes: form.attributes.filter((_, j) => j !== i) })}>
                {t('org.attr.remove', { n: i + 1 })}
              </Button>
            </div>
          ))}
          <Button
            variant="secondary"
            onClick={() => {
              set({ attributes: [...form.attributes, { name: '', value: '' }] });
              setTimeout(() => focusField(ids.attrName(form.attributes.length)), 0);
            }}
          >
            {t('org.attr.add')}
          </Button>
        </fieldset>
        <div class="action-bar action-bar--inline">
          <button type="submit" class="button button--primary" disabled={busy}>
            {t(creating ? 'org.create' : 'org.save')}
          </button>
          <Button variant="secondary" onClick={onCancel}>
            {t('org.cancel')}
          </Button>
          {busy && <span role="status">{t('org.saving')}</span>}
        </div>
      </form>
      {board && (
        <div class="action-bar action-bar--inline">
          {board.archived ? (
            <Button variant="secondary" disabled={busy} onClick={() => void send(board.boardId, bodyOf(board, false), board.version ?? 0, t('org.restoredDone', { name: board.name }))}>
              {t('org.restore', { name: board.name })}
            </Button>
          ) : (
            <Button variant="secondary" disabled={busy} onClick={() => void send(board.boardId, bodyOf(board, true), board.version ?? 0, t('org.archivedDone', { name: board.name }))}>
              {t('org.archive', { name: board.name })}
            </Button>
          )}
        </div>
      )}
      {board && mayDelete && <DeleteBoard board={board} boards={boards} onDone={onDone} onStale={onStale} />}
    </section>
  );
}

/** Delete, offered only where the server says it can succeed; otherwise why not, and what to do instead. */
function DeleteBoard({ board, boards, onDone, onStale }: { board: Stored; boards: Stored[]; onDone: (message: string) => void; onStale: () => void }) {
  const check = useAsync(() => api<BoardDeletion>('GET', `/boards/${encodeURIComponent(board.boardId)}/deletion`).then((a) => a.data), [board.boardId, board.version]);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const nameOf = (id: string) => boards.find((b) => b.boardId === id)?.name ?? id;

  const remove = async () => {
    setFailure(null);
    try {
      await api('DELETE', `/boards/${encodeURIComponent(board.boardId)}`, { ifMatch: `"${board.version ?? 0}"` });
      onDone(t('org.deleted', { name: board.name }));
    } catch (error) {
      setConfirming(false);
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        onStale();
        check.reload();
      } else setFailure(error);
    }
  };

  return (
    <section aria-labelledby="org-delete-title">
      <h3 id="org-delete-title">{t('org.delete.title')}</h3>
      <p class="field__help">{t('org.delete.intro')}</p>
      {check.loading && (
        <p role="status" class="loading">
          {t('org.delete.checking', { name: board.name })}
        </p>
      )}
      {check.error !== undefined && <ErrorNotice error={check.error} onRetry={check.reload} />}
      {failure !== null && <ErrorNotice error={failure} />}
      {check.data && !check.loading && (
        <div aria-live="polite">
          {check.data.yearsWithDocuments.length > 0 ? (
            <p id="org-delete-why">{t('org.delete.hasDocuments', { name: board.name, years: check.data.yearsWithDocuments.join(', ') })}</p>
          ) : check.data.namedInGoals.length > 0 ? (
            <p id="org-delete-why">{t('org.delete.namedInGoals', { name: board.name, years: check.data.namedInGoals.join(', ') })}</p>
          ) : check.data.units.length > 0 ? (
            <p id="org-delete-why">{t('org.delete.hasUnits', { name: board.name, units: check.data.units.map(nameOf).join(', ') })}</p>
          ) : confirming ? (
            <div role="group" aria-labelledby="org-delete-sure">
              <p id="org-delete-sure">{t('org.delete.sure', { name: board.name })}</p>
              <div class="action-bar action-bar--inline">
                <button ref={confirmRef} type="button" class="button button--danger" onClick={() => void remove()}>
                  {t('org.delete.confirm', { name: board.name })}
                </button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('org.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="danger" onClick={() => setConfirming(true)}>
              {t('org.delete.button', { name: board.name })}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}


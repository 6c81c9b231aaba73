/**
 * The office's people (/admin/users): who may sign in, with their role, boards and language; invite a person, change
 * them, deactivate them after a confirmation. Bad input is caught next to its field, in the person's language, before
 * anything is sent; what only the server can know (an address taken meanwhile, a board archived) comes back as the
 * API's problem+json and is shown at the same fields. Nothing changes on an error.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, useLocale, type Key } from '../i18n';
import { api, ApiError } from '../lib/api';
import { fieldId, type FieldProblem, type Message } from '../lib/forms';
import { may } from '../lib/policy';
import { useApp } from '../lib/session';
import type { Board } from '../lib/types';
import type { User, UserBody, UserEvent, UserHistory } from '../../../shared/schemas/users';
import { personName } from '../lib/people';
import { HistoryTable } from '../components/HistoryTable';
import { roles, type Role } from '../../../shared/domain/actor';
import { SelectField, TextField } from '../components/inputs';
import { Button, ErrorNotice, FieldError, Loading, Notice, PageTitle, ProblemList, TableWrap, text, useAsync } from '../components/ui';

interface PersonForm {
  userId: string;
  name: string;
  email: string;
  role: Role | '';
  boards: string[];
  locale: 'sv' | 'en';
}

const emptyForm: PersonForm = { userId: '', name: '', email: '', role: '', boards: [], locale: 'sv' };
const userIdPattern = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** The same shape zod's z.email() accepts, roughly: something@domain.tld, no spaces. */
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const scoped = (role: PersonForm['role']) => role === 'editor' || role === 'reviewer';

const ids = {
  userId: fieldId('person', 'userId'),
  name: fieldId('person', 'name'),
  email: fieldId('person', 'email'),
  role: fieldId('person', 'role'),
  boards: fieldId('person', 'boards'),
  locale: fieldId('person', 'locale'),
};

/** The problems the page can see by itself, each at its field. */
function problemsOf(form: PersonForm, context: { editing?: User; people: User[]; me?: string }): FieldProblem[] {
  const found: FieldProblem[] = [];
  const at = (id: string, key: Key, vars?: Record<string, string>) => found.push({ fieldId: id, message: { key, vars } });
  if (!context.editing) {
    if (!userIdPattern.test(form.userId)) at(ids.userId, 'people.error.userId');
    else if (context.people.some((person) => person.userId === form.userId)) at(ids.userId, 'people.error.userIdTaken', { userId: form.userId });
  }
  if (!form.name.trim()) at(ids.name, 'people.error.name');
  if (!emailPattern.test(form.email.trim())) at(ids.email, 'people.error.email');
  else {
    const owner = context.people.find((person) => person.email.toLowerCase() === form.email.trim().toLowerCase() && person.userId !== (context.editing?.userId ?? form.userId));
    if (owner) at(ids.email, 'people.error.emailTaken', { name: owner.name });
  }
  if (!form.role) at(ids.role, 'people.error.role');
  else if (context.editing && context.editing.userId === context.me && context.editing.role === 'admin' && form.role !== 'admin') at(ids.role, 'people.error.ownRole');
  if (form.role === 'editor' && form.boards.length === 0) at(ids.boards, 'people.error.boardsNeeded');
  return found;
}

/** The API's field problems at the page's fields, in the person's language (the API words its own in English). */
function serverProblems(error: ApiError, form: PersonForm): FieldProblem[] {
  return (error.problem.errors ?? []).map(({ path, message }) => {
    const field = path.split('.')[1] ?? '';
    const key: Key =
      field === 'email'
        ? /already/.test(message) ? 'people.error.emailTaken' : 'people.error.email'
        : field === 'boards'
          ? form.role === 'editor' && form.boards.length === 0 ? 'people.error.boardsNeeded' : 'people.error.boards'
          : field === 'role'
            ? /own admin/.test(message) ? 'people.error.ownRole' : 'people.error.role'
            : field === 'name'
              ? 'people.error.name'
              : 'people.error.userId';
    const id = ids[field as keyof typeof ids] ?? ids.userId;
    const owner = /address of ([^:]+):/.exec(message)?.[1] ?? '';
    return { fieldId: id, message: { key, vars: { name: owner, userId: form.userId } } };
  });
}

export function UsersPage() {
  const { session } = useApp();
  useLocale();
  const allowed = may(session?.user, 'users.read');
  const data = useAsync(async () => {
    if (!allowed) return undefined;
    const [people, boards] = await Promise.all([api<{ users: User[] }>('GET', '/users'), api<{ boards: Board[] }>('GET', '/boards')]);
    return { people: people.data.users, boards: boards.data.boards };
  }, [allowed]);
  const [form, setForm] = useState<PersonForm>(emptyForm);
  const [editing, setEditing] = useState<User>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; message: Message }>();
  const [confirming, setConfirming] = useState<User>();
  const [history, setHistory] = useState<{ person: User; events?: UserEvent[]; failed?: unknown }>();
  const historyHeading = useRef<HTMLHeadingElement>(null);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const title = t('people.title');

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (history?.events) historyHeading.current?.focus();
  }, [history?.events]);

  if (!allowed) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        <Notice tone="error">{t('app.forbidden')}</Notice>
      </div>
    );
  }
  if (!data.data) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        {data.loading ? <Loading /> : <ErrorNotice error={data.error} onRetry={data.reload} />}
      </div>
    );
  }
  const { people, boards } = data.data;
  const boardById = new Map(boards.map((board) => [board.boardId, board]));
  const boardLabel = (board: Board) => {
    const parent = board.parentId ? boardById.get(board.parentId) : undefined;
    const name = parent ? t('people.form.boards.unit', { name: board.name, parent: parent.name }) : board.name;
    return board.archived ? t('people.form.boards.archived', { name }) : name;
  };
  // The boards at the top by name, each followed by its units; archived ones only where the person has them already.
  const ordered: Board[] = [];
  const place = (parentId: string | null, depth: number) => {
    if (depth > 6) return;
    for (const board of boards.filter((b) => (b.parentId ?? null) === parentId).sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
      if (!board.archived || form.boards.includes(board.boardId)) ordered.push(board);
      place(board.boardId, depth + 1);
    }
  };
  place(null, 0);

  const errorOf = (id: string) => {
    const problem = problems.find((p) => p.fieldId === id);
    return problem ? text(problem.message) : undefined;
  };
  const update = (change: Partial<PersonForm>) => setForm((current) => ({ ...current, ...change }));
  const startEdit = (person: User) => {
    setEditing(person);
    setForm({ userId: person.userId, name: person.name, email: person.email, role: person.role, boards: [...person.boards], locale: person.locale });
    setProblems([]);
    setResult(undefined);
    setTimeout(() => formHeading.current?.focus());
  };
  const reset = () => {
    setEditing(undefined);
    setForm(emptyForm);
    setProblems([]);
  };
  const refused = (error: unknown, fallback: Key = 'people.error.failed'): Message => {
    if (error instanceof ApiError && error.status === 409) return { key: /deactivate yourself/.test(error.problem.detail ?? '') ? 'people.error.self' : 'people.error.conflict' };
    if (error instanceof ApiError && error.status === 503) return { key: 'people.error.busy' };
    return { key: fallback, vars: { detail: (error as Error).message } };
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setResult(undefined);
    const found = problemsOf(form, { editing, people, me: session?.user.sub });
    setProblems(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    const body: UserBody = {
      name: form.name.trim(),
      email: form.email.trim(),
      role: form.role as Role,
      ...(scoped(form.role) ? { boards: form.boards } : { boards: [] }),
      locale: form.locale,
    };
    setBusy(true);
    try {
      const answer = await api<User>('PUT', `/users/${encodeURIComponent(form.userId)}`, { body });
      const unchanged = editing && answer.status === 200 && JSON.stringify({ ...editing, active: true }) === JSON.stringify(answer.data) && editing.active;
      setResult({ tone: 'success', message: { key: answer.status === 201 ? 'people.saved.invited' : unchanged ? 'people.saved.unchanged' : 'people.saved.changed', vars: { name: answer.data.name } } });
      reset();
      data.reload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.problem.errors?.length) {
        setProblems(serverProblems(error, form));
        setAttempt((n) => n + 1);
      } else setResult({ tone: 'error', message: refused(error) });
    } finally {
      setBusy(false);
    }
  };

  const deactivate = async (person: User) => {
    setBusy(true);
    setResult(undefined);
    try {
      await api('DELETE', `/users/${encodeURIComponent(person.userId)}`);
      setResult({ tone: 'success', message: { key: 'people.saved.deactivated', vars: { name: person.name } } });
      data.reload();
    } catch (error) {
      setResult({ tone: 'error', message: refused(error) });
    } finally {
      setConfirming(undefined);
      setBusy(false);
    }
  };

  const reactivate = async (person: User) => {
    setBusy(true);
    setResult(undefined);
    try {
      await api<User>('PUT', `/users/${encodeURIComponent(person.userId)}`, {
        body: { name: person.name, email: person.email, role: person.role, boards: person.boards, locale: person.locale },
      });
      setResult({ tone: 'success', message: { key: 'people.saved.reactivated', vars: { name: person.name } } });
      data.reload();
    } catch (error) {
      setResult({ tone: 'error', message: refused(error) });
    } finally {
      setBusy(false);
    }
  };

  const showHistory = (person: User) => {
    setHistory({ person });
    api<UserHistory>('GET', `/users/${encodeURIComponent(person.userId)}/history`).then(
      (answer) => setHistory({ person, events: answer.data.events }),
      (failed: unknown) => setHistory({ person, failed }),
    );
  };
  const changeText = (event: UserEvent) =>
    event.changes
      .map(({ field, from, to }) => {
        const show = (value: unknown) =>
          value === undefined ? '–' : field === 'role' ? t(`role.${String(value)}` as Key) : field === 'locale' ? t(`people.locale.${String(value)}` as Key) : field === 'active' ? (value ? t('people.active.yes') : t('people.active.no')) : Array.isArray(value) ? value.map((boardId) => boardById.get(String(boardId))?.name ?? String(boardId)).join(', ') || t('people.boards.none') : String(value);
        return `${t(`people.col.${field}` as Key)}: ${from === undefined ? show(to) : `${show(from)} → ${show(to)}`}`;
      })
      .join('; ');

  const boardsText = (person: User) =>
    person.boards.length === 0
      ? person.role === 'reviewer'
        ? t('people.boards.all')
        : t('people.boards.none')
      : person.boards.map((boardId) => boardById.get(boardId)?.name ?? boardId).join(', ');

  return (
    <div class="page page--wide">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('people.intro')}</p>
      <div role="status" aria-live="polite">
        {result && <Notice tone={result.tone}>{text(result.message)}</Notice>}
      </div>

      {confirming && (
        <section class="card" aria-labelledby="confirm-title">
          <h2 id="confirm-title" tabIndex={-1} ref={confirmHeading}>
            {t('people.confirm.title', { name: confirming.name })}
          </h2>
          <p>{t('people.confirm.text', { name: confirming.name })}</p>
          <p class="actions">
            <Button variant="danger" disabled={busy} onClick={() => void deactivate(confirming)}>
              {t('people.confirm.yes', { name: confirming.name })}
            </Button>{' '}
            <Button variant="secondary" onClick={() => setConfirming(undefined)}>
              {t('people.confirm.no')}
            </Button>
          </p>
        </section>
      )}

      {people.length === 0 ? (
        <p class="empty">{t('people.list.empty')}</p>
      ) : (
        <TableWrap label={t('people.list.caption')}>
          <table class="table">
            <caption>{t('people.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.col.name')}</th>
                <th scope="col">{t('people.col.email')}</th>
                <th scope="col">{t('people.col.role')}</th>
                <th scope="col">{t('people.col.boards')}</th>
                <th scope="col">{t('people.col.locale')}</th>
                <th scope="col">{t('people.col.active')}</th>
                <th scope="col">{t('people.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr key={person.userId} class={person.active ? undefined : 'muted'}>
                  <th scope="row">
                    {person.name}
                    <br />
                    <span class="muted">{person.userId}</span>
                  </th>
                  <td>{person.email}</td>
                  <td>{t(`role.${person.role}` as Key)}</td>
                  <td>{boardsText(person)}</td>
                  <td>{t(`people.locale.${person.locale}` as Key)}</td>
                  <td>{person.active ? t('people.active.yes') : t('people.active.no')}</td>
                  <td>
                    <div class="actions">
                      <Button variant="link" onClick={() => showHistory(person)}>
                        {t('people.action.history')}
                        <span class="visually-hidden"> {person.name}</span>
                      </Button>
                      <Button variant="link" disabled={busy} onClick={() => startEdit(person)}>
                        {t('people.action.change')}
                        <span class="visually-hidden"> {person.name}</span>
                      </Button>
                      {person.active ? (
                        person.userId !== session?.user.sub && (
                          <Button variant="link" disabled={busy} onClick={() => (setResult(undefined), setConfirming(person))}>
                            {t('people.action.deactivate')}
                            <span class="visually-hidden"> {person.name}</span>
                          </Button>
                        )
                      ) : (
                        <Button variant="link" disabled={busy} onClick={() => void reactivate(person)}>
                          {t('people.action.reactivate')}
                          <span class="visually-hidden"> {person.name}</span>
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {history && (
        <section class="card" aria-labelledby="person-history-title">
          <h2 id="person-history-title" tabIndex={-1} ref={historyHeading}>
            {t('people.history', { name: history.person.name })}
          </h2>
          {history.failed ? (
            <ErrorNotice error={history.failed} onRetry={() => showHistory(history.person)} />
          ) : !history.events ? (
            <Loading />
          ) : (
            <HistoryTable
              caption={t('people.history', { name: history.person.name })}
              events={history.events}
              changeHeader={t('people.history.change')}
              action={(event) => t(`people.event.${event.action}` as Key)}
              actor={(event) => personName(event.actor, event.actorName)}
              change={changeText}
            />
          )}
          <p>
            <Button variant="secondary" onClick={() => setHistory(undefined)}>
              {t('people.history.close')}
            </Button>
          </p>
        </section>
      )}

      <section class="card" aria-labelledby="person-form-title">
        <h2 id="person-form-title" tabIndex={-1} ref={formHeading}>
          {editing ? t('people.edit.title', { name: editing.name }) : t('people.invite.title')}
        </h2>
        {problems.length > 0 && <ProblemList key={attempt} id="person-problems" title={t('people.form.problems')} problems={problems} focusOnShow />}
        <form onSubmit={(event) => void save(event)} noValidate>
          {!editing && (
            <TextField id={ids.userId} label={t('people.form.userId')} help={t('people.form.userId.help')} value={form.userId} onInput={(userId) => update({ userId: userId.trim() })} error={errorOf(ids.userId)} required width="medium" />
          )}
          <TextField id={ids.name} label={t('people.form.name')} value={form.name} onInput={(name) => update({ name })} error={errorOf(ids.name)} required autoComplete="name" />
          <TextField id={ids.email} label={t('people.form.email')} help={t('people.form.email.help')} value={form.email} onInput={(email) => update({ email })} error={errorOf(ids.email)} required autoComplete="email" />
          <SelectField
            id={ids.role}
            label={t('people.form.role')}
            value={form.role}
            placeholder={t('people.form.role.choose')}
            options={roles.map((role) => ({ value: role, label: t(`role.${role}` as Key) }))}
            onInput={(role) => update({ role: role as Role | '' })}
            error={errorOf(ids.role)}
            required
          />
          {scoped(form.role) && (
            <fieldset class={`row-card${errorOf(ids.boards) ? ' field--error' : ''}`} aria-describedby={`${ids.boards}-help${errorOf(ids.boards) ? ` ${ids.boards}-err` : ''}`}>
              <legend>
                {t('people.form.boards')}
                {form.role === 'editor' && <span class="required"> ({t('doc.required')})</span>}
              </legend>
              <p class="field__help" id={`${ids.boards}-help`}>
                {form.role === 'editor' ? t('people.form.boards.editorHelp') : t('people.form.boards.reviewerHelp')}
              </p>
              <ul class="board-scope">
                {ordered.map((board, i) => (
                  <li key={board.boardId} class={board.parentId ? 'board-scope__unit' : undefined}>
                    <label class="radio">
                      <input
                        type="checkbox"
                        id={i === 0 ? ids.boards : `${ids.boards}-${board.boardId}`}
                        checked={form.boards.includes(board.boardId)}
                        onChange={(event) => {
                          const on = (event.target as HTMLInputElement).checked;
                          update({ boards: on ? [...form.boards, board.boardId] : form.boards.filter((id) => id !== board.boardId) });
                        }}
                      />
                      {boardLabel(board)}
                    </label>
                  </li>
                ))}
              </ul>
              <FieldError id={ids.boards} error={errorOf(ids.boards)} />
            </fieldset>
          )}
          <SelectField
            id={ids.locale}
            label={t('people.form.locale')}
            value={form.locale}
            options={[
              { value: 'sv', label: t('people.locale.sv') },
              { value: 'en', label: t('people.locale.en') },
            ]}
            onInput={(locale) => update({ locale: locale === 'en' ? 'en' : 'sv' })}
          />
          <p class="actions">
            <Button variant="primary" type="submit" disabled={busy}>
              {editing ? t('people.form.save') : t('people.form.invite')}
            </Button>{' '}
            {editing && (
              <Button variant="secondary" type="button" onClick={reset}>
                {t('people.form.cancel')}
              </Button>
            )}
          </p>
        </form>
      </section>
    </div>
  );
}

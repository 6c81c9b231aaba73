/**
 * The council's budget of a year (`/cycles/{year}/budget`): every board of the directory (units indented below the
 * board they sit under) with its net cost in tkr and, for a company, its return requirement in percent, and the
 * total. The city office types the figures, pastes a block from a spreadsheet or uploads an Excel/CSV file; a paste
 * or a file is always shown first as a preview (matched boards, unknown names, bad numbers, changes against what is
 * stored) and goes into the table only when the office says so. The table is saved whole with If-Match; when
 * someone else saved meanwhile (412), the page says so and reads their version without losing what was typed.
 * Everyone else signed in reads the table.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { budgetSheetCells, previewBudgetSheet, UnreadableBudgetSheet, type BudgetSheetPreview, type BudgetSheetProblem } from '../../../shared/domain/budgetSheet';
import type { BudgetPreview } from '../../../shared/schemas/budgetPreview';
import type { Budget, BudgetLine } from '../../../shared/schemas/economy';
import { formatDate, formatNumber, numberToInput, t, useLocale, type Key, type Vars } from '../i18n';
import { api, ApiError } from '../lib/api';
import { useUnsavedWarning } from '../lib/editor';
import type { Message } from '../lib/forms';
import { loadDirectory, type Directory } from '../lib/levels';
import { personName } from '../lib/people';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Board, Cycle } from '../lib/types';
import { checkValues, fieldIdForServerPath, fieldIdOf, rowsOf, totalOf, valuesOf, type Problem, type Row, type Values } from '../lib/budgetForm';
import { TextArea } from '../components/inputs';
import { Button, ErrorNotice, Field, FieldError, Loading, Notice, PageTitle, ProblemList, TableWrap, text, useAsync } from '../components/ui';
import { YearSwitch } from '../components/YearSwitch';

const k = (key: Key, vars?: Vars): Message => ({ key, ...(vars ? { vars } : {}) });

/** At most this much of a file: its base64 stays below the API's 256 KB body (as for the imports). */
const maxFileBytes = 170 * 1024;

interface Loaded {
  cycle: Cycle;
  budget: Budget;
  etag: string;
}

/** The budget as read; a year whose budget was never saved reads as version 0 with no boards. */
async function readBudget(year: number): Promise<{ budget: Budget; etag: string }> {
  try {
    const answer = await api<Budget>('GET', `/cycles/${year}/budget`);
    return { budget: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && !error.isMissingRoute) return { budget: { year, unit: 'tkr', version: 0, boards: [] }, etag: '"0"' };
    throw error;
  }
}

// ── The page ────────────────────────────────────────────────────────────────
export function BudgetPage({ year }: { year: number }) {
  const { session } = useApp();
  const canEdit = may(session?.user, 'budget.put');
  const title = t('budget.title', { year });
  const loaded = useAsync<Loaded>(async () => {
    const cycle = (await api<Cycle>('GET', `/cycles/${year}`)).data;
    return { cycle, ...(await readBudget(year)) };
  }, [year]);
  const directory = useAsync<Directory>(() => loadDirectory(), [session?.token]);
  const data = loaded.data;
  const missingRoute = loaded.error instanceof ApiError && loaded.error.isMissingRoute;
  const editable = canEdit && data?.cycle.state !== 'signed_off';

  return (
    <div class="page page--wide">
      <PageTitle title={title}>{title}</PageTitle>
      <YearSwitch year={year} to={(y) => paths.budget(y)} />
      <p class="lead">{t('budget.intro')}</p>
      {(loaded.loading || directory.loading) && !(data && directory.data) && <Loading />}
      {missingRoute && <Notice>{t('app.notAvailable')}</Notice>}
      {loaded.error !== undefined && !missingRoute && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      {directory.error !== undefined && <ErrorNotice error={directory.error} onRetry={directory.reload} />}
      {data && directory.data && !loaded.loading && (
        <>
          {!canEdit && (
            <Notice>
              <p>{t('budget.readOnly.role')}</p>
            </Notice>
          )}
          {canEdit && !editable && (
            <Notice tone="warning">
              <p>{t('budget.readOnly.signedOff', { year })}</p>
            </Notice>
          )}
          {editable ? (
            <BudgetEditor key={`${year}-${data.etag}`} year={year} initial={data} directory={directory.data} />
          ) : (
            <BudgetView budget={data.budget} rows={rowsOf(directory.data, data.budget)} />
          )}
        </>
      )}
    </div>
  );
}

function savedText(budget: Pick<Budget, 'version' | 'updatedAt' | 'updatedBy'>): string {
  if (!budget.version) return t('budget.neverSaved');
  return t('budget.savedAt', { version: budget.version, time: formatDate(budget.updatedAt, true), who: budget.updatedBy ? personName(budget.updatedBy) : '–' });
}

const kindText = (board: Board) => t(`org.kind.${board.kind}` as Key);

function BoardCell({ row }: { row: Row }) {
  return (
    <th scope="row" class={`budget-board budget-board--depth-${Math.min(row.depth, 3)}`}>
      {row.depth > 0 && <span aria-hidden="true">↳ </span>}
      {row.board.name}
      {row.board.archived && <span class="muted"> ({t('budget.archived')})</span>}
      <span class="muted budget-board__kind">{kindText(row.board)}</span>
    </th>
  );
}

function BudgetView({ budget, rows }: { budget: Budget; rows: Row[] }) {
  const lines = new Map(budget.boards.map((line) => [line.boardId, line]));
  return (
    <>
      <p class="muted">{savedText(budget)}</p>
      <TableWrap label={t('budget.table.caption', { year: budget.year })}>
        <table class="table budget-table">
          <caption>{t('budget.table.caption', { year: budget.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('budget.col.board')}</th>
              <th scope="col" class="num">
                {t('budget.col.netCost')}
              </th>
              <th scope="col" class="num">
                {t('budget.col.return')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const line = lines.get(row.board.boardId);
              return (
                <tr key={row.board.boardId}>
                  <BoardCell row={row} />
                  <td class="num">{line ? formatNumber(line.netCost) : '–'}</td>
                  <td class="num">{line?.returnRequirement !== undefined ? `${formatNumber(line.returnRequirement)} %` : ''}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('budget.total', { count: budget.boards.length })}</th>
              <td class="num">{formatNumber(totalOf(budget.boards))}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </>
  );
}

type Outcome = { kind: 'saved'; version: number } | { kind: 'invalid' } | { kind: 'refused'; detail: string } | { kind: 'failed'; detail: string } | { kind: 'noChanges' };

/** A preview of a paste (read here) or a file (read on the server), with where it came from. */
interface Shown {
  preview: BudgetSheetPreview;
  source: string;
}

function BudgetEditor({ year, initial, directory }: { year: number; initial: Loaded; directory: Directory }) {
  useLocale();
  const [stored, setStored] = useState<Budget>(initial.budget);
  const [etag, setEtag] = useState(initial.etag);
  const [values, setValues] = useState<Values>(() => valuesOf(initial.budget.boards));
  const [base, setBase] = useState(() => JSON.stringify(valuesOf(initial.budget.boards)));
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<{ theirs: Budget; etag: string } | null>(null);
  const [busy, setBusy] = useState<'save' | 'preview' | null>(null);
  const [announce, setAnnounce] = useState('');
  const rows = useMemo(() => rowsOf(directory, stored), [directory, stored]);
  const dirty = JSON.stringify(values) !== base;
  useUnsavedWarning(dirty);

  const check = checkValues(values, rows);
  const problems = attempt > 0 ? check.problems : [];
  const shownProblems = [...problems, ...serverProblems.filter((p) => !problems.some((q) => q.fieldId === p.fieldId))];
  const errorAt = (fieldId: string) => {
    const problem = shownProblems.find((p) => p.fieldId === fieldId);
    return problem ? text(problem.atField ?? problem.message) : undefined;
  };
  const storedLines = new Map(stored.boards.map((line) => [line.boardId, line]));

  const set = (boardId: string, field: 'netCost' | 'returnRequirement', value: string) => {
    setValues((current) => ({ ...current, [boardId]: { ...{ netCost: '', returnRequirement: '' }, ...current[boardId], [field]: value } }));
    setServerProblems((current) => current.filter((p) => p.fieldId !== fieldIdOf(boardId, field)));
    if (outcome?.kind !== 'invalid') setOutcome(null);
  };

  async function save(ifMatch = etag) {
    setServerProblems([]);
    setConflict(null);
    setAttempt((n) => n + 1);
    if (check.problems.length > 0) {
      setOutcome({ kind: 'invalid' });
      return;
    }
    if (!dirty && ifMatch === etag && stored.version > 0) {
      setOutcome({ kind: 'noChanges' });
      return;
    }
    const sent = check.body;
    setBusy('save');
    try {
      const answer = await api<Budget>('PUT', `/cycles/${year}/budget`, { body: sent, ifMatch });
      setEtag(answer.etag ?? `"${answer.data.version}"`);
      setStored(answer.data);
      setValues(valuesOf(answer.data.boards));
      setBase(JSON.stringify(valuesOf(answer.data.boards)));
      setAttempt(0);
      setOutcome({ kind: 'saved', version: answer.data.version });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Someone else saved: say who, and read their version on request; nothing typed here is lost.
        const current = await readBudget(year).catch(() => undefined);
        if (current) setConflict({ theirs: current.budget, etag: current.etag });
        else setOutcome({ kind: 'failed', detail: error.message });
      } else if (error instanceof ApiError && error.status === 409) {
        setOutcome({ kind: 'refused', detail: error.message });
      } else if (error instanceof ApiError && error.status === 422) {
        const found = (error.problem.errors ?? []).map((e) => ({ fieldId: fieldIdForServerPath(e.path, sent), message: { text: e.message } }));
        setServerProblems(found.length ? found : [{ fieldId: 'budget-table', message: { text: error.message } }]);
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(null);
    }
  }

  /** Their version becomes the one compared with and saved over; the values typed here stay in the table. */
  const keepMine = () => {
    if (!conflict) return;
    setStored(conflict.theirs);
    setEtag(conflict.etag);
    setBase(JSON.stringify(valuesOf(conflict.theirs.boards)));
    setConflict(null);
    setOutcome(null);
    setAnnounce(t('budget.conflict.kept', { version: conflict.theirs.version }));
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setStored(conflict.theirs);
    setEtag(conflict.etag);
    setValues(valuesOf(conflict.theirs.boards));
    setBase(JSON.stringify(valuesOf(conflict.theirs.boards)));
    setConflict(null);
    setOutcome(null);
    setAttempt(0);
    setAnnounce(t('budget.conflict.taken', { version: conflict.theirs.version }));
  };

  /** The preview's lines go into the table (not saved yet): a board named takes the sheet's figures. */
  const putIntoTable = (preview: BudgetSheetPreview) => {
    setValues((current) => {
      const next = { ...current };
      for (const line of preview.lines) next[line.boardId] = { netCost: numberToInput(line.netCost), returnRequirement: numberToInput(line.returnRequirement) };
      return next;
    });
    setOutcome(null);
    setAnnounce(t('budget.import.put', { count: preview.lines.length }));
    setTimeout(() => document.getElementById('budget-table-title')?.focus(), 0);
  };

  const total = totalOf(check.body.boards);
  const refused = outcome?.kind === 'refused';
  return (
    <div class="editor budget-editor">
      <SheetImport year={year} busy={busy} setBusy={setBusy} directory={directory} stored={stored} onPut={putIntoTable} />

      <section class="card" aria-labelledby="budget-table-title">
        <h2 id="budget-table-title" tabIndex={-1}>
          {t('budget.table.title')}
        </h2>
        <p class="muted">{savedText(stored)}</p>
        {conflict && <ConflictNotice theirs={conflict.theirs} busy={busy !== null} onKeepMine={keepMine} onTheirs={takeTheirs} />}
        {refused && (
          <div class="notice notice--error" role="alert" id="budget-refused">
            <p>{t('budget.refused', { year, detail: outcome.detail })}</p>
          </div>
        )}
        {outcome?.kind === 'failed' && (
          <Notice tone="error">
            <p>{t('app.error', { detail: outcome.detail })}</p>
          </Notice>
        )}
        {attempt > 0 && shownProblems.length > 0 && (
          <ProblemList key={attempt} id="budget-problems" title={t('budget.errors.title', { count: shownProblems.length })} problems={shownProblems} focusOnShow />
        )}
        <FieldError id="budget-table" error={errorAt('budget-table')} />
        <p class="visually-hidden" role="status">
          {announce}
        </p>
        <TableWrap label={t('budget.table.caption', { year })}>
          <table class="table budget-table" id="budget-table">
            <caption>{t('budget.table.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.col.board')}</th>
                <th scope="col">{t('budget.col.netCost')}</th>
                <th scope="col">{t('budget.col.return')}</th>
                <th scope="col">{t('budget.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const boardId = row.board.boardId;
                const value = values[boardId] ?? { netCost: '', returnRequirement: '' };
                return (
                  <tr key={boardId}>
                    <BoardCell row={row} />
                    <td>
                      <NumberCell id={fieldIdOf(boardId, 'netCost')} label={t('budget.field.netCost', { board: row.board.name })} value={value.netCost} onInput={(v) => set(boardId, 'netCost', v)} error={errorAt(fieldIdOf(boardId, 'netCost'))} suffix="tkr" />
                    </td>
                    <td>
                      {row.takesReturn ? (
                        <NumberCell
                          id={fieldIdOf(boardId, 'returnRequirement')}
                          label={t('budget.field.return', { board: row.board.name })}
                          value={value.returnRequirement}
                          onInput={(v) => set(boardId, 'returnRequirement', v)}
                          error={errorAt(fieldIdOf(boardId, 'returnRequirement'))}
                          suffix="%"
                        />
                      ) : null}
                    </td>
                    <td>
                      <ChangeText before={storedLines.get(boardId)} after={check.body.boards.find((line) => line.boardId === boardId)} invalid={check.problems.some((p) => p.fieldId === fieldIdOf(boardId, 'netCost') || p.fieldId === fieldIdOf(boardId, 'returnRequirement'))} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('budget.total', { count: check.body.boards.length })}</th>
                <td class="num" id="budget-total">
                  {formatNumber(total)} tkr
                </td>
                <td colSpan={2} />
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <div class="action-bar" role="group" aria-label={t('table.actions')}>
          <div class="action-bar__status" aria-live="polite">
            {busy === 'save'
              ? t('app.saving')
              : outcome?.kind === 'saved'
                ? t('budget.saved', { version: outcome.version })
                : outcome?.kind === 'noChanges'
                  ? t('budget.noChanges')
                  : dirty
                    ? t('budget.unsaved')
                    : ''}
          </div>
          <Button id="budget-save" onClick={() => void save()} disabled={busy !== null || refused || conflict !== null}>
            {t('budget.save')}
          </Button>
        </div>
      </section>
    </div>
  );
}

function NumberCell({ id, label, value, onInput, error, suffix }: { id: string; label: string; value: string; onInput: (v: string) => void; error?: string; suffix: string }) {
  return (
    <div class={`budget-cell${error ? ' field--error' : ''}`}>
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        class="input input--short"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
      />
      <span class="budget-cell__unit" aria-hidden="true">
        {suffix}
      </span>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** What the row would change against the stored budget. */
function ChangeText({ before, after, invalid }: { before?: BudgetLine; after?: BudgetLine; invalid: boolean }) {
  if (invalid) return <span class="muted">–</span>;
  if (!before && !after) return null;
  if (!before) return <strong class="budget-change">{t('budget.change.new')}</strong>;
  if (!after) return <strong class="budget-change">{t('budget.change.removed', { from: formatNumber(before.netCost) })}</strong>;
  if (before.netCost === after.netCost && before.returnRequirement === after.returnRequirement) return <span class="muted">{t('budget.change.same')}</span>;
  const parts = [
    before.netCost !== after.netCost ? t('budget.change.netCost', { from: formatNumber(before.netCost) }) : '',
    before.returnRequirement !== after.returnRequirement ? t('budget.change.return', { from: before.returnRequirement === undefined ? '–' : `${formatNumber(before.returnRequirement)} %` }) : '',
  ].filter(Boolean);
  return <strong class="budget-change">{parts.join('; ')}</strong>;
}

function ConflictNotice({ theirs, busy, onKeepMine, onTheirs }: { theirs: Budget; busy: boolean; onKeepMine: () => void; onTheirs: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="conflict" aria-labelledby="budget-conflict">
      <h3 id="budget-conflict" tabIndex={-1} ref={heading}>
        {t('budget.conflict.title')}
      </h3>
      <p>
        {t('budget.conflict.text', {
          who: theirs.updatedBy ? personName(theirs.updatedBy) : t('budget.conflict.someone'),
          version: theirs.version,
          time: formatDate(theirs.updatedAt, true),
          count: theirs.boards.length,
          total: formatNumber(totalOf(theirs.boards)),
        })}
      </p>
      <div class="conflict__bulk">
        <Button onClick={onKeepMine} disabled={busy}>
          {t('budget.conflict.keepMine')}
        </Button>
        <Button variant="secondary" onClick={onTheirs} disabled={busy}>
          {t('budget.conflict.theirs')}
        </Button>
      </div>
    </section>
  );
}

// ── Paste or upload, then preview ───────────────────────────────────────────
function fileFormatOf(name: string): 'csv' | 'xlsx' | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'csv' || extension === 'txt' ? 'csv' : extension === 'xlsx' ? 'xlsx' : undefined;
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const sheetErrors: Record<string, Key> = {
  'the sheet has no rows': 'budget.import.error.empty',
  'an unclosed quote': 'budget.import.error.quote',
  'not an Excel workbook': 'budget.import.error.notWorkbook',
};

function SheetImport({
  year,
  busy,
  setBusy,
  directory,
  stored,
  onPut,
}: {
  year: number;
  busy: 'save' | 'preview' | null;
  setBusy: (b: 'save' | 'preview' | null) => void;
  directory: Directory;
  stored: Budget;
  onPut: (preview: BudgetSheetPreview) => void;
}) {
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<{ field: 'budget-paste' | 'budget-file'; message: Message } | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const fail = (field: 'budget-paste' | 'budget-file', message: Message) => {
    setError({ field, message });
    setShown(null);
    setTimeout(() => document.getElementById(field)?.focus(), 0);
  };
  const show = (next: Shown) => {
    setError(null);
    setShown(next);
    setTimeout(() => document.getElementById('budget-preview-title')?.focus(), 0);
  };

  async function preview() {
    if (file) {
      const format = fileFormatOf(file.name);
      if (!format) return fail('budget-file', k('budget.import.error.fileType', { name: file.name }));
      if (file.size > maxFileBytes) return fail('budget-file', k('budget.import.error.fileSize', { name: file.name, size: Math.ceil(file.size / 1024) }));
      setBusy('preview');
      try {
        const content = format === 'xlsx' ? await base64Of(file) : await file.text();
        const answer = await api<BudgetPreview>('POST', `/cycles/${year}/budget/preview`, { body: { format, content, fileName: file.name } });
        show({ preview: answer.data, source: answer.data.source });
      } catch (e) {
        if (e instanceof ApiError && e.status === 413) fail('budget-file', k('budget.import.error.tooLarge'));
        else if (e instanceof ApiError && (e.status === 422 || e.status === 400)) {
          const known = (e.problem.errors ?? []).map((p) => sheetErrors[p.message]).find(Boolean);
          fail('budget-file', known ? k(known) : { text: e.message });
        } else fail('budget-file', k('app.error', { detail: e instanceof Error ? e.message : String(e) }));
      } finally {
        setBusy(null);
      }
      return;
    }
    if (pasted.trim() === '') return fail('budget-paste', k('budget.import.error.nothing'));
    // A paste is read here, by the same rules the server reads a file with.
    try {
      const preview = previewBudgetSheet(budgetSheetCells(pasted), { boards: directory.boards, stored: stored.boards });
      show({ preview, source: t('budget.import.pasted') });
    } catch (e) {
      if (!(e instanceof UnreadableBudgetSheet)) throw e;
      fail('budget-paste', k(e.reason === 'empty' ? 'budget.import.error.empty' : 'budget.import.error.quote'));
    }
  }

  const errorOf = (field: 'budget-paste' | 'budget-file') => (error?.field === field ? text(error.message) : undefined);
  return (
    <>
      <section class="card" aria-labelledby="budget-import-title">
        <h2 id="budget-import-title">{t('budget.import.title')}</h2>
        <p>{t('budget.import.intro')}</p>
        <TextArea
          id="budget-paste"
          label={t('budget.import.paste')}
          help={t('budget.import.paste.help')}
          rows={6}
          value={pasted}
          onInput={(v) => {
            setPasted(v);
            if (v.trim() !== '' && file) {
              setFile(null);
              if (fileInput.current) fileInput.current.value = '';
            }
          }}
          error={errorOf('budget-paste')}
        />
        <Field id="budget-file" label={t('budget.import.file')} help={t('budget.import.file.help')} error={errorOf('budget-file')}>
          {(a) => (
            <input
              {...a}
              ref={fileInput}
              type="file"
              class="input"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile((e.target as HTMLInputElement).files?.[0] ?? null);
                setError(null);
              }}
            />
          )}
        </Field>
        <Button variant="secondary" id="budget-preview" disabled={busy !== null} onClick={() => void preview()}>
          {busy === 'preview' ? t('budget.import.previewing') : t('budget.import.preview')}
        </Button>
      </section>
      {shown && (
        <SheetPreview
          shown={shown}
          directory={directory}
          onPut={() => {
            onPut(shown.preview);
            setShown(null);
            setPasted('');
            setFile(null);
            if (fileInput.current) fileInput.current.value = '';
          }}
          onDiscard={() => {
            setShown(null);
            setTimeout(() => document.getElementById('budget-paste')?.focus(), 0);
          }}
        />
      )}
    </>
  );
}

function problemText(problem: BudgetSheetProblem): string {
  const column = problem.column ? t(`budget.column.${problem.column}` as Key) : '';
  return t(`budget.problem.${problem.reason}` as Key, { board: problem.board, value: problem.value ?? '', column });
}

function figures(line: { netCost: number; returnRequirement?: number }): string {
  return `${formatNumber(line.netCost)} tkr${line.returnRequirement !== undefined ? `, ${formatNumber(line.returnRequirement)} %` : ''}`;
}

function SheetPreview({ shown, directory, onPut, onDiscard }: { shown: Shown; directory: Directory; onPut: () => void; onDiscard: () => void }) {
  const { preview } = shown;
  return (
    <section class="card budget-preview" aria-labelledby="budget-preview-title">
      <h2 id="budget-preview-title" tabIndex={-1}>
        {t('budget.preview.title', { source: shown.source })}
      </h2>
      <p role="status">{t('budget.preview.summary', { ...preview.counts, read: preview.read })}</p>
      <p class="muted">{t('budget.preview.notSaved')}</p>
      {preview.lines.length > 0 && (
        <TableWrap label={t('budget.preview.lines', { count: preview.lines.length })}>
          <table class="table">
            <caption>{t('budget.preview.lines', { count: preview.lines.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.col.row')}</th>
                <th scope="col">{t('budget.col.board')}</th>
                <th scope="col">{t('budget.col.sheet')}</th>
                <th scope="col">{t('budget.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((line) => (
                <tr key={line.row}>
                  <td>{line.row}</td>
                  <th scope="row">
                    {directory.name(line.boardId)}
                    {line.board !== directory.name(line.boardId) && <span class="muted"> ({line.board})</span>}
                  </th>
                  <td class="num">{figures(line)}</td>
                  <td>
                    {line.change === 'changed' && line.before ? (
                      <strong>{t('budget.preview.changed', { from: figures(line.before) })}</strong>
                    ) : (
                      t(line.change === 'new' ? 'budget.preview.new' : 'budget.preview.same')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {preview.problems.length > 0 && (
        <TableWrap label={t('budget.preview.problems', { count: preview.problems.length })}>
          <table class="table">
            <caption>{t('budget.preview.problems', { count: preview.problems.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('budget.col.row')}</th>
                <th scope="col">{t('budget.col.written')}</th>
                <th scope="col">{t('budget.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((problem) => (
                <tr key={`${problem.row}-${problem.reason}`}>
                  <td>{problem.row}</td>
                  <td>{problem.board || '–'}</td>
                  <td>{problemText(problem)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <div class="conflict__bulk">
        <Button id="budget-put" onClick={onPut} disabled={preview.lines.length === 0}>
          {t('budget.preview.put', { count: preview.lines.length })}
        </Button>
        <Button variant="secondary" onClick={onDiscard}>
          {t('budget.preview.discard')}
        </Button>
      </div>
    </section>
  );
}

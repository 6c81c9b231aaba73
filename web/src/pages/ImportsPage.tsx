/**
 * The office imports outcomes: paste Kolada JSON or a sheet, or upload a file (.json, .csv, .xlsx: read on the server),
 * preview row by row what goes in (old → new) and what is skipped and why, then write the values as drafts.
 */
import { useRef, useState } from 'preact/hooks';
import type { ImportFormat, ImportSkipped, OutcomeImportPlan, OutcomeImportResult } from '../../../shared/schemas/imports';
import { formatNumber, t, type Key, type Vars } from '../i18n';
import type { Message } from '../lib/forms';
import { api, ApiError, newIdempotencyKey } from '../lib/api';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Board } from '../lib/types';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/inputs';
import { Button, ErrorNotice, Field, kindName, Loading, Notice, PageTitle, TableWrap, text as messageText, useAsync } from '../components/ui';

type Kind = 't1' | 't2' | 'annual';
type Shape = 'kolada' | 'sheet';
interface Upload {
  name: string;
  format: ImportFormat;
  content: string;
}
/** Kept as messages, not texts, so that they follow a change of language. */
type Errors = Partial<Record<'content' | 'file' | 'fetch', Message[]>>;
const k = (key: Key, vars?: Vars): Message => ({ key, ...(vars ? { vars } : {}) });

/** At most this much of a file: its base64 stays below the API's 256 KB body. */
const maxFileBytes = 170 * 1024;
const ids = { format: 'f-import-format', content: 'f-import-content', file: 'f-import-file', kind: 'f-import-kind', fetch: 'f-import-fetch' };

const unitKey = (u: { municipality?: string; ou?: string }) => (u.ou !== undefined ? `ou:${u.ou}` : `municipality:${u.municipality}`);

async function readUpload(file: File): Promise<Upload | Message> {
  const name = file.name;
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  const format: ImportFormat | undefined = extension === 'json' ? 'kolada' : extension === 'csv' ? 'csv' : extension === 'xlsx' ? 'xlsx' : undefined;
  if (!format) return k('imports.error.fileType', { name });
  if (file.size > maxFileBytes) return k('imports.error.fileSize', { name, size: Math.ceil(file.size / 1024) });
  if (format !== 'xlsx') return { name, format, content: await file.text() };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name, format, content: btoa(binary) };
}

/** A refusal of the content the page can say in the person's language; undefined for any other. */
function knownProblem(problem: { path: string; message: string }): Message | undefined {
  const page = /^content\.page (\d+)/.exec(problem.path);
  if (page) return k('imports.error.notKolada', { page: page[1]! });
  const column = /^the sheet has no column (board|indicator|value)\b/.exec(problem.message);
  if (column) return k('imports.error.noColumn', { columns: t(`imports.column.${column[1]}` as Key) });
  const byMessage: Record<string, Key> = {
    'not JSON': 'imports.error.notJson',
    'JSON, not CSV': 'imports.error.jsonAsSheet',
    'not an Excel workbook': 'imports.error.notWorkbook',
    'the sheet has no rows': 'imports.error.emptySheet',
    'an unclosed quote': 'imports.error.quote',
    'too many values': 'imports.error.tooMany',
  };
  const key = byMessage[problem.message];
  return key ? k(key) : undefined;
}

export function ImportsPage({ year }: { year: number }) {
  const { session } = useApp();
  const allowed = may(session?.user, 'outcomes.import');
  const boards = useAsync(async () => (allowed ? (await api<{ boards: Board[] }>('GET', '/boards')).data.boards : []), [allowed]);
  const [shape, setShape] = useState<Shape>('sheet');
  const [text, setText] = useState('');
  const [upload, setUpload] = useState<Upload | null>(null);
  const [kind, setKind] = useState<Kind>('t1');
  const [units, setUnits] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState<'preview' | 'apply' | 'fetch' | null>(null);
  const [plan, setPlan] = useState<{ plan: OutcomeImportPlan; body: Record<string, unknown> } | null>(null);
  const [result, setResult] = useState<OutcomeImportResult | null>(null);
  const [fetchIds, setFetchIds] = useState('');
  const [fetched, setFetched] = useState<number | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const title = t('imports.title', { year });

  if (!allowed) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        <Notice tone="info">{t('imports.notAllowed')}</Notice>
      </div>
    );
  }

  const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);
  const bodyOf = () => {
    const format: ImportFormat = upload ? upload.format : shape === 'kolada' ? 'kolada' : 'csv';
    const mapped = Object.entries(units)
      .filter(([, boardId]) => boardId !== '')
      .map(([key, boardId]) => (key.startsWith('ou:') ? { ou: key.slice(3), boardId } : { municipality: key.slice('municipality:'.length), boardId }));
    return { kind, format, content: upload ? upload.content : text, ...(upload ? { fileName: upload.name } : {}), units: mapped };
  };

  const refusal = (error: unknown, field: 'content' | 'file'): boolean => {
    if (!(error instanceof ApiError)) return false;
    if (error.status === 413) setErrors({ [field]: [k('imports.error.tooLarge')] });
    else if (error.status === 404) setErrors({ [field]: [k('imports.error.unknownYear', { year })] });
    else if (error.status === 409) setErrors({ [field]: [k('imports.error.signedOff', { year })] });
    else if (error.status === 422 || error.status === 400) {
      const problems = error.problem.errors ?? [];
      const missing = problems.flatMap((p) => /^the sheet has no column (board|indicator|value)\b/.exec(p.message)?.[1] ?? []);
      const known = problems.filter((p) => !/^the sheet has no column/.test(p.message)).map(knownProblem);
      if (problems.length > 0 && known.every((m) => m !== undefined)) {
        const seen = new Set<string>();
        const columns: Message[] = missing.length ? [k('imports.error.noColumn', { columns: missing.map((c) => t(`imports.column.${c}` as Key)).join(', ') })] : [];
        setErrors({ [field]: [...columns, ...(known as Message[]).filter((m) => !seen.has(JSON.stringify(m)) && !!seen.add(JSON.stringify(m)))] });
        setServerProblems([]);
      } else {
        setErrors({ [field]: [k('imports.error.server', { detail: error.problem.detail ?? error.message })] });
        setServerProblems((error.problem.errors ?? []).map((e) => e.message));
      }
    } else return false;
    focusLater(field === 'file' ? ids.file : ids.content);
    return true;
  };

  const preview = async () => {
    setResult(null);
    setServerProblems([]);
    if (!upload && text.trim() === '') {
      setErrors({ content: [k('imports.error.empty')] });
      focusLater(ids.content);
      return;
    }
    setErrors({});
    const body = bodyOf();
    setBusy('preview');
    try {
      const answer = await api<OutcomeImportPlan>('POST', `/cycles/${year}/imports/preview`, { body });
      setPlan({ plan: answer.data, body });
      focusLater('import-preview-title');
    } catch (error) {
      setPlan(null);
      if (!refusal(error, upload ? 'file' : 'content')) setErrors({ content: [k('app.error', { detail: error instanceof Error ? error.message : String(error) })] });
    } finally {
      setBusy(null);
    }
  };

  const apply = async () => {
    if (!plan) return;
    setBusy('apply');
    try {
      const answer = await api<OutcomeImportResult>('POST', `/cycles/${year}/imports/apply`, {
        body: { ...plan.body, documents: plan.plan.documents.map((d) => ({ boardId: d.boardId, version: d.version })) },
        idempotencyKey: newIdempotencyKey(),
      });
      setResult(answer.data);
      setPlan(null);
      focusLater('import-result-title');
    } catch (error) {
      if (!refusal(error, upload ? 'file' : 'content')) setErrors({ content: [k('app.error', { detail: error instanceof Error ? error.message : String(error) })] });
    } finally {
      setBusy(null);
    }
  };

  const fetchKolada = async () => {
    setFetched(null);
    const list = fetchIds.split(/[\s,;]+/).filter(Boolean);
    if (list.length === 0) {
      setErrors({ fetch: [k('imports.fetch.missing')] });
      focusLater(ids.fetch);
      return;
    }
    setErrors({});
    setBusy('fetch');
    try {
      const body = { municipalities: list.filter((id) => !/^V/i.test(id)), ous: list.filter((id) => /^V/i.test(id)) };
      const answer = await api<{ pages: number; content: string }>('POST', `/cycles/${year}/imports/kolada/fetch`, { body });
      setShape('kolada');
      setUpload(null);
      setText(answer.data.content);
      setFetched(answer.data.pages);
    } catch (error) {
      const detail =
        error instanceof ApiError && error.status === 503
          ? k('imports.fetch.unavailable')
          : error instanceof ApiError && error.status === 422 && error.problem.errors?.some((e) => e.path === 'kpis')
            ? k('imports.fetch.noKpis')
            : k('app.error', { detail: error instanceof Error ? error.message : String(error) });
      setErrors({ fetch: [detail] });
      focusLater(ids.fetch);
    } finally {
      setBusy(null);
    }
  };

  const boardOptions = (boards.data ?? []).filter((b) => !b.archived).map((b) => ({ value: b.boardId, label: b.name }));
  const shown = (field: keyof Errors) => errors[field]?.map(messageText).join(' ');
  const reason = (s: ImportSkipped) =>
    t(`imports.reason.${s.reason}` as Key, { status: s.status ? t(`status.${s.status}` as Key).toLowerCase() : '', year, kind: kindName(plan?.plan.kind ?? kind) });
  const nameOf = (boardId: string) => boards.data?.find((b) => b.boardId === boardId)?.name ?? boardId;

  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('imports.intro')}</p>

      <form
        class="card"
        aria-labelledby="import-form-title"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void preview();
        }}
      >
        <h2 id="import-form-title">{t('imports.form.title')}</h2>
        <RadioGroup
          id={ids.format}
          name="import-format"
          legend={t('imports.format')}
          value={shape}
          options={[
            { value: 'sheet', label: t('imports.format.sheet') },
            { value: 'kolada', label: t('imports.format.kolada') },
          ]}
          onChange={(value) => setShape(value as Shape)}
        />
        <TextArea
          id={ids.content}
          label={t('imports.content')}
          help={t(shape === 'kolada' ? 'imports.content.help.kolada' : 'imports.content.help.sheet')}
          rows={8}
          value={text}
          onInput={(value) => {
            setText(value);
            setUpload(null);
          }}
          error={shown('content')}
        />
        <Field id={ids.file} label={t('imports.file')} help={t('imports.file.help')} error={shown('file')}>
          {(a) => (
            <input
              {...a}
              ref={fileInput}
              type="file"
              class="input"
              accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={async (e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                setServerProblems([]);
                if (!file) return setUpload(null);
                const read = await readUpload(file);
                if (!('content' in read)) {
                  setUpload(null);
                  setErrors({ file: [read] });
                  return;
                }
                setErrors({});
                setUpload(read);
                setShape(read.format === 'kolada' ? 'kolada' : 'sheet');
              }}
            />
          )}
        </Field>
        {upload && (
          <p>
            {t('imports.file.chosen', { name: upload.name })}{' '}
            <Button
              variant="link"
              onClick={() => {
                setUpload(null);
                if (fileInput.current) fileInput.current.value = '';
              }}
            >
              {t('imports.file.clear')}
            </Button>
          </p>
        )}
        <SelectField
          id={ids.kind}
          label={t('imports.kind')}
          value={kind}
          options={(['t1', 't2', 'annual'] as const).map((k) => ({ value: k, label: kindName(k) }))}
          onInput={(value) => setKind(value as Kind)}
        />
        {serverProblems.length > 0 && (
          <ul class="field__error" aria-label={t('imports.error.server', { detail: '' })}>
            {serverProblems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
        <button type="submit" class="button button--primary" disabled={busy !== null} aria-disabled={busy !== null}>
          {busy === 'preview' ? t('imports.previewing') : t('imports.preview')}
        </button>
      </form>

      <section class="card" aria-labelledby="import-fetch-title">
        <h2 id="import-fetch-title">{t('imports.fetch.title')}</h2>
        <p>{t('imports.fetch.intro')}</p>
        <TextField id={ids.fetch} label={t('imports.fetch.municipalities')} help={t('imports.fetch.municipalities.help')} width="medium" value={fetchIds} onInput={setFetchIds} error={shown('fetch')} />
        <Button variant="secondary" disabled={busy !== null} onClick={() => void fetchKolada()}>
          {t('imports.fetch.button')}
        </Button>
        <div aria-live="polite">{fetched !== null && <p>{t('imports.fetch.done', { pages: fetched })}</p>}</div>
      </section>

      <div aria-live="polite">
        {busy === 'preview' && <Loading />}
        {plan && <Preview plan={plan.plan} reason={reason} />}
      </div>

      {plan?.plan.kolada && plan.plan.kolada.units.length > 0 && (
        <section class="card" aria-labelledby="import-units-title">
          <h2 id="import-units-title">{t('imports.units.title')}</h2>
          <p>{t('imports.units.intro')}</p>
          {boards.loading && <Loading />}
          {plan.plan.kolada.units.map((u) => {
            const key = unitKey(u);
            const id = `f-import-unit-${key.replace(/[^A-Za-z0-9]/g, '_')}`;
            return (
              <SelectField
                key={key}
                id={id}
                label={u.ou !== undefined ? t('imports.units.ou', { id: u.ou }) : t('imports.units.municipality', { id: u.municipality ?? '' })}
                value={units[key] ?? u.boardId ?? ''}
                placeholder={t('imports.units.none')}
                options={boardOptions}
                onInput={(value) => setUnits((current) => ({ ...current, [key]: value }))}
              />
            );
          })}
          <Button variant="secondary" disabled={busy !== null} onClick={() => void preview()}>
            {t('imports.units.again')}
          </Button>
        </section>
      )}

      {plan && (
        <section class="card" aria-labelledby="import-apply-title">
          <h2 id="import-apply-title">{t('imports.apply.title')}</h2>
          {plan.plan.counts.mapped - plan.plan.counts.unchanged === 0 ? (
            <p>{t('imports.apply.nothing')}</p>
          ) : (
            <>
              <p>
                {t('imports.apply.intro', {
                  count: plan.plan.counts.mapped - plan.plan.counts.unchanged,
                  documents: plan.plan.documents.filter((d) => d.changes > 0).length,
                  kind: kindName(plan.plan.kind),
                  replaces: plan.plan.counts.replaces,
                })}
              </p>
              <Button disabled={busy !== null} onClick={() => void apply()}>
                {busy === 'apply' ? t('imports.applying') : t('imports.apply.button', { count: plan.plan.counts.mapped - plan.plan.counts.unchanged })}
              </Button>
            </>
          )}
        </section>
      )}

      {result && <Result result={result} year={year} nameOf={nameOf} />}
      {boards.error !== undefined && <ErrorNotice error={boards.error} onRetry={boards.reload} />}
    </div>
  );
}

function Preview({ plan, reason }: { plan: OutcomeImportPlan; reason: (s: ImportSkipped) => string }) {
  return (
    <section class="card" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" tabIndex={-1}>
        {t('imports.result.title')}: {kindName(plan.kind)}
      </h2>
      <p role="status">{t('imports.summary', { ...plan.counts })}</p>
      {plan.kolada && <p>{t('imports.kolada.pages', { version: plan.kolada.version ?? '', pages: plan.kolada.pages })}</p>}
      {plan.kolada?.missingNext && <Notice tone="warning">{t('imports.kolada.missingNext', { url: plan.kolada.missingNext })}</Notice>}

      <h3 id="import-mapped-title">{t('imports.mapped.title', { count: plan.mapped.length })}</h3>
      {plan.mapped.length === 0 ? (
        <p>{t('imports.mapped.none')}</p>
      ) : (
        <TableWrap label={t('imports.mapped.title', { count: plan.mapped.length })}>
          <table class="table" aria-labelledby="import-mapped-title">
            <thead>
              <tr>
                <th scope="col">{t('imports.col.row')}</th>
                <th scope="col">{t('imports.col.board')}</th>
                <th scope="col">{t('imports.col.indicator')}</th>
                <th scope="col">{t('imports.col.value')}</th>
                <th scope="col">{t('imports.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.mapped.map((m) => (
                <tr key={m.row}>
                  <td>{m.row}</td>
                  <td>{m.boardName}</td>
                  <td>
                    {m.indicatorId} {m.indicatorName}
                  </td>
                  <td>{formatNumber(m.value)}</td>
                  <td>
                    {m.change === 'replaces' ? <strong>{t('imports.change.replaces', { from: formatNumber(m.from) })}</strong> : t(m.change === 'new' ? 'imports.change.new' : 'imports.change.same')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      {plan.skipped.length > 0 && (
        <>
          <h3 id="import-skipped-title">{t('imports.skipped.title', { count: plan.skipped.length })}</h3>
          <TableWrap label={t('imports.skipped.title', { count: plan.skipped.length })}>
            <table class="table" aria-labelledby="import-skipped-title">
              <thead>
                <tr>
                  <th scope="col">{t('imports.col.row')}</th>
                  <th scope="col">{t('imports.col.board')}</th>
                  <th scope="col">{t('imports.col.indicator')}</th>
                  <th scope="col">{t('imports.col.value')}</th>
                  <th scope="col">{t('imports.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.skipped.map((s) => (
                  <tr key={s.row}>
                    <td>{s.row}</td>
                    <td>{s.board ?? '–'}</td>
                    <td>{s.indicator ?? '–'}</td>
                    <td>{s.value ?? '–'}</td>
                    <td>{reason(s)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}

function Result({ result, year, nameOf }: { result: OutcomeImportResult; year: number; nameOf: (boardId: string) => string }) {
  return (
    <section class="card" aria-labelledby="import-result-title">
      <h2 id="import-result-title" tabIndex={-1}>
        {t('imports.applied.title')}
      </h2>
      <Notice tone={result.notApplied.length > 0 ? 'warning' : 'success'}>
        <p>{t('imports.applied', { count: result.counts.written, documents: result.applied.length })}</p>
      </Notice>
      {result.applied.length > 0 && (
        <ul>
          {result.applied.map((a) => (
            <li key={a.boardId}>
              <a href={paths.document(year, a.boardId, result.kind)}>{t('imports.applied.document', { board: nameOf(a.boardId), count: a.outcomes.length, version: a.version })}</a>
            </li>
          ))}
        </ul>
      )}
      {result.notApplied.length > 0 && (
        <>
          <h3>{t('imports.notApplied.title')}</h3>
          <ul>
            {result.notApplied.map((n) => (
              <li key={n.boardId}>{t(`imports.notApplied.${n.reason}` as Key, { board: nameOf(n.boardId) })}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

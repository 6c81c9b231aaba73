/** The executive board signs off the year: every annual report approved, and a verdict on each company's purpose. */
import { useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { api, ApiError, apiHasRoute, newIdempotencyKey } from '../lib/api';
import { fieldId, type FieldProblem } from '../lib/forms';
import { may } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import { compiledReportPath } from './CompiledReportPage';
import type { Cycle, StatusMatrix } from '../lib/types';
import { RadioGroup, TextArea } from '../components/inputs';
import { Button, ErrorNotice, Loading, Notice, PageTitle, ProblemList, StatusBadge, text, useAsync } from '../components/ui';

interface Verdict {
  withinPurpose: '' | 'yes' | 'no';
  comment: string;
}

export function SignoffPage({ year }: { year: number }) {
  const { session } = useApp();
  const data = useAsync(async () => {
    const [cycle, matrix, available] = await Promise.all([
      api<Cycle>('GET', `/cycles/${year}`),
      api<StatusMatrix>('GET', `/cycles/${year}/status`),
      apiHasRoute('/api/cycles/{year}/signoff', 'post'),
    ]);
    return { cycle: cycle.data, matrix: matrix.data, available };
  }, [year]);
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'success' | 'error' | 'warning'; text: string } | null>(null);
  const title = t('signoff.title', { year });

  if (!data.data) {
    return (
      <div class="page">
        <PageTitle title={title}>{title}</PageTitle>
        {data.loading ? <Loading /> : <ErrorNotice error={data.error} onRetry={data.reload} />}
      </div>
    );
  }
  const { cycle, matrix, available } = data.data;
  const companies = matrix.boards.filter((b) => b.kind === 'company');
  const pending = matrix.boards.filter((b) => b.documents.annual.status !== 'approved');
  const mayAct = may(session?.user, 'signoff');
  const verdictOf = (boardId: string): Verdict => verdicts[boardId] ?? { withinPurpose: '', comment: '' };
  const setVerdict = (boardId: string, change: Partial<Verdict>) => setVerdicts((v) => ({ ...v, [boardId]: { ...verdictOf(boardId), ...change } }));
  const errorOf = (id: string) => {
    const p = problems.find((x) => x.fieldId === id);
    return p ? text(p.message) : undefined;
  };

  const submit = async () => {
    setResult(null);
    const found: FieldProblem[] = [];
    for (const c of companies) {
      const v = verdictOf(c.boardId);
      if (v.withinPurpose === '') found.push({ fieldId: fieldId('companies', c.boardId, 'withinPurpose'), message: { key: 'signoff.companyMissing', vars: { name: c.name } } });
      else if (v.withinPurpose === 'no' && v.comment.trim() === '') {
        found.push({ fieldId: fieldId('companies', c.boardId, 'comment'), message: { key: 'signoff.companyCommentMissing', vars: { name: c.name } } });
      }
    }
    setProblems(found);
    if (found.length) {
      setAttempt((n) => n + 1);
      return;
    }
    const body = {
      comment: comment.trim(),
      companies: companies.map((c) => {
        const v = verdictOf(c.boardId);
        return { boardId: c.boardId, withinPurpose: v.withinPurpose === 'yes', ...(v.comment.trim() ? { comment: v.comment.trim() } : {}) };
      }),
    };
    setBusy(true);
    try {
      await api('POST', `/cycles/${year}/signoff`, { body, idempotencyKey: newIdempotencyKey() });
      setResult({ tone: 'success', text: t('signoff.done', { year }) });
      data.reload();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        // The refusal names the boards; the checklist (reloaded) lists the same ones in the person's language.
        setResult({ tone: 'warning', text: t('signoff.blocked', { boards: pending.map((b) => b.name).join(', ') || (error.problem.detail ?? '') }) });
        data.reload();
      } else if (error instanceof ApiError && error.isMissingRoute) {
        setResult({ tone: 'warning', text: t('signoff.unavailable') });
      } else if (error instanceof ApiError && error.status === 422 && error.problem.errors) {
        setProblems(
          error.problem.errors.map((e) => {
            const m = /companies\.(\d+)\.?(\w+)?/.exec(e.path);
            const company = m ? body.companies[Number(m[1])] : undefined;
            return { fieldId: company ? fieldId('companies', company.boardId, m![2] === 'comment' ? 'comment' : 'withinPurpose') : fieldId('signoff', 'comment'), message: { text: e.message } };
          }),
        );
        setAttempt((n) => n + 1);
      } else {
        setResult({ tone: 'error', text: t('app.error', { detail: error instanceof Error ? error.message : String(error) }) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page">
      <PageTitle title={title}>{title}</PageTitle>
      <p class="lead">{t('signoff.intro')}</p>
      {/* The executive board signs off looking at the city's report. */}
      <p>
        <a href={compiledReportPath(year, 'annual')}>{t('reports.link.signoff', { year })}</a>
      </p>
      {cycle.state === 'signed_off' && (
        <Notice tone="success">
          <p>
            <strong>{t('signoff.done', { year })}</strong>
          </p>
          <p>{t('signoff.doneAt', { date: formatDate(cycle.signedOffAt, true), who: cycle.signedOffBy ?? '–' })}</p>
        </Notice>
      )}
      {!available && cycle.state !== 'signed_off' && <Notice tone="warning">{t('signoff.unavailable')}</Notice>}
      {result && <Notice tone={result.tone}>{result.text}</Notice>}
      {problems.length > 0 && <ProblemList key={attempt} id="signoff-problems" title={t('doc.errors.title', { count: problems.length })} problems={problems} focusOnShow />}

      <section class="card" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('signoff.checklist')}: {t('signoff.reports')}</h2>
        {pending.length === 0 ? (
          <p class="text-ok">
            <span aria-hidden="true">✔ </span>
            {t('signoff.allApproved', { count: matrix.boards.length })}
          </p>
        ) : (
          <>
            <p>{t('signoff.pending', { count: pending.length, total: matrix.boards.length })}</p>
            <ul class="checklist">
              {pending.map((b) => (
                <li key={b.boardId}>
                  <a href={paths.document(year, b.boardId, 'annual')}>{b.name}</a> <StatusBadge status={b.documents.annual.status} late={b.documents.annual.late} />
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {cycle.state !== 'signed_off' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <section class="card" aria-labelledby="companies-title">
            <h2 id="companies-title">{t('signoff.companies')}</h2>
            <p>{t('signoff.companiesIntro')}</p>
            {companies.length === 0 && <p>{t('signoff.noCompanies')}</p>}
            {companies.map((c) => {
              const v = verdictOf(c.boardId);
              return (
                <div key={c.boardId} class="row-card">
                  <RadioGroup
                    id={fieldId('companies', c.boardId, 'withinPurpose')}
                    name={`purpose-${c.boardId}`}
                    legend={`${c.name}: ${t('signoff.within')}`}
                    required
                    requiredText={t('doc.required')}
                    value={v.withinPurpose}
                    options={[
                      { value: 'yes', label: t('signoff.yes') },
                      { value: 'no', label: t('signoff.no') },
                    ]}
                    onChange={(value) => setVerdict(c.boardId, { withinPurpose: value as 'yes' })}
                    error={errorOf(fieldId('companies', c.boardId, 'withinPurpose'))}
                  />
                  <TextArea
                    id={fieldId('companies', c.boardId, 'comment')}
                    rows={2}
                    label={t('signoff.companyComment')}
                    help={t('signoff.companyCommentHelp')}
                    required={v.withinPurpose === 'no'}
                    value={v.comment}
                    onInput={(value) => setVerdict(c.boardId, { comment: value })}
                    error={errorOf(fieldId('companies', c.boardId, 'comment'))}
                  />
                </div>
              );
            })}
          </section>
          <section class="card" aria-labelledby="comment-title">
            <h2 id="comment-title">{t('signoff.comment')}</h2>
            <TextArea id={fieldId('signoff', 'comment')} rows={4} label={t('signoff.comment')} value={comment} onInput={setComment} error={errorOf(fieldId('signoff', 'comment'))} />
          </section>
          {mayAct && (
            <Button type="submit" disabled={busy || !available}>
              {t('signoff.submit')}
            </Button>
          )}
        </form>
      )}
    </div>
  );
}

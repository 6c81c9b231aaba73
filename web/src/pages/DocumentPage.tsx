/**
 * One board's plan or report. The board's editor fills it in; a reviewer reviews it while it is in review; everyone
 * else who may read it sees it read-only. Findings and the reviewer's comments stand next to the indicators.
 */
import { useState } from 'preact/hooks';
import { formatDate, t } from '../i18n';
import { api, ApiError, documentPath } from '../lib/api';
import { planIndicatorsOf } from '../lib/forms';
import { loadDirectory } from '../lib/levels';
import { may, transitionsFor } from '../lib/policy';
import { paths } from '../lib/router';
import { useApp } from '../lib/session';
import type { Board, CouncilGoals, Cycle, DocumentKind, DocumentRead, Finding, PlanContent, ReportContent, ReportKind } from '../lib/types';
import { PlanView, ReportView } from '../components/DocumentViews';
import { PlanEditor } from '../components/PlanEditor';
import { ReportEditor } from '../components/ReportEditor';
import { ReviewPanel } from '../components/ReviewPanel';
import { DocxDownload } from '../components/DocxDownload';
import { ErrorNotice, kindName, Loading, Notice, PageTitle, StatusBadge, useAsync } from '../components/ui';

interface Loaded {
  doc: DocumentRead;
  etag: string;
  goals: CouncilGoals | null;
  board?: Board;
  /** The boards above this one, nearest first: a unit's documents are reached through them. */
  ancestors: string[];
  parentName?: string;
  cycle: Cycle;
  plan?: DocumentRead;
}

export function DocumentPage({ year, boardId, kind }: { year: number; boardId: string; kind: DocumentKind }) {
  const { session } = useApp();
  const user = session?.user;
  const [notice, setNotice] = useState<{ tone: 'success' | 'info'; text: string; link?: { href: string; label: string } } | null>(null);
  const data = useAsync<Loaded>(async () => {
    const [doc, goals, boards, cycle, plan] = await Promise.all([
      api<DocumentRead>('GET', documentPath(year, boardId, kind)),
      api<CouncilGoals>('GET', `/cycles/${year}/council-goals`).then(
        (a) => a.data,
        (e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        },
      ),
      loadDirectory(),
      api<Cycle>('GET', `/cycles/${year}`),
      kind === 'plan' ? Promise.resolve(undefined) : api<DocumentRead>('GET', documentPath(year, boardId, 'plan')).then((a) => a.data),
    ]);
    const ancestors = boards.ancestors(boardId);
    return {
      doc: doc.data,
      etag: doc.etag ?? `"${doc.data.version}"`,
      goals,
      board: boards.byId.get(boardId),
      ancestors,
      parentName: doc.data.parent?.name ?? plan?.parent?.name ?? (ancestors[0] ? boards.name(ancestors[0]) : undefined),
      cycle: cycle.data,
      plan,
    };
  }, [year, boardId, kind]);

  const boardName = data.data?.board?.name ?? boardId;
  const title = `${kindName(kind)} ${year}`;
  const fullTitle = `${title} – ${boardName}`;

  if (!data.data) {
    return (
      <div class="page">
        <PageTitle title={fullTitle}>{fullTitle}</PageTitle>
        {data.loading ? <Loading /> : <ErrorNotice error={data.error} onRetry={data.reload} />}
      </div>
    );
  }

  const { doc, etag, goals, cycle, plan, ancestors, parentName } = data.data;
  // A unit's document has its own due date (the calendar's moved by unitLeadDays per level).
  const due = doc.due ?? cycle.calendar[`${kind}Due` as 'planDue'];
  const open = cycle.state === 'open';
  // The buttons come from the lifecycle table and the policy, as the server will check them.
  const possible = new Set(transitionsFor(user, doc.status, { boardId, ancestors, cycleState: cycle.state }).map((row) => row.action));
  const mode = possible.has('save') ? 'edit' : possible.has('approve') || possible.has('return') ? 'review' : 'read';
  const boardEditor = may(user, 'documents.save', boardId);
  const lastReview = doc.comments.at(-1);
  const planContent = (plan?.content ?? { targets: [], ownIndicators: [], goals: [] }) as PlanContent;
  const planTargets = { targets: planContent.targets ?? [], ownIndicators: planContent.ownIndicators ?? [] };
  // A unit reports on its parent's indicators it set targets for; a board on the council's assigned to it.
  const unitParent = doc.parent ?? plan?.parent;
  const indicators = goals ? planIndicatorsOf(goals, boardId, planTargets, unitParent ? { indicators: unitParent.targets } : undefined) : [];
  const planGoals = (planContent.goals ?? []).map((g) => ({ id: g.id, title: g.title }));

  // A save answers the document without what GET adds beside it (a unit's parent plan, a parent's roll-up): keep those.
  const onDocument = (next: DocumentRead, nextEtag: string) =>
    data.set({ ...data.data!, doc: { ...next, parent: next.parent ?? doc.parent, rollup: next.rollup ?? doc.rollup, due: next.due ?? doc.due }, etag: nextEtag });
  const onSubmitted = (findings: Finding[]) => {
    const text = !findings.length
      ? t('doc.submitted')
      : kind !== 'plan'
        ? t('economy.submittedFindings', { count: findings.length })
        : doc.parent
        ? t('doc.submittedFindings.unit', { count: findings.length, parent: doc.parent.name })
        : t('doc.submittedFindings', { count: findings.length });
    setNotice({ tone: 'success', text });
    data.reload();
    setTimeout(() => document.getElementById('page-title')?.focus(), 0);
  };

  return (
    <div class="page">
      <p class="eyebrow">
        {boardName}
        {parentName && <span class="eyebrow__parent"> · {t('doc.unitOf', { parent: parentName })}</span>}
      </p>
      <PageTitle title={fullTitle}>{title}</PageTitle>
      <div class="doc-meta">
        <StatusBadge status={doc.status} />
        <span>{t('doc.dueLine', { date: formatDate(due) })}</span>
        {doc.version > 0 && <span class="muted">{t('doc.version', { version: doc.version })}</span>}
        <a href={paths.history(year, boardId, kind)}>{t('doc.history')}</a>
        <DocxDownload year={year} boardId={boardId} kind={kind} />
      </div>

      {notice && (
        <Notice tone={notice.tone}>
          <p>{notice.text}</p>
          {notice.link && (
            <p>
              <a href={notice.link.href}>{notice.link.label}</a>
            </p>
          )}
        </Notice>
      )}
      {!open && <Notice>{t('doc.signedOff')}</Notice>}
      {doc.status === 'returned' && lastReview && (
        <Notice tone="warning">
          <p>
            <strong>{t('doc.returnedBanner')}</strong>
          </p>
          <p class="review-comment__label">
            {lastReview.actorName
              ? t('doc.reviewerNamedSays', { name: lastReview.actorName, date: formatDate(lastReview.at, true) })
              : t('doc.reviewerSays', { date: formatDate(lastReview.at, true) })}
          </p>
          <blockquote class="review-quote">{lastReview.comment}</blockquote>
        </Notice>
      )}
      {doc.status === 'approved' && (
        <Notice tone="success">
          <p>{t('doc.approvedBanner')}</p>
          {lastReview?.comment && <blockquote class="review-quote">{lastReview.comment}</blockquote>}
        </Notice>
      )}
      {kind !== 'plan' && plan && plan.status === 'not_started' && mode === 'edit' && <Notice tone="warning">{t('report.noPlan')}</Notice>}
      {mode === 'read' && open && boardEditor && doc.status in { in_review: 1, approved: 1 } && (
        <Notice>{t(doc.status === 'in_review' ? 'doc.readonly.in_review' : 'doc.readonly.approved')}</Notice>
      )}

      {!goals ? (
        <Notice tone="warning">{t('home.noCycle', { year })}</Notice>
      ) : mode === 'edit' ? (
        kind === 'plan' ? (
          <PlanEditor year={year} boardId={boardId} doc={doc} etag={etag} goals={goals} onDocument={onDocument} onSubmitted={onSubmitted} />
        ) : (
          <ReportEditor
            year={year}
            boardId={boardId}
            kind={kind as ReportKind}
            doc={doc}
            etag={etag}
            indicators={indicators}
            planGoals={planGoals}
            planStatus={plan?.status ?? 'not_started'}
            parentName={unitParent ? unitParent.name : undefined}
            onDocument={onDocument}
            onSubmitted={onSubmitted}
          />
        )
      ) : mode === 'review' ? (
        <ReviewPanel
          year={year}
          boardId={boardId}
          kind={kind}
          doc={doc}
          goals={goals}
          planIndicators={indicators}
          planGoals={planGoals}
          parent={doc.parent}
          unitOf={parentName}
          onDecided={(next, decision) => {
            setNotice({
              tone: 'success',
              text: t(decision === 'approve' ? 'review.approved' : 'review.returned'),
              link: { href: paths.review(year), label: t('review.backToQueue') },
            });
            data.set({ ...data.data!, doc: next, etag: `"${next.version}"` });
            setTimeout(() => document.getElementById('page-title')?.focus(), 0);
          }}
        />
      ) : kind === 'plan' ? (
        <PlanView content={doc.content as PlanContent} goals={goals} findings={doc.findings} comments={doc.comments} parent={doc.parent} />
      ) : (
        <ReportView
          kind={kind as ReportKind}
          content={doc.content as ReportContent}
          indicators={indicators}
          goalTitles={new Map(planGoals.map((g) => [g.id, g.title]))}
          comments={doc.comments}
          findings={doc.findings}
          year={year}
          boardId={boardId}
        />
      )}
    </div>
  );
}

/**
 * Editing a plan or report: the form, its checks, saving with If-Match, the 412 merge, and submitting.
 * The document page renders the fields; this hook owns what happens between them and the API.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocale } from '../i18n';
import { api, ApiError, documentPath, newIdempotencyKey } from './api';
import { analyseMerge, merge, type MergeAnalysis } from './diff';
import { fieldIdForPath, type FieldProblem, type Message } from './forms';
import type { DocumentKind, DocumentRead, Finding, SubmitResponse } from './types';

export interface EditorSpec<F, C> {
  year: number;
  boardId: string;
  kind: DocumentKind;
  toForm(content: unknown): F;
  contentOf(form: F): { content: C; problems: FieldProblem[] };
  missing(form: F): FieldProblem[];
}

export interface ConflictState<F> {
  analysis: MergeAnalysis;
  theirs: F;
  theirsDoc: DocumentRead;
  theirsEtag: string;
  useTheirs: Set<string>;
}

export type Outcome =
  | { kind: 'saved' }
  | { kind: 'submitted'; findings: Finding[] }
  | { kind: 'conflictApplied' }
  | { kind: 'error'; detail: string }
  | { kind: 'invalid' };

/** Warns before the tab closes while the form has unsaved changes. */
export function useUnsavedWarning(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

export function useEditor<F, C>(spec: EditorSpec<F, C>, initial: { doc: DocumentRead; etag: string }, onDocument: (doc: DocumentRead, etag: string) => void) {
  const [form, setForm] = useState<F>(() => spec.toForm(initial.doc.content));
  const [base, setBase] = useState<F>(() => spec.toForm(initial.doc.content));
  const [etag, setEtag] = useState(initial.etag);
  const [attempt, setAttempt] = useState<{ n: number; kind: 'save' | 'submit' } | null>(null);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [conflict, setConflict] = useState<ConflictState<F> | null>(null);
  const [savedAt, setSavedAt] = useState<string | undefined>(initial.doc.updatedAt);
  const [status, setStatus] = useState(initial.doc.status);
  const path = documentPath(spec.year, spec.boardId, spec.kind);

  // The checks' messages may carry numbers formatted in the person's language: worked out again when it changes.
  const locale = useLocale();
  const { content, problems: saveProblems } = useMemo(() => spec.contentOf(form), [form, locale]);
  const missing = useMemo(() => spec.missing(form), [form, locale]);
  const dirty = useMemo(() => JSON.stringify(content) !== JSON.stringify(spec.contentOf(base).content), [content, base]);

  useUnsavedWarning(dirty);

  /** The errors shown beside fields: after a save, what stops saving; after a submit, also what is missing. */
  const errors: FieldProblem[] = useMemo(() => {
    if (!attempt) return serverProblems;
    const client = attempt.kind === 'submit' ? [...saveProblems, ...missing] : saveProblems;
    const seen = new Set(client.map((p) => p.fieldId));
    return [...client, ...serverProblems.filter((p) => !seen.has(p.fieldId))];
  }, [attempt, saveProblems, missing, serverProblems]);
  const errorOf = useMemo(() => {
    const map = new Map<string, Message>();
    for (const p of errors) if (!map.has(p.fieldId)) map.set(p.fieldId, p.message);
    return map;
  }, [errors]);

  const update = (change: (draft: F) => void) => {
    setForm((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
    setOutcome((o) => (o?.kind === 'saved' || o?.kind === 'conflictApplied' ? null : o));
  };

  const startConflict = async () => {
    const current = await api<DocumentRead>('GET', path);
    const theirs = spec.toForm(current.data.content);
    const analysis = analyseMerge(base, form, theirs);
    setConflict({ analysis, theirs, theirsDoc: current.data, theirsEtag: current.etag ?? `"${current.data.version}"`, useTheirs: new Set() });
  };

  const problemsFrom = (error: ApiError, sent: unknown): FieldProblem[] =>
    (error.problem.errors ?? []).map((e) => ({ fieldId: fieldIdForPath(e.path, sent, spec.kind === 'plan' ? 'plan' : 'report'), message: { text: e.message } }));

  async function save(kind: 'save' | 'submit' = 'save'): Promise<boolean> {
    setServerProblems([]);
    if (saveProblems.length > 0) {
      setAttempt((a) => ({ n: (a?.n ?? 0) + 1, kind }));
      setOutcome({ kind: 'invalid' });
      return false;
    }
    setBusy(kind);
    try {
      const answer = await api<DocumentRead>('PUT', path, { body: { content }, ifMatch: etag });
      const nextEtag = answer.etag ?? `"${answer.data.version}"`;
      setEtag(nextEtag);
      setBase(spec.toForm(answer.data.content));
      setSavedAt(answer.data.updatedAt);
      setStatus(answer.data.status);
      onDocument(answer.data, nextEtag);
      if (kind === 'save') {
        setAttempt(null);
        setOutcome({ kind: 'saved' });
      }
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await startConflict();
      } else if (error instanceof ApiError && error.status === 422) {
        setServerProblems(problemsFrom(error, content));
        setAttempt((a) => ({ n: (a?.n ?? 0) + 1, kind }));
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'error', detail: error instanceof Error ? error.message : String(error) });
      }
      return false;
    } finally {
      setBusy(null);
    }
  }

  async function submit(): Promise<Finding[] | undefined> {
    setServerProblems([]);
    if (saveProblems.length > 0 || missing.length > 0) {
      setAttempt((a) => ({ n: (a?.n ?? 0) + 1, kind: 'submit' }));
      setOutcome({ kind: 'invalid' });
      return undefined;
    }
    if (dirty || status === 'not_started') {
      const saved = await save('submit');
      if (!saved) return undefined;
    }
    setBusy('submit');
    try {
      const answer = await api<SubmitResponse>('POST', `${path}/submit`, { idempotencyKey: newIdempotencyKey() });
      setAttempt(null);
      setOutcome({ kind: 'submitted', findings: answer.data.findings });
      return answer.data.findings;
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setServerProblems(problemsFrom(error, content));
        setAttempt((a) => ({ n: (a?.n ?? 0) + 1, kind: 'submit' }));
        setOutcome({ kind: 'invalid' });
      } else {
        setOutcome({ kind: 'error', detail: error instanceof Error ? error.message : String(error) });
      }
      return undefined;
    } finally {
      setBusy(null);
    }
  }

  const chooseInConflict = (key: string, theirs: boolean) =>
    setConflict((c) => {
      if (!c) return c;
      const useTheirs = new Set(c.useTheirs);
      if (theirs) useTheirs.add(key);
      else useTheirs.delete(key);
      return { ...c, useTheirs };
    });

  const chooseAllInConflict = (theirs: boolean) =>
    setConflict((c) => (c ? { ...c, useTheirs: theirs ? new Set(c.analysis.conflicts.map((x) => x.key)) : new Set() } : c));

  /** Takes their version as the new base, keeping my edits where I chose so. */
  const applyConflict = () => {
    if (!conflict) return;
    setForm(merge(form, conflict.theirs, conflict.analysis, conflict.useTheirs));
    setBase(conflict.theirs);
    setEtag(conflict.theirsEtag);
    setSavedAt(conflict.theirsDoc.updatedAt);
    setStatus(conflict.theirsDoc.status);
    onDocument(conflict.theirsDoc, conflict.theirsEtag);
    setConflict(null);
    setOutcome({ kind: 'conflictApplied' });
  };

  return {
    form,
    update,
    content,
    etag,
    dirty,
    busy,
    outcome,
    attempt,
    errors,
    errorOf,
    missing,
    saveProblems,
    savedAt,
    conflict,
    save,
    submit,
    chooseInConflict,
    chooseAllInConflict,
    applyConflict,
  };
}

export type Editor<F> = ReturnType<typeof useEditor<F, unknown>>;

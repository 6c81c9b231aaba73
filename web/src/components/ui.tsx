/** Small building blocks shared by the pages: fields with their help and errors, badges, notices, loading. */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, NetworkError } from '../lib/api';
import type { FieldProblem, Message } from '../lib/forms';
import type { DocumentKind, DocumentStatus } from '../lib/types';
import { t, type Key } from '../i18n';

export function text(message: Message): string {
  return 'key' in message ? t(message.key, message.vars) : message.text;
}

export interface FieldProps {
  id: string;
  label: string;
  help?: ComponentChildren;
  /** Shown beside the field (e.g. the council's target); read out with the field. */
  aside?: ComponentChildren;
  warning?: string;
  error?: string;
  required?: boolean;
  class?: string;
  children: (input: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: 'true'; required?: boolean; 'aria-required'?: 'true' }) => ComponentChildren;
}

/** A label, the control, and its help, warning and error texts tied to it with aria-describedby. */
export function Field({ id, label, help, aside, warning, error, required, children, class: className }: FieldProps) {
  const describedBy = [aside && `${id}-aside`, help && `${id}-help`, warning && `${id}-warn`, error && `${id}-err`].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field--error' : ''}${warning ? ' field--warning' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>
        {label}
        {required && <span class="required"> ({t('doc.required')})</span>}
      </label>
      {aside && (
        <p class="field__aside" id={`${id}-aside`}>
          {aside}
        </p>
      )}
      {help && (
        <p class="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {children({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': error ? 'true' : undefined, ...(required ? { 'aria-required': 'true' as const } : {}) })}
      <div aria-live="polite">
        {warning && (
          <p class="field__warning" id={`${id}-warn`}>
            <span aria-hidden="true">⚠ </span>
            {warning}
          </p>
        )}
      </div>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** Moves focus to a field (or its section) named in a list of problems. */
/** A field's error, tied to it by `<id>-err` (the field's aria-describedby names it). */
export function FieldError({ id, error }: { id: string; error?: ComponentChildren }) {
  if (!error) return null;
  return (
    <p class="field__error" id={`${id}-err`}>
      <span aria-hidden="true">✖ </span>
      {error}
    </p>
  );
}

export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  if (!element.matches('input, select, textarea, button, a, [tabindex]')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
}

/** A list of problems with links to their fields; focused when it appears after an attempt. */
export function ProblemList({
  id,
  title,
  problems,
  tone = 'error',
  focusOnShow = false,
  intro,
}: {
  id: string;
  title: string;
  problems: FieldProblem[];
  tone?: 'error' | 'info';
  focusOnShow?: boolean;
  intro?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusOnShow) ref.current?.focus();
  }, [focusOnShow]);
  return (
    <div class={`problems problems--${tone}`} id={id} ref={ref} tabIndex={-1} role={tone === 'error' ? 'alert' : undefined} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="problems__title">
        {title}
      </h2>
      {intro && <p>{intro}</p>}
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.fieldId}-${i}`}>
            <a
              href={`#${p.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(p.fieldId);
              }}
            >
              {text(p.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function StatusBadge({ status, late }: { status: DocumentStatus; late?: boolean }) {
  return (
    <span class="badges">
      <span class={`badge badge--${status}`}>{t(`status.${status}` as Key)}</span>
      {late && (
        <span class="badge badge--late">
          <span aria-hidden="true">⏰ </span>
          {t('late')}
        </span>
      )}
    </span>
  );
}

export const kindName = (kind: DocumentKind) => t(`kind.${kind}` as Key);

export function Notice({ tone = 'info', children, id }: { tone?: 'info' | 'success' | 'warning' | 'error'; children: ComponentChildren; id?: string }) {
  return (
    <div class={`notice notice--${tone}`} id={id} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

/** Says what went wrong with a request, in the person's language, with the API's detail. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  let message: string;
  if (error instanceof NetworkError) message = t('app.networkError');
  else if (error instanceof ApiError && error.status === 403) message = t('app.forbidden');
  else if (error instanceof ApiError && error.isMissingRoute) message = t('app.notAvailable');
  else message = t('app.error', { detail: error instanceof Error ? error.message : String(error) });
  return (
    <Notice tone="error">
      <p>{message}</p>
      {onRetry && !(error instanceof ApiError && (error.status === 403 || error.status === 404)) && (
        <button type="button" class="button button--secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </Notice>
  );
}

export interface Async<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload: () => void;
  set: (data: T) => void;
}

/** Runs a loader when its dependencies change; `reload` runs it again. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[]): Async<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const set = useCallback((data: T) => setState({ data, loading: false }), []);
  return { ...state, reload, set };
}

/** Sets the page's title and h1 focus target; the heading is focused after each navigation (see App). */
/**
 * The page's heading, and its <title>. With `description`, the page's meta description too (what a search engine
 * shows under the title); without, the app shell's default comes back, so no page keeps another page's text.
 */
export function PageTitle({ children, title, description }: { children: ComponentChildren; title: string; description?: string }) {
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title]);
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) return;
    meta.dataset.default ??= meta.content;
    meta.content = description ?? meta.dataset.default;
  }, [description]);
  return (
    <h1 id="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Button(props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' | 'link' }) {
  const { variant = 'primary', class: className, ...rest } = props;
  return <button type="button" class={`button button--${variant}${className ? ` ${className}` : ''}`} {...rest} />;
}

/**
 * A wrapper that lets a wide table scroll sideways. When it does scroll, it becomes a named, focusable region so that
 * keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(check) : undefined;
    observer?.observe(element);
    return () => observer?.disconnect();
  });
  return (
    <div class="table-wrap" ref={ref} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}

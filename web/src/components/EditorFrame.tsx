/** Around a plan or report form: what is missing, the outcome of the last action, the 412 merge, and the actions. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { formatDate, t, type Key } from '../i18n';
import type { useEditor } from '../lib/editor';
import { sectionId } from '../lib/forms';
import { personName } from '../lib/people';
import { allows, transitionOf } from '../lib/policy';
import type { DocumentStatus } from '../lib/types';
import { describePath, describeValue, type NameContext } from './changes';
import { Button, Notice, ProblemList, TableWrap } from './ui';

type AnyEditor = ReturnType<typeof useEditor<any, any>>;

export function EditorFrame({
  editor,
  status,
  ctx,
  children,
  onSubmit,
  submitDisabledReason,
}: {
  editor: AnyEditor;
  status: DocumentStatus;
  ctx: NameContext;
  children: ComponentChildren;
  onSubmit: () => void;
  submitDisabledReason?: string;
}) {
  const { outcome, attempt, errors, missing, saveProblems, busy, dirty, conflict } = editor;
  const checklist = [...saveProblems, ...missing];
  // The submit the table will record: an unsaved (not started) document is saved first, then submitted.
  const submitRow = transitionOf(status, 'submit') ?? transitionOf(transitionOf(status, 'save')?.to ?? status, 'submit');
  return (
    <div class="editor">
      {conflict && <ConflictPanel editor={editor} ctx={ctx} />}
      {outcome?.kind === 'saved' && (
        <Notice tone="success">
          <p>{t('doc.savedNow')}</p>
        </Notice>
      )}
      {outcome?.kind === 'conflictApplied' && (
        <Notice tone="success">
          <p>{t('conflict.applied')}</p>
        </Notice>
      )}
      {outcome?.kind === 'error' && (
        <Notice tone="error">
          <p>{t('doc.conflict409', { detail: outcome.detail })}</p>
        </Notice>
      )}
      {attempt && errors.length > 0 ? (
        <ProblemList
          key={attempt.n}
          id={sectionId('problems')}
          title={t('doc.errors.title', { count: errors.length })}
          intro={attempt.kind === 'save' ? t('doc.errors.save') : undefined}
          problems={errors}
          focusOnShow
        />
      ) : checklist.length > 0 ? (
        <ProblemList id={sectionId('missing')} tone="info" title={t('doc.missing.title', { count: checklist.length })} problems={checklist} />
      ) : (
        <Notice tone="success" id={sectionId('missing')}>
          <p>{t('doc.missing.none')}</p>
        </Notice>
      )}

      {children}

      <div class="action-bar" role="group" aria-label={t('table.actions')}>
        <div class="action-bar__status" aria-live="polite">
          {busy === 'save' ? t('app.saving') : busy === 'submit' ? t('doc.submitting') : dirty ? t('doc.unsaved') : editor.savedAt ? t('doc.saved', { time: formatDate(editor.savedAt, true), version: editor.etag.replace(/"/g, '') }) : ''}
        </div>
        <Button variant="secondary" onClick={() => void editor.save()} disabled={busy !== null || conflict !== null}>
          {t('doc.save')}
        </Button>
        <Button onClick={onSubmit} disabled={busy !== null || conflict !== null || !!submitDisabledReason} aria-describedby={submitDisabledReason ? 'submit-why' : undefined}>
          {t(submitRow?.audit === 'resubmitted' ? 'doc.resubmit' : 'doc.submit')}
        </Button>
        {submitDisabledReason && (
          <p id="submit-why" class="action-bar__why">
            {submitDisabledReason}
          </p>
        )}
      </div>
    </div>
  );
}

function ConflictPanel({ editor, ctx }: { editor: AnyEditor; ctx: NameContext }) {
  const conflict = editor.conflict!;
  const { analysis, theirsDoc, useTheirs } = conflict;
  const heading = useRef<HTMLHeadingElement>(null);
  // Move focus to the panel once, when it appears, so that the person learns what happened.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>
        {t('conflict.title')}
      </h2>
      <p>
        {t('conflict.intro', {
          who: personName(theirsDoc.updatedBy, theirsDoc.updatedByName),
          time: formatDate(theirsDoc.updatedAt, true),
          version: theirsDoc.version,
        })}
      </p>
      {!allows(theirsDoc.status, 'save') && (
        <p>
          <strong>{t('conflict.statusChanged', { status: t(`status.${theirsDoc.status}` as Key) })}</strong>
        </p>
      )}
      {analysis.conflicts.length > 0 ? (
        <>
          <div class="conflict__bulk">
            <Button variant="secondary" onClick={() => editor.chooseAllInConflict(false)}>
              {t('conflict.keepAllMine')}
            </Button>
            <Button variant="secondary" onClick={() => editor.chooseAllInConflict(true)}>
              {t('conflict.takeAllTheirs')}
            </Button>
          </div>
          <TableWrap label={t('conflict.title')}>
            <table class="table">
              <caption class="visually-hidden">{t('conflict.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('conflict.field')}</th>
                  <th scope="col">{t('conflict.theirs')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                  <th scope="col">{t('conflict.choice')}</th>
                </tr>
              </thead>
              <tbody>
                {analysis.conflicts.map((c, i) => {
                  const label = describePath(c.path, ctx);
                  return (
                    <tr key={c.key}>
                      <th scope="row" id={`conflict-${i}`}>
                        {label}
                      </th>
                      <td>{c.row && c.theirs === '' ? t('change.rowRemoved') : describeValue(c.path, c.theirs)}</td>
                      <td>{c.row && c.mine === '' ? t('change.rowRemoved') : describeValue(c.path, c.mine)}</td>
                      <td>
                        <fieldset class="choice" aria-labelledby={`conflict-${i}`}>
                          <label>
                            <input type="radio" name={`conflict-${i}`} checked={useTheirs.has(c.key)} onChange={() => editor.chooseInConflict(c.key, true)} />
                            {t('conflict.useTheirs')}
                          </label>
                          <label>
                            <input type="radio" name={`conflict-${i}`} checked={!useTheirs.has(c.key)} onChange={() => editor.chooseInConflict(c.key, false)} />
                            {t('conflict.keepMine')}
                          </label>
                        </fieldset>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : (
        <p>{t('conflict.none')}</p>
      )}
      {analysis.theirsOnly.length > 0 && (
        <>
          <p>{t('conflict.taken')}</p>
          <ul>
            {analysis.theirsOnly.map((c) => (
              <li key={c.key}>
                {describePath(c.path, ctx)}: {describeValue(c.path, c.row ? '•' : c.after, c.kind === 'removed' ? 'removed' : 'added')}
                {c.summary ? ` (${c.summary})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      <Button onClick={editor.applyConflict}>{t('conflict.apply')}</Button>
    </section>
  );
}

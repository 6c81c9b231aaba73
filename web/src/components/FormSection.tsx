/** The parts the plan and report editors share: their numbered sections, and each field's error as text. */
import type { ComponentChildren } from 'preact';
import { sectionId, type Message } from '../lib/forms';
import { text } from './ui';

/** One numbered part of an editor: its heading, a line on what to fill in, and a line when it has no rows yet. */
export function FormSection({
  name,
  headingId,
  title,
  intro,
  empty,
  children,
}: {
  /** The form's section name; the section's id comes from it, so the editor's table of contents can link to it. */
  name: string;
  headingId: string;
  title: string;
  intro?: string;
  /** Shown above the rows when the section has none. */
  empty?: string;
  children?: ComponentChildren;
}) {
  return (
    <section id={sectionId(name)} class="form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro !== undefined && <p class="section-intro">{intro}</p>}
      {empty !== undefined && <p class="empty">{empty}</p>}
      {children}
    </section>
  );
}

/** The editor's first error on a field, as the text the field shows; undefined when it has none. */
export const fieldErrorText =
  (errorOf: ReadonlyMap<string, Message>) =>
  (id: string): string | undefined => {
    const m = errorOf.get(id);
    return m ? text(m) : undefined;
  };

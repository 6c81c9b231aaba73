/** Renders the e-mail templates: the local outbox uses renderMessage, SES gets the same values from templateData. */
import type { Locale } from '../schemas/boards';
import type { DocumentKind } from '../schemas/common';
import { commentBlock, copyNote, documentNames, templates, yearPhrase, type MessageTemplateKind, type Placeholder } from './templates';

export interface MessageInput {
  kind: MessageTemplateKind;
  locale: Locale;
  boardName: string;
  documentKind: DocumentKind;
  /** ISO date; written as is (ISO is the Swedish standard date form, and unambiguous in English). */
  dueDate: string;
  /** The form of the document in the web app. */
  link: string;
  /** The reviewer's comment, for `returned` (and `approved` when there is one). */
  comment?: string;
  /** n of the n-th escalation; required for `escalation`. */
  escalationNumber?: number;
  /** The cycle's year, named with the document when given ("verksamhetsplan för 2027"). */
  year?: number;
  /** For a unit's overdue notice or escalation: the name of its parent board, whose office has the copy (absent: the reviewers). */
  copiedTo?: string;
}

const placeholder = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * Fills every `{{name}}` in `template` from `values` in one pass (a value containing `{{x}}` stays as written).
 * A placeholder without a value is a bug and throws.
 */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(placeholder, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for the placeholder {{${name}}}`);
    return value;
  });
}

/** One line: line breaks, tabs and other control characters become single spaces (subjects must not break). */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** The values of every placeholder for a message: what SES receives as TemplateData, and what renderMessage fills in. */
export function templateData(input: MessageInput): Record<Placeholder, string> {
  if (input.kind === 'escalation' && (input.escalationNumber === undefined || !Number.isInteger(input.escalationNumber) || input.escalationNumber < 1)) {
    throw new RangeError('an escalation message needs its escalationNumber (1, 2, …)');
  }
  const documentName = documentNames[input.locale][input.documentKind];
  const comment = input.comment?.replace(/\r\n?/g, '\n').trim();
  return {
    boardName: oneLine(input.boardName),
    documentTitle: input.year === undefined ? documentName : fill(yearPhrase[input.locale], { documentName, year: String(input.year) }),
    dueDate: oneLine(input.dueDate),
    link: oneLine(input.link),
    escalationNumber: input.escalationNumber === undefined ? '' : String(input.escalationNumber),
    commentBlock: comment ? fill(commentBlock[input.locale], { comment }) : '',
    copyNote:
      input.kind === 'overdue' || input.kind === 'escalation'
        ? input.copiedTo === undefined
          ? copyNote[input.kind][input.locale].reviewers
          : fill(copyNote[input.kind][input.locale].office, { officeName: oneLine(input.copiedTo) })
        : '',
  };
}

/** The subject and body of a message, in the board's language. */
export function renderMessage(input: MessageInput): { subject: string; body: string } {
  const template = templates[input.kind][input.locale];
  const values = templateData(input);
  return { subject: fill(template.subject, values), body: fill(template.body, values) };
}

/** The rendered text together with the template and values it came from, for the outbox and for SES alike. */
export function composeMessage(input: MessageInput): { subject: string; body: string; template: { kind: MessageTemplateKind; locale: Locale; data: Record<string, string> } } {
  return { ...renderMessage(input), template: { kind: input.kind, locale: input.locale, data: templateData(input) } };
}

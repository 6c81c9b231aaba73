/**
 * The e-mail texts: the one source for both the local outbox (renderMessage) and the SES templates (sesTemplates).
 * Placeholders are `{{name}}`; the values come from templateData, never straight from a request.
 *
 * These are mandatory service notices about reporting the board owes, so they carry no unsubscribe text.
 */
import type { DocumentKind } from '../schemas/common';
import type { Locale } from '../schemas/boards';

export type MessageTemplateKind = 'reminder' | 'overdue' | 'escalation' | 'returned' | 'approved';
export const messageTemplateKinds: readonly MessageTemplateKind[] = ['reminder', 'overdue', 'escalation', 'returned', 'approved'];
export const locales: readonly Locale[] = ['sv', 'en'];

/** Every placeholder a template may use; templateData gives each of them a value. */
export const placeholders = ['boardName', 'documentTitle', 'dueDate', 'link', 'escalationNumber', 'commentBlock', 'copyNote'] as const;
export type Placeholder = (typeof placeholders)[number];

export interface MessageTemplate {
  subject: string;
  body: string;
}

/** What each document is called in a sentence (lower case, as in the middle of one). */
export const documentNames: Record<Locale, Record<DocumentKind, string>> = {
  sv: { plan: 'verksamhetsplan', t1: 'tertialrapport 1', t2: 'tertialrapport 2', annual: 'verksamhetsberättelse' },
  en: { plan: 'operations plan', t1: 'tertial report 1', t2: 'tertial report 2', annual: 'annual report' },
};

/** "verksamhetsplan för 2027" / "operations plan for 2027". */
export const yearPhrase: Record<Locale, string> = { sv: '{{documentName}} för {{year}}', en: '{{documentName}} for {{year}}' };

/** Put where `{{commentBlock}}` stands when the reviewer wrote a comment; empty otherwise. */
export const commentBlock: Record<Locale, string> = {
  sv: '\n\nKommentar från granskaren:\n{{comment}}',
  en: "\n\nThe reviewer's comment:\n{{comment}}",
};

/**
 * Put where `{{copyNote}}` stands in an overdue notice or escalation: who has the copy. The city's reviewers for a
 * board at the top; for a unit, its parent's office (`{{officeName}}`, the parent board's name), which reviews it.
 */
export const copyNote: Record<'overdue' | 'escalation', Record<Locale, { reviewers: string; office: string }>> = {
  overdue: {
    sv: { reviewers: 'Granskarna har fått en kopia av det här meddelandet.', office: '{{officeName}} har fått en kopia av det här meddelandet.' },
    en: { reviewers: 'The reviewers have received a copy of this message.', office: '{{officeName}} has received a copy of this message.' },
  },
  escalation: {
    sv: { reviewers: 'Granskarna har fått en kopia och följer upp förseningen.', office: '{{officeName}} har fått en kopia och följer upp förseningen.' },
    en: { reviewers: 'The reviewers have received a copy and are following up the delay.', office: '{{officeName}} has received a copy and is following up the delay.' },
  },
};

const footer: Record<Locale, string> = {
  sv: '\n\nMed vänlig hälsning\nÅrshjul\n\nMeddelandet skickas automatiskt till nämndens kontaktpersoner för rapporteringen.',
  en: "\n\nKind regards\nÅrshjul\n\nThis message is sent automatically to the board's contacts for its reporting.",
};

export const templates: Record<MessageTemplateKind, Record<Locale, MessageTemplate>> = {
  reminder: {
    sv: {
      subject: 'Påminnelse: {{documentTitle}} från {{boardName}} senast {{dueDate}}',
      body:
        'Hej!\n\n{{boardName}} har ännu inte lämnat in {{documentTitle}}. Sista dag är {{dueDate}}.\n\n' +
        'Fyll i och skicka in formuläret här:\n{{link}}\n\nHar ni redan skickat in kan ni bortse från det här meddelandet.' +
        footer.sv,
    },
    en: {
      subject: 'Reminder: {{documentTitle}} from {{boardName}} due {{dueDate}}',
      body:
        'Hello,\n\n{{boardName}} has not yet submitted its {{documentTitle}}. It is due on {{dueDate}}.\n\n' +
        'Fill in and submit the form here:\n{{link}}\n\nIf you have already submitted it, please disregard this message.' +
        footer.en,
    },
  },
  overdue: {
    sv: {
      subject: 'Försenad: {{documentTitle}} från {{boardName}} (sista dag {{dueDate}})',
      body:
        'Hej!\n\n{{boardName}} skulle ha lämnat in {{documentTitle}} senast {{dueDate}}, men den har ännu inte kommit in.\n\n' +
        'Skicka in den så snart som möjligt:\n{{link}}\n\n{{copyNote}}' +
        footer.sv,
    },
    en: {
      subject: 'Overdue: {{documentTitle}} from {{boardName}} (due {{dueDate}})',
      body:
        'Hello,\n\n{{boardName}} was due to submit its {{documentTitle}} by {{dueDate}}, and it has not arrived yet.\n\n' +
        'Please submit it as soon as possible:\n{{link}}\n\n{{copyNote}}' +
        footer.en,
    },
  },
  escalation: {
    sv: {
      subject: 'Eskalering {{escalationNumber}}: {{documentTitle}} från {{boardName}} är försenad (sista dag {{dueDate}})',
      body:
        'Hej!\n\n{{boardName}} skulle ha lämnat in {{documentTitle}} senast {{dueDate}}, och den är fortfarande inte inlämnad. ' +
        'Det här är eskalering nummer {{escalationNumber}} sedan sista dagen passerade.\n\n' +
        'Skicka in den snarast:\n{{link}}\n\n{{copyNote}}' +
        footer.sv,
    },
    en: {
      subject: 'Escalation {{escalationNumber}}: {{documentTitle}} from {{boardName}} is overdue (due {{dueDate}})',
      body:
        'Hello,\n\n{{boardName}} was due to submit its {{documentTitle}} by {{dueDate}}, and it has still not been submitted. ' +
        'This is escalation number {{escalationNumber}} since the due date passed.\n\n' +
        'Please submit it without delay:\n{{link}}\n\n{{copyNote}}' +
        footer.en,
    },
  },
  returned: {
    sv: {
      subject: 'Tillbakaskickad: {{documentTitle}} från {{boardName}}',
      body:
        'Hej!\n\nGranskaren har skickat tillbaka {{documentTitle}} från {{boardName}} för komplettering.{{commentBlock}}\n\n' +
        'Rätta det som efterfrågas och skicka in igen här:\n{{link}}\n\nSista dag enligt kalendern: {{dueDate}}.' +
        footer.sv,
    },
    en: {
      subject: 'Returned: {{documentTitle}} from {{boardName}}',
      body:
        'Hello,\n\nThe reviewer has returned the {{documentTitle}} from {{boardName}} for changes.{{commentBlock}}\n\n' +
        'Make the changes asked for and submit it again here:\n{{link}}\n\nDue date in the calendar: {{dueDate}}.' +
        footer.en,
    },
  },
  approved: {
    sv: {
      subject: 'Godkänd: {{documentTitle}} från {{boardName}}',
      body:
        'Hej!\n\nGranskaren har godkänt {{documentTitle}} från {{boardName}}, som skulle lämnas in senast {{dueDate}}. ' +
        'Inget mer behöver göras med den.{{commentBlock}}\n\nDu kan läsa den här:\n{{link}}' +
        footer.sv,
    },
    en: {
      subject: 'Approved: {{documentTitle}} from {{boardName}}',
      body:
        'Hello,\n\nThe reviewer has approved the {{documentTitle}} from {{boardName}}, which was due on {{dueDate}}. ' +
        'Nothing more needs to be done with it.{{commentBlock}}\n\nYou can read it here:\n{{link}}' +
        footer.en,
    },
  },
};

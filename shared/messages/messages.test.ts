import { describe, expect, it } from 'vitest';
import { fill, renderMessage, templateData, type MessageInput } from './render';
import { sesTemplateName, sesTemplates } from './sesTemplates';
import { locales, messageTemplateKinds, placeholders, templates } from './templates';

const base: MessageInput = {
  kind: 'reminder',
  locale: 'sv',
  boardName: 'Bromma stadsdelsnämnd',
  documentKind: 'plan',
  dueDate: '2027-01-31',
  link: 'https://arshjul.example/cycles/2027/boards/bromma/documents/plan',
  escalationNumber: 2,
  comment: 'Målet för KF-1 är för lågt.',
};
const cases = messageTemplateKinds.flatMap((kind) => locales.map((locale) => [kind, locale] as const));

describe('renderMessage', () => {
  it.each(cases)('%s in %s names the board, the document, the due date and the link', (kind, locale) => {
    const { subject, body } = renderMessage({ ...base, kind, locale });
    const documentName = locale === 'sv' ? 'verksamhetsplan' : 'operations plan';
    expect(subject).toContain('Bromma stadsdelsnämnd');
    expect(subject).toContain(documentName);
    expect(body).toContain('Bromma stadsdelsnämnd');
    expect(body).toContain(documentName);
    expect(body).toContain('2027-01-31');
    expect(body).toContain(base.link);
    expect(`${subject}\n${body}`).not.toMatch(/\{\{|\}\}/);
  });

  it.each(cases)('%s in %s is a mandatory notice: no unsubscribe text', (kind, locale) => {
    const { subject, body } = renderMessage({ ...base, kind, locale });
    expect(`${subject} ${body}`).not.toMatch(/unsubscribe|avregistrera|avsluta prenumeration|opt.?out|prenumer/i);
  });

  it.each([
    ['sv', 'plan', 'verksamhetsplan'],
    ['sv', 't1', 'tertialrapport 1'],
    ['sv', 't2', 'tertialrapport 2'],
    ['sv', 'annual', 'verksamhetsberättelse'],
    ['en', 'plan', 'operations plan'],
    ['en', 't1', 'tertial report 1'],
    ['en', 't2', 'tertial report 2'],
    ['en', 'annual', 'annual report'],
  ] as const)('in %s, %s is called %s', (locale, documentKind, name) => {
    expect(renderMessage({ ...base, locale, documentKind }).subject).toContain(name);
  });

  it.each([
    ['sv', 'verksamhetsplan för 2027'],
    ['en', 'operations plan for 2027'],
  ] as const)('names the year when given, in %s: %s', (locale, title) => {
    expect(renderMessage({ ...base, locale, year: 2027 }).body).toContain(title);
  });

  it.each([
    // kind, locale, copied to (a unit's parent board; none: the reviewers), the closing word on who has the copy
    ['overdue', 'sv', undefined, 'Granskarna har fått en kopia av det här meddelandet.'],
    ['overdue', 'en', undefined, 'The reviewers have received a copy of this message.'],
    ['escalation', 'sv', undefined, 'Granskarna har fått en kopia och följer upp förseningen.'],
    ['escalation', 'en', undefined, 'The reviewers have received a copy and are following up the delay.'],
    ['overdue', 'sv', 'Bromma stadsdelsnämnd', 'Bromma stadsdelsnämnd har fått en kopia av det här meddelandet.'],
    ['overdue', 'en', 'Bromma stadsdelsnämnd', 'Bromma stadsdelsnämnd has received a copy of this message.'],
    ['escalation', 'sv', 'Bromma stadsdelsnämnd', 'Bromma stadsdelsnämnd har fått en kopia och följer upp förseningen.'],
    ['escalation', 'en', 'Bromma stadsdelsnämnd', 'Bromma stadsdelsnämnd has received a copy and is following up the delay.'],
  ] as const)('%s in %s, copied to %s: "%s"', (kind, locale, copiedTo, note) => {
    const { body } = renderMessage({ ...base, kind, locale, boardName: 'Bromma skola', copiedTo });
    expect(body).toContain(`\n\n${note}\n\n`);
    if (copiedTo) expect(body).not.toMatch(/granskarna|reviewers/i);
  });

  it('writes the Swedish reminder in full', () => {
    expect(renderMessage(base)).toEqual({
      subject: 'Påminnelse: verksamhetsplan från Bromma stadsdelsnämnd senast 2027-01-31',
      body:
        'Hej!\n\nBromma stadsdelsnämnd har ännu inte lämnat in verksamhetsplan. Sista dag är 2027-01-31.\n\n' +
        'Fyll i och skicka in formuläret här:\nhttps://arshjul.example/cycles/2027/boards/bromma/documents/plan\n\n' +
        'Har ni redan skickat in kan ni bortse från det här meddelandet.\n\nMed vänlig hälsning\nÅrshjul\n\n' +
        'Meddelandet skickas automatiskt till nämndens kontaktpersoner för rapporteringen.',
    });
  });

  it.each([
    ['sv', 'Eskalering 3:', 'eskalering nummer 3'],
    ['en', 'Escalation 3:', 'escalation number 3'],
  ] as const)('numbers an escalation, in %s', (locale, subject, body) => {
    const message = renderMessage({ ...base, kind: 'escalation', locale, escalationNumber: 3 });
    expect(message.subject).toContain(subject);
    expect(message.body).toContain(body);
  });

  it.each([undefined, 0, 1.5])('refuses an escalation numbered %s', (escalationNumber) => {
    expect(() => renderMessage({ ...base, kind: 'escalation', escalationNumber })).toThrow(RangeError);
  });

  it.each([
    ['returned', 'sv', 'Kommentar från granskaren:\nMålet för KF-1 är för lågt.'],
    ['returned', 'en', "The reviewer's comment:\nMålet för KF-1 är för lågt."],
    ['approved', 'sv', 'Kommentar från granskaren:\nMålet för KF-1 är för lågt.'],
  ] as const)('a %s message in %s carries the comment', (kind, locale, text) => {
    expect(renderMessage({ ...base, kind, locale }).body).toContain(text);
  });

  it.each(['returned', 'approved'] as const)('a %s message without a comment has no comment heading', (kind) => {
    const { body } = renderMessage({ ...base, kind, comment: '   ' });
    expect(body).not.toContain('Kommentar');
    expect(body).toMatch(/\.\n\n/);
  });

  it('keeps subjects on one line whatever the board name holds', () => {
    const { subject } = renderMessage({ ...base, boardName: 'Bromma\r\nBcc: evil@example.com\tnämnd' });
    expect(subject).toBe('Påminnelse: verksamhetsplan från Bromma Bcc: evil@example.com nämnd senast 2027-01-31');
  });

  it('inserts values as written, never as templates', () => {
    const { body } = renderMessage({ ...base, kind: 'returned', comment: 'Se {{link}} & <b>rätta</b>' });
    expect(body).toContain('Se {{link}} & <b>rätta</b>');
  });
});

describe('fill', () => {
  it.each([
    ['{{a}} och {{ b }}', { a: '1', b: '2' }, '1 och 2'],
    ['{{a}}{{a}}', { a: '$&' }, '$&$&'],
    ['inga', {}, 'inga'],
  ])('%j with %j is %j', (template, values, expected) => expect(fill(template, values)).toBe(expected));

  it('throws on a placeholder without a value', () => expect(() => fill('{{missing}}', {})).toThrow(/missing/));
});

describe('templates', () => {
  it.each(cases)('%s in %s uses only placeholders that templateData fills', (kind, locale) => {
    const used = [...`${templates[kind][locale].subject}${templates[kind][locale].body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(placeholders).toContain(name);
    expect(Object.keys(templateData({ ...base, kind, locale })).sort()).toEqual([...placeholders].sort());
  });
});

describe('sesTemplates', () => {
  const all = sesTemplates();

  it('has every kind in every language, with valid unique names', () => {
    expect(all).toHaveLength(messageTemplateKinds.length * locales.length);
    expect(new Set(all.map((t) => t.TemplateName)).size).toBe(all.length);
    for (const t of all) expect(t.TemplateName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(sesTemplateName('overdue', 'en')).toBe('arshjul-overdue-en');
    expect(sesTemplates('arshjul-prod')[0].TemplateName).toBe('arshjul-prod-reminder-sv');
  });

  it('triple-stashes placeholders so SES does not HTML-escape a text e-mail', () => {
    const reminder = all.find((t) => t.TemplateName === 'arshjul-reminder-sv')!;
    expect(reminder.TemplateContent.Subject).toBe('Påminnelse: {{{documentTitle}}} från {{{boardName}}} senast {{{dueDate}}}');
    expect(reminder.TemplateContent.Text).not.toMatch(/(^|[^{])\{\{[^{]/);
  });

  it.each(cases)('%s in %s renders in SES exactly as renderMessage does', (kind, locale) => {
    const input = { ...base, kind, locale, boardName: 'Årsta & Älvsjö', year: 2027 };
    const template = all.find((t) => t.TemplateName === sesTemplateName(kind, locale))!;
    const data = JSON.parse(JSON.stringify(templateData(input))) as Record<string, string>;
    const handlebars = (text: string) => text.replace(/\{\{\{(\w+)\}\}\}/g, (_, name: string) => data[name]);
    expect({ subject: handlebars(template.TemplateContent.Subject), body: handlebars(template.TemplateContent.Text) }).toEqual(renderMessage(input));
  });
});

/**
 * The e-mail templates in the SES v2 shape, for infra to deploy (CreateEmailTemplate / AWS::SES::Template), built
 * from the same texts as renderMessage. Send with `Content.Template: { TemplateName: sesTemplateName(kind, locale),
 * TemplateData: JSON.stringify(templateData(input)) }`.
 *
 * SES renders templates with Handlebars, which HTML-escapes `{{x}}` (`&` → `&amp;`). These are text e-mails, so the
 * placeholders are written triple-stashed, `{{{x}}}`, which Handlebars inserts as is.
 */
import type { Locale } from '../schemas/boards';
import { locales, messageTemplateKinds, templates, type MessageTemplateKind } from './templates';

export interface SesTemplate {
  TemplateName: string;
  TemplateContent: { Subject: string; Text: string };
}

/** SES template names allow letters, digits, `-` and `_`, at most 64 characters. */
export function sesTemplateName(kind: MessageTemplateKind, locale: Locale, prefix = 'arshjul'): string {
  return `${prefix}-${kind}-${locale}`;
}

const toHandlebars = (text: string) => text.replace(/\{\{\s*([A-Za-z]+)\s*\}\}/g, '{{{$1}}}');

/** Every template (each kind in each language); give a prefix per stage when several share an account and region. */
export function sesTemplates(prefix = 'arshjul'): SesTemplate[] {
  return messageTemplateKinds.flatMap((kind) =>
    locales.map((locale) => ({
      TemplateName: sesTemplateName(kind, locale, prefix),
      TemplateContent: { Subject: toHandlebars(templates[kind][locale].subject), Text: toHandlebars(templates[kind][locale].body) },
    })),
  );
}

import type { DocumentKind } from '../../schemas/common';

const names = {
  sv: { plan: 'verksamhetsplan', t1: 'tertialrapport 1', t2: 'tertialrapport 2', annual: 'verksamhetsberättelse' },
  en: { plan: 'operations plan', t1: 'tertial report 1', t2: 'tertial report 2', annual: 'annual report' },
} as const;

/** The texts of the review notices (returned, approved), Swedish by default. */
export function reviewMessage(input: {
  event: 'returned' | 'approved';
  locale: 'sv' | 'en';
  boardName: string;
  documentKind: DocumentKind;
  year: number;
  comment?: string;
  link: string;
}): { subject: string; body: string } {
  const what = names[input.locale][input.documentKind];
  if (input.locale === 'en') {
    return input.event === 'returned'
      ? {
          subject: `${input.boardName}: your ${what} ${input.year} was returned`,
          body: `The central review returned the ${what} ${input.year} of ${input.boardName}.\n\nComment: ${input.comment ?? ''}\n\nCorrect it and submit it again: ${input.link}`,
        }
      : {
          subject: `${input.boardName}: your ${what} ${input.year} is approved`,
          body: `The central review approved the ${what} ${input.year} of ${input.boardName}.\n\n${input.link}`,
        };
  }
  return input.event === 'returned'
    ? {
        subject: `${input.boardName}: er ${what} ${input.year} har skickats tillbaka`,
        body: `Stadsledningskontoret har skickat tillbaka er ${what} ${input.year} för ${input.boardName}.\n\nKommentar: ${input.comment ?? ''}\n\nRätta och skicka in den igen: ${input.link}`,
      }
    : {
        subject: `${input.boardName}: er ${what} ${input.year} är godkänd`,
        body: `Stadsledningskontoret har godkänt er ${what} ${input.year} för ${input.boardName}.\n\n${input.link}`,
      };
}

import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../../test/support/compiledReportYear';
import { compileReport } from '../domain/compiledReport';
import { composeReport, countSubject, say } from './compiledReport';
import { reportMessages, type Template } from './compiledReportCatalogue';

describe('countSubject', () => {
  it.each([
    [3, 5, 'board', 'sv', 'Alla nämnder utom två', true],
    [3, 5, 'board', 'en', 'All boards but two', true],
    [4, 5, 'board', 'sv', 'Alla nämnder utom en', true],
    [1, 2, 'company', 'sv', 'Ett av två bolag', false],
    [1, 3, 'company', 'sv', 'Ett av tre bolag', false],
    [2, 3, 'company', 'sv', 'Alla bolag utom ett', true],
    [1, 5, 'board', 'en', 'One of five boards', false],
    [2, 5, 'board', 'sv', 'Två av fem nämnder', true],
    [5, 5, 'board', 'sv', 'Alla nämnder', true],
    [2, 2, 'board', 'en', 'Both boards', true],
    [1, 1, 'board', 'sv', 'Den enda nämnden', false],
    [0, 4, 'board', 'en', 'No board', false],
    [0, 4, 'company', 'sv', 'Inget bolag', false],
    [20, 40, 'board', 'sv', '20 av 40 nämnder', true],
    [38, 40, 'board', 'en', 'All boards but two', true],
  ] as const)('%i of %i %s in %s: %s', (n, total, noun, locale, text, plural) => {
    expect(countSubject(n, total, noun, locale)).toEqual({ text, plural });
  });

  it.each([
    ['sv', 3, 5, 'Alla nämnder utom två bedömer att den interna kontrollen har varit tillräcklig under året.'],
    ['en', 3, 5, 'All boards but two judge their internal control to have been sufficient during the year.'],
    ['en', 1, 5, 'One of five boards judges its internal control to have been sufficient during the year.'],
  ] as const)('the verb follows the count (%s, %i of %i)', (locale, n, total, sentence) => {
    const subject = countSubject(n, total, 'board', locale);
    expect(say('internalControlSufficientYear', locale, { subject: subject.text }, subject.plural)).toBe(sentence);
  });
});

describe('the catalogue', () => {
  const placeholdersOf = (template: Template) =>
    new Set((typeof template === 'string' ? [template] : [template.one, template.other]).flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])));

  // The `one` form may say "one" where `other` has the number: the forms together use the same values.
  it.each(Object.entries(reportMessages))('%s has the same placeholders in Swedish and English', (_, byLocale) => {
    expect(placeholdersOf(byLocale.en)).toEqual(placeholdersOf(byLocale.sv));
  });
});

describe('composeReport on the fixture year', () => {
  const sentences = (kind: 't1' | 't2' | 'annual', locale: 'sv' | 'en') => {
    const composed = composeReport(compileReport(fixtureInput(kind)), locale);
    return [
      composed.title,
      composed.subtitle,
      ...composed.cover,
      ...composed.blocks.flatMap((block) =>
        block.type === 'heading' ? [`${'#'.repeat(block.level)} ${block.text}`] : block.type === 'paragraph' ? [block.text] : block.type === 'quote' ? [`> ${block.text}`] : [],
      ),
    ];
  };

  it('writes the Swedish sentences the issue quotes', () => {
    const text = sentences('annual', 'sv');
    expect(text).toContain('Alla nämnder utom två bedömer att den interna kontrollen har varit tillräcklig under året.');
    expect(text).toContain('I de fall nämnderna hade angivit för låga årsmål för indikatorer har de uppmanats att återkomma med mer ambitiösa värden.');
  });

  it.each([
    ['annual', 'sv'],
    ['annual', 'en'],
    ['t1', 'sv'],
    ['t2', 'en'],
  ] as const)('keeps the %s report in %s as the snapshot says', (kind, locale) => {
    expect(sentences(kind, locale)).toMatchSnapshot();
  });

  it('puts a table and a chart under each indicator with the values of the model', () => {
    const composed = composeReport(compileReport(fixtureInput('annual')), 'en');
    const table = composed.blocks.find((block) => block.type === 'table' && block.caption.startsWith('Andel behöriga lärare'));
    expect(table).toMatchObject({ columns: ['Board', 'Annual target', 'Outcome', 'Target reached'] });
    expect(table && table.type === 'table' && table.rows[1]).toEqual(['Kista stadsdelsnämnd', '90', '89', 'No']);
    const chart = composed.blocks.find((block) => block.type === 'chart');
    // Utbildningsnämnden has neither a target nor an outcome: in the table, not in the chart.
    expect(chart && chart.type === 'chart' && chart.categories).not.toContain('Utbildningsnämnden');
    expect(chart && chart.type === 'chart' && chart.series.map((s) => s.values)).toEqual([
      [91, 90, 90, 92, 90],
      [92, 89, 90, 93, 85],
      [90, 90, 90, 90, 90],
    ]);
  });

  it('words an empty year without making anything up', () => {
    const empty = compileReport(fixtureInput('t1', { reports: [], figures: [], plans: [], budget: [], sections: [], late: [] }));
    const text = composeReport(empty, 'sv').blocks.filter((b) => b.type === 'paragraph').map((b) => (b.type === 'paragraph' ? b.text : ''));
    expect(text).toEqual(
      expect.arrayContaining([
        'Ingen godkänd rapport bedömer ännu nämndernas mål.',
        'Ingen nämnd har ännu bedömt den interna kontrollen i en godkänd rapport.',
        'Ingen verksamhetsplan återremitterades för årsmål under kommunfullmäktiges.',
        'Ingen budget är fastställd för året.',
        'Ingen nämnd har varit sen med sin tertialrapport 1.',
      ]),
    );
  });
});

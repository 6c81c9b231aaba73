import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureInput } from '../../../test/support/compiledReportYear';
import { convertWithLibreOffice, pdfFacts } from '../../../test/support/libreOffice';
import { compileReport, type CompiledKind } from '../../domain/compiledReport';
import { composeReport } from '../../messages/compiledReport';
import { reportDocx } from './docx';

const cases = [
  ['annual', 'sv'],
  ['annual', 'en'],
  ['t1', 'sv'],
  ['t2', 'en'],
] as const;

/** Each fixture report, written as Word, opened by LibreOffice: as PDF, and as the text a reader sees. */
describe('the compiled report as a Word file, read by LibreOffice', () => {
  const texts = new Map<string, string>();
  const pdfs = new Map<string, string>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshjul-docx-'));
    const files = await Promise.all(
      cases.map(async ([kind, lang]) => {
        const file = join(dir, `${kind}-${lang}.docx`);
        writeFileSync(file, await reportDocx(composeReport(compileReport(fixtureInput(kind as CompiledKind)), lang, { compiledOn: '2028-03-01' })));
        return file;
      }),
    );
    const [asPdf, asText] = [await convertWithLibreOffice(files, 'pdf'), await convertWithLibreOffice(files, 'txt')];
    cases.forEach(([kind, lang], i) => {
      pdfs.set(`${kind}-${lang}`, asPdf[i]!);
      texts.set(`${kind}-${lang}`, readFileSync(asText[i]!, 'utf8'));
    });
  }, 240_000);

  it.each(cases)('%s in %s converts to a PDF of several pages', (kind, lang) => {
    const facts = pdfFacts(pdfs.get(`${kind}-${lang}`)!);
    expect(facts.header).toBe('%PDF-');
    expect(facts.pages).toBeGreaterThanOrEqual(4);
  });

  it('holds the cover, the contents and every chapter of the Swedish annual report, in order', () => {
    const text = texts.get('annual-sv')!;
    const order = [
      'Verksamhetsberättelse 2027',
      'Alla nämnder utom en har en godkänd verksamhetsberättelse.',
      'Sammanställd 2028-03-01.',
      'Innehåll',
      'Inriktningsmål D1: En stad där alla kan leva ett gott liv',
      'Mål för verksamhetsområdet D1.1: Skolan',
      'Andel behöriga lärare (%)',
      'Kommunfullmäktiges årsmål är 90 %, och högre är bättre.',
      'Alla nämnder utom två har nått sitt årsmål.',
      'Nämndernas målbedömningar',
      'Alla nämnder utom två bedömer att den interna kontrollen har varit tillräcklig under året.',
      'Nämndens skäl: Attestordningen följdes inte vid tre upphandlingar.',
      'I de fall nämnderna hade angivit för låga årsmål för indikatorer har de uppmanats att återkomma med mer ambitiösa värden.',
      'Kista stadsdelsnämnd återkom med årsmålet 90 % för Andel behöriga lärare (kommunfullmäktige: 90 %), och planen godkändes.',
      'Utbildningsnämnden har ännu inte återkommit med en godkänd verksamhetsplan (status: återremitterad).',
      'Ett av två bolag har bedrivit verksamheten inom ramen för det kommunala ändamålet och befogenheterna.',
      'De nämnder som har redovisat har en budget på sammanlagt 2 300 000 tkr och ett utfall på 2 302 000 tkr, en avvikelse på +2 000 tkr (+0,1 %).',
      'Jämställdhet',
      'Kista har kartlagt löneskillnader.',
      'Innovation',
      'Bromma prövar digitala bokningar.',
      'En av sex nämnder lämnade inte in sin verksamhetsberättelse i tid.',
    ];
    let from = 0;
    for (const expected of order) {
      const at = text.indexOf(expected, from);
      expect(at, `"${expected}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + expected.length;
    }
  });

  it.each([
    ['annual-sv', ['Stadsholmen AB', '85', 'Nej', '1 012 000', '+12 000', 'Fler barn i förskolan än budgeterat.', 'Inte inom ändamålet och befogenheterna', 'Staden totalt', '4 300 000']],
    ['annual-en', ['All boards but two judge their internal control to have been sufficient during the year.', 'Target reached', '1,012,000', 'Not within its purpose and powers', 'The city in total']],
    ['t1-sv', ['Tertialrapport 1 2027', 'Prognos', 'Alla nämnder utom två räknar med att nå sitt årsmål.', 'hittills under året har varit tillräcklig']],
    ['t2-en', ['Tertial report 2 2027', 'Forecast (tkr)', 'expect to reach their annual targets', 'Jämställdhet']],
  ])('%s gives the fixture year figures and sentences in its tables', (key, expected) => {
    const text = texts.get(key)!;
    for (const fragment of expected) expect(text, fragment).toContain(fragment);
  });

  it('leaves the purpose review out of a tertial report', () => {
    expect(texts.get('t1-sv')).not.toContain('Kommunstyrelsens prövning');
    expect(texts.get('t2-en')).not.toContain("The executive board's review");
  });
});

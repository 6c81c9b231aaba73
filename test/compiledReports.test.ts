import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtureYear } from './support/compiledReportStack';
import { convertWithLibreOffice, pdfFacts } from './support/libreOffice';
import { admin, editorOf, executive, reviewer, startTestStack, type Caller, type TestStack } from './support/localStack';

/**
 * The compiled report through the local stack (issue 17): the fixture year written through the API (plans, one
 * returned for a low target and approved after, one still returned; the annual reports), then the Word file fetched
 * as the executive board would, opened by LibreOffice, and checked against what the boards wrote.
 */
const year = 2026;
const calendar = { planDue: '2026-01-31', t1Due: '2026-05-15', t2Due: '2026-09-15', annualDue: '2027-02-15', signoffDue: '2027-04-15' };
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('compiled reports through the local stack', () => {
  let t: TestStack;

  async function fetchFile(path: string, as?: Caller) {
    const token = as ? await t.stack.issuer.issue(as) : undefined;
    const response = await fetch(`${t.stack.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }
  async function moveClockTo(now: string) {
    const answer = await t.api('POST', '/api/dev/clock', { body: { now } });
    expect([200, 202], JSON.stringify(answer.body)).toContain(answer.status);
    for (let state = answer.body; answer.status === 202 && state.moving; state = (await t.api('GET', '/api/dev/clock')).body) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    t = await startTestStack();
    await writeFixtureYear(t, year, calendar);
    // Past the annual report's due date: utbildning has not submitted.
    await moveClockTo('2027-02-20T09:00:00Z');
  }, 300_000);

  afterAll(async () => {
    await t?.stop();
  });

  it('answers the Word file as an attachment, for the executive board, the reviewers and the office, and no one else', async () => {
    const file = await fetchFile(`/api/cycles/${year}/reports/annual.docx`, executive);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="arshjul-${year}-verksamhetsberattelse.docx"`);
    expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await fetchFile(`/api/cycles/${year}/reports/t1.docx?lang=en`, reviewer)).headers.get('content-disposition')).toBe(`attachment; filename="arshjul-${year}-tertial-report-1.docx"`);
    expect((await fetchFile(`/api/cycles/${year}/reports/t2.docx`, admin)).status).toBe(200);
    expect((await fetchFile(`/api/cycles/${year}/reports/annual.docx`, editorOf('bromma'))).status).toBe(403);
    expect((await fetchFile(`/api/cycles/${year}/reports/annual.docx`)).status).toBe(401);
    expect((await fetchFile(`/api/cycles/${year}/reports/t3.docx`, executive)).status).toBe(400);
    expect((await fetchFile(`/api/cycles/2031/reports/annual.docx`, executive)).status).toBe(404);
  });

  it('writes the annual report from the approved documents, which LibreOffice opens, in Swedish and English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arshjul-compiled-'));
    const files = await Promise.all(
      (['sv', 'en'] as const).map(async (lang) => {
        const answer = await fetchFile(`/api/cycles/${year}/reports/annual.docx?lang=${lang}`, executive);
        const path = join(dir, `annual-${lang}.docx`);
        writeFileSync(path, answer.bytes);
        return path;
      }),
    );
    const [pdfSv] = await convertWithLibreOffice(files, 'pdf');
    expect(pdfFacts(pdfSv!).header).toBe('%PDF-');
    const [sv, en] = (await convertWithLibreOffice(files, 'txt')).map((path) => readFileSync(path, 'utf8'));
    for (const sentence of [
      'Verksamhetsberättelse 2026',
      'Alla nämnder utom en har en godkänd verksamhetsberättelse.',
      'Alla nämnder utom två bedömer att den interna kontrollen har varit tillräcklig under året.',
      'Nämndens skäl: Attestordningen följdes inte vid tre upphandlingar.',
      'I de fall nämnderna hade angivit för låga årsmål för indikatorer har de uppmanats att återkomma med mer ambitiösa värden.',
      'Kista stadsdelsnämnd återkom med årsmålet 90 % för Andel behöriga lärare (kommunfullmäktige: 90 %), och planen godkändes.',
      'Utbildningsnämnden har ännu inte återkommit med en godkänd verksamhetsplan (status: återremitterad).',
      'Kommunstyrelsen har ännu inte prövat bolagens verksamhet; det gör den när året avslutas.',
      'De nämnder som har redovisat har en budget på sammanlagt 2 300 000 tkr och ett utfall på 2 302 000 tkr, en avvikelse på +2 000 tkr (+0,1 %).',
      'Kista har kartlagt löneskillnader.',
      'En av sex nämnder lämnade inte in sin verksamhetsberättelse i tid.',
    ]) {
      expect(sv, sentence).toContain(sentence);
    }
    expect(en).toContain('All boards but two judge their internal control to have been sufficient during the year.');
    expect(en).toContain('One of six boards did not submit its annual report on time.');
  });

  it("answers the same report as JSON for the print page, with each board's figures", async () => {
    const answer = await t.api('GET', `/api/cycles/${year}/compiled-reports/annual?lang=en`, { as: executive });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.title).toBe('Annual report 2026');
    const table = answer.body.blocks.find((block: { type: string; caption?: string }) => block.type === 'table' && block.caption?.startsWith('Andel behöriga lärare'));
    expect(table.rows).toEqual([
      ['AB Stockholmshem', '92', '93', 'Yes'],
      ['Bromma stadsdelsnämnd', '91', '92', 'Yes'],
      ['Kista stadsdelsnämnd', '90', '89', 'No'],
      ['Skarpnäcks stadsdelsnämnd', '90', '90', 'Yes'],
      ['Stadsholmen AB', '90', '85', 'No'],
      ['Utbildningsnämnden', '–', '–', '–'],
    ]);
  });

  it("gives a board its own plan as a Word file from its document, and keeps other boards' out", async () => {
    const own = await fetchFile(`${doc('kista', 'plan')}/export.docx`, editorOf('kista'));
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toBe(`attachment; filename="arshjul-${year}-kista-verksamhetsplan.docx"`);
    expect((await fetchFile(`${doc('kista', 'plan')}/export.docx`, editorOf('bromma'))).status).toBe(403);
    const report = await fetchFile(`${doc('kista', 'annual')}/export.docx?lang=en`, reviewer);
    const dir = mkdtempSync(join(tmpdir(), 'arshjul-board-'));
    const paths = [join(dir, 'plan.docx'), join(dir, 'annual.docx')];
    writeFileSync(paths[0]!, own.bytes);
    writeFileSync(paths[1]!, report.bytes);
    const [plan, annual] = (await convertWithLibreOffice(paths, 'txt')).map((path) => readFileSync(path, 'utf8'));
    expect(plan).toContain('Verksamhetsplan 2026');
    expect(plan).toContain('Kista stadsdelsnämnd. Dokumentets status: godkänd.');
    expect(plan).toMatch(/Andel behöriga lärare \(%\)\s+90\s+90/);
    expect(annual).toContain('The board judges its internal control partly sufficient.');
    expect(annual).toContain('Två av sex kontroller genomfördes inte på grund av vakanser.');
  });
});

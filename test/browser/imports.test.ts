/**
 * The office imports outcomes in a real browser: a bad attempt is told next to the field, an Excel file is uploaded
 * and previewed (what goes in, old → new, and what is skipped and why, an approved report among them), then applied
 * as drafts, and the result links to the reports. Every step in Swedish and English, with axe. The boards, goals and
 * documents are made here through the API, in a year of their own (2027), not taken from the demo seed.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, type TestStack } from '../support/localStack';
import { checkPage, pollPatience, signIn, useBrowserStack, inBothLanguages } from './support';

const year = 2027;
const calendar = { planDue: '2027-01-31', t1Due: '2027-05-15', t2Due: '2027-09-15', annualDue: '2028-02-15', signoffDue: '2028-04-15' };
const goals = {
  directionGoals: [
    {
      id: 'D1',
      title: 'En stad där alla kan leva ett gott liv',
      areaGoals: [
        {
          id: 'D1.1',
          title: 'Skolan',
          indicators: [
            { id: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 90, koladaKpi: 'N15428' },
            { id: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 6 },
          ],
        },
      ],
    },
  ],
};
const plan = { targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5.5 }] };
const doc = (boardId: string, kind: string) => `/api/cycles/${year}/boards/${boardId}/documents/${kind}`;

async function ok(answer: Promise<{ status: number; body: unknown; headers: Headers }>, ...expected: number[]) {
  const a = await answer;
  expect(expected, `${a.status}: ${JSON.stringify(a.body)}`).toContain(a.status);
  return a;
}

async function save(t: TestStack, boardId: string, kind: string, content: object) {
  const current = await t.api('GET', doc(boardId, kind), { as: editorOf(boardId) });
  await ok(t.api('PUT', doc(boardId, kind), { as: editorOf(boardId), headers: { 'if-match': current.headers.get('etag')! }, body: { content } }), 200);
}

async function approve(t: TestStack, boardId: string, kind: string, content: object) {
  await save(t, boardId, kind, content);
  await ok(t.api('POST', `${doc(boardId, kind)}/submit`, { as: editorOf(boardId) }), 202);
  await t.stack.runDueJobs();
  await ok(t.api('POST', `${doc(boardId, kind)}/decision`, { as: reviewer, body: { decision: 'approve', comment: 'Godkänd.' } }), 200);
  await t.stack.runDueJobs();
}


async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Utfall').addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('importing outcomes in the browser', () => {
  const env = useBrowserStack(async (t) => {
    for (const [boardId, name] of [
      ['bromma', 'Bromma stadsdelsnämnd'],
      ['kista', 'Kista stadsdelsnämnd'],
    ]) {
      await ok(t.api('PUT', `/api/boards/${boardId}`, { as: admin, body: { name, kind: 'district', contacts: [`kansli@${boardId}.example`] } }), 200, 201);
    }
    await ok(t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } }), 201);
    await ok(t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals }), 200);
    await approve(t, 'bromma', 'plan', plan);
    await approve(t, 'kista', 'plan', plan);
    await save(t, 'bromma', 't1', { indicators: [{ indicatorId: 'KF-1', outcome: 80, forecast: 88 }] });
    await approve(t, 'kista', 't1', { indicators: [{ indicatorId: 'KF-1', outcome: 70, forecast: 90 }, { indicatorId: 'KF-2', outcome: 6, forecast: 5 }] });
  });

  it('previews an uploaded Excel sheet row by row and writes the drafts it showed', { timeout: 180_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Anna Controller/);
    await page.goto(`/cycles/${year}/imports`);

    // Nothing pasted or chosen: the message sits next to the field, and focus goes there.
    await inBothLanguages(
      page,
      'imports-01-empty',
      async () => {
        await page.getByRole('heading', { level: 1, name: `Importera utfall ${year}` }).waitFor();
        await page.getByRole('button', { name: 'Förhandsgranska' }).click();
        const field = page.getByLabel('Klistra in text');
        await expect.poll(() => field.getAttribute('aria-invalid'), pollPatience).toBe('true');
        expect(await page.locator('#f-import-content-err').textContent()).toContain('Klistra in text eller välj en fil.');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('f-import-content');
      },
      async () => {
        await page.getByRole('heading', { level: 1, name: `Import outcomes ${year}` }).waitFor();
        await page.getByText('Paste some text or choose a file.').waitFor();
      },
    );

    // A file of another kind is refused next to the file field, before anything is sent.
    await page.getByLabel('Eller välj en fil').setInputFiles({ name: 'utfall.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF') });
    await page.getByText('utfall.pdf är inte en .json-, .csv- eller .xlsx-fil.').waitFor();

    await page.getByLabel('Eller välj en fil').setInputFiles({
      name: 'utfall-t1.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await workbook([
        ['Nämnd', 'Indikator', 'Utfall', 'År'],
        ['bromma', 'KF-1', 87.5, 2027],
        ['Bromma stadsdelsnämnd', 'Sjukfrånvaro', '5,2', 2027],
        ['Kista stadsdelsnämnd', 'KF-1', 91, 2027],
        ['Skärholmen', 'KF-1', 70, 2027],
        ['bromma', 'KF-2', 'ca 5', 2027],
      ]),
    });
    await page.getByText('Vald fil: utfall-t1.xlsx').waitFor();
    await page.getByLabel('Rapport att skriva in i').selectOption('t1');
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();

    const mapped = page.getByRole('table', { name: /Förs in \(2\)/ });
    const skipped = page.getByRole('table', { name: /Hoppas över \(3\)/ });
    await inBothLanguages(
      page,
      'imports-02-preview',
      async () => {
        await mapped.waitFor();
        expect(await page.getByRole('status').filter({ hasText: 'rader lästa' }).textContent()).toBe('5 rader lästa: 2 förs in (1 ersätter ett värde, 0 redan samma), 3 hoppas över.');
        expect(await mapped.locator('tbody tr').allTextContents()).toEqual([
          expect.stringMatching(/^2Bromma stadsdelsnämndKF-1 Andel behöriga lärare87,5Ersätter 80$/),
          expect.stringMatching(/^3Bromma stadsdelsnämndKF-2 Sjukfrånvaro5,2Nytt värde$/),
        ]);
        const reasons = await skipped.locator('tbody tr td:last-child').allTextContents();
        expect(reasons).toEqual([expect.stringContaining('Rapporten är godkänd och tar inte emot utkast'), expect.stringContaining('Okänd nämnd'), expect.stringContaining('Inget tal')]);
        await page.getByRole('button', { name: 'Skriv in 2 värden som utkast' }).waitFor();
      },
      async () => {
        await page.getByRole('table', { name: /Going in \(2\)/ }).getByText('Replaces 80').waitFor();
        await page.getByRole('table', { name: /Skipped \(3\)/ }).getByText('The report is approved and takes no drafts').waitFor();
        await page.getByRole('button', { name: 'Write 2 values as drafts' }).waitFor();
      },
    );

    // Nothing is written by the preview.
    expect((await env.t.api('GET', doc('bromma', 't1'), { as: admin })).body.content.indicators[0].outcome).toBe(80);

    await page.getByRole('button', { name: 'Skriv in 2 värden som utkast' }).click();
    await inBothLanguages(
      page,
      'imports-03-applied',
      async () => {
        await page.getByRole('heading', { name: 'Resultat' }).waitFor();
        await page.getByText('2 värden skrevs in i 1 rapporter.').waitFor();
        await expect.poll(() => page.evaluate(() => document.activeElement?.id), pollPatience).toBe('import-result-title');
        expect(await page.getByRole('link', { name: /Bromma stadsdelsnämnd: 2 värden/ }).getAttribute('href')).toBe(`/cycles/${year}/boards/bromma/documents/t1`);
      },
      async () => {
        await page.getByRole('heading', { name: 'Result' }).waitFor();
        await page.getByText('2 values were written into 1 reports.').waitFor();
      },
    );

    const bromma = (await env.t.api('GET', doc('bromma', 't1'), { as: admin })).body;
    expect(bromma.status).toBe('draft');
    expect(bromma.content.indicators.map((i: { indicatorId: string; outcome: number }) => [i.indicatorId, i.outcome])).toEqual([
      ['KF-1', 87.5],
      ['KF-2', 5.2],
    ]);
    const kista = (await env.t.api('GET', doc('kista', 't1'), { as: admin })).body;
    expect([kista.status, kista.content.indicators[0].outcome]).toEqual(['approved', 70]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a reviewer that only the city office imports', { timeout: 60_000 }, async () => {
    const { page, context, errors } = await env.visitor();
    await signIn(page, /Rut Analys/);
    await page.goto(`/cycles/${year}/imports`);
    await page.getByText('Bara stadsledningskontoret (admin) importerar utfall.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Förhandsgranska' }).count()).toBe(0);
    await checkPage(page, 'imports-04-reviewer-sv');
    expect(errors).toEqual([]);
    await context.close();
  });
});

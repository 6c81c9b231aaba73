/**
 * The organisation over HTTP on the local stack: a board is deleted only when it never had a document and has no
 * units (204), refused with the reason otherwise (409 at `documents` or `units`), 404 when unknown, 412 on a stale
 * If-Match, 403 for anyone but the office; GET …/deletion tells beforehand; every change lands in the board's own
 * audit trail, which outlives it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, editorOf, reviewer, startTestStack, type TestStack } from './support/localStack';

const year = 2031;
const calendar = { planDue: '2031-01-31', t1Due: '2031-05-15', t2Due: '2031-09-15', annualDue: '2032-02-15', signoffDue: '2032-04-15' };
const goals = { directionGoals: [{ id: 'D1', title: 'Mål', areaGoals: [{ id: 'D1.1', title: 'Delmål', indicators: [{ id: 'KF-1', name: 'I', unit: '%', direction: 'higher', target: 80 }] }] }] };
const board = (name: string, extra: object = {}) => ({ name, kind: 'district', contacts: [`kansli@${name.toLowerCase()}.example`], ...extra });

describe('deleting a board over HTTP', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
    for (const [id, body] of [
      ['tom', board('Tom')],
      ['med-dokument', board('Dokument')],
      ['med-enhet', board('Enhet')],
      ['skolan', board('Skolan', { kind: 'unit', parentId: 'med-enhet' })],
    ] as const) {
      expect((await t.api('PUT', `/api/boards/${id}`, { as: admin, body, headers: { 'if-match': '"0"' } })).status).toBe(201);
    }
    expect((await t.api('POST', '/api/cycles', { as: admin, body: { year, calendar } })).status).toBe(201);
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: goals })).status).toBe(200);
    const saved = await t.api('PUT', `/api/cycles/${year}/boards/med-dokument/documents/plan`, {
      as: editorOf('med-dokument'),
      headers: { 'if-match': '"0"' },
      body: { content: { targets: [{ indicatorId: 'KF-1', target: 85 }] } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('tells beforehand what stands in the way, to the office only', async () => {
    expect((await t.api('GET', '/api/boards/tom/deletion', { as: admin })).body).toEqual({ boardId: 'tom', deletable: true, yearsWithDocuments: [], namedInGoals: [], units: [] });
    expect((await t.api('GET', '/api/boards/med-dokument/deletion', { as: admin })).body).toMatchObject({ deletable: false, yearsWithDocuments: [year] });
    expect((await t.api('GET', '/api/boards/med-enhet/deletion', { as: admin })).body).toMatchObject({ deletable: false, units: ['skolan'] });
    expect((await t.api('GET', '/api/boards/ingen/deletion', { as: admin })).status).toBe(404);
    expect((await t.api('GET', '/api/boards/tom/deletion', { as: reviewer })).status).toBe(403);
  });

  it('refuses a board with documents or units with 409 saying why, and changes nothing', async () => {
    const documents = await t.api('DELETE', '/api/boards/med-dokument', { as: admin });
    expect(documents.status).toBe(409);
    expect(documents.headers.get('content-type')).toContain('application/problem+json');
    expect(documents.body.detail).toMatch(/Archive it instead/);
    expect(documents.body.errors).toEqual([{ path: 'documents', message: expect.stringContaining(String(year)) }]);
    const units = await t.api('DELETE', '/api/boards/med-enhet', { as: admin });
    expect(units.status).toBe(409);
    expect(units.body.errors).toEqual([{ path: 'units', message: expect.stringContaining('skolan') }]);
    const ids = (await t.api('GET', '/api/boards', { as: admin })).body.boards.map((b: { boardId: string }) => b.boardId);
    expect(ids).toEqual(expect.arrayContaining(['med-dokument', 'med-enhet', 'skolan']));
  });

  it('deletes a board without documents or units: 204, gone from the list, 404 after; its audit trail stays', async () => {
    expect((await t.api('DELETE', '/api/boards/tom', { as: editorOf('tom') })).status).toBe(403);
    expect((await t.api('DELETE', '/api/boards/tom', { as: admin, headers: { 'if-match': '"7"' } })).status).toBe(412);
    const deleted = await t.api('DELETE', '/api/boards/tom', { as: admin, headers: { 'if-match': '"1"' } });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(204);
    expect((await t.api('GET', '/api/boards', { as: admin })).body.boards.map((b: { boardId: string }) => b.boardId)).not.toContain('tom');
    expect((await t.api('DELETE', '/api/boards/tom', { as: admin })).status).toBe(404);
    const trail = await t.stack.deps.boards.events('tom');
    expect(trail.map(({ action, actor, version }) => ({ action, actor, version }))).toEqual([
      { action: 'created', actor: admin.sub, version: 1 },
      { action: 'deleted', actor: admin.sub, version: 2 },
    ]);
  });

  it("refuses a board the year's council goals name, at `councilGoals`", async () => {
    expect((await t.api('PUT', '/api/boards/i-malen', { as: admin, body: board('Malen') })).status).toBe(201);
    const named = structuredClone(goals) as any;
    named.directionGoals[0].areaGoals[0].indicators[0].boards = ['i-malen'];
    expect((await t.api('PUT', `/api/cycles/${year}/council-goals`, { as: admin, body: named })).status).toBe(200);
    const refused = await t.api('DELETE', '/api/boards/i-malen', { as: admin });
    expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([409, 'councilGoals']);
    expect((await t.api('GET', '/api/boards/i-malen/deletion', { as: admin })).body).toMatchObject({ deletable: false, namedInGoals: [year] });
  });

  it('archives with If-Match and audits it; a stale If-Match on PUT is 412 and saves nothing', async () => {
    const stale = await t.api('PUT', '/api/boards/skolan', { as: admin, headers: { 'if-match': '"5"' }, body: board('Skolan', { kind: 'unit', parentId: 'med-enhet', archived: true }) });
    expect(stale.status).toBe(412);
    const archived = await t.api('PUT', '/api/boards/skolan', { as: admin, headers: { 'if-match': '"1"' }, body: board('Skolan', { kind: 'unit', parentId: 'med-enhet', archived: true }) });
    expect([archived.status, archived.headers.get('etag'), archived.body.archived]).toEqual([200, '"2"', true]);
    expect((await t.stack.deps.boards.events('skolan')).map((event) => event.action)).toEqual(['created', 'archived']);
  });
});

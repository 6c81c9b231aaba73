import { beforeEach, describe, expect, it } from 'vitest';
import { admin, beforeEachCommit, seedDocument, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { ReportContent } from '../../schemas/documents';
import type { KoladaImportBody } from '../../schemas/imports';
import { importKoladaOutcomes } from './importOutcomes';

let w: TestWorld;
const body: KoladaImportBody = {
  kind: 't1',
  source: 'Kolada',
  fetchedAt: '2027-05-01T00:00:00.000Z',
  mapping: { indicators: [{ kpi: 'N1', indicatorId: 'KF-1' }], boards: [{ ou: 'V-BROMMA', boardId: 'bromma' }, { ou: 'V-KISTA', boardId: 'kista' }] },
  data: {
    values: [
      { kpi: 'N1', ou: 'V-BROMMA', period: 2027, values: [{ gender: 'T', value: 88 }] },
      { kpi: 'N1', ou: 'V-KISTA', period: 2027, values: [{ gender: 'T', value: 92 }] },
      { kpi: 'N1', ou: 'V-KISTA', period: 2026, values: [{ gender: 'T', value: 70 }] },
    ],
  },
};

beforeEach(async () => {
  w = await testWorld({ clock: '2027-05-02T08:00:00.000Z' });
});

describe('importKoladaOutcomes', () => {
  it('writes outcomes into editable reports as drafts, with their source, and says what it skipped', async () => {
    const answer = await importKoladaOutcomes({ year: YEAR, body }, w.as(admin));
    expect(answer.applied).toEqual([
      { boardId: 'bromma', indicators: ['KF-1'], version: 1 },
      { boardId: 'kista', indicators: ['KF-1'], version: 1 },
    ]);
    expect(answer.skipped).toEqual([{ reason: 'other_period', kpi: 'N1', unit: 'V-KISTA', period: 2026 }]);
    const report = (await w.documents.get(YEAR, 'bromma', 't1'))!.document;
    expect(report.status).toBe('draft');
    expect((report.content as ReportContent).indicators).toEqual([
      expect.objectContaining({ indicatorId: 'KF-1', outcome: 88, source: expect.objectContaining({ name: 'Kolada', fetchedAt: body.fetchedAt, kpi: 'N1' }) }),
    ]);
    expect((await w.history.documentHistory({ year: YEAR, boardId: 'bromma', kind: 't1' })).at(-1)).toMatchObject({ action: 'outcomes_imported', comment: '1 outcome(s) from Kolada' });
  });

  it('leaves a submitted report alone, and a report that changed during the import, and lists both', async () => {
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 't1' }, { status: 'in_review', submissions: 1, submittedAt: '2027-05-01T00:00:00.000Z' }));
    const racing = {
      ...w.as(admin),
      documents: beforeEachCommit(w.documents, async () => seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 't1' }))),
    };
    const answer = await importKoladaOutcomes({ year: YEAR, body }, racing);
    expect(answer.applied).toEqual([]);
    expect(answer.notApplied).toEqual([
      { boardId: 'bromma', reason: expect.stringMatching(/t1 report is in_review/) },
      { boardId: 'kista', reason: 'the report changed while importing; run the import again' },
    ]);
    expect((await w.documents.get(YEAR, 'kista', 't1'))?.document.content).toEqual({ indicators: [], goals: [] });
  });

  it('imports nothing before the council goals are loaded', async () => {
    const empty = await testWorld({ empty: true });
    await empty.cycles.create((await w.cycles.get(YEAR))!, { at: '2026-12-01T00:00:00.000Z', actor: 'a', role: 'admin', action: 'opened' });
    await expect(importKoladaOutcomes({ year: YEAR, body }, empty.as(admin))).rejects.toThrow(/council goals of 2027 are not loaded/);
  });
});

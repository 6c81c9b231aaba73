import { beforeEach, describe, expect, it } from 'vitest';
import { NotFound } from '../../domain/errors';
import { completePlan, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { publicIndicatorSeries, publicMeters } from './publicMeters';

let w: TestWorld;
const annual = (boardId: string, outcome: number, status: 'approved' | 'in_review') =>
  storedDocument({ year: YEAR, boardId, kind: 'annual' }, { status, content: { indicators: [{ indicatorId: 'KF-1', outcome }], goals: [] } });

beforeEach(async () => {
  w = await testWorld();
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'bromma', kind: 'plan' }, { status: 'approved', content: completePlan }));
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'approved', content: { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 95 }] } }));
});

describe('publicMeters', () => {
  it('builds the meters from approved documents only: a report still in review never shows', async () => {
    await seedDocument(w, annual('bromma', 93, 'approved'));
    await seedDocument(w, annual('kista', 10, 'in_review'));
    const meters = await publicMeters(YEAR, w);
    const kf1 = meters.meters.find((meter) => meter.indicatorId === 'KF-1')!;
    // The mean of bromma's 93 alone: kista's 10, still in review, is not counted.
    expect(kf1.value).toBe(93);
  });

  it("shows the top-level boards only: a unit's approved figures stay internal", async () => {
    await w.boards.save(storedBoard('alvik', { kind: 'unit', parentId: 'bromma' }), 0);
    await seedDocument(w, storedDocument({ year: YEAR, boardId: 'alvik', kind: 'plan' }, { status: 'approved', parentId: 'bromma', content: completePlan }));
    await seedDocument(w, { ...annual('alvik', 10, 'approved'), parentId: 'bromma' });
    await seedDocument(w, annual('bromma', 93, 'approved'));
    const kf1 = (await publicMeters(YEAR, w)).meters.find((meter) => meter.indicatorId === 'KF-1')!;
    expect(kf1.boards.map((board) => board.boardId)).toEqual(['bromma', 'kista']);
    expect(kf1.value).toBe(93);
    expect((await publicIndicatorSeries('KF-1', w)).series.map((point) => point.value)).toEqual([93]);
  });

  it("publishes no money: a report's economy leaves the meters as they were", async () => {
    await seedDocument(w, annual('bromma', 93, 'approved'));
    const without = await publicMeters(YEAR, w);
    const bromma = (await w.documents.get(YEAR, 'bromma', 'annual'))!.document;
    const economy = { outcome: 1_187_654.3, returnOutcome: 4.25, comment: 'Underskott inom äldreomsorgen.' };
    await w.documents.commit({
      next: { ...bromma, version: bromma.version + 1, content: { ...bromma.content, economy } as typeof bromma.content },
      previous: bromma,
      expectedVersion: bromma.version,
      event: { at: '2027-02-01T08:00:00.000Z', actor: 'x', role: 'editor', action: 'saved', from: 'approved', to: 'approved' },
    });
    expect((await w.documents.approvedFigures(YEAR)).find((entry) => entry.boardId === 'bromma' && entry.kind === 'annual')).toMatchObject({ economy });
    const withMoney = await publicMeters(YEAR, w);
    expect(withMoney).toEqual(without);
    expect(JSON.stringify(withMoney)).not.toMatch(/1187654|Underskott|4\.25/);
  });

  it('answers 404 for a year without published goals, or never opened', async () => {
    await expect(publicMeters(2019, w)).rejects.toBeInstanceOf(NotFound);
  });
});

describe('publicIndicatorSeries', () => {
  it('answers the indicator across the years that had it', async () => {
    await seedDocument(w, annual('bromma', 93, 'approved'));
    const series = await publicIndicatorSeries('KF-1', w);
    expect(series.series.map((point) => [point.year, point.value])).toEqual([[YEAR, 93]]);
  });

  it('dates the series by the newest approval of a document with a figure for the indicator, and reads no document', async () => {
    const approvedAt = (at: string) => [{ at, actor: 'reviewer-1', decision: 'approve' as const, comment: '', indicatorComments: [] }];
    await seedDocument(w, { ...annual('bromma', 93, 'approved'), comments: approvedAt('2027-02-20T10:00:00.000Z') });
    // Kista's report has no figure for KF-1: its later approval does not date KF-1's series.
    await seedDocument(
      w,
      storedDocument({ year: YEAR, boardId: 'kista', kind: 'annual' }, { status: 'approved', comments: approvedAt('2027-03-01T10:00:00.000Z'), content: { indicators: [{ indicatorId: 'KF-2', outcome: 4 }], goals: [] } }),
    );
    const reads = { count: 0 };
    const documents = new Proxy(w.documents, {
      get: (target, key, receiver) => {
        if (key === 'get' || key === 'list') reads.count += 1;
        return Reflect.get(target, key, receiver);
      },
    });
    const series = await publicIndicatorSeries('KF-1', { ...w, documents });
    expect(series.lastUpdated).toBe('2027-02-20T10:00:00.000Z');
    expect(series.status).toEqual({ status: 'reached', year: YEAR, basis: 'outcome' });
    expect(series.trend.verdict).toBe('too_few_years');
    expect(reads.count).toBe(0);
  });
});

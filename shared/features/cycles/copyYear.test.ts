import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, NotFound, ValidationFailed } from '../../domain/errors';
import { admin, completePlan, seedDocument, storedBoard, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { statusMatrix, lateList } from './statusMatrix';
import { createCycle } from './cycles';
import { copyPreview } from './copyYear';
import type { DocumentStore } from '../../ports/documentStore';
import { budgetBodySchema, reportSectionsBodySchema } from '../../schemas/economy';
import { getBudget, getReportSections, putBudget, putReportSections } from '../economy/settings';

const NEXT = YEAR + 1;
let w: TestWorld;

beforeEach(async () => {
  // 2027 with testGoals; boards bromma and kista (from testWorld), a unit below bromma, and an archived board.
  w = await testWorld({ clock: '2027-10-01T08:00:00.000Z' });
  await w.boards.save(storedBoard('bromma-skola', { name: 'Bromma skola', kind: 'unit', parentId: 'bromma' }), 0);
  await w.boards.save(storedBoard('farsta', { archived: true }), 0);
  await w.boards.save(storedBoard('spanga'), 0);
  for (const boardId of ['bromma', 'bromma-skola', 'farsta']) {
    await seedDocument(w, storedDocument({ year: YEAR, boardId, kind: 'plan' }, { status: 'approved', content: completePlan, submissions: 2, comments: [{ at: '2027-02-01T08:00:00.000Z', author: 'reviewer-1', text: 'Godkänd', decision: 'approve' }] as never }));
  }
  await seedDocument(w, storedDocument({ year: YEAR, boardId: 'kista', kind: 'plan' }, { status: 'returned' }));
});

describe('createCycle with copyFrom', () => {
  it('moves the calendar by the years between, copies the council goals and makes each approved plan a draft, with a copied event', async () => {
    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin));

    expect(cycle.calendar).toMatchObject({ planDue: '2028-01-31', t1Due: '2028-05-15', t2Due: '2028-09-15', annualDue: '2029-02-15', signoffDue: '2029-04-15', reminderDaysBefore: 7, timeZone: 'Europe/Stockholm' });
    // Units included, the archived board and the board whose plan was returned left out.
    expect(cycle.copied).toEqual({ from: YEAR, councilGoals: true, plans: 2 });
    const goals = await w.cycles.getCouncilGoals(NEXT);
    const source = await w.cycles.getCouncilGoals(YEAR);
    expect(goals).toMatchObject({ version: 1, updatedBy: admin.sub, directionGoals: source!.directionGoals });

    for (const boardId of ['bromma', 'bromma-skola']) {
      const copied = (await w.documents.get(NEXT, boardId, 'plan'))!.document;
      expect(copied).toMatchObject({ year: NEXT, status: 'draft', version: 1, content: completePlan, comments: [], findings: [], submissions: 0, updatedBy: admin.sub });
      expect(await w.history.documentHistory({ year: NEXT, boardId, kind: 'plan' })).toEqual([expect.objectContaining({ action: 'copied', from: 'not_started', to: 'draft', actor: admin.sub })]);
    }
    expect(await w.documents.get(NEXT, 'kista', 'plan')).toBeUndefined();
    expect(await w.documents.get(NEXT, 'farsta', 'plan')).toBeUndefined();

    // The lean reads of the year say draft: the summary behind the status matrix and the late list.
    expect((await w.documents.statuses(NEXT)).map((entry) => [entry.boardId, entry.kind, entry.status])).toEqual([
      ['bromma', 'plan', 'draft'],
      ['bromma-skola', 'plan', 'draft'],
    ]);
    const matrix = await statusMatrix(NEXT, w);
    expect(Object.fromEntries(matrix.boards.map((row) => [row.boardId, row.documents.plan.status]))).toEqual({ bromma: 'draft', kista: 'not_started', spanga: 'not_started' });
    w.clock.set('2028-02-10T08:00:00.000Z');
    expect((await lateList(NEXT, w)).late.filter((entry) => entry.kind === 'plan').map((entry) => [entry.boardId, entry.status])).toEqual(
      expect.arrayContaining([['bromma', 'draft'], ['kista', 'not_started']]),
    );

    // The year's history says where it came from.
    expect((await w.cycles.events(NEXT)).map((event) => [event.action, event.details?.copiedFrom])).toEqual([
      ['opened', YEAR],
      ['council_goals_replaced', YEAR],
    ]);
  });

  it('takes the calendar given in the body over the moved one', async () => {
    const calendar = { planDue: '2028-02-15', t1Due: '2028-05-20', t2Due: '2028-09-20', annualDue: '2029-02-20', signoffDue: '2029-04-20', reminderDaysBefore: 5, escalateEveryDays: 7, timeZone: 'Europe/Helsinki' };
    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR, calendar }, w.as(admin));
    expect(cycle.calendar).toEqual(calendar);
    expect(cycle.copied?.plans).toBe(2);
  });

  it.each([
    [2028, '2029-02-28'],
    [2031, '2032-02-29'],
  ])('moves an annual report due on 29 February 2028 to the year %s as %s', async (to, moved) => {
    const cycle = (await w.cycles.get(YEAR))!;
    w.table.cycles.set(YEAR, { ...cycle, calendar: { ...cycle.calendar, annualDue: '2028-02-29' } });
    expect((await createCycle({ year: to, copyFrom: YEAR }, w.as(admin))).calendar.annualDue).toBe(moved);
  });

  it('answers 422 naming an unknown source year, and opens nothing', async () => {
    const error = await createCycle({ year: NEXT, copyFrom: 2019 }, w.as(admin)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors).toEqual([{ path: 'copyFrom', message: expect.stringContaining('2019') }]);
    expect(await w.cycles.get(NEXT)).toBeUndefined();
  });

  it('answers 409 for a year open already, copying nothing', async () => {
    await createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin));
    const before = await w.history.documentHistory({ year: NEXT, boardId: 'bromma', kind: 'plan' });
    await expect(createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin))).rejects.toBeInstanceOf(Conflict);
    expect(await w.history.documentHistory({ year: NEXT, boardId: 'bromma', kind: 'plan' })).toEqual(before);
  });

  it('never overwrites a plan that exists in the new year meanwhile: it stays, and is not counted', async () => {
    // A board's secretary saves a plan of the new year between the year opening and the copy reaching it.
    const documents: DocumentStore = Object.create(w.documents) as DocumentStore;
    let raced = false;
    documents.commit = async (change) => {
      if (!raced && change.next.boardId === 'bromma' && change.next.year === NEXT) {
        raced = true;
        await seedDocument(w, storedDocument({ year: NEXT, boardId: 'bromma', kind: 'plan' }, { content: { ...completePlan, risks: [] , controls: [] }, updatedBy: 'editor-bromma' }));
      }
      return w.documents.commit(change);
    };
    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR }, { ...w.as(admin), documents });
    expect(cycle.copied).toMatchObject({ plans: 1 });
    expect((await w.documents.get(NEXT, 'bromma', 'plan'))!.document).toMatchObject({ updatedBy: 'editor-bromma', content: { risks: [] } });
  });

  it('copies no council goals when the source year has none, and says so', async () => {
    const empty = await testWorld({ empty: true, clock: '2027-10-01T08:00:00.000Z' });
    await empty.cycles.create({ ...(await w.cycles.get(YEAR))! }, { at: '2026-12-01T08:00:00.000Z', actor: 'admin-1', role: 'admin', action: 'opened' });
    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR }, empty.as(admin));
    expect(cycle.copied).toEqual({ from: YEAR, councilGoals: false, plans: 0 });
    expect(await empty.cycles.getCouncilGoals(NEXT)).toBeUndefined();
  });

  it('reads the source plans one board at a time, only those the summary says are approved', async () => {
    const read: string[] = [];
    const documents: DocumentStore = Object.create(w.documents) as DocumentStore;
    documents.get = async (year, boardId, kind) => {
      read.push(`${year}/${boardId}/${kind}`);
      return w.documents.get(year, boardId, kind);
    };
    await createCycle({ year: NEXT, copyFrom: YEAR }, { ...w.as(admin), documents });
    expect(read.sort()).toEqual([`${YEAR}/bromma-skola/plan`, `${YEAR}/bromma/plan`]);
  });
});

describe('createCycle with copyFrom: the economy', () => {
  it("copies the report sections, in their order, with the cycle's event, and leaves the budget behind", async () => {
    const sections = reportSectionsBodySchema.parse({
      sections: [
        { id: 'innovation', title: 'Innovation', kinds: ['annual'], help: 'Nya arbetssätt.' },
        { id: 'jamstalldhet', title: 'Jämställdhet', kinds: ['t2', 'annual'], required: true, boardKinds: ['district'] },
      ],
    });
    await putReportSections({ year: YEAR, body: sections }, w.as(admin));
    await putBudget({ year: YEAR, body: budgetBodySchema.parse({ boards: [{ boardId: 'bromma', netCost: 1000 }] }) }, w.as(admin));
    expect((await copyPreview({ from: YEAR, to: NEXT }, w)).reportSections).toBe(2);

    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin));
    expect(cycle.copied).toEqual({ from: YEAR, councilGoals: true, plans: 2, reportSections: 2 });
    expect(await getReportSections(NEXT, w)).toMatchObject({ version: 1, sections: sections.sections, updatedBy: admin.sub });
    expect(await getBudget(NEXT, w)).toEqual({ year: NEXT, unit: 'tkr', boards: [], version: 0 });
    const events = await w.cycles.events(NEXT);
    expect(events.find((event) => event.action === 'report_sections_replaced')?.details).toEqual({ sections: { version: 1, sections: 2 }, copiedFrom: YEAR });
  });

  it('copies no sections from a year without any, and says so', async () => {
    expect((await copyPreview({ from: YEAR, to: NEXT }, w)).reportSections).toBe(0);
    const cycle = await createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin));
    expect(cycle.copied).not.toHaveProperty('reportSections');
    expect((await getReportSections(NEXT, w)).version).toBe(0);
  });
});

describe('copyPreview', () => {
  it('answers the moved calendar, the council goals counted, and the boards with and without an approved plan; nothing changes', async () => {
    const preview = await copyPreview({ from: YEAR, to: NEXT }, w);
    expect(preview).toMatchObject({ from: YEAR, to: NEXT, exists: false, calendar: { planDue: '2028-01-31', signoffDue: '2029-04-15' } });
    expect(preview.councilGoals).toEqual({ present: true, directionGoals: 2, areaGoals: expect.any(Number), indicators: 3 });
    expect(preview.plans).toEqual([
      { boardId: 'bromma', name: 'Bromma nämnd', parentId: null },
      { boardId: 'bromma-skola', name: 'Bromma skola', parentId: 'bromma' },
    ]);
    expect(preview.withoutPlan).toEqual([
      { boardId: 'kista', name: 'Kista nämnd', parentId: null, status: 'returned' },
      { boardId: 'spanga', name: 'Spanga nämnd', parentId: null, status: 'not_started' },
    ]);
    expect(await w.cycles.get(NEXT)).toBeUndefined();
  });

  it('says when the year to open exists already, and answers 404 for a source year never opened', async () => {
    await createCycle({ year: NEXT, copyFrom: YEAR }, w.as(admin));
    expect((await copyPreview({ from: YEAR, to: NEXT }, w)).exists).toBe(true);
    await expect(copyPreview({ from: 2019, to: 2020 }, w)).rejects.toBeInstanceOf(NotFound);
  });
});

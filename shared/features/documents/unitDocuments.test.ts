/** A unit's documents (bromma-skola below bromma) through the document use cases, on the in-memory ports. */
import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, ValidationFailed } from '../../domain/errors';
import { completePlan, editorOf, reviewer, seedDocument, storedBoard, storedDocument, testCalendar, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import type { BoardRepository } from '../../ports/boardRepository';
import type { DocumentStatus } from '../../schemas/common';
import { planContentSchema, reportContentSchema, type PlanContent } from '../../schemas/documents';
import { decideDocument } from './decideDocument';
import { readDocumentView } from './readDocument';
import { saveDocument } from './saveDocument';
import { submitDocument } from './submitDocument';

const unit = { year: YEAR, boardId: 'bromma-skola', kind: 'plan' as const };
const parentPlanAddress = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const unitEditor = editorOf('bromma-skola');

/** Bromma's plan (completePlan): KF-1 91 (higher), KF-2 5 (lower), its own N1-1 10 (higher), goal N1. */
const unitPlan = (patch: Partial<PlanContent> = {}): PlanContent =>
  planContentSchema.parse({
    targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5 }, { indicatorId: 'N1-1', target: 10 }],
    goals: [{ id: 'E1', title: 'Alla lärare behöriga', areaGoalId: 'D1.1', parentGoalId: 'N1' }],
    ownIndicators: [{ id: 'E1-1', goalId: 'E1', name: 'Lärare i fortbildning', unit: 'st', direction: 'higher', target: 4 }],
    risks: [{ id: 'R1', title: 'Vakanser', probability: 2, consequence: 3 }],
    controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp', frequency: 'tertial' }],
    ...patch,
  });

let w: TestWorld;

async function parentPlanIs(status: DocumentStatus) {
  await seedDocument(w, storedDocument(parentPlanAddress, { status, content: completePlan, submissions: status === 'draft' ? 0 : 1 }));
}

beforeEach(async () => {
  w = await testWorld();
  await w.boards.save(storedBoard('bromma-skola', { name: 'Brommaskolan', kind: 'unit', parentId: 'bromma' }), 0);
});

describe("a unit's plan on submit", () => {
  it("waits for the parent's plan: 409 saying who must act, and nothing changes", async () => {
    await parentPlanIs('in_review');
    await seedDocument(w, storedDocument(unit, { content: unitPlan() }));
    const error = await submitDocument(unit, w.as(unitEditor)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).detail).toMatch(/approved plan of Bromma nämnd \(bromma\).*in review: the city's reviewers must approve it first/);
    expect((await w.documents.get(YEAR, 'bromma-skola', 'plan'))?.document).toMatchObject({ status: 'draft', version: 1 });
  });

  it("is refused while the parent has no plan at all", async () => {
    await seedDocument(w, storedDocument(unit, { content: unitPlan() }));
    await expect(submitDocument(unit, w.as(unitEditor))).rejects.toThrow(/not started: the editors of bromma must submit it/);
  });

  it.each([
    ["a missing target for the parent's own indicator", unitPlan({ targets: [{ indicatorId: 'KF-1', target: 92 }, { indicatorId: 'KF-2', target: 5 }] }), 'targets', /N1-1 \(Nyanställda lärare\) has a target in the plan of bromma/],
    ["a target for an indicator the parent's plan does not have", unitPlan({ targets: [...unitPlan().targets, { indicatorId: 'KF-3', target: 1 }] }), 'targets.3.indicatorId', /\(KF-1, KF-2, N1-1\)/],
    ["a goal linked to a goal the parent's plan does not have", unitPlan({ goals: [{ id: 'E1', title: 'x', areaGoalId: 'D1.1', parentGoalId: 'N7', activities: [] }] }), 'goals.0.parentGoalId', /no goal N7/],
  ])('answers 422 for %s, and changes nothing', async (_what, content, path, message) => {
    await parentPlanIs('approved');
    await seedDocument(w, storedDocument(unit, { content }));
    const error = await submitDocument(unit, w.as(unitEditor)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailed);
    expect((error as ValidationFailed).errors).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect((await w.documents.get(YEAR, 'bromma-skola', 'plan'))?.document.status).toBe('draft');
  });

  it("does not ask a unit for the council's indicators its parent set no target for", async () => {
    // KF-3 is assigned to kista and utbildning; bromma's plan has no target for it, so its unit needs none either.
    await parentPlanIs('approved');
    await seedDocument(w, storedDocument(unit, { content: unitPlan() }));
    expect((await submitDocument(unit, w.as(unitEditor))).status).toBe(202);
  });

  it("finds a target less ambitious than the parent's, and stores the parent on the document", async () => {
    await parentPlanIs('approved');
    await seedDocument(w, storedDocument(unit, { content: unitPlan({ targets: [{ indicatorId: 'KF-1', target: 88 }, { indicatorId: 'KF-2', target: 6 }, { indicatorId: 'N1-1', target: 12 }] }) }));
    const answer = await submitDocument(unit, w.as(unitEditor));
    const findings = [
      { code: 'TARGET_BELOW_PARENT', indicatorId: 'KF-1', parentId: 'bromma', parentTarget: 91, unitTarget: 88, direction: 'higher' },
      { code: 'TARGET_BELOW_PARENT', indicatorId: 'KF-2', parentId: 'bromma', parentTarget: 5, unitTarget: 6, direction: 'lower' },
    ];
    expect(answer).toEqual({ status: 202, body: { status: 'in_review', findings, version: 2 } });
    expect((await w.documents.get(YEAR, 'bromma-skola', 'plan'))?.document).toMatchObject({ status: 'in_review', parentId: 'bromma', findings });
  });

  it('keeps a board at the top as it was: council checks, no parent on the document', async () => {
    await seedDocument(w, storedDocument(parentPlanAddress, { content: { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 80 }, { indicatorId: 'KF-2', target: 5 }] } }));
    const answer = await submitDocument(parentPlanAddress, w.as(editorOf('bromma')));
    expect(answer.body).toMatchObject({ findings: [{ code: 'TARGET_BELOW_COUNCIL', indicatorId: 'KF-1' }] });
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document).not.toHaveProperty('parentId');
  });

  it('takes the parent from the board as it is now: a unit moved to the top loses it on its next submit', async () => {
    await seedDocument(w, storedDocument({ ...parentPlanAddress, boardId: 'kista' }, { content: { ...completePlan, targets: [{ indicatorId: 'KF-1', target: 90 }, { indicatorId: 'KF-3', target: 1 }] }, parentId: 'bromma' }));
    await submitDocument({ ...parentPlanAddress, boardId: 'kista' }, w.as(editorOf('kista')));
    expect((await w.documents.get(YEAR, 'kista', 'plan'))?.document).not.toHaveProperty('parentId');
  });
});

describe("a unit's report", () => {
  const t1 = { ...unit, kind: 't1' as const };
  beforeEach(async () => {
    await parentPlanIs('approved');
    await seedDocument(w, storedDocument(unit, { status: 'approved', content: unitPlan(), submissions: 1, parentId: 'bromma' }));
  });

  it("asks for its own plan's indicators (the parent's own included), not the council's assignment", async () => {
    await seedDocument(w, storedDocument(t1, { content: reportContentSchema.parse({ indicators: [{ indicatorId: 'KF-1', forecast: 90 }] }) }));
    const error = (await submitDocument(t1, w.as(unitEditor)).catch((e: unknown) => e)) as ValidationFailed;
    expect(error).toBeInstanceOf(ValidationFailed);
    expect(error.errors?.map((e) => e.message)).toEqual([
      expect.stringMatching(/indicator KF-2 \(Sjukfrånvaro\) is missing/),
      expect.stringMatching(/indicator N1-1 \(Nyanställda lärare\) is missing/),
      expect.stringMatching(/indicator E1-1 \(Lärare i fortbildning\) is missing/),
    ]);
  });

  it('goes to review with a forecast for each, carrying its parent', async () => {
    const indicators = ['KF-1', 'KF-2', 'N1-1', 'E1-1'].map((indicatorId) => ({ indicatorId, forecast: 1 }));
    await seedDocument(w, storedDocument(t1, { content: reportContentSchema.parse({ indicators }) }));
    expect((await submitDocument(t1, w.as(unitEditor))).status).toBe(202);
    expect((await w.documents.get(YEAR, 'bromma-skola', 't1'))?.document).toMatchObject({ status: 'in_review', parentId: 'bromma' });
  });

  it("lets the decision comment on the parent's own indicators of the unit's plan", async () => {
    await seedDocument(w, storedDocument(t1, { status: 'in_review', submissions: 1, submittedAt: '2027-05-01T08:00:00.000Z', parentId: 'bromma' }));
    const body = { decision: 'return' as const, comment: 'Komplettera', indicatorComments: [{ indicatorId: 'N1-1', comment: 'Prognos?' }] };
    expect((await decideDocument({ ...t1, body }, w.as(editorOf('bromma')))).status).toBe(200);
    const unknown = { ...body, indicatorComments: [{ indicatorId: 'KF-3', comment: 'x' }] };
    await seedDocument(w, storedDocument({ ...t1, kind: 't2' }, { status: 'in_review', submissions: 1, submittedAt: '2027-05-01T08:00:00.000Z', parentId: 'bromma' }));
    await expect(decideDocument({ ...t1, kind: 't2', body: unknown }, w.as(reviewer))).rejects.toBeInstanceOf(ValidationFailed);
  });
});

describe("a unit's document as its form reads it", () => {
  /** Counts the board reads: a board at the top must cost none beyond what it cost before levels. */
  function counting(boards: BoardRepository) {
    const reads: string[] = [];
    return { reads, boards: { ...boards, get: (id: string) => (reads.push(id), boards.get(id)), directory: () => boards.directory(), list: () => boards.list(), getMany: (ids: readonly string[]) => boards.getMany(ids), save: boards.save.bind(boards) } };
  }

  it('gives a board at the top its due date and no parent, with no read of the board for a stored document', async () => {
    await seedDocument(w, storedDocument(parentPlanAddress, { content: completePlan }));
    const { reads, boards } = counting(w.boards);
    const view = await readDocumentView(parentPlanAddress, { ...w, boards });
    expect(view).toMatchObject({ due: testCalendar.planDue, status: 'draft' });
    expect(view).not.toHaveProperty('parent');
    expect(reads).toEqual([]);
  });

  it("gives a unit's plan its own due date and its parent's status, but not the parent's plan before it is approved", async () => {
    await parentPlanIs('in_review');
    const before = await readDocumentView(unit, w);
    expect(before).toMatchObject({ status: 'not_started', due: '2027-02-14', parentId: 'bromma', parent: { boardId: 'bromma', name: 'Bromma nämnd', status: 'in_review', targets: [], goals: [] } });
  });

  it("gives a unit's plan its parent's targets and goals once the parent's plan is approved", async () => {
    await parentPlanIs('approved');
    const after = await readDocumentView(unit, w);
    expect(after.parent).toEqual({
      boardId: 'bromma',
      name: 'Bromma nämnd',
      status: 'approved',
      targets: [
        { indicatorId: 'KF-1', name: 'Andel behöriga lärare', unit: '%', direction: 'higher', target: 91, source: 'council' },
        { indicatorId: 'KF-2', name: 'Sjukfrånvaro', unit: '%', direction: 'lower', target: 5, source: 'council' },
        { indicatorId: 'N1-1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10, source: 'own' },
      ],
      goals: [{ id: 'N1', title: 'Fler behöriga lärare' }],
    });
  });

  it('moves the due date by unitLeadDays per level: reports earlier, plans later', async () => {
    await w.boards.save(storedBoard('bromma-skola-1a', { kind: 'unit', parentId: 'bromma-skola' }), 0);
    expect((await readDocumentView({ ...unit, boardId: 'bromma-skola-1a' }, w)).due).toBe('2027-02-28');
    expect((await readDocumentView({ ...unit, boardId: 'bromma-skola-1a', kind: 't1' }, w)).due).toBe('2027-04-17');
    expect((await readDocumentView({ ...unit, boardId: 'bromma-skola-1a', kind: 't1' }, w)).parent).toMatchObject({ boardId: 'bromma-skola', status: 'not_started' });
  });
});

describe("a unit's first save", () => {
  it('stores the parent on the document', async () => {
    const saved = await saveDocument({ ...unit, ifMatch: 0, content: unitPlan() }, w.as(unitEditor));
    expect(saved.parentId).toBe('bromma');
    expect((await w.documents.get(YEAR, 'bromma-skola', 'plan'))?.document.parentId).toBe('bromma');
    const top = await saveDocument({ ...parentPlanAddress, ifMatch: 0, content: completePlan }, w.as(editorOf('bromma')));
    expect(top).not.toHaveProperty('parentId');
  });
});

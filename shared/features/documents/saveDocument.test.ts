import { beforeEach, describe, expect, it } from 'vitest';
import { Conflict, PreconditionFailed, PreconditionRequired } from '../../domain/errors';
import { beforeEachCommit, completePlan, editorOf, seedDocument, storedCycle, storedDocument, testWorld, YEAR, type TestWorld } from '../../adapters/memory/fixtures';
import { saveDocument } from './saveDocument';

const plan = { year: YEAR, boardId: 'bromma', kind: 'plan' as const };
const editor = editorOf('bromma');
let w: TestWorld;

beforeEach(async () => {
  w = await testWorld();
});

describe('saveDocument', () => {
  it('creates a draft from version 0 and saves over the version read', async () => {
    const first = await saveDocument({ ...plan, ifMatch: 0, content: completePlan }, w.as(editor));
    expect(first).toMatchObject({ status: 'draft', version: 1, updatedBy: editor.sub });
    const second = await saveDocument({ ...plan, ifMatch: 1, content: { ...completePlan, risks: [] } }, w.as(editor));
    expect(second.version).toBe(2);
    expect((await w.history.documentHistory(plan)).map((event) => [event.action, event.from, event.to])).toEqual([
      ['saved', 'not_started', 'draft'],
      ['saved', 'draft', 'draft'],
    ]);
  });

  it("records the person's name beside the login id when the token carries one", async () => {
    await saveDocument({ ...plan, ifMatch: 0, content: completePlan }, w.as({ ...editor, name: 'Erik Berg' }));
    await saveDocument({ ...plan, ifMatch: 1, content: completePlan }, w.as(editor));
    expect((await w.history.documentHistory(plan)).map((event) => [event.actor, event.actorName])).toEqual([
      [editor.sub, 'Erik Berg'],
      [editor.sub, undefined],
    ]);
  });

  it('needs If-Match, and refuses a stale one without overwriting', async () => {
    await expect(saveDocument({ ...plan, ifMatch: undefined, content: completePlan }, w.as(editor))).rejects.toBeInstanceOf(PreconditionRequired);
    await saveDocument({ ...plan, ifMatch: 0, content: completePlan }, w.as(editor));
    await expect(saveDocument({ ...plan, ifMatch: 0, content: { ...completePlan, risks: [] } }, w.as(editor))).rejects.toBeInstanceOf(PreconditionFailed);
    expect((await w.documents.get(YEAR, 'bromma', 'plan'))?.document.content).toEqual(completePlan);
  });

  it('answers 412 when someone saves between its read and its commit (no retry: the caller merges)', async () => {
    await seedDocument(w, storedDocument(plan));
    const racing = {
      ...w.as(editor),
      documents: beforeEachCommit(w.documents, async () => {
        const current = (await w.documents.get(YEAR, 'bromma', 'plan'))!.document;
        await w.documents.commit({ next: { ...current, version: 2 }, expectedVersion: 1, event: { at: 'other', actor: 'x', role: 'editor', action: 'saved', from: 'draft', to: 'draft' } });
      }),
    };
    await expect(saveDocument({ ...plan, ifMatch: 1, content: completePlan }, racing)).rejects.toBeInstanceOf(PreconditionFailed);
  });

  it('refuses a document in review, and any document of a signed-off year', async () => {
    await seedDocument(w, storedDocument(plan, { status: 'in_review', submissions: 1, submittedAt: '2027-01-09T00:00:00.000Z' }));
    await expect(saveDocument({ ...plan, ifMatch: 1, content: completePlan }, w.as(editor))).rejects.toBeInstanceOf(Conflict);
    await w.cycles.update(storedCycle(YEAR, { state: 'signed_off', version: 2 }), 1, { at: '2027-03-01T00:00:00.000Z', actor: 'x', role: 'executive', action: 'signed_off' });
    await expect(saveDocument({ ...plan, kind: 't1', ifMatch: 0, content: { indicators: [], goals: [] } }, w.as(editor))).rejects.toBeInstanceOf(Conflict);
  });
});

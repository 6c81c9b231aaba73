/**
 * What every implementation of the table ports promises, run against the DynamoDB adapters (on DynamoDB Local)
 * and the in-memory ones: the same conditions (versions, tokens, an open cycle, idempotency keys), the same
 * all-or-nothing commits, the same orders. The use-case tests on memory ports mean something only while both pass.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { testGoals } from '../../test/support/testGoals';
import { BoardChanged } from '../ports/boardRepository';
import type { Clock } from '../ports/clock';
import { CouncilGoalsRefused, CycleChanged } from '../ports/cycleRepository';
import { CommitRefused, type DocumentChange, type StoredDocument } from '../ports/documentStore';
import type { TablePorts } from '../ports/tablePorts';
import { openedEvent, storedBoard, storedCycle, storedDocument, testClock } from './memory/fixtures';
import { queuePosition } from '../ports/reviewQueue';

const year = 2031;
const plan = { year, boardId: 'bromma', kind: 'plan' as const };
const goals = (version: number) => ({ ...testGoals, version, updatedAt: '2031-01-02T08:00:00.000Z', updatedBy: 'admin-1' });
const goalsEvent = (at: string) => ({ at, actor: 'admin-1', role: 'admin', action: 'council_goals_replaced' as const });

/** A change of the plan from `from` (undefined: not stored yet) to its next version, with its audit event. */
function change(from: StoredDocument | undefined, patch: Partial<StoredDocument> = {}, extra: Partial<DocumentChange> = {}): DocumentChange {
  const version = (from?.version ?? 0) + 1;
  const at = `2031-01-10T08:00:${String(version).padStart(2, '0')}.000Z`;
  const next = storedDocument(plan, { ...from, version, updatedAt: at, ...patch });
  return {
    next,
    expectedVersion: from?.version ?? 0,
    event: { at, actor: 'editor-bromma', role: 'editor', action: 'saved', from: from?.status ?? 'not_started', to: next.status },
    ...extra,
  };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

export function tablePortsContract(name: string, makePorts: (clock: Clock) => Promise<TablePorts>): void {
  describe(`table ports: ${name}`, () => {
    let ports: TablePorts;
    let clock: ReturnType<typeof testClock>;

    beforeEach(async () => {
      clock = testClock('2031-01-10T08:00:00.000Z');
      ports = await makePorts(clock);
      await ports.cycles.create(storedCycle(year, { summaryChunks: 3 }), openedEvent('2030-12-01T08:00:00.000Z'));
    });

    describe('boards', () => {
      it('creates once, then saves only over the version read, listing by id', async () => {
        await ports.boards.save(storedBoard('kista'), 0);
        await ports.boards.save(storedBoard('bromma'), 0);
        expect(await refusal(ports.boards.save(storedBoard('bromma'), 0))).toBeInstanceOf(BoardChanged);
        await ports.boards.save(storedBoard('bromma', { name: 'Bromma', version: 2 }), 1);
        expect(await refusal(ports.boards.save(storedBoard('bromma', { version: 3 }), 1))).toBeInstanceOf(BoardChanged);
        expect((await ports.boards.list()).map((board) => [board.boardId, board.version])).toEqual([
          ['bromma', 2],
          ['kista', 1],
        ]);
        expect((await ports.boards.get('bromma'))?.name).toBe('Bromma');
      });

      it('keeps the directory in step with every save, and a refused save out of it', async () => {
        await ports.boards.save(storedBoard('kista', { name: 'Kista', kind: 'district' }), 0);
        await ports.boards.save(storedBoard('bromma', { name: 'Bromma', kind: 'district' }), 0);
        await ports.boards.save(storedBoard('bostader', { name: 'Bostäder', kind: 'company' }), 0);
        await ports.boards.save(storedBoard('bromma', { name: 'Bromma stadsdelsnämnd', kind: 'district', version: 2 }), 1);
        await refusal(ports.boards.save(storedBoard('kista', { name: 'Not saved', version: 2 }), 5));
        expect(await ports.boards.directory()).toEqual([
          { boardId: 'bostader', name: 'Bostäder', kind: 'company' },
          { boardId: 'bromma', name: 'Bromma stadsdelsnämnd', kind: 'district' },
          { boardId: 'kista', name: 'Kista', kind: 'district' },
        ]);
        const some = await ports.boards.getMany(['kista', 'nowhere', 'bromma', 'kista']);
        expect(some.map((board) => board.boardId).sort()).toEqual(['bromma', 'kista']);
        expect(some.find((board) => board.boardId === 'bromma')?.version).toBe(2);
      });

      it('removes a board over the version read, with its directory entry, keeping its audit trail; a refused removal changes nothing', async () => {
        const event = (action: 'created' | 'deleted', version: number, at: string) => ({ at, actor: 'admin-1', role: 'admin' as const, action, version });
        await ports.boards.save(storedBoard('kista', { name: 'Kista' }), 0, event('created', 1, '2031-01-10T08:00:00.000Z'));
        await ports.boards.save(storedBoard('bromma', { name: 'Bromma' }), 0);
        expect(await refusal(ports.boards.remove('kista', 2, event('deleted', 3, '2031-01-10T08:01:00.000Z')))).toBeInstanceOf(BoardChanged);
        expect(await refusal(ports.boards.remove('nowhere', 1, event('deleted', 2, '2031-01-10T08:01:00.000Z')))).toBeInstanceOf(BoardChanged);
        expect((await ports.boards.events('kista')).map((e) => e.action)).toEqual(['created']);
        await ports.boards.remove('kista', 1, event('deleted', 2, '2031-01-10T08:02:00.000Z'));
        expect(await ports.boards.get('kista')).toBeUndefined();
        expect((await ports.boards.list()).map((board) => board.boardId)).toEqual(['bromma']);
        expect(await ports.boards.directory()).toEqual([{ boardId: 'bromma', name: 'Bromma', kind: 'district' }]);
        expect(await ports.boards.events('kista')).toEqual([event('created', 1, '2031-01-10T08:00:00.000Z'), event('deleted', 2, '2031-01-10T08:02:00.000Z')]);
      });

      it("tells whether a board has any document in a year from the board's own partition", async () => {
        expect(await ports.documents.hasDocuments(year, 'bromma')).toBe(false);
        await ports.documents.commit(change(undefined));
        expect(await ports.documents.hasDocuments(year, 'bromma')).toBe(true);
        expect(await ports.documents.hasDocuments(year, 'brommaskolan')).toBe(false);
        expect(await ports.documents.hasDocuments(year + 1, 'bromma')).toBe(false);
      });
    });

    describe('cycles', () => {
      it('opens a year once, with its opened event', async () => {
        expect(await ports.cycles.create(storedCycle(year, { createdBy: 'someone-else' }), openedEvent('2031-01-01T00:00:00.000Z'))).toBe(false);
        expect((await ports.cycles.get(year))?.createdBy).toBe('admin-1');
        expect((await ports.cycles.events(year)).map((event) => event.action)).toEqual(['opened']);
        expect((await ports.cycles.list()).map((cycle) => cycle.year)).toEqual([year]);
      });

      it('updates only over the version read and while open; every change appends its event, oldest first', async () => {
        const at = '2031-02-01T08:00:00.000Z';
        await ports.cycles.update(storedCycle(year, { version: 2, updatedAt: at }), 1, { at, actor: 'admin-1', role: 'admin', action: 'calendar_changed', details: { changes: [{ field: 'planDue', from: '2026-01-31', to: '2026-02-07' }] } });
        expect(await refusal(ports.cycles.update(storedCycle(year, { version: 3 }), 1, { at: '2031-02-02T00:00:00.000Z', actor: 'a', role: 'admin', action: 'calendar_changed' }))).toBeInstanceOf(CycleChanged);
        await ports.cycles.update(storedCycle(year, { version: 3, state: 'signed_off' }), 2, { at: '2031-03-01T08:00:00.000Z', actor: 'exec', role: 'executive', action: 'signed_off', comment: 'Done' });
        expect(await refusal(ports.cycles.update(storedCycle(year, { version: 4 }), 3, { at: '2031-03-02T08:00:00.000Z', actor: 'a', role: 'admin', action: 'calendar_changed' }))).toBeInstanceOf(CycleChanged);
        const events = await ports.cycles.events(year);
        expect(events.map((event) => event.action)).toEqual(['opened', 'calendar_changed', 'signed_off']);
        expect(events[1]).toEqual({ at, actor: 'admin-1', role: 'admin', action: 'calendar_changed', details: { changes: [{ field: 'planDue', from: '2026-01-31', to: '2026-02-07' }] } });
        expect((await ports.cycles.get(year))?.version).toBe(3);
      });

      it('replaces council goals over the version read, with the cycle event, until a plan is approved', async () => {
        await ports.cycles.replaceCouncilGoals(year, goals(1), 0, goalsEvent('2031-01-02T08:00:00.000Z'));
        expect(await refusal(ports.cycles.replaceCouncilGoals(year, goals(2), 0, goalsEvent('2031-01-03T08:00:00.000Z')))).toMatchObject({ reason: 'goals' });
        await ports.cycles.replaceCouncilGoals(year, goals(2), 1, goalsEvent('2031-01-04T08:00:00.000Z'));
        await ports.documents.commit(change(undefined, { status: 'approved' }, { countsApprovedPlan: true }));
        expect((await ports.cycles.get(year))?.approvedPlans).toBe(1);
        const refused = await refusal(ports.cycles.replaceCouncilGoals(year, goals(3), 2, goalsEvent('2031-01-05T08:00:00.000Z')));
        expect(refused).toBeInstanceOf(CouncilGoalsRefused);
        expect(refused).toMatchObject({ reason: 'cycle' });
        expect((await ports.cycles.getCouncilGoals(year))?.version).toBe(2);
        expect((await ports.cycles.events(year)).map((event) => event.action)).toEqual(['opened', 'council_goals_replaced', 'council_goals_replaced']);
      });

      it('keeps an approval counted between reading the cycle and changing it', async () => {
        const read = (await ports.cycles.get(year))!;
        await ports.documents.commit(change(undefined, { status: 'approved' }, { countsApprovedPlan: true }));
        const at = '2031-02-01T08:00:00.000Z';
        await ports.cycles.update({ ...read, version: 2, updatedAt: at, reviewerContacts: undefined }, 1, { at, actor: 'admin-1', role: 'admin', action: 'calendar_changed' });
        expect(await ports.cycles.get(year)).toMatchObject({ version: 2, approvedPlans: 1, summaryChunks: 3, updatedAt: at });
      });

      it('refuses council goals for a year that does not exist', async () => {
        expect(await refusal(ports.cycles.replaceCouncilGoals(1999, goals(1), 0, goalsEvent('2031-01-02T08:00:00.000Z')))).toMatchObject({ reason: 'cycle' });
        expect(await ports.cycles.getCouncilGoals(1999)).toBeUndefined();
      });

      it("replaces a setting over the version read, with the cycle's event, while the year is open; each setting its own item", async () => {
        const stamp = (version: number) => ({ version, updatedAt: `2031-01-0${version + 1}T08:00:00.000Z`, updatedBy: 'admin-1' });
        const budget = (version: number, netCost: number) => ({ ...stamp(version), unit: 'tkr' as const, boards: [{ boardId: 'bromma', netCost }, { boardId: 'bostader', netCost: 0, returnRequirement: 4.5 }] });
        const event = (action: 'budget_replaced' | 'report_sections_replaced', version: number) => ({ at: stamp(version).updatedAt, actor: 'admin-1', role: 'admin', action });
        expect(await ports.cycles.getSetting(year, 'budget')).toBeUndefined();
        await ports.cycles.replaceSetting(year, 'budget', budget(1, 100), 0, { ...event('budget_replaced', 1), details: { budget: { version: 1, boards: 2, netCost: 100 } } });
        expect(await refusal(ports.cycles.replaceSetting(year, 'budget', budget(2, 200), 0, event('budget_replaced', 2)))).toMatchObject({ setting: 'budget', reason: 'version' });
        const sections = { ...stamp(1), sections: [{ id: 'innovation', title: 'Innovation', kinds: ['annual' as const], required: true }] };
        await ports.cycles.replaceSetting(year, 'reportSections', sections, 0, event('report_sections_replaced', 1));
        await ports.cycles.replaceSetting(year, 'budget', budget(2, 300), 1, event('budget_replaced', 2));
        expect(await ports.cycles.getSetting(year, 'budget')).toEqual(budget(2, 300));
        expect(await ports.cycles.getSetting(year, 'reportSections')).toEqual(sections);
        const events = await ports.cycles.events(year);
        expect(events.map((e) => e.action)).toEqual(['opened', 'budget_replaced', 'report_sections_replaced', 'budget_replaced']);
        expect(events[1]).toEqual({ ...event('budget_replaced', 1), details: { budget: { version: 1, boards: 2, netCost: 100 } } });
        // The setting never reaches the cycle itself, nor the list of years.
        expect(await ports.cycles.get(year)).not.toHaveProperty('boards');
        expect((await ports.cycles.list()).map((cycle) => cycle.year)).toEqual([year]);

        const read = (await ports.cycles.get(year))!;
        await ports.cycles.update({ ...read, state: 'signed_off', version: 2 }, 1, { at: '2031-03-01T08:00:00.000Z', actor: 'exec', role: 'executive', action: 'signed_off' });
        expect(await refusal(ports.cycles.replaceSetting(year, 'budget', budget(3, 1), 2, event('budget_replaced', 3)))).toMatchObject({ setting: 'budget', reason: 'cycle' });
        expect(await refusal(ports.cycles.replaceSetting(1999, 'reportSections', sections, 0, event('report_sections_replaced', 1)))).toMatchObject({ reason: 'cycle' });
        expect((await ports.cycles.getSetting(year, 'budget'))?.version).toBe(2);
        expect(await ports.cycles.getSetting(1999, 'reportSections')).toBeUndefined();
        expect((await ports.cycles.events(year)).map((e) => e.action)).toEqual(['opened', 'budget_replaced', 'report_sections_replaced', 'budget_replaced', 'signed_off']);
      });

      it('records periods field by field', async () => {
        await ports.cycles.recordPeriod(year, 't1', { openedAt: '2031-01-01T00:00:00.000Z', closesAt: '2031-05-15T22:00:00.000Z' });
        await ports.cycles.recordPeriod(year, 't1', { closedAt: '2031-05-15T22:00:00.000Z', late: ['kista'] });
        expect(await ports.cycles.periods(year)).toEqual([
          { kind: 't1', openedAt: '2031-01-01T00:00:00.000Z', closesAt: '2031-05-15T22:00:00.000Z', closedAt: '2031-05-15T22:00:00.000Z', late: ['kista'] },
        ]);
      });
    });

    describe('document commits', () => {
      it('creates once and then changes only the version read, appending the audit trail', async () => {
        const first = change(undefined);
        await ports.documents.commit(first);
        expect(await refusal(ports.documents.commit(change(undefined)))).toMatchObject({ reason: 'document' });
        const second = change(first.next, { status: 'draft' });
        await ports.documents.commit(second);
        expect(await refusal(ports.documents.commit(change(first.next)))).toMatchObject({ reason: 'document' });
        expect((await ports.documents.get(year, 'bromma', 'plan'))?.document).toEqual(second.next);
        expect(await ports.history.documentHistory(plan)).toEqual([first.event, second.event]);
        expect(await ports.documents.statuses(year)).toEqual([{ boardId: 'bromma', kind: 'plan', status: 'draft' }]);
      });

      it("keeps the year's summary in step with each commit: statuses, when returned, and approved figures only", async () => {
        const boards = ['bromma', 'kista', 'skarpnack', 'spanga', 'farsta'];
        const at = (n: number) => `2031-01-10T09:00:${String(n).padStart(2, '0')}.000Z`;
        let n = 0;
        const commit = async (boardId: string, kind: 'plan' | 't1', from: StoredDocument | undefined, patch: Partial<StoredDocument>) => {
          const next = storedDocument({ year, boardId, kind }, { ...from, version: (from?.version ?? 0) + 1, updatedAt: at(++n), ...patch });
          const event = { at: at(n), actor: 'editor', role: 'editor', action: 'saved' as const, from: from?.status ?? 'not_started', to: next.status };
          await ports.documents.commit({ next, ...(from ? { previous: from } : {}), expectedVersion: from?.version ?? 0, event });
          return next;
        };
        const targets = [{ indicatorId: 'KF-1', target: 91 }];
        for (const boardId of boards) await commit(boardId, 'plan', undefined, { status: 'draft' });
        const approved = await commit('kista', 'plan', (await ports.documents.get(year, 'kista', 'plan'))!.document, { status: 'approved', content: { ...storedDocument({ year, boardId: 'kista', kind: 'plan' }).content, targets } as StoredDocument['content'] });
        const returnComment = { at: at(40), actor: 'reviewer-1', decision: 'return' as const, comment: 'Höj målet.', indicatorComments: [] };
        await commit('bromma', 'plan', (await ports.documents.get(year, 'bromma', 'plan'))!.document, { status: 'returned', comments: [returnComment] as StoredDocument['comments'] });
        const report = await commit('spanga', 't1', undefined, {
          status: 'approved',
          content: { ...storedDocument({ year, boardId: 'spanga', kind: 't1' }).content, indicators: [{ indicatorId: 'KF-1', outcome: 88, comment: 'not public' }, { indicatorId: 'KF-2' }], economy: { outcomeToDate: 412.5, forecast: 1250, comment: 'Fler placeringar.' } } as StoredDocument['content'],
        });
        // A refused commit leaves the summary as it was.
        await refusal(ports.documents.commit({ next: { ...approved, status: 'draft', version: 9 }, previous: approved, expectedVersion: 7, event: { at: at(50), actor: 'x', role: 'editor', action: 'saved', from: 'approved', to: 'draft' } }));

        expect(await ports.documents.statuses(year)).toEqual([
          { boardId: 'bromma', kind: 'plan', status: 'returned', returnedAt: at(40) },
          { boardId: 'farsta', kind: 'plan', status: 'draft' },
          { boardId: 'kista', kind: 'plan', status: 'approved' },
          { boardId: 'skarpnack', kind: 'plan', status: 'draft' },
          { boardId: 'spanga', kind: 'plan', status: 'draft' },
          { boardId: 'spanga', kind: 't1', status: 'approved' },
        ]);
        expect(await ports.documents.approvedFigures(year)).toEqual([
          { boardId: 'kista', kind: 'plan', targets },
          { boardId: 'spanga', kind: 't1', indicators: [{ indicatorId: 'KF-1', outcome: 88 }], economy: { outcomeToDate: 412.5, forecast: 1250, comment: 'Fler placeringar.' } },
        ]);
        // Leaving `approved` takes the figures off the public summary.
        await commit('spanga', 't1', report, { status: 'draft' });
        expect((await ports.documents.approvedFigures(year)).map((entry) => entry.boardId)).toEqual(['kista']);
        expect(await ports.documents.statuses(year + 1)).toEqual([]);
      });

      it("keeps the parents' roll-up items in step with their units' commits: approved figures only, under the parent named", async () => {
        let n = 0;
        const commit = async (boardId: string, kind: 'plan' | 't1', from: StoredDocument | undefined, patch: Partial<StoredDocument>, expectedVersion?: number) => {
          const at = `2031-01-10T10:00:${String(++n).padStart(2, '0')}.000Z`;
          const next = storedDocument({ year, boardId, kind }, { ...from, version: (from?.version ?? 0) + 1, updatedAt: at, ...patch });
          const event = { at, actor: 'editor', role: 'editor', action: 'saved' as const, from: from?.status ?? 'not_started', to: next.status };
          await ports.documents.commit({ next, ...(from ? { previous: from } : {}), expectedVersion: expectedVersion ?? from?.version ?? 0, event });
          return next;
        };
        const planContent = (goals: object[]) => ({ ...storedDocument({ year, boardId: 'x', kind: 'plan' }).content, goals }) as StoredDocument['content'];
        const reportContent = (outcome: number) =>
          ({
            indicators: [{ indicatorId: 'KF-1', outcome, forecast: outcome + 1, comment: 'internal' }, { indicatorId: 'KF-2' }],
            goals: [{ goalId: 'S1', assessment: 'partly', comment: 'internal' }],
            economy: { outcomeToDate: outcome * 10, forecast: outcome * 30, comment: 'internal' },
          }) as StoredDocument['content'];

        expect(await ports.documents.unitFigures(year, 'bromma', 't1')).toBeUndefined();
        await commit('alvik', 'plan', undefined, { status: 'approved', parentId: 'bromma', content: planContent([{ id: 'S1', title: 'Mål', areaGoalId: 'D1.1', parentGoalId: 'N1', activities: [] }]) });
        const alvik = await commit('alvik', 't1', undefined, { status: 'in_review', parentId: 'bromma', content: reportContent(80) });
        const approved = await commit('alvik', 't1', alvik, { status: 'approved' });
        await commit('abacka', 't1', undefined, { status: 'approved', parentId: 'bromma', content: reportContent(90) });
        // A top-level board's report and a unit's draft roll up nowhere.
        await commit('kista', 't1', undefined, { status: 'approved', content: reportContent(70) });
        await commit('ulvsunda', 't1', undefined, { status: 'draft', parentId: 'bromma', content: reportContent(10) });
        // A refused commit leaves the roll-up as it was.
        await refusal(commit('alvik', 't1', approved, { status: 'draft' }, 7));

        const figures = (outcome: number) => ({
          indicators: [{ indicatorId: 'KF-1', outcome, forecast: outcome + 1 }],
          goals: [{ goalId: 'S1', assessment: 'partly' }],
          economy: { outcomeToDate: outcome * 10, forecast: outcome * 30 },
        });
        expect(await ports.documents.unitFigures(year, 'bromma', 't1')).toEqual([
          { boardId: 'abacka', kind: 't1', ...figures(90) },
          { boardId: 'alvik', kind: 'plan', goals: [{ goalId: 'S1', parentGoalId: 'N1' }] },
          { boardId: 'alvik', kind: 't1', ...figures(80) },
        ]);
        expect(await ports.documents.unitFigures(year, 'bromma', 't2')).toEqual([{ boardId: 'alvik', kind: 'plan', goals: [{ goalId: 'S1', parentGoalId: 'N1' }] }]);
        expect(await ports.documents.unitFigures(year, 'kista', 't1')).toBeUndefined();
        expect((await ports.documents.get(year, 'alvik', 't1'))?.document.parentId).toBe('bromma');

        // Leaving approved takes the unit off its parent's roll-up; approved again below another parent moves it.
        const returned = await commit('alvik', 't1', approved, { status: 'returned' });
        expect((await ports.documents.unitFigures(year, 'bromma', 't1'))!.map((entry) => `${entry.boardId}:${entry.kind}`)).toEqual(['abacka:t1', 'alvik:plan']);
        const abacka = (await ports.documents.get(year, 'abacka', 't1'))!.document;
        await commit('abacka', 't1', abacka, { parentId: 'kista', content: reportContent(91) });
        expect((await ports.documents.unitFigures(year, 'bromma', 't1'))!.map((entry) => `${entry.boardId}:${entry.kind}`)).toEqual(['alvik:plan']);
        expect(await ports.documents.unitFigures(year, 'kista', 't1')).toEqual([{ boardId: 'abacka', kind: 't1', ...figures(91) }]);
        await commit('alvik', 't1', returned, { status: 'approved', content: reportContent(85) });
        expect((await ports.documents.unitFigures(year, 'bromma', 't1'))!.find((entry) => entry.kind === 't1')).toEqual({ boardId: 'alvik', kind: 't1', ...figures(85) });
        expect(await ports.documents.unitFigures(year + 1, 'bromma', 't1')).toBeUndefined();
      });

      it('refuses any change of a signed-off year, and writes none of it', async () => {
        await ports.cycles.update(storedCycle(year, { version: 2, state: 'signed_off' }), 1, { at: '2031-01-09T00:00:00.000Z', actor: 'exec', role: 'executive', action: 'signed_off' });
        const refused = await refusal(ports.documents.commit(change(undefined, {}, { workflowAction: { type: 'start', workflow: 'review', executionName: 'x', input: {} } })));
        expect(refused).toBeInstanceOf(CommitRefused);
        expect(refused).toMatchObject({ reason: 'cycle' });
        expect(await ports.documents.get(year, 'bromma', 'plan')).toBeUndefined();
        expect(await ports.history.documentHistory(plan)).toEqual([]);
        expect(await ports.outbox.pending()).toEqual([]);
      });

      it('registers a task token only in the awaited status and round, and a commit must have seen it', async () => {
        const submitted = change(undefined, { status: 'in_review', submissions: 1, submittedAt: '2031-01-10T08:00:01.000Z' });
        await ports.documents.commit(submitted);
        expect(await ports.tokens.register(plan, { token: 't-1', step: 'review', round: 2, awaitedStatus: 'in_review' })).toBe(false);
        expect(await ports.tokens.register(plan, { token: 't-1', step: 'review', round: 1, awaitedStatus: 'returned' })).toBe(false);
        expect(await ports.tokens.register({ ...plan, boardId: 'kista' }, { token: 't-1', step: 'review', round: 1, awaitedStatus: 'in_review' })).toBe(false);
        expect(await ports.tokens.register(plan, { token: 't-1', step: 'review', round: 1, awaitedStatus: 'in_review' })).toBe(true);
        expect(await ports.documents.get(year, 'bromma', 'plan')).toMatchObject({ taskToken: 't-1', waitingFor: { step: 'review', round: 1 } });

        // A decision that read no token is refused, as is one that read another.
        expect(await refusal(ports.documents.commit(change(submitted.next, { status: 'approved' }, { seenToken: null })))).toMatchObject({ reason: 'document' });
        expect(await refusal(ports.documents.commit(change(submitted.next, { status: 'approved' }, { seenToken: 't-0' })))).toMatchObject({ reason: 'document' });
        const decided = change(submitted.next, { status: 'approved' }, { seenToken: 't-1', consumeToken: true });
        await ports.documents.commit(decided);
        const record = await ports.documents.get(year, 'bromma', 'plan');
        expect(record?.taskToken).toBeUndefined();
        expect(record?.waitingFor).toBeUndefined();
        expect(record?.document.status).toBe('approved');
      });

      it('keeps a token across a change that does not consume it', async () => {
        const submitted = change(undefined, { status: 'in_review', submissions: 1, submittedAt: '2031-01-10T08:00:01.000Z' });
        await ports.documents.commit(submitted);
        await ports.tokens.register(plan, { token: 't-1', step: 'review', round: 1, awaitedStatus: 'in_review' });
        await ports.documents.commit(change(submitted.next, { status: 'in_review' }, { seenToken: 't-1' }));
        expect((await ports.documents.get(year, 'bromma', 'plan'))?.taskToken).toBe('t-1');
      });

      it('stores the answer under an Idempotency-Key with the change, and refuses a second use of the key whole', async () => {
        const answer = { actorSub: 'editor-bromma', key: 'k-1', fingerprint: 'f-1', response: { status: 202, body: { version: 1 } } };
        const first = change(undefined, {}, { idempotency: answer });
        await ports.documents.commit(first);
        expect(await ports.idempotency.get('editor-bromma', 'k-1')).toEqual({ fingerprint: 'f-1', response: answer.response });
        const again = change(first.next, {}, { idempotency: { ...answer, fingerprint: 'f-2' }, workflowAction: { type: 'start', workflow: 'review', executionName: 'x', input: {} } });
        expect(await refusal(ports.documents.commit(again))).toMatchObject({ reason: 'idempotency' });
        expect((await ports.documents.get(year, 'bromma', 'plan'))?.document.version).toBe(1);
        expect(await ports.history.documentHistory(plan)).toHaveLength(1);
        expect(await ports.outbox.pending()).toEqual([]);
        expect(await ports.idempotency.get('editor-bromma', 'k-1')).toMatchObject({ fingerprint: 'f-1' });
        expect(await ports.idempotency.get('someone-else', 'k-1')).toBeUndefined();
      });

      it('puts the workflow action in the outbox with the change, until it is cleared', async () => {
        const action = { type: 'start' as const, workflow: 'review', executionName: 'plan-2031-bromma', input: { document: plan } };
        const first = change(undefined, {}, { workflowAction: action });
        await ports.documents.commit(first);
        expect(await ports.outbox.pending()).toEqual([{ ...plan, version: 1, action }]);
        await ports.outbox.clear({ ...plan, version: 1 });
        expect(await ports.outbox.pending()).toEqual([]);
      });

      it('lists what is in review oldest submission first, and lets a document leave the queue', async () => {
        const later = change(undefined, { status: 'in_review', submissions: 1, submittedAt: '2031-01-10T09:00:00.000Z' });
        await ports.documents.commit(later);
        const kista = { ...plan, boardId: 'kista' };
        await ports.documents.commit({ ...change(undefined), next: storedDocument(kista, { status: 'in_review', submissions: 1, submittedAt: '2031-01-10T08:30:00.000Z' }) });
        expect((await ports.queue.waiting()).map((doc) => doc.boardId)).toEqual(['kista', 'bromma']);
        // A page: at most `limit`, continuing after a position.
        const [first] = await ports.queue.waiting({ limit: 1 });
        expect(first.boardId).toBe('kista');
        expect((await ports.queue.waiting({ after: queuePosition(first), limit: 5 })).map((doc) => doc.boardId)).toEqual(['bromma']);
        await ports.documents.commit(change(later.next, { status: 'approved' }));
        expect((await ports.queue.waiting()).map((doc) => doc.boardId)).toEqual(['kista']);
      });

      it('records the workflow on a stored document only', async () => {
        const first = change(undefined);
        await ports.documents.commit(first);
        await ports.documents.recordWorkflow(plan, { workflow: { executionName: 'plan-2031-bromma', failedAt: '2031-01-11T00:00:00.000Z', error: 'States.Timeout' } });
        expect((await ports.documents.get(year, 'bromma', 'plan'))?.document.workflow).toEqual({
          executionName: 'plan-2031-bromma',
          failedAt: '2031-01-11T00:00:00.000Z',
          error: 'States.Timeout',
        });
        expect(await refusal(ports.documents.recordWorkflow({ ...plan, boardId: 'kista' }, { findings: [] }))).toBeInstanceOf(Error);
        expect(await ports.documents.get(year, 'kista', 'plan')).toBeUndefined();
      });
    });

    describe('idempotency and sent messages', () => {
      it('keeps the first answer to a key', async () => {
        await ports.idempotency.remember({ actorSub: 'admin-1', key: 'k', fingerprint: 'f-1', response: { status: 201, body: { year } } });
        await ports.idempotency.remember({ actorSub: 'admin-1', key: 'k', fingerprint: 'f-2', response: { status: 201, body: {} } });
        expect(await ports.idempotency.get('admin-1', 'k')).toEqual({ fingerprint: 'f-1', response: { status: 201, body: { year } } });
      });

      it('claims a message once it is confirmed, and again after a release or an unconfirmed claim', async () => {
        const message = { to: ['bromma@example.org'], subject: 'Påminnelse', body: '…', kind: 'reminder' as const };
        expect(await ports.sent.claim(year, 'bromma#plan#reminder', message, clock.now().toISOString())).toBe(true);
        expect(await ports.sent.claimed(year)).toEqual(new Set());
        expect(await ports.sent.claim(year, 'bromma#plan#reminder', message, clock.now().toISOString())).toBe(true);
        await ports.sent.release(year, 'bromma#plan#reminder');
        expect(await ports.sent.claim(year, 'bromma#plan#reminder', message, clock.now().toISOString())).toBe(true);
        await ports.sent.confirm(year, 'bromma#plan#reminder');
        expect(await ports.sent.claim(year, 'bromma#plan#reminder', message, clock.now().toISOString())).toBe(false);
        expect(await ports.sent.claim(year, 'bromma#plan#overdue', { ...message, superseded: true }, clock.now().toISOString())).toBe(true);
        expect(await ports.sent.claimed(year)).toEqual(new Set(['bromma#plan#reminder', 'bromma#plan#overdue']));
      });

      it('reads the markers of one board and kind by prefix', async () => {
        const message = { to: ['bromma@example.org'], subject: 'Påminnelse', body: '…', kind: 'reminder' as const };
        for (const key of ['bromma#plan#reminder@2031-01-31', 'bromma#t1#reminder@2031-05-15', 'bromma-norra#plan#reminder@2031-01-31', 'kista#plan#overdue@2031-01-31']) {
          await ports.sent.claim(year, key, { ...message, superseded: true }, clock.now().toISOString());
        }
        await ports.sent.claim(year, 'bromma#plan#overdue@2031-01-31', message, clock.now().toISOString());
        expect(await ports.sent.claimedWith(year, 'bromma#plan#')).toEqual(new Set(['bromma#plan#reminder@2031-01-31']));
        expect(await ports.sent.claimedWith(year + 1, 'bromma#plan#')).toEqual(new Set());
        expect(await ports.sent.claimedAmong(year, ['bromma#plan#reminder@2031-01-31', 'bromma#plan#overdue@2031-01-31', 'kista#plan#overdue@2031-01-31', 'alby#plan#x'])).toEqual(
          new Set(['bromma#plan#reminder@2031-01-31', 'kista#plan#overdue@2031-01-31']),
        );
        expect(await ports.sent.claimedAmong(year, [])).toEqual(new Set());
      });

      it("keeps the reminder job's last run, never going back to an earlier day", async () => {
        expect(await ports.sent.lastRun(year)).toBeUndefined();
        const run = { through: '2031-02-01', at: '2031-02-01T06:00:00.000Z', cycleVersion: 3, live: ['plan' as const, 't1' as const] };
        await ports.sent.recordRun(year, run);
        await ports.sent.recordRun(year, { ...run, through: '2031-01-20', live: [] });
        expect(await ports.sent.lastRun(year)).toEqual(run);
        await ports.sent.recordRun(year, { ...run, through: '2031-02-08', live: ['t1'] });
        expect(await ports.sent.lastRun(year)).toMatchObject({ through: '2031-02-08', live: ['t1'] });
        expect(await ports.sent.lastRun(year + 1)).toBeUndefined();
        // With units: the levels each kind is still owed at come back as recorded; without, none are made up.
        const withUnits = { ...run, through: '2031-02-09', depths: { plan: [1, 2], t1: [0, 1] } };
        await ports.sent.recordRun(year, withUnits);
        expect(await ports.sent.lastRun(year)).toEqual(withUnits);
        await ports.sent.recordRun(year, { ...run, through: '2031-02-10' });
        expect(await ports.sent.lastRun(year)).toEqual({ ...run, through: '2031-02-10' });
      });

      it('lists the boards added after an instant, oldest first', async () => {
        await ports.sent.boardAdded('kista', '2031-01-02T10:00:00.000Z');
        await ports.sent.boardAdded('bromma', '2031-01-01T10:00:00.000Z');
        await ports.sent.boardAdded('alby', '2031-01-03T10:00:00.000Z');
        expect(await ports.sent.boardsAddedSince('2031-01-02T10:00:00.000Z')).toEqual([{ boardId: 'alby', at: '2031-01-03T10:00:00.000Z' }]);
        expect((await ports.sent.boardsAddedSince('2031-01-01T00:00:00.000Z')).map((note) => note.boardId)).toEqual(['bromma', 'kista', 'alby']);
      });
    });
  });
}

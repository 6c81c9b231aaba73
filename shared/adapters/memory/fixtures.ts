/** Test fixtures for the in-memory ports: a controllable clock, a seeded year, the actors. */
import type { Actor } from '../../domain/actor';
import { testGoals } from '../../../test/support/testGoals';
import type { StoredBoard } from '../../ports/boardRepository';
import type { Clock } from '../../ports/clock';
import type { CycleEvent, StoredCycle } from '../../ports/cycleRepository';
import type { DocumentAddress, DocumentStore, StoredDocument } from '../../ports/documentStore';
import type { TablePorts } from '../../ports/tablePorts';
import { planContentSchema, emptyContent, type PlanContent } from '../../schemas/documents';
import { memoryPorts, MemoryNotifier, MemoryScheduler, MemoryWorkflowEngine, type MemoryTable } from './index';

/** A clock that stands still until a test moves it. */
export function testClock(iso = '2027-01-10T09:00:00.000Z'): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

export const testCalendar = {
  planDue: '2027-01-31',
  t1Due: '2027-05-15',
  t2Due: '2027-09-15',
  annualDue: '2028-02-15',
  signoffDue: '2028-04-15',
  reminderDaysBefore: 7,
  escalateEveryDays: 7,
  timeZone: 'Europe/Stockholm',
};

export function storedCycle(year: number, patch: Partial<StoredCycle> = {}): StoredCycle {
  return { year, calendar: testCalendar, state: 'open', createdAt: '2026-12-01T08:00:00.000Z', createdBy: 'admin-1', version: 1, approvedPlans: 0, ...patch };
}

export function storedBoard(boardId: string, patch: Partial<StoredBoard> = {}): StoredBoard {
  return {
    boardId,
    name: `${boardId[0]!.toUpperCase()}${boardId.slice(1)} nämnd`,
    kind: 'district',
    contacts: [`${boardId}@example.org`],
    version: 1,
    updatedAt: '2026-12-01T08:00:00.000Z',
    updatedBy: 'admin-1',
    ...patch,
  } as StoredBoard;
}

export const openedEvent = (at = '2026-12-01T08:00:00.000Z'): CycleEvent => ({ at, actor: 'admin-1', role: 'admin', action: 'opened' });

/** A complete plan for bromma under testGoals (targets for KF-1 and KF-2, both as ambitious as the council's). */
export const completePlan: PlanContent = planContentSchema.parse({
  targets: [{ indicatorId: 'KF-1', target: 91 }, { indicatorId: 'KF-2', target: 5 }],
  goals: [{ id: 'N1', title: 'Fler behöriga lärare', areaGoalId: 'D1.1', activities: ['Rekrytera'] }],
  ownIndicators: [{ id: 'N1-1', goalId: 'N1', name: 'Nyanställda lärare', unit: 'st', direction: 'higher', target: 10 }],
  risks: [{ id: 'R1', title: 'Lärarbrist', probability: 3, consequence: 4 }],
  controls: [{ id: 'C1', riskId: 'R1', description: 'Följ upp bemanningen', frequency: 'quarterly' }],
});

export function storedDocument(address: DocumentAddress, patch: Partial<StoredDocument> = {}): StoredDocument {
  return {
    ...address,
    status: 'draft',
    version: 1,
    content: emptyContent(address.kind),
    findings: [],
    comments: [],
    submissions: 0,
    updatedAt: '2027-01-05T08:00:00.000Z',
    updatedBy: 'editor-bromma',
    ...patch,
  };
}

export const admin: Actor = { sub: 'admin-1', role: 'admin', boards: [] };
export const reviewer: Actor = { sub: 'reviewer-1', role: 'reviewer', boards: [] };
export const executive: Actor = { sub: 'executive-1', role: 'executive', boards: [] };
export const editorOf = (boardId: string): Actor => ({ sub: `editor-${boardId}`, role: 'editor', boards: [boardId] });

export const YEAR = 2027;

/** Everything a use case may need, over fresh in-memory ports. */
export interface TestWorld extends TablePorts {
  table: MemoryTable;
  clock: ReturnType<typeof testClock>;
  workflow: MemoryWorkflowEngine;
  scheduler: MemoryScheduler;
  notifier: MemoryNotifier;
  /** The ports and fakes, with the calling actor. */
  as(actor: Actor): TablePorts & { actor: Actor; clock: Clock; workflow: MemoryWorkflowEngine; scheduler: MemoryScheduler; notifier: MemoryNotifier };
}

/** Fresh in-memory ports, seeded (unless `empty`) with the 2027 cycle, the boards bromma and kista, and testGoals. */
export async function testWorld(options: { empty?: boolean; clock?: string } = {}): Promise<TestWorld> {
  const clock = testClock(options.clock);
  const ports = memoryPorts(clock);
  const fakes = { workflow: new MemoryWorkflowEngine(), scheduler: new MemoryScheduler(), notifier: new MemoryNotifier() };
  if (!options.empty) {
    await ports.cycles.create(storedCycle(YEAR), openedEvent());
    await ports.boards.save(storedBoard('bromma'), 0);
    await ports.boards.save(storedBoard('kista'), 0);
    await ports.cycles.replaceCouncilGoals(YEAR, { ...testGoals, version: 1, updatedAt: '2026-12-01T08:00:00.000Z', updatedBy: 'admin-1' }, 0, {
      at: '2026-12-01T08:00:00.000Z',
      actor: 'admin-1',
      role: 'admin',
      action: 'council_goals_replaced',
    });
  }
  return { ...ports, clock, ...fakes, as: (actor) => ({ ...ports, ...fakes, clock, actor }) };
}

/** The store, with `before` run ahead of each commit (a competing writer, a token arriving): for races. */
export function beforeEachCommit(store: DocumentStore, before: (attempt: number) => Promise<void>): DocumentStore {
  let attempt = 0;
  return {
    get: (year, boardId, kind) => store.get(year, boardId, kind),
    statuses: (year) => store.statuses(year),
    approvedFigures: (year) => store.approvedFigures(year),
    unitFigures: (year, parentId, kind) => store.unitFigures(year, parentId, kind),
    hasDocuments: (year, boardId) => store.hasDocuments(year, boardId),
    recordWorkflow: (address, fields) => store.recordWorkflow(address, fields),
    commit: async (change) => {
      await before(++attempt);
      return store.commit(change);
    },
  };
}

/** Writes a document as it would stand after earlier steps (with a token, when a task waits on it). */
export async function seedDocument(ports: TablePorts, document: StoredDocument, wait?: { token: string; step: 'review' | 'resubmission' }): Promise<void> {
  await ports.documents.commit({
    next: document,
    expectedVersion: 0,
    event: { at: document.updatedAt, actor: document.updatedBy, role: 'editor', action: 'saved', from: 'not_started', to: document.status },
  });
  if (wait) {
    const awaitedStatus = wait.step === 'review' ? 'in_review' : 'returned';
    if (!(await ports.tokens.register(document, { ...wait, round: document.submissions, awaitedStatus }))) throw new Error('the seeded document does not await that task');
  }
}

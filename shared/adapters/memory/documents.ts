import { approvedFiguresOf, statusEntryOf, type ApprovedFigures, type DocumentStatusEntry } from '../../domain/summary';
import { rollupWrites, type UnitFigures } from '../../domain/rollup';
import type { AuditEvent, AuditLog } from '../../ports/auditLog';
import type { Clock } from '../../ports/clock';
import { CommitRefused, type DocumentAddress, type DocumentChange, type DocumentRecord, type DocumentStore, type StoredDocument } from '../../ports/documentStore';
import type { IdempotencyStore, IdempotentAnswer } from '../../ports/idempotencyStore';
import { queuePosition, type QueueEntry, type ReviewQueue } from '../../ports/reviewQueue';
import type { TaskTokens, TaskWait } from '../../ports/taskTokens';
import type { PendingWorkflowAction, WorkflowOutbox } from '../../ports/workflowOutbox';
import { documentKinds, type DocumentKind } from '../../schemas/common';
import { byKey, copy, documentId, pad, type MemoryTable } from './table';

/** Idempotency records are kept a day, as in the table. */
const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const answerId = (actorSub: string, key: string) => `${actorSub}#${key}`;
export const outboxId = (pending: Omit<PendingWorkflowAction, 'action'>) => `${documentId(pending.year, pending.boardId, pending.kind)}#${pad(pending.version)}`;

/**
 * Documents in memory, under the same conditions as DynamoDocumentStore: the version read, the token read, an open
 * cycle and an unused Idempotency-Key; the change and everything with it are written all together or not at all.
 */
export class MemoryDocumentStore implements DocumentStore {
  constructor(
    private readonly table: MemoryTable,
    private readonly clock: Clock,
  ) {}

  async get(year: number, boardId: string, kind: DocumentKind): Promise<DocumentRecord | undefined> {
    const record = this.table.documents.get(documentId(year, boardId, kind));
    return record && copy(record);
  }

  async hasDocuments(year: number, boardId: string): Promise<boolean> {
    return documentKinds.some((kind) => this.table.documents.has(documentId(year, boardId, kind)));
  }

  /** In memory the summary is the documents themselves, summarized on each read the way the table keeps it. */
  async statuses(year: number): Promise<DocumentStatusEntry[]> {
    return this.ofYear(year).map(statusEntryOf);
  }

  async approvedFigures(year: number): Promise<ApprovedFigures[]> {
    return this.ofYear(year).flatMap((document) => approvedFiguresOf(document) ?? []);
  }

  async unitFigures(year: number, parentId: string, kind: 't1' | 't2' | 'annual'): Promise<UnitFigures[] | undefined> {
    const items = [`${year}#${parentId}#plan`, `${year}#${parentId}#${kind}`].flatMap((key) => this.table.rollups.get(key) ?? []);
    if (items.length === 0) return undefined;
    return items
      .flatMap((item) => [...item.values()])
      .sort((a, b) => (a.boardId === b.boardId ? (a.kind === 'plan' ? -1 : 1) : a.boardId < b.boardId ? -1 : 1))
      .map(copy);
  }

  private ofYear(year: number): StoredDocument[] {
    const order = (document: StoredDocument) => `${document.boardId}#${documentKinds.indexOf(document.kind)}`;
    return [...this.table.documents.values()]
      .map((record) => record.document)
      .filter((document) => document.year === year)
      .sort((a, b) => (order(a) < order(b) ? -1 : 1))
      .map(copy);
  }

  async commit(change: DocumentChange): Promise<void> {
    const { next, event } = change;
    const id = documentId(next.year, next.boardId, next.kind);
    const stored = this.table.documents.get(id);
    const auditId = `${next.year}#${next.boardId}`;
    const auditKey = `${next.kind}#${event.at}#${pad(next.version)}`;
    const cycle = this.table.cycles.get(next.year);

    const documentFails =
      (change.expectedVersion === 0 ? stored !== undefined : stored?.document.version !== change.expectedVersion) ||
      (change.seenToken === null && stored?.taskToken !== undefined) ||
      (typeof change.seenToken === 'string' && stored?.taskToken !== change.seenToken);
    const auditFails = Boolean(this.table.audit.get(auditId)?.has(auditKey));
    const cycleFails = cycle?.state !== 'open';
    const idempotencyFails = change.idempotency !== undefined && this.table.idempotency.has(answerId(change.idempotency.actorSub, change.idempotency.key));
    if (idempotencyFails) throw new CommitRefused('idempotency');
    if (cycleFails && !documentFails) throw new CommitRefused('cycle');
    if (documentFails || auditFails) throw new CommitRefused('document');

    const keepsToken = !change.consumeToken && stored?.taskToken !== undefined;
    this.table.documents.set(id, copy({ document: next, ...(keepsToken ? { taskToken: stored!.taskToken, waitingFor: stored!.waitingFor } : {}) }));
    let trail = this.table.audit.get(auditId);
    if (!trail) this.table.audit.set(auditId, (trail = new Map()));
    trail.set(auditKey, copy(event));
    for (const write of rollupWrites(next, change.previous, change.expectedVersion === 0)) {
      const key = `${next.year}#${write.parentId}#${write.kind}`;
      let item = this.table.rollups.get(key);
      if (!item) this.table.rollups.set(key, (item = new Map()));
      if (write.figures) item.set(write.boardId, copy(write.figures));
      else item.delete(write.boardId);
    }
    if (change.countsApprovedPlan) cycle!.approvedPlans = (cycle!.approvedPlans ?? 0) + 1;
    if (change.idempotency) rememberIn(this.table, change.idempotency, this.clock.now());
    if (change.workflowAction) {
      const pending = { year: next.year, boardId: next.boardId, kind: next.kind, version: next.version, action: change.workflowAction };
      this.table.outbox.set(outboxId(pending), copy(pending));
    }
  }

  async recordWorkflow(address: DocumentAddress, fields: Partial<Pick<StoredDocument, 'workflow' | 'findings'>>): Promise<void> {
    const record = this.table.documents.get(documentId(address.year, address.boardId, address.kind));
    if (!record) throw new Error(`no document ${documentId(address.year, address.boardId, address.kind)} to record the workflow on`);
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    record.document = copy({ ...record.document, ...defined });
  }
}

export class MemoryAuditLog implements AuditLog {
  constructor(private readonly table: MemoryTable) {}

  async documentHistory(address: DocumentAddress): Promise<AuditEvent[]> {
    const trail = this.table.audit.get(`${address.year}#${address.boardId}`);
    return byKey(new Map([...(trail ?? [])].filter(([key]) => key.startsWith(`${address.kind}#`))));
  }
}

export class MemoryReviewQueue implements ReviewQueue {
  constructor(private readonly table: MemoryTable) {}

  async waiting(page: { after?: string; limit?: number } = {}): Promise<QueueEntry[]> {
    const entries = [...this.table.documents.values()]
      .map((record) => record.document)
      .filter((document) => document.status === 'in_review' && document.submittedAt)
      .map((document) => {
        const entry = { year: document.year, boardId: document.boardId, kind: document.kind, submittedAt: document.submittedAt!, submissions: document.submissions, findings: document.findings.length };
        return [queuePosition(entry), entry] as const;
      })
      .filter(([position]) => page.after === undefined || position > page.after);
    return byKey(new Map(entries)).slice(0, page.limit);
  }
}

export class MemoryIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly table: MemoryTable,
    private readonly clock: Clock,
  ) {}

  async get(actorSub: string, key: string): Promise<Pick<IdempotentAnswer, 'fingerprint' | 'response'> | undefined> {
    const answer = this.table.idempotency.get(answerId(actorSub, key));
    return answer && copy({ fingerprint: answer.fingerprint, response: answer.response });
  }

  async remember(answer: IdempotentAnswer): Promise<void> {
    if (!this.table.idempotency.has(answerId(answer.actorSub, answer.key))) rememberIn(this.table, answer, this.clock.now());
  }
}

function rememberIn(table: MemoryTable, answer: IdempotentAnswer, now: Date): void {
  table.idempotency.set(answerId(answer.actorSub, answer.key), {
    fingerprint: answer.fingerprint,
    response: copy(answer.response),
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  });
}

export class MemoryTaskTokens implements TaskTokens {
  constructor(private readonly table: MemoryTable) {}

  async register(address: DocumentAddress, wait: TaskWait): Promise<boolean> {
    const record = this.table.documents.get(documentId(address.year, address.boardId, address.kind));
    if (!record || record.document.status !== wait.awaitedStatus || record.document.submissions !== wait.round) return false;
    record.taskToken = wait.token;
    record.waitingFor = { step: wait.step, round: wait.round };
    return true;
  }
}

export class MemoryWorkflowOutbox implements WorkflowOutbox {
  constructor(private readonly table: MemoryTable) {}

  async pending(): Promise<PendingWorkflowAction[]> {
    return byKey(this.table.outbox);
  }

  async clear(pending: Omit<PendingWorkflowAction, 'action'>): Promise<void> {
    this.table.outbox.delete(outboxId(pending));
  }
}

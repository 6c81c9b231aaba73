/** Key of a board item. */
export const boardKey = (boardId: string) => ({ PK: `BOARD#${boardId}`, SK: 'BOARD' });
/** GSI1 entry listing every board. */
export const boardListIndex = (boardId: string) => ({ GSI1PK: 'BOARDS', GSI1SK: boardId });
/** Key of a cycle item. */
export const cycleKey = (year: number) => ({ PK: `CYCLE#${year}`, SK: 'CYCLE' });
/** Key of a cycle's council goals. */
export const councilGoalsKey = (year: number) => ({ PK: `CYCLE#${year}`, SK: 'COUNCIL_GOALS' });
/** Partition holding one board's documents, events and markers for one year. */
export const boardYearPk = (year: number, boardId: string) => `CYCLE#${year}#BOARD#${boardId}`;
/** Key of a document. */
export const documentKey = (year: number, boardId: string, kind: string) => ({ PK: boardYearPk(year, boardId), SK: `DOC#${kind}` });
/** GSI1 entry listing every document of a year (the status matrix). */
export const yearDocumentsIndex = (year: number, boardId: string, kind: string) => ({ GSI1PK: `YEAR#${year}#DOCS`, GSI1SK: `${boardId}#${kind}` });
/** GSI2 entry of a document waiting for review, oldest first. */
export const reviewQueueIndex = (submittedAt: string, year: number, boardId: string, kind: string) => ({
  GSI2PK: 'QUEUE#in_review',
  GSI2SK: `${submittedAt}#${year}#${boardId}#${kind}`,
});
/**
 * Audit events have partitions of their own, `AUDIT#...`, so that IAM can deny every update and delete
 * on them by partition key (dynamodb:LeadingKeys), while new events are appended.
 */
export const AUDIT_PREFIX = 'AUDIT#';
/** Partition of a board's audit events for a year. */
export const boardAuditPk = (year: number, boardId: string) => `${AUDIT_PREFIX}${year}#BOARD#${boardId}`;
/** Partition of a cycle's own audit events (opened, calendar changes, sign-off). */
export const cycleAuditPk = (year: number) => `${AUDIT_PREFIX}${year}#CYCLE`;
/** Sort key of an audit event: in order of time, then of the version it produced. */
export const auditSk = (kind: string, at: string, version: number) => `${kind}#${at}#${String(version).padStart(6, '0')}`;
/** Key of an idempotency record: one per caller and key. */
export const idempotencyKey = (actorSub: string, key: string) => ({ PK: `IDEMPOTENCY#${actorSub}#${key}`, SK: 'IDEMPOTENCY' });
/** Partition of the workflow actions waiting to be delivered (the outbox). */
export const PENDING_ACTIONS = 'PENDING_WORKFLOW_ACTIONS';
/** Key of a workflow action waiting to be delivered: one per document version. */
export const pendingActionKey = (doc: { year: number; boardId: string; kind: string; version: number }) => ({
  PK: PENDING_ACTIONS,
  SK: `${doc.year}#${doc.boardId}#${doc.kind}#${String(doc.version).padStart(6, '0')}`,
});

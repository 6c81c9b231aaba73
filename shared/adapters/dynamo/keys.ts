/** Key of a board item. */
export const boardKey = (boardId: string) => ({ PK: `BOARD#${boardId}`, SK: 'BOARD' });
/** GSI1 entry listing every board. */
export const boardListIndex = (boardId: string) => ({ GSI1PK: 'BOARDS', GSI1SK: boardId });
/** Key of a cycle item. */
export const cycleKey = (year: number) => ({ PK: `CYCLE#${year}`, SK: 'CYCLE' });
/** Key of a cycle's council goals. */
export const councilGoalsKey = (year: number) => ({ PK: `CYCLE#${year}`, SK: 'COUNCIL_GOALS' });
/** Key of one of a cycle's settings (the budget, the report sections). */
export const cycleSettingKey = (year: number, name: string) => ({ PK: `CYCLE#${year}`, SK: `SETTING#${name}` });
/** Partition holding one board's documents, events and markers for one year. */
export const boardYearPk = (year: number, boardId: string) => `CYCLE#${year}#BOARD#${boardId}`;
/** Key of a document. */
export const documentKey = (year: number, boardId: string, kind: string) => ({ PK: boardYearPk(year, boardId), SK: `DOC#${kind}` });
/**
 * The board directory: every board's entry (name, kind) as one attribute of one of a fixed number of items, so
 * that a list of all boards is a handful of item reads, not one per board.
 */
export const BOARD_DIRECTORY = 'BOARD_DIRECTORY';
export const BOARD_DIRECTORY_CHUNKS = 64;
/** A year's summary: each document's status entry, and each approved document's figures (domain/summary). */
export const yearStatusPk = (year: number) => `CYCLE#${year}#STATUS`;
export const yearFiguresPk = (year: number) => `CYCLE#${year}#FIGURES`;
/**
 * A parent's roll-up items: per year, one per parent and document kind, holding one attribute per unit document
 * (`u:<unitId>:<kind>`) with its approved figures (domain/rollup). Per kind, so a parent's item stays far below
 * DynamoDB's 400 KB with many units and indicators, and a report's roll-up reads two items: the plans and the kind.
 */
export const yearRollupPk = (year: number) => `CYCLE#${year}#ROLLUP`;
export const rollupSk = (parentId: string, kind: string) => `PARENT#${parentId}#${kind}`;
export const rollupAttribute = (unitId: string, kind: string) => `u:${unitId}:${kind}`;
/** Sort key of the n-th item of a directory or summary. */
export const chunkSk = (chunk: number) => `CHUNK#${String(chunk).padStart(4, '0')}`;
/** The attribute a document's entries are kept under in its summary item (prefixed: never PK or SK). */
export const summaryAttribute = (boardId: string, kind: string) => `d:${boardId}:${kind}`;
/** The attribute a board's entry is kept under in its directory item. */
export const directoryAttribute = (boardId: string) => `b:${boardId}`;

/** The item of `chunks` an id's entry lives in (FNV-1a of the id): stable, and spread evenly. */
export function chunkOf(id: string, chunks: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % Math.max(1, chunks);
}
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
/** Partition of a board's own audit events (created, changed, archived, restored, deleted): by board alone, it outlives the board. */
export const boardChangesPk = (boardId: string) => `${AUDIT_PREFIX}BOARD#${boardId}`;
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
/** Partition of the local user store: every person's entry (in AWS, Cognito keeps the people). */
export const PEOPLE = 'PEOPLE';
/** Key of a person in the local user store. */
export const personKey = (userId: string) => ({ PK: PEOPLE, SK: `PERSON#${userId}` });
/** Partition of a person's audit events, locally and in AWS alike. */
export const personAuditPk = (userId: string) => `${AUDIT_PREFIX}PERSON#${userId}`;

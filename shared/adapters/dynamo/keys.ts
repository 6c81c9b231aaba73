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
/** Sort key prefix of a document's audit events. */
export const eventPrefix = (kind: string) => `EVENT#${kind}#`;
/** Key of an idempotency record: one per caller and key. */
export const idempotencyKey = (actorSub: string, key: string) => ({ PK: `IDEMPOTENCY#${actorSub}#${key}`, SK: 'IDEMPOTENCY' });

import type { DocumentKind } from '../schemas/common';

/** A document waiting for a reviewer, as the queue shows it (not its content). */
export interface QueueEntry {
  year: number;
  boardId: string;
  kind: DocumentKind;
  submittedAt: string;
  /** The review round. */
  submissions: number;
  /** How many findings the automatic checks left on it. */
  findings: number;
}

/** Where an entry sits in the queue's order (oldest submission first): what a page continues after. */
export function queuePosition(entry: Pick<QueueEntry, 'submittedAt' | 'year' | 'boardId' | 'kind'>): string {
  return `${entry.submittedAt}#${entry.year}#${entry.boardId}#${entry.kind}`;
}

/** The documents waiting for a reviewer, across all years. */
export interface ReviewQueue {
  /** Documents in review, oldest submission first: at most `limit` of them after the position `after` (every one without). */
  waiting(page?: { after?: string; limit?: number }): Promise<QueueEntry[]>;
}

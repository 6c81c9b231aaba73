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

/** The documents waiting for a reviewer, across all years. */
export interface ReviewQueue {
  /** Documents in review, oldest submission first. */
  waiting(): Promise<QueueEntry[]>;
}

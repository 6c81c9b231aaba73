import type { StoredDocument } from './documentStore';

/** The documents waiting for a reviewer, across all years. */
export interface ReviewQueue {
  /** Documents in review, oldest submission first. */
  waiting(): Promise<StoredDocument[]>;
}

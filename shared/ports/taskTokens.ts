import type { DocumentStatus } from '../schemas/common';
import type { DocumentAddress } from './documentStore';

/** What a workflow task waits for on a document. */
export interface TaskWait {
  token: string;
  step: 'review' | 'resubmission';
  round: number;
  /** The status the document must still have for the wait to make sense. */
  awaitedStatus: DocumentStatus;
}

/**
 * The tokens of workflow tasks waiting on documents. They live beside the document (DocumentStore.get reads
 * them, DocumentStore.commit consumes them) and never leave the server.
 */
export interface TaskTokens {
  /** Stores the token if the document is still in the awaited status and round; false when it moved on. */
  register(address: DocumentAddress, wait: TaskWait): Promise<boolean>;
}
